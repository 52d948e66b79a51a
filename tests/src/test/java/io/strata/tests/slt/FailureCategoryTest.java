package io.strata.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class FailureCategoryTest {

  @Test
  void namesNumbersAndEchoedSqlAreRemoved() {
    SQLSyntaxErrorException a = new SQLSyntaxErrorException(
        "Column \"COL1\" not found; SQL statement:\nSELECT col1 FROM tab0 [42122-252]", "42S22");
    SQLSyntaxErrorException b = new SQLSyntaxErrorException(
        "Column \"COL7\" not found; SQL statement:\nSELECT col7 FROM tab3 [42122-252]", "42S22");
    assertEquals("error: SQLSyntaxErrorException [42S22]: Column ? not found",
        FailureCategory.ofException(a));
    assertEquals(FailureCategory.ofException(a), FailureCategory.ofException(b));
    assertEquals("error: NullPointerException: (no message)",
        FailureCategory.ofException(new NullPointerException()));
    assertEquals("x at line N:N near ?", FailureCategory.normalize("x  at line 3:14 near 'foo'"));
  }

  @Test
  void mismatchesUseTheRunnersReason() {
    assertEquals("wrong result: wrong number of values",
        FailureCategory.ofMismatch("Expected 10 rows, got 8"));
    assertEquals("wrong result: values differ (hashed result)",
        FailureCategory.ofMismatch("Hash of data does not match expected value"));
  }
}

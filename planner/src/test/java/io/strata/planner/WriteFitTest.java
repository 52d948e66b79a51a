package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.planner.StrataException.Reason;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values that do not fit their column are rejected on write, never truncated or saturated. */
class WriteFitTest {

  private static Reason failure(Db db, String sql, Object... params) {
    return assertThrows(StrataException.class, () -> db.exec(sql, params)).reason();
  }

  @Test
  void overLongStringIsRejected() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, s VARCHAR(3), c CHAR(2))");
      assertEquals(Reason.STRING_TOO_LONG, failure(db, "INSERT INTO t VALUES (1, 'toolong', 'a')"));
      assertEquals(Reason.STRING_TOO_LONG, failure(db, "INSERT INTO t VALUES (1, ?, 'a')", "toolong"));
      assertEquals(Reason.STRING_TOO_LONG, failure(db, "INSERT INTO t VALUES (1, 'ab', 'abc')"));
      db.exec("INSERT INTO t VALUES (1, 'abc', 'a')");
      assertEquals(Reason.STRING_TOO_LONG, failure(db, "UPDATE t SET s = 'abcd' WHERE id = 1"));
      assertEquals(Reason.STRING_TOO_LONG, failure(db, "UPDATE t SET s = s || 'x'"));
      assertEquals(List.of("1,abc"), db.rows("SELECT id, s FROM t"));
    }
  }

  @Test
  void integerBeyondBigintIsRejected() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE n (id INTEGER PRIMARY KEY, v INTEGER)");
      assertEquals(Reason.NUMERIC_OUT_OF_RANGE,
          failure(db, "INSERT INTO n VALUES (1, 12345678901234567890123)"));
      assertEquals(Reason.NUMERIC_OUT_OF_RANGE,
          failure(db, "INSERT INTO n VALUES (1, -9223372036854775809)"));
      assertEquals(Reason.NUMERIC_OUT_OF_RANGE, failure(db, "INSERT INTO n SELECT 1, 1e30"));
      assertEquals(Reason.NUMERIC_OUT_OF_RANGE,
          failure(db, "INSERT INTO n VALUES (1, ?)", new java.math.BigDecimal("1e30")));
      db.exec("INSERT INTO n VALUES (1, 9223372036854775807), (2, -9223372036854775808)");
      assertEquals(Reason.NUMERIC_OUT_OF_RANGE,
          failure(db, "UPDATE n SET v = 99999999999999999999 WHERE id = 1"));
      assertEquals(List.of("1,9223372036854775807", "2,-9223372036854775808"),
          db.rows("SELECT id, v FROM n ORDER BY id"));
    }
  }

  @Test
  void decimalBeyondItsPrecisionIsRejected() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE d (id INTEGER PRIMARY KEY, v DECIMAL(5, 2))");
      db.exec("INSERT INTO d VALUES (1, 123.456), (2, -999.99)");
      assertEquals(List.of("1,123.46", "2,-999.99"), db.rows("SELECT id, v FROM d ORDER BY id"));
      // the DECIMAL(p, s) cast in the plan or the column fit rejects these
      Set<Reason> outOfRange = EnumSet.of(Reason.NUMERIC_OUT_OF_RANGE);
      assertTrue(outOfRange.contains(failure(db, "INSERT INTO d VALUES (3, 1000)")));
      assertTrue(outOfRange.contains(failure(db, "INSERT INTO d VALUES (3, ?)", 123456)));
      assertTrue(outOfRange.contains(failure(db, "UPDATE d SET v = v * 10")));
      assertEquals(List.of("1,123.46", "2,-999.99"), db.rows("SELECT id, v FROM d ORDER BY id"));
    }
  }
}

package io.strata.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementShapesTest {

  @Test
  void literalsBecomeParametersButNamesStay() {
    assertEquals("SELECT col0 FROM tab1 AS cor0 WHERE col1 > - ? AND col2 = ? OR x = ?",
        StatementShapes.shapeOf(
            "SELECT col0 FROM tab1 AS cor0 WHERE col1 > - 12 AND col2 = 'it''s' OR x = 1.5e3"));
  }

  @Test
  void countsQueriesWhoseShapeRepeats() {
    String md = StatementShapes.report(List.of("slt/selftest/basic.test"));
    assertTrue(md.contains("| slt/selftest | "), md);
    assertTrue(md.matches("(?s).*\\| \\*\\*total\\*\\* \\| [0-9,]+ \\| [0-9,]+ \\| [0-9,]+ \\(.*"),
        md);
  }
}

package io.strata.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

  @Test
  void caretFromLineAndColumnInTheMessage() {
    String sql = "select a,\n  frm t";
    SQLException e = new SQLException("line 2:3: syntax error at 'frm'", "42601");
    List<String> lines = ErrorReport.format(e, sql, null);
    assertEquals(List.of(
        "Error [42601]: line 2:3: syntax error at 'frm'",
        "    frm t",
        "    ^"), lines);
  }

  @Test
  void caretFromAnEchoedStatementWithAMarker() {
    String sql = "select *\n  from a\n where x = ";
    SQLException e = new SQLException(
        "Syntax error in SQL statement \"select *\\000a  from a\\000a where x = [*]\"; expected"
            + " \"ALL\"; SQL statement:\nselect ... [42001-252]", "42001");
    List<String> lines = ErrorReport.format(e, sql, "script.sql:4");
    assertEquals("Error [42001] (script.sql:4): Syntax error in SQL statement"
        + " \"select *\\000a  from a\\000a where x = [*]\"; expected \"ALL\"", lines.get(0));
    assertEquals("   where x = ", lines.get(1));
    assertEquals("             ^", lines.get(2));
  }

  @Test
  void caretFromLineCommaColumn() {
    List<String> lines = ErrorReport.format(new SQLException(
        "Column 'nope' not found in any table (line 1, column 8)", "42703"), "select nope from t",
        null);
    assertEquals("         ^", lines.get(2));
  }

  @Test
  void noPositionMeansOneLine() {
    SQLException e = new SQLException("Table \"T\" not found\nmore detail", "42S02");
    assertEquals(List.of("Error [42S02]: Table \"T\" not found"),
        ErrorReport.format(e, "select * from t", null));
    assertNull(ErrorReport.position("no position here", "x"));
    assertEquals(List.of("Error: unknown error"), ErrorReport.format(new SQLException(), "x", null));
  }

  @Test
  void longLinesAreCutAroundTheCaret() {
    String sql = "select " + "x, ".repeat(100) + "oops from t";
    int col = sql.indexOf("oops") + 1;
    List<String> lines = ErrorReport.format(
        new SQLException("line 1:" + col + ": bad", "42000"), sql, null);
    String shown = lines.get(1).substring(2);
    int caret = lines.get(2).indexOf('^') - 2;
    assertEquals(ErrorReport.MAX_SHOWN, shown.length());
    assertEquals("oops", shown.substring(caret, caret + 4));
  }

  @Test
  void offsetsBecomeLinesAndColumns() {
    assertArrayEquals(new int[] {1, 1}, ErrorReport.lineColumn("abc", 0));
    assertArrayEquals(new int[] {2, 2}, ErrorReport.lineColumn("ab\ncd", 4));
  }
}

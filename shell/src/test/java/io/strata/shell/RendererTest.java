package io.strata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {

  private static ResultTable people() {
    ResultTable t = new ResultTable(List.of("id", "name", "note"),
        new boolean[] {true, false, false});
    t.rows.add(new String[] {"1", "ann", null});
    t.rows.add(new String[] {"22", "", "a|b"});
    return t;
  }

  private static String render(OutputMode mode, Settings s, ResultTable t) {
    StringWriter w = new StringWriter();
    Renderer r = Renderer.of(mode, s, new PrintWriter(w));
    r.begin(t);
    for (String[] row : t.rows) {
      r.row(row);
    }
    r.end();
    return w.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void boxAlignsNumbersRightAndShowsNullApartFromEmpty() {
    assertEquals(String.join("\n",
        "┌────┬──────┬──────┐",
        "│ id │ name │ note │",
        "├────┼──────┼──────┤",
        "│  1 │ ann  │ NULL │",
        "│ 22 │      │ a|b  │",
        "└────┴──────┴──────┘", ""), render(OutputMode.BOX, new Settings(), people()));
  }

  @Test
  void tableWithoutHeaders() {
    Settings s = new Settings();
    s.headers = false;
    assertEquals(String.join("\n",
        "+----+-----+------+",
        "|  1 | ann | NULL |",
        "| 22 |     | a|b  |",
        "+----+-----+------+", ""), render(OutputMode.TABLE, s, people()));
  }

  @Test
  void csvJsonMarkdownAndLine() {
    Settings s = new Settings();
    assertEquals("id,name,note\n1,ann,\n22,\"\",a|b\n", render(OutputMode.CSV, s, people()));
    assertEquals("[{\"id\":1,\"name\":\"ann\",\"note\":null},\n"
        + " {\"id\":22,\"name\":\"\",\"note\":\"a|b\"}]\n", render(OutputMode.JSON, s, people()));
    assertEquals(String.join("\n",
        "| id  | name | note |",
        "| --: | ---- | ---- |",
        "|   1 | ann  | NULL |",
        "|  22 |      | a\\|b |", ""), render(OutputMode.MARKDOWN, s, people()));
    assertEquals(String.join("\n",
        "  id = 1",
        "name = ann",
        "note = NULL",
        "",
        "  id = 22",
        "name = ",
        "note = a|b", ""), render(OutputMode.LINE, s, people()));
  }

  @Test
  void emptyResults() {
    ResultTable t = new ResultTable(List.of("x"), new boolean[1]);
    assertEquals("[]\n", render(OutputMode.JSON, new Settings(), t));
    assertEquals("x\n", render(OutputMode.CSV, new Settings(), t));
  }

  @Test
  void jsonQuotesWhatIsNotANumber() {
    ResultTable t = new ResultTable(List.of("n", "s"), new boolean[] {true, false});
    t.rows.add(new String[] {"NaN", "tab\there \"q\" \\"});
    assertEquals("[{\"n\":\"NaN\",\"s\":\"tab\\there \\\"q\\\" \\\\\"}]\n",
        render(OutputMode.JSON, new Settings(), t));
  }

  @Test
  void wideResultsAreCutToTheTerminalWidth() {
    ResultTable t = new ResultTable(List.of("id", "text"), new boolean[] {true, false});
    t.rows.add(new String[] {"1", "x".repeat(200)});
    t.rows.add(new String[] {"2", "日本語".repeat(40)});
    Settings s = new Settings();
    s.width = () -> 40;
    String out = render(OutputMode.BOX, s, t);
    for (String line : out.split("\n")) {
      assertEquals(40, Text.width(line), line);
    }
    assertTrue(out.contains("x…"), out);
    assertTrue(out.contains("…"), out);
  }

  @Test
  void tooManyColumnsSuggestsLineMode() {
    int n = 30;
    List<String> names = new java.util.ArrayList<>();
    String[] row = new String[n];
    for (int i = 0; i < n; i++) {
      names.add("column" + i);
      row[i] = "value" + i;
    }
    ResultTable t = new ResultTable(names, new boolean[n]);
    t.rows.add(row);
    Settings s = new Settings();
    s.width = () -> 80;
    String out = render(OutputMode.TABLE, s, t);
    assertTrue(out.endsWith("(wider than the terminal: try .mode line)\n"), out);
  }

  @Test
  void longResultsStreamInTheWidthsOfTheFirstRows() {
    ResultTable t = new ResultTable(List.of("v"), new boolean[1]);
    for (int i = 0; i < GridRenderer.SIZING_ROWS; i++) {
      t.rows.add(new String[] {"abcd"});
    }
    t.rows.add(new String[] {"much wider than the rest"});
    String[] lines = render(OutputMode.TABLE, new Settings(), t).split("\n");
    assertEquals(GridRenderer.SIZING_ROWS + 5, lines.length);
    assertEquals("| abcd |", lines[3]);
    assertEquals("| muc… |", lines[lines.length - 2]);
    assertEquals("+------+", lines[lines.length - 1]);
  }

  @Test
  void controlCharactersKeepOneValueOnOneLine() {
    ResultTable t = new ResultTable(List.of("v"), new boolean[1]);
    t.rows.add(new String[] {"a\nb"});
    assertTrue(render(OutputMode.TABLE, new Settings(), t).contains("| a\\nb |"));
  }
}

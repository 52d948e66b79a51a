package io.strata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

  private static List<ScriptSplitter.Unit> split(String script) {
    ScriptSplitter s = new ScriptSplitter();
    List<ScriptSplitter.Unit> out = new ArrayList<>();
    for (String line : script.split("\n", -1)) {
      out.addAll(s.add(line));
    }
    ScriptSplitter.Unit last = s.finish();
    if (last != null) {
      out.add(last);
    }
    return out;
  }

  @Test
  void statementsEndAtSemicolonsOutsideQuotesAndComments() {
    List<ScriptSplitter.Unit> units = split(
        "select 'a;b', \"c;d\" from t; -- x;y\n"
            + "select 1 /* ; */\n  from u;select 2;");
    assertEquals(3, units.size());
    assertEquals("select 'a;b', \"c;d\" from t", units.get(0).text());
    assertEquals("select 1 /* ; */\n  from u", units.get(1).text().strip());
    assertEquals(2, units.get(1).line());
    assertEquals("select 2", units.get(2).text());
  }

  @Test
  void doubledQuotesStayInsideTheString() {
    List<ScriptSplitter.Unit> units = split("insert into t values ('it''s; fine');");
    assertEquals(1, units.size());
    assertEquals("insert into t values ('it''s; fine')", units.get(0).text());
  }

  @Test
  void dotCommandsTakeAWholeLineOnlyBetweenStatements() {
    List<ScriptSplitter.Unit> units = split(".mode csv\nselect\n.5 as x;\n  \\dt\n");
    assertEquals(3, units.size());
    assertTrue(units.get(0).command());
    assertEquals(".mode csv", units.get(0).text());
    assertFalse(units.get(1).command());
    assertEquals("select\n.5 as x", units.get(1).text());
    assertTrue(units.get(2).command());
    assertEquals("\\dt", units.get(2).text());
    assertEquals(4, units.get(2).line());
  }

  @Test
  void aMissingFinalSemicolonStillRuns() {
    List<ScriptSplitter.Unit> units = split("select 1;\nselect 2\n");
    assertEquals(2, units.size());
    assertEquals("select 2", units.get(1).text());
  }

  @Test
  void completenessForThePrompt() {
    assertTrue(ScriptSplitter.isComplete(""));
    assertTrue(ScriptSplitter.isComplete("   "));
    assertTrue(ScriptSplitter.isComplete(".tables"));
    assertTrue(ScriptSplitter.isComplete("select 1;"));
    assertTrue(ScriptSplitter.isComplete("select 1; -- done"));
    assertFalse(ScriptSplitter.isComplete("select 1"));
    assertFalse(ScriptSplitter.isComplete("select 'a;"));
    assertFalse(ScriptSplitter.isComplete("select 1; select 2"));
    assertFalse(ScriptSplitter.isComplete("select /* ; "));
    assertTrue(ScriptSplitter.isComplete("select\n  1\n;"));
  }

  @Test
  void commentsAloneAreNotStatements() {
    assertTrue(split("-- nothing here\n/* nor\nhere */\n").isEmpty());
    ScriptSplitter s = new ScriptSplitter();
    s.add("-- a comment");
    assertFalse(s.pending());
    assertNull(s.finish());
  }
}

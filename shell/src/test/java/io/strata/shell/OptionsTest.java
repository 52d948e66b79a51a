package io.strata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void scriptsKeepTheirOrder() {
    Options o = Options.parse(new String[] {"-c", "select 1;", "my.db", "-f", "a.sql",
        "--bail", "--mode=json", "-c", ".tables"});
    assertEquals("my.db", o.database);
    assertEquals(List.of(new Options.Script(true, "select 1;"), new Options.Script(false, "a.sql"),
        new Options.Script(true, ".tables")), o.scripts);
    assertTrue(o.bail);
    assertEquals(OutputMode.JSON, o.mode);
    assertFalse(o.noHeaders);
  }

  @Test
  void defaults() {
    Options o = Options.parse(new String[0]);
    assertNull(o.database);
    assertNull(o.mode);
    assertTrue(o.scripts.isEmpty());
    assertFalse(o.bail);
  }

  @Test
  void badCommandLinesAreRefusedWithAReason() {
    assertEquals("unknown mode 'html' (choices: box, table, csv, json, markdown, line)",
        assertThrows(IllegalArgumentException.class,
            () -> Options.parse(new String[] {"--mode", "html"})).getMessage());
    assertEquals("-c needs a value", assertThrows(IllegalArgumentException.class,
        () -> Options.parse(new String[] {"-c"})).getMessage());
    assertEquals("unknown option -x", assertThrows(IllegalArgumentException.class,
        () -> Options.parse(new String[] {"-x"})).getMessage());
    assertEquals("more than one database given: a.db, b.db",
        assertThrows(IllegalArgumentException.class,
            () -> Options.parse(new String[] {"a.db", "b.db"})).getMessage());
  }

  @Test
  void databaseArgumentsBecomeUrls() {
    assertEquals("jdbc:strata:mem:x", Main.urlFor("jdbc:strata:mem:x"));
    assertTrue(Main.urlFor("strata.db").startsWith("jdbc:strata:/"));
    assertTrue(Main.urlFor("strata.db").endsWith("/strata.db"));
  }
}

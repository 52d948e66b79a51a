package io.strata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jline.reader.History;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell driven through a JLine terminal built over streams: keystrokes go in, the
 * screen (with its escape sequences removed) comes out.
 */
class InteractiveTest {
  private static final long WAIT_MS = 15_000;

  @TempDir Path dir;
  private PipedOutputStream keys;
  private ByteArrayOutputStream screen;
  private Terminal terminal;
  private Shell shell;
  private Interactive interactive;
  private Thread loop;

  @BeforeEach
  void start() throws Exception {
    start(false);
  }

  /**
   * Starts the shell on a terminal over streams: the one TerminalBuilder gives (a pseudo-terminal
   * when JLine's native provider loads), or JLine's own line discipline, which turns a Ctrl-C
   * byte into a signal for this process as a real terminal does for its foreground process.
   */
  private void start(boolean lineDiscipline) throws Exception {
    if (loop != null) {
      stop();
    }
    keys = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(keys, 1 << 16);
    screen = new ByteArrayOutputStream();
    if (lineDiscipline) {
      terminal = new ExternalTerminal(null, "strata-test", "xterm-256color", in, screen,
          StandardCharsets.UTF_8, Terminal.SignalHandler.SIG_DFL, false, null,
          new Size(100, 40));
    } else {
      terminal = TerminalBuilder.builder().system(false).type("xterm-256color")
          .streams(in, screen).size(new Size(100, 40)).build();
    }
    String url = TestDb.newUrl();
    shell = Interactive.newShell(terminal, DriverManager.getConnection(url), url);
    interactive = new Interactive(shell, terminal, dir.resolve("history"));
    loop = new Thread(interactive::run, "strata-interactive-test");
    loop.start();
    waitForScreen(s -> s.contains("strata> "));
  }

  @AfterEach
  void stop() throws Exception {
    if (loop.isAlive()) {
      Thread.sleep(100);
      type("\u0003"); // drop any half-typed line
      Thread.sleep(100);
      type("\u0004"); // and leave
      loop.join(5_000);
    }
    if (loop.isAlive()) {
      terminal.close();
      loop.join(WAIT_MS);
    }
    shell.close();
    terminal.close();
  }

  private void type(String s) throws IOException {
    keys.write(s.getBytes(StandardCharsets.UTF_8));
    keys.flush();
  }

  /** The screen so far without ANSI escape sequences. */
  private String text() {
    String raw;
    synchronized (screen) {
      raw = screen.toString(StandardCharsets.UTF_8);
    }
    return raw.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "").replaceAll("\u001b[()][0-9A-B]", "")
        .replace("\r", "");
  }

  private String waitForScreen(Predicate<String> done) throws InterruptedException {
    long end = System.currentTimeMillis() + WAIT_MS;
    while (System.currentTimeMillis() < end) {
      String s = text();
      if (done.test(s)) {
        return s;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("screen never matched; it shows:\n" + text());
  }

  private List<String> history() {
    List<String> lines = new ArrayList<>();
    for (History.Entry e : interactive.reader().getHistory()) {
      lines.add(e.line());
    }
    return lines;
  }

  @Test
  void statementsSpanLinesUntilTheSemicolon() throws Exception {
    type("select\r");
    waitForScreen(s -> s.contains("   ...> "));
    type("  6 * 7 as answer\r;\r");
    String s = waitForScreen(t -> t.contains("(1 row)"));
    assertTrue(s.contains("│     42 │"), s);
    assertEquals(List.of("select\n  6 * 7 as answer\n;"), history());
  }

  @Test
  void tabCompletesKeywordsTablesAndColumnsAndSeesNewTables() throws Exception {
    type("create table person(id int, fullname varchar(20));\r");
    waitForScreen(s -> s.contains("OK\n"));
    type("insert into person values (1, 'Ada');\r");
    waitForScreen(s -> s.contains("(1 row affected)"));
    type("sel\t fulln\t fro\t pers\t;\r");
    String s = waitForScreen(t -> t.contains("│ Ada      │"));
    assertEquals("SELECT fullname FROM person ;",
        history().get(history().size() - 1).replaceAll(" +", " "), s);

    type("create table pets(name varchar(10));\r");
    waitForScreen(t -> t.split("OK\n", -1).length == 3);
    type("select * from pet\t;\r");
    waitForScreen(t -> t.contains("(0 rows)"));
    assertEquals("select * from pets ;", history().get(history().size() - 1));

    type("select person.\t\t");
    waitForScreen(t -> t.contains("fullname") && t.contains("id"));
  }

  @Test
  void dotCommandsCompleteAndRunWithoutASemicolon() throws Exception {
    type("create table t(x int);\r");
    waitForScreen(s -> s.contains("OK\n"));
    type(".tab\t\r");
    String s = waitForScreen(t -> t.contains("│ t    │ table │"));
    assertEquals(".tables", history().get(history().size() - 1).strip());
    type("\\d t\r");
    waitForScreen(t -> t.contains("CREATE TABLE t ("));
  }

  @Test
  void anExclamationMarkIsNotHistoryExpansion() throws Exception {
    type("select 1 as one;\r");
    waitForScreen(s -> s.contains("(1 row)"));
    type("select '!!' as bang, '!-1' as back;\r");
    String s = waitForScreen(t -> t.contains("│ !!   │ !-1  │"));
    assertFalse(s.contains("select 1 as one' as bang"), s);
  }

  @Test
  void ctrlCCancelsTheRunningStatementNotTheShell() throws Exception {
    start(true);
    type(ShellTest.BIG_TABLE.replace("\n", "\r"));
    waitForScreen(t -> t.contains("(640 rows affected)"));
    type("select count(*) from n a, n b, n c where a.x + b.x + c.x = 0;\r");
    Thread.sleep(200);
    type("\u0003");
    String s = waitForScreen(t -> t.contains("(cancelled)"));
    assertTrue(s.contains("Error [57014]"), s);
    type("select 7 as seven;\r");
    waitForScreen(t -> t.contains("│     7 │"));
    assertTrue(loop.isAlive());
  }


  @Test
  void ctrlCAtThePromptDropsTheLineAndCtrlDLeaves() throws Exception {
    type("select 'never run'");
    waitForScreen(s -> s.contains("select 'never run'"));
    type("\u0003");
    type("select 'ran' as x;\r");
    waitForScreen(s -> s.contains("│ ran │"));
    assertFalse(text().contains("never run |"));
    type("\u0004");
    loop.join(WAIT_MS);
    assertFalse(loop.isAlive());
    String saved = Files.readString(dir.resolve("history"));
    assertTrue(saved.contains("select 'ran' as x;"), saved);
    assertFalse(saved.contains("never run"), saved);
  }

  @Test
  void errorsShowTheStateAndACaret() throws Exception {
    type("select 1,\r  2 frm x;\r");
    String s = waitForScreen(t -> t.contains("Error [42"));
    assertTrue(s.contains("  2 frm x\n"), s);
    type(".quit\r");
    loop.join(WAIT_MS);
    assertFalse(loop.isAlive());
  }

  @Test
  void wideResultsFitTheTerminal() throws Exception {
    type("select '" + "x".repeat(300) + "' as wide, 1 as n;\r");
    String s = waitForScreen(t -> t.contains("(1 row)"));
    for (String line : s.split("\n")) {
      if (line.startsWith("│") || line.startsWith("┌")) {
        assertEquals(100, Text.width(line), line);
      }
    }
    assertTrue(s.contains("x… │"), s);
  }

  @Test
  void theHighlighterColoursKeywordsStringsAndNumbers() {
    String ansi = SqlHighlighter.highlight("select 'a', 42 -- c").toAnsi();
    assertTrue(ansi.contains("select"));
    assertFalse(ansi.startsWith("select"), "the keyword is styled: " + ansi);
    assertEquals("select 'a', 42 -- c",
        SqlHighlighter.highlight("select 'a', 42 -- c").toString());
  }
}

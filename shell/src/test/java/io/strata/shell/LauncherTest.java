package io.strata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./strata} launcher run as a process, non-interactively: {@code -c}, {@code -f} and
 * piped standard input, output modes and exit codes. The class path is this test's
 * ({@code STRATA_CLASSPATH}), so no Maven build runs inside the test.
 */
class LauncherTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private Run strata(String stdin, String... args) throws IOException, InterruptedException {
    Path launcher = Path.of(System.getProperty("user.dir")).resolve("../strata").normalize();
    List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("STRATA_CLASSPATH", System.getProperty("java.class.path"));
    Path in = dir.resolve("stdin.txt");
    Files.writeString(in, stdin == null ? "" : stdin);
    pb.redirectInput(in.toFile());
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("strata did not finish: " + cmd);
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void commandsPrintResultsAndExitZero() throws Exception {
    Run r = strata(null, TestDb.newUrl(), "--mode", "csv", "-c",
        "create table t(id int, name varchar(10)); insert into t values (1, 'a'), (2, null);",
        "-c", "select * from t order by id;");
    assertEquals("", r.err());
    assertEquals(0, r.exit());
    assertEquals("id,name\n1,a\n2,\n", r.out());
  }

  @Test
  void theDefaultModeIsAnAsciiTableWithARowCount() throws Exception {
    Run r = strata(null, TestDb.newUrl(), "-c", "select 1 as a, 'x' as b;");
    assertEquals(0, r.exit(), r.err());
    assertEquals("+---+---+\n| a | b |\n+---+---+\n| 1 | x |\n+---+---+\n(1 row)\n", r.out());
  }

  @Test
  void aFailedStatementMakesTheExitCodeOneAndTheRestStillRuns() throws Exception {
    Path script = dir.resolve("s.sql");
    Files.writeString(script, "select 1 as a;\nselect nope;\nselect 3 as a;\n");
    Run r = strata(null, TestDb.newUrl(), "--mode", "csv", "-f", script.toString());
    assertEquals(1, r.exit());
    assertEquals("a\n1\na\n3\n", r.out());
    assertTrue(r.err().startsWith("Error [42703] (" + script + ":2): "), r.err());
  }

  @Test
  void bailStopsAtTheFirstError() throws Exception {
    Path script = dir.resolve("s.sql");
    Files.writeString(script, "select 1 as a;\nselect nope;\nselect 3 as a;\n");
    Run r = strata(null, TestDb.newUrl(), "--bail", "--mode", "csv", "-f", script.toString(),
        "-c", "select 4 as a;");
    assertEquals(1, r.exit());
    assertEquals("a\n1\n", r.out());
  }

  @Test
  void pipedStandardInputRunsWithoutATerminal() throws Exception {
    Run r = strata("create table t(x int);\ninsert into t values (1), (2);\n"
            + ".mode json\nselect x, x * 10 as y\n  from t\n order by x;\n",
        TestDb.newUrl());
    assertEquals(0, r.exit(), r.err());
    assertEquals("[{\"x\":1,\"y\":10},\n {\"x\":2,\"y\":20}]\n", r.out());
    assertFalse(r.err().contains("terminal"), r.err());
  }

  @Test
  void markdownLineAndBoxModes() throws Exception {
    Run r = strata(null, TestDb.newUrl(), "--mode", "markdown",
        "-c", "select 1 as n, 'a|b' as s;",
        "-c", ".mode line\nselect 1 as n, null as s;",
        "-c", ".mode box\nselect '' as e, null as n;");
    assertEquals(0, r.exit(), r.err());
    assertEquals("| n   | s    |\n| --: | ---- |\n|   1 | a\\|b |\n"
        + "n = 1\ns = NULL\n(1 row)\n"
        + "┌───┬──────┐\n│ e │ n    │\n├───┼──────┤\n│   │ NULL │\n└───┴──────┘\n(1 row)\n",
        r.out());
  }


  @Test
  void errorsShowStateMessageAndCaret() throws Exception {
    Run r = strata(null, TestDb.newUrl(), "-c", "select 1,\n  2 +;");
    assertEquals(1, r.exit());
    String[] lines = r.err().split("\n");
    assertTrue(lines[0].startsWith("Error [42"), r.err());
    assertEquals("    2 +", lines[1]);
    assertTrue(lines[2].matches(" +\\^"), r.err());
  }

  @Test
  void badCommandLinesExitTwo() throws Exception {
    Run r = strata(null, "--mode", "html");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("strata: unknown mode 'html'"), r.err());
    Run help = strata(null, "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().startsWith("usage: strata [DB]"));
  }

  @Test
  void withoutAPathTheDefaultDatabaseFileInTheWorkingDirectoryIsOpened() throws Exception {
    Run first = strata(null, "-c", "create table kept(x int); insert into kept values (7);");
    assertEquals(0, first.exit(), first.err());
    assertTrue(Files.exists(dir.resolve(Main.DEFAULT_DATABASE)));
    Run second = strata("select x from kept;", "--mode", "csv");
    assertEquals(0, second.exit(), second.err());
    assertEquals("x\n7\n", second.out());
  }

  @Test
  void aDatabaseThatCannotBeOpenedExitsOne() throws Exception {
    Files.writeString(dir.resolve("garbage.db"), "this is not a Strata database, not at all");
    Run r = strata(null, "garbage.db", "-c", "select 1;");
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("Error ["), r.err());
    assertTrue(r.err().contains("cannot open jdbc:strata:" + dir.toRealPath().resolve("garbage.db")),
        r.err());
  }

}

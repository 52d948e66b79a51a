package io.strata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell in process over a real database: dot commands, files, errors, cancel. */
class ShellTest {
  @TempDir Path dir;
  private StringWriter out;
  private StringWriter err;
  private Shell shell;

  @BeforeEach
  void open() throws SQLException {
    out = new StringWriter();
    err = new StringWriter();
    String url = TestDb.newUrl();
    shell = new Shell(DriverManager.getConnection(url), url, new PrintWriter(out),
        new PrintWriter(err), false);
  }

  @AfterEach
  void close() {
    shell.close();
  }

  private boolean run(String script) {
    try {
      return shell.runScript(new StringReader(script), null);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private String takeOut() {
    String s = out.toString().replace(System.lineSeparator(), "\n");
    out.getBuffer().setLength(0);
    return s;
  }

  private String takeErr() {
    String s = err.toString().replace(System.lineSeparator(), "\n");
    err.getBuffer().setLength(0);
    return s;
  }

  /** A table of 1280 rows: its triple cross join runs for minutes unless cancelled. */
  static final String BIG_TABLE = "create table n(x int primary key);\n"
      + "insert into n values (1), (2), (3), (4), (5), (6), (7), (8), (9), (10);\n"
      + "insert into n select x + 10 from n;\ninsert into n select x + 20 from n;\n"
      + "insert into n select x + 40 from n;\ninsert into n select x + 80 from n;\n"
      + "insert into n select x + 160 from n;\ninsert into n select x + 320 from n;\n"
      + "insert into n select x + 640 from n;\n";

  private void people() {
    assertTrue(run("create table people(id int primary key, name varchar(20) not null,"
        + " age int);\ncreate index people_age on people(age);\n"
        + "insert into people values (1, 'ann', 31), (2, 'bob', null);"), takeErr());
    takeOut();
  }

  @Test
  void tablesSchemaAndIndexes() {
    people();
    assertTrue(run("create view adults as select * from people where age >= 18;"));
    assertTrue(run(".mode csv\n.tables\n.tables peo%\n\\dt"), takeErr());
    String tables = takeOut();
    assertEquals("name,type\nadults,view\npeople,table\nname,type\npeople,table\n"
        + "name,type\nadults,view\npeople,table\n", tables);

    assertTrue(run(".schema people"), takeErr());
    String schema = takeOut();
    assertEquals("CREATE TABLE people (\n  id INTEGER NOT NULL,\n"
        + "  name VARCHAR(20) NOT NULL,\n  age INTEGER,\n  PRIMARY KEY (id)\n);\n"
        + "CREATE INDEX people_age ON people (age);\n", schema);
    assertTrue(run("\\d People"), takeErr());
    assertEquals(schema, takeOut());

    assertTrue(run(".indexes people"), takeErr());
    String indexes = takeOut();
    assertTrue(indexes.contains("people_age,people,no,age"), indexes);

    assertFalse(run(".schema nosuch"));
    assertEquals("Error: no such table: nosuch\n", takeErr());
  }

  @Test
  void importExportRoundTripKeepsNullAndEmptyApart() throws IOException {
    Path csv = dir.resolve("in.csv");
    Files.writeString(csv, "id,name,note\n1,ann,\n2,\"\",\"x, y\"\n3,\"multi\nline\",z\n",
        StandardCharsets.UTF_8);
    assertTrue(run(".import " + csv + " notes"), takeErr());
    assertEquals("Imported 3 rows into notes.\n", takeOut());
    assertTrue(run(".mode csv\nselect id, name, note, note is null as n from notes order by id;"),
        takeErr());
    assertEquals("id,name,note,n\n1,ann,,true\n2,\"\",\"x, y\",false\n3,\"multi\nline\",z,false\n",
        takeOut());

    Path back = dir.resolve("out.csv");
    assertTrue(run(".export notes " + back), takeErr());
    assertEquals("Exported 3 rows to " + back + ".\n", takeOut());
    assertEquals("id,name,note\r\n1,ann,\r\n2,\"\",\"x, y\"\r\n3,\"multi\nline\",z\r\n",
        Files.readString(back));

    Path query = dir.resolve("q.csv");
    assertTrue(run(".export select name from notes where id > 1 order by id " + query),
        takeErr());
    assertEquals("name\r\n\"\"\r\n\"multi\nline\"\r\n", Files.readString(query));
  }

  @Test
  void importConvertsToColumnTypesAndIsAllOrNothing() throws IOException {
    people();
    Path good = dir.resolve("good.csv");
    Files.writeString(good, "age,id,name\n40,3,cy\n,4,dee\n");
    assertTrue(run(".import " + good + " People"), takeErr());
    assertEquals("Imported 2 rows into People.\n", takeOut());
    assertTrue(run(".mode csv\nselect id, name, age from people order by id;"));
    assertEquals("id,name,age\n1,ann,31\n2,bob,\n3,cy,40\n4,dee,\n", takeOut());

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,name,age\n5,eve,50\n6,fay,old\n");
    assertFalse(run(".import " + bad + " people"));
    assertTrue(takeErr().contains(bad + ":3: column age: cannot read 'old' as INTEGER"
        + " (nothing imported)"));
    assertTrue(run("select count(*) as n from people;"));
    assertEquals("n\n4\n", takeOut());

    Files.writeString(bad, "7,gil\n");
    assertFalse(run(".import " + bad + " people"));
    assertTrue(takeErr().contains("expected 3 fields, found 2"));
    assertFalse(run(".import " + dir.resolve("missing.csv") + " people"));
    assertTrue(takeErr().contains("no such file"));
  }

  @Test
  void outputRedirectsResultsToAFile() throws IOException {
    Path file = dir.resolve("result.txt");
    assertTrue(run(".mode json\n.output " + file + "\nselect 1 as a;\n.output\nselect 2 as a;"),
        takeErr());
    assertEquals("[{\"a\":1}]\n", Files.readString(file).replace(System.lineSeparator(), "\n"));
    assertEquals("[{\"a\":2}]\n", takeOut());
  }

  @Test
  void readRunsAFileAndNamesTheFailingLine() throws IOException {
    Path script = dir.resolve("s.sql");
    Files.writeString(script, "create table t(x int);\n\ninsert into t values (1);\n"
        + "select nope from t;\n.mode csv\nselect x from t;\n");
    assertFalse(run(".read " + script));
    String errors = takeErr();
    assertEquals("Error [42703] (" + script + ":4): Column 'nope' not found in any table"
        + " (line 1, column 8)\n  select nope from t\n         ^\n", errors);
    assertTrue(takeOut().endsWith("x\n1\n"));
    assertTrue(shell.failed());
  }

  @Test
  void bailStopsAtTheFirstError() {
    shell.setBail(true);
    assertFalse(run("select 1 as a;\nselect nope;\nselect 3 as a;"));
    assertFalse(takeOut().contains("3"));
  }

  @Test
  void settingsCommands() {
    assertTrue(run(".headers off\n.mode csv\nselect 1 as a, null as b, '' as c;"));
    assertEquals("1,,\"\"\n", takeOut());
    assertTrue(run(".headers on\n.mode table\n.nullvalue <null>\nselect null as b;"));
    assertTrue(takeOut().contains("| <null> |"));
    assertTrue(run(".timer on\nselect 1;"));
    assertTrue(takeOut().matches("(?s).*Run Time: \\d+\\.\\d{3} ms\n"));
    assertTrue(run(".mode"));
    assertEquals("Output mode is table (choices: box, table, csv, json, markdown, line).\n",
        takeOut());
    assertFalse(run(".mode html"));
    assertFalse(run(".headers maybe"));
    assertFalse(run(".frobnicate"));
    assertEquals("Error: usage: .mode box|table|csv|json|markdown|line\n"
        + "Error: usage: .headers on|off\n"
        + "Error: unknown command .frobnicate (try .help)\n", takeErr());
    assertTrue(run(".help"));
    assertTrue(takeOut().contains(".asof VERSION|TIMESTAMP|latest"));
  }

  @Test
  void openSwitchesDatabases() {
    people();
    String other = TestDb.newUrl();
    assertTrue(run(".open " + other + "\n.mode csv\n.tables"), takeErr());
    assertEquals("Opened " + other + "\nname,type\n", takeOut());
    assertFalse(run(".open jdbc:nosuchdriver:x"));
    assertTrue(takeErr().startsWith("Error [08001]"));
    assertTrue(run("select 1;"), "a failed .open keeps the database that was open");
  }

  @Test
  void versionsAsOfAndDiff() {
    people();
    assertTrue(run("update people set name = 'al' where id = 1;\n"
        + "delete from people where id = 2;\ninsert into people values (3, 'cy', 7);"), takeErr());
    assertTrue(run(".mode csv\n.versions 3"), takeErr());
    String versions = takeOut();
    String[] lines = versions.split("\n");
    assertEquals("VERSION,COMMIT_TIME,NOTE,PAGES_WRITTEN", lines[0], versions);
    assertEquals(4, lines.length, versions);
    long latest = Long.parseLong(lines[1].split(",")[0]);
    assertEquals(latest - 1, Long.parseLong(lines[2].split(",")[0]), versions);
    assertTrue(lines[1].contains("INSERT people"), versions);

    long before = latest - 3; // before the update, the delete and the insert
    assertTrue(run(".asof " + before), takeErr());
    assertEquals("strata@v" + before + "> ", shell.prompt());
    assertTrue(run("select id, name from people order by id;"), takeErr());
    assertEquals("id,name\n1,ann\n2,bob\n", takeOut());
    assertFalse(run("insert into people values (9, 'no', 1);"), "AS OF is read-only");
    takeErr();
    assertTrue(run(".asof"));
    assertEquals("Reading as of v" + before + " (the latest is v" + latest + ").\n", takeOut());
    assertTrue(run(".asof latest"));
    assertEquals("strata> ", shell.prompt());

    assertTrue(run(".diff people " + before + " latest"), takeErr());
    assertEquals("change,id,name,age\n-,1,ann,31\n+,1,al,31\n-,2,bob,\n+,3,cy,7\n"
        + "2 removed, 2 added between v" + before + " and latest.\n", takeOut());
    assertFalse(run(".diff people one 2"));
    assertTrue(takeErr().contains("versions are numbers"));
    assertFalse(run(".asof yesterday"));
    assertTrue(takeErr().contains("usage: .asof"));
  }

  @Test
  void setAsOfInSqlShowsInThePrompt() {
    people();
    assertTrue(run("set as of version 1;"), takeErr());
    assertEquals("strata@v1> ", shell.prompt());
    assertTrue(run("set as of latest;"), takeErr());
    assertEquals("strata> ", shell.prompt());
  }

  @Test
  void timeTravelCommandsSayWhenTheDatabaseLacksIt() throws SQLException {
    String url = TestDb.h2Url();
    shell.reconnect(DriverManager.getConnection(url), url);
    people();
    assertFalse(run(".versions"));
    assertTrue(takeErr().startsWith("Error: .versions is not available on this database: [42"));
    assertFalse(run(".diff people 1 2"));
    assertTrue(takeErr().startsWith("Error: .diff is not available on this database: [42"));
    assertFalse(run(".asof 3"));
    assertTrue(takeErr().startsWith("Error [42"));
    assertEquals("strata> ", shell.prompt());
  }

  @Test
  void cancelStopsTheRunningStatementAndTheShellGoesOn() throws Exception {
    assertTrue(run(BIG_TABLE), takeErr());
    // One cancel, as from one Ctrl-C, even if it comes while the statement is being planned.
    Thread canceller = new Thread(() -> {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
      shell.cancel();
    });
    canceller.start();
    long start = System.nanoTime();
    boolean ok = run("select count(*) from n a, n b, n c where a.x + b.x + c.x = 0;");
    canceller.join();
    assertFalse(ok);
    String errors = takeErr();
    assertTrue(errors.startsWith("Error [57014]") && errors.contains("(cancelled)"), errors);
    assertTrue(System.nanoTime() - start < 60_000_000_000L, "cancelled within a minute");
    assertTrue(run("select 42 as answer;"));
    assertTrue(takeOut().contains("42"));
  }


}

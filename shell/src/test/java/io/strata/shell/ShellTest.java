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
    assertEquals("name,type\nADULTS,view\nPEOPLE,table\nname,type\nPEOPLE,table\n"
        + "name,type\nADULTS,view\nPEOPLE,table\n", tables);

    assertTrue(run(".schema people"), takeErr());
    String schema = takeOut();
    assertTrue(schema.startsWith("CREATE TABLE PEOPLE (\n  ID INTEGER NOT NULL,\n"
        + "  NAME CHARACTER VARYING(20) NOT NULL,\n  AGE INTEGER,\n  PRIMARY KEY (ID)\n);"),
        schema);
    assertTrue(schema.contains("CREATE INDEX PEOPLE_AGE ON PEOPLE (AGE);"), schema);
    assertTrue(run("\\d People"), takeErr());
    assertEquals(schema, takeOut());

    assertTrue(run(".indexes people"), takeErr());
    String indexes = takeOut();
    assertTrue(indexes.contains("PEOPLE_AGE,PEOPLE,no,AGE"), indexes);

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
    assertEquals("ID,NAME,NOTE,N\n1,ann,,true\n2,\"\",\"x, y\",false\n3,\"multi\nline\",z,false\n",
        takeOut());

    Path back = dir.resolve("out.csv");
    assertTrue(run(".export notes " + back), takeErr());
    assertEquals("Exported 3 rows to " + back + ".\n", takeOut());
    assertEquals("ID,NAME,NOTE\r\n1,ann,\r\n2,\"\",\"x, y\"\r\n3,\"multi\nline\",z\r\n",
        Files.readString(back));

    Path query = dir.resolve("q.csv");
    assertTrue(run(".export select name from notes where id > 1 order by id " + query),
        takeErr());
    assertEquals("NAME\r\n\"\"\r\n\"multi\nline\"\r\n", Files.readString(query));
  }

  @Test
  void importConvertsToColumnTypesAndIsAllOrNothing() throws IOException {
    people();
    Path good = dir.resolve("good.csv");
    Files.writeString(good, "age,id,name\n40,3,cy\n,4,dee\n");
    assertTrue(run(".import " + good + " PEOPLE"), takeErr());
    assertEquals("Imported 2 rows into PEOPLE.\n", takeOut());
    assertTrue(run(".mode csv\nselect id, name, age from people order by id;"));
    assertEquals("ID,NAME,AGE\n1,ann,31\n2,bob,\n3,cy,40\n4,dee,\n", takeOut());

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,name,age\n5,eve,50\n6,fay,old\n");
    assertFalse(run(".import " + bad + " people"));
    assertTrue(takeErr().contains(bad + ":3: column AGE: cannot read 'old' as INTEGER"
        + " (nothing imported)"));
    assertTrue(run("select count(*) as n from people;"));
    assertEquals("N\n4\n", takeOut());

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
    assertEquals("[{\"A\":1}]\n", Files.readString(file).replace(System.lineSeparator(), "\n"));
    assertEquals("[{\"A\":2}]\n", takeOut());
  }

  @Test
  void readRunsAFileAndNamesTheFailingLine() throws IOException {
    Path script = dir.resolve("s.sql");
    Files.writeString(script, "create table t(x int);\n\ninsert into t values (1);\n"
        + "select nope from t;\n.mode csv\nselect x from t;\n");
    assertFalse(run(".read " + script));
    String errors = takeErr();
    assertTrue(errors.startsWith("Error [42S22] (" + script + ":4): Column \"NOPE\" not found"),
        errors);
    assertTrue(takeOut().endsWith("X\n1\n"));
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
  void timeTravelCommandsSayWhenTheDatabaseLacksIt() {
    people();
    assertFalse(run(".versions"));
    assertTrue(takeErr().startsWith("Error: .versions is not available on this database: [42"));
    assertFalse(run(".diff people 1 2"));
    assertTrue(takeErr().startsWith("Error: .diff is not available on this database: [42"));
    assertFalse(run(".asof 3"));
    assertTrue(takeErr().startsWith("Error [42"));
    assertEquals("strata> ", shell.prompt());
    assertFalse(run(".asof yesterday"));
    assertTrue(takeErr().contains("usage: .asof"));
    assertFalse(run(".diff people one 2"));
    assertTrue(takeErr().contains("versions are numbers"));
  }

  @Test
  void cancelStopsTheRunningStatementAndTheShellGoesOn() throws Exception {
    Thread canceller = new Thread(() -> {
      try {
        Thread.sleep(300);
        shell.cancel();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    canceller.start();
    assertFalse(run("select count(*) from system_range(1, 100000) a,"
        + " system_range(1, 100000) b where a.x + b.x = 0;"));
    canceller.join();
    String errors = takeErr();
    assertTrue(errors.contains("(cancelled)"), errors);
    assertTrue(run("select 42 as answer;"));
    assertTrue(takeOut().contains("42"));
  }
}

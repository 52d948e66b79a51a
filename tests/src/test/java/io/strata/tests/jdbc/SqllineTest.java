package io.strata.tests.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlline 1.12.0, unmodified, in a child JVM whose class path is sqlline, its JLine 3 jars and the
 * self-contained driver jar: nothing else. sqlline is the broadest metadata exerciser among common
 * JDBC clients (its {@code !dbinfo} calls about 90 DatabaseMetaData getters).
 */
class SqllineTest {
  @TempDir
  Path dir;

  private DriverJars.Run sqlline(String url, String script) throws Exception {
    Path file = dir.resolve("script.sql");
    Files.writeString(file, script);
    List<Path> cp = new ArrayList<>(DriverJars.sqllineJars());
    cp.add(DriverJars.shadedJar());
    return DriverJars.java(cp, "sqlline.SqlLine", dir, "-u", url, "-n", "sa", "-p", "",
        "--maxWidth=200", "--showWarnings=false", "-f", file.toString());
  }

  @Test
  void scriptWithMetadataCommands() throws Exception {
    String url = "jdbc:strata:" + dir.resolve("db.strata");
    DriverJars.Run r = sqlline(url, String.join("\n",
        "CREATE TABLE person (id INTEGER PRIMARY KEY, name VARCHAR(30) NOT NULL, email VARCHAR(50) UNIQUE);",
        "CREATE INDEX person_name ON person (name);",
        "INSERT INTO person VALUES (1, 'Ada', 'ada@example.com'), (2, 'Grace', 'grace@example.com');",
        "UPDATE person SET email = 'ada@strata.dev' WHERE id = 1;",
        "!outputformat csv",
        "SELECT id, name, email FROM person ORDER BY id;",
        "!tables",
        "!columns person",
        "!primarykeys person",
        "!indexes person",
        "!outputformat table",
        "SELECT COUNT(*) AS n FROM person;",
        "!dbinfo",
        ""));
    String out = r.stdout();
    assertEquals(0, r.exitCode(), r.all());
    assertTrue(out.contains("'1','Ada','ada@strata.dev'"), out);
    assertTrue(out.contains("'2','Grace','grace@example.com'"), out);
    // !tables lists the table with its type
    assertTrue(out.lines().anyMatch(l -> l.contains("'person'") && l.contains("'TABLE'")), out);
    // !columns shows every column with its type name
    assertTrue(out.lines().anyMatch(l -> l.contains("'person'") && l.contains("'email'") && l.contains("'VARCHAR'")), out);
    assertTrue(out.lines().anyMatch(l -> l.contains("'person'") && l.contains("'name'") && l.contains("'NO'")), out);
    // !primarykeys and !indexes
    assertTrue(out.lines().anyMatch(l -> l.contains("'person'") && l.contains("'id'") && l.contains("'PK_person'")), out);
    assertTrue(out.lines().anyMatch(l -> l.contains("'person_name'") && l.contains("'name'")), out);
    // the table-format count
    assertTrue(out.lines().anyMatch(l -> l.matches("\\|\\s*2\\s*\\|")), out);
    // !dbinfo printed the product and no getter failed
    assertTrue(out.contains("Strata"), out);
    assertFalse(r.all().contains("SQLException"), r.all());
    assertFalse(r.all().contains("SQLFeatureNotSupported"), r.all());
  }

  @Test
  void failingStatementMakesSqllineExitNonZero() throws Exception {
    DriverJars.Run r = sqlline("jdbc:strata:mem:fail", String.join("\n",
        "CREATE TABLE t (id INTEGER PRIMARY KEY);",
        "INSERT INTO t VALUES (1);",
        "INSERT INTO t VALUES (1);",
        "SELECT 'not reached';",
        ""));
    assertEquals(2, r.exitCode(), r.all());
    assertTrue(r.all().contains("23505") || r.all().toLowerCase().contains("duplicate")
        || r.all().toLowerCase().contains("unique"), r.all());
    assertFalse(r.stdout().contains("not reached"), r.all());
  }
}

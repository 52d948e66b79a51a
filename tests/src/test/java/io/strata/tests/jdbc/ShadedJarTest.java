package io.strata.tests.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-contained jar is all a user needs: a program compiled and run against that jar alone
 * (found through {@code META-INF/services/java.sql.Driver}, no Class.forName) creates a file
 * database, runs joins, aggregates, sorts and metadata calls, and does not leak the relocated
 * libraries (guava, jackson, antlr) under their usual names.
 */
class ShadedJarTest {
  @TempDir
  Path dir;

  private static final String PROBE = """
      import java.sql.*;
      public class Probe {
        public static void main(String[] args) throws Exception {
          try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement()) {
            System.out.println("driver=" + DriverManager.getDriver(args[0]).getClass().getName());
            s.execute("CREATE TABLE dept (id INTEGER PRIMARY KEY, name VARCHAR(20))");
            s.execute("CREATE TABLE emp (id INTEGER PRIMARY KEY, dept INTEGER, salary DECIMAL(10,2))");
            s.execute("CREATE INDEX emp_dept ON emp (dept)");
            s.execute("INSERT INTO dept VALUES (1, 'eng'), (2, 'ops')");
            s.execute("INSERT INTO emp VALUES (1, 1, 100.50), (2, 1, 200), (3, 2, 50)");
            try (ResultSet rs = s.executeQuery("SELECT d.name, COUNT(*), SUM(e.salary) FROM emp e JOIN dept d"
                + " ON e.dept = d.id WHERE e.salary > 10 GROUP BY d.name ORDER BY d.name")) {
              while (rs.next()) {
                System.out.println("row=" + rs.getString(1) + "," + rs.getLong(2) + "," + rs.getBigDecimal(3).stripTrailingZeros().toPlainString());
              }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM dept WHERE id = ?")) {
              ps.setInt(1, 2);
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                System.out.println("point=" + rs.getString(1));
              }
            }
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
              StringBuilder sb = new StringBuilder();
              while (rs.next()) {
                sb.append(rs.getString("TABLE_NAME")).append(' ');
              }
              System.out.println("tables=" + sb.toString().trim());
            }
            try {
              s.executeQuery("SELEC 1");
            } catch (SQLSyntaxErrorException e) {
              System.out.println("syntax=" + e.getSQLState());
            }
          }
          for (String cls : new String[] {"com.google.common.collect.ImmutableList",
              "com.fasterxml.jackson.databind.ObjectMapper", "org.antlr.v4.runtime.Lexer"}) {
            try {
              Class.forName(cls);
              System.out.println("visible=" + cls);
            } catch (ClassNotFoundException e) {
              System.out.println("hidden=" + cls);
            }
          }
        }
      }
      """;

  private static final String LOCKED = """
      import java.sql.*;
      public class Locked {
        public static void main(String[] args) {
          try (Connection c = DriverManager.getConnection(args[0])) {
            System.out.println("opened");
          } catch (SQLException e) {
            System.out.println("state=" + e.getSQLState());
            System.out.println("message=" + e.getMessage());
          }
        }
      }
      """;

  /** A second process cannot open a file this JVM has open; it is told so with SQLState 55006. */
  @Test
  void aSecondProcessIsToldTheFileIsInUse() throws Exception {
    Path jar = DriverJars.shadedJar();
    Path src = dir.resolve("Locked.java");
    Files.writeString(src, LOCKED);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), "-cp", jar.toString(), src.toString()));
    String url = "jdbc:strata:" + dir.resolve("busy.db");
    try (java.sql.Connection mine = java.sql.DriverManager.getConnection(url)) {
      DriverJars.Run r = DriverJars.java(List.of(dir, jar), "Locked", dir, url);
      assertEquals(0, r.exitCode(), r.all());
      assertTrue(r.stdout().contains("state=55006"), r.all());
      assertTrue(mine.isValid(1), "the first process is unaffected");
    }
    DriverJars.Run after = DriverJars.java(List.of(dir, jar), "Locked", dir, url);
    assertTrue(after.stdout().contains("opened"), "once closed here, the file opens elsewhere: " + after.all());
  }

  @Test
  void theJarAloneRunsRealQueries() throws Exception {
    Path jar = DriverJars.shadedJar();
    Path src = dir.resolve("Probe.java");
    Files.writeString(src, PROBE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, "-d", dir.toString(), "-cp", jar.toString(), src.toString()));

    DriverJars.Run r = DriverJars.java(List.of(dir, jar), "Probe", dir, "jdbc:strata:" + dir.resolve("probe.db"));
    assertEquals(0, r.exitCode(), r.all());
    Map<String, List<String>> out = r.stdout().lines().filter(l -> l.contains("="))
        .collect(Collectors.groupingBy(l -> l.substring(0, l.indexOf('=')),
            Collectors.mapping(l -> l.substring(l.indexOf('=') + 1), Collectors.toList())));
    assertEquals(List.of("io.strata.jdbc.StrataDriver"), out.get("driver"), r.all());
    assertEquals(List.of("eng,2,300.5", "ops,1,50"), out.get("row"), r.all());
    assertEquals(List.of("ops"), out.get("point"), r.all());
    assertEquals(List.of("dept emp"), out.get("tables"), r.all());
    assertEquals(List.of("42601"), out.get("syntax"), r.all());
    assertEquals(3, out.get("hidden").size(), r.all());
    assertTrue(r.stderr().isBlank(), "nothing on stderr (no logging noise): " + r.stderr());
  }
}

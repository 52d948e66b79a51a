package io.strata.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers for driver tests: fresh databases and one-line queries. */
final class Db {
  private static final AtomicInteger MEM = new AtomicInteger();

  private Db() {}

  /** A fresh named in-memory database URL. */
  static String memUrl() {
    return "jdbc:strata:mem:test" + MEM.incrementAndGet() + "_" + System.nanoTime();
  }

  static String fileUrl(Path dir) {
    return "jdbc:strata:" + dir.resolve("db.strata");
  }

  static Connection open(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  static void exec(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /** Rows as lists of getObject values. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** Rows of integer columns as longs, whatever integer type the engine reports. */
  static List<List<Long>> longs(Connection c, String sql) throws SQLException {
    List<List<Long>> out = new ArrayList<>();
    for (List<Object> row : rows(c, sql)) {
      List<Long> r = new ArrayList<>();
      for (Object o : row) {
        r.add(o == null ? null : ((Number) o).longValue());
      }
      out.add(r);
    }
    return out;
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

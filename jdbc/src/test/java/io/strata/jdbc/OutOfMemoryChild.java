package io.strata.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The child of {@link OutOfMemoryTest}, run in a small heap: fills an in-memory database inside
 * one transaction until a statement fails, prints {@code FAILED <SQLState>}, rolls back, inserts
 * one small row, and prints {@code COUNT <rows>} read through the same connection.
 */
public final class OutOfMemoryChild {
  private OutOfMemoryChild() {}

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:strata:mem:oom");
         Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR)");
      s.execute("INSERT INTO t VALUES (0, 'kept')");
      c.setAutoCommit(false);
      String big = "x".repeat(256 * 1024);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
        for (int i = 1; i < 1_000_000; i++) {
          ps.setLong(1, i);
          ps.setString(2, big);
          ps.executeUpdate();
        }
        System.out.println("NO FAILURE");
      } catch (SQLException e) {
        System.out.println("FAILED " + e.getSQLState() + " " + e.getMessage());
      }
      c.rollback();
      c.setAutoCommit(true);
      s.execute("INSERT INTO t VALUES (-1, 'after')");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
        rs.next();
        System.out.println("COUNT " + rs.getLong(1));
      }
    }
  }
}

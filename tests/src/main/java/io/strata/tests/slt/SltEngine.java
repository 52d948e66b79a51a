package io.strata.tests.slt;

import io.strata.jdbc.StrataConnection;
import io.strata.planner.PhaseTimes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An engine the suite can run on: how to open a fresh, empty in-memory database for one file and
 * how the runner's statements are passed to it.
 */
public enum SltEngine {
  /** Strata through its JDBC driver. Statements are passed as written (SQLite semantics). */
  STRATA("strata", "Strata", false) {
    @Override String freshUrl(long n) {
      return "jdbc:strata:mem:slt" + n;
    }

    @Override PhaseTimes phaseTimes(Connection c) throws SQLException {
      return c.unwrap(StrataConnection.class).phaseTimes();
    }
  },
  /** H2 in PostgreSQL mode, with the runner's DROP VIEW rewrite. */
  H2("h2", "H2", true) {
    @Override String freshUrl(long n) {
      return "jdbc:h2:mem:slt" + n + ";MODE=PostgreSQL";
    }
  },
  /** HSQLDB with PostgreSQL syntax, as the runner's own {@code hsql} executor sets it up. */
  HSQLDB("hsqldb", "HSQLDB", true) {
    @Override String freshUrl(long n) {
      return "jdbc:hsqldb:mem:slt" + n;
    }

    @Override void setUp(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("SET DATABASE SQL SYNTAX PGS TRUE");
      }
    }

    @Override void tearDown(Connection c) throws SQLException {
      // An HSQLDB memory database outlives its connections until SHUTDOWN.
      try (Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  },
  /** SQLite (xerial); the suite's expected answers are SQLite's, so it must pass everything. */
  SQLITE("sqlite", "SQLite", false) {
    @Override String freshUrl(long n) {
      return "jdbc:sqlite::memory:";
    }
  };

  private static final AtomicLong DATABASES = new AtomicLong();

  /** Name used on the command line and in baseline file names. */
  public final String id;
  /** Name used in reports. */
  public final String label;
  /**
   * Whether {@code DROP VIEW v} is rewritten to {@code DROP VIEW IF EXISTS v CASCADE} as the
   * runner's {@code JdbcExecutor} does. SQLite rejects CASCADE, and Strata follows SQLite.
   */
  final boolean rewriteDropView;

  SltEngine(String id, String label, boolean rewriteDropView) {
    this.id = id;
    this.label = label;
    this.rewriteDropView = rewriteDropView;
  }

  abstract String freshUrl(long n);

  /** Opens a new, empty database. */
  Connection openFresh() throws SQLException {
    Connection c = DriverManager.getConnection(freshUrl(DATABASES.incrementAndGet()));
    try {
      setUp(c);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  void setUp(Connection c) throws SQLException {
  }

  void tearDown(Connection c) throws SQLException {
  }

  /** The engine's time per phase on this connection so far, or null if it does not say. */
  PhaseTimes phaseTimes(Connection c) throws SQLException {
    return null;
  }

  /** Parses a command-line engine name. */
  public static SltEngine byId(String id) {
    for (SltEngine e : values()) {
      if (e.id.equals(id.toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown engine '" + id + "' (strata, h2, hsqldb, sqlite)");
  }
}

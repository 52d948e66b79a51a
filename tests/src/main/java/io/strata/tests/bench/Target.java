package io.strata.tests.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * One engine configuration the benchmark runs: a JDBC URL in a temporary directory (or in
 * memory), the settings applied to each connection, what a commit guarantees, and which
 * workloads apply to it.
 */
enum Target {
  STRATA_FULL("strata-full", "Strata file sync=full", Engine.STRATA, false,
      "fsync on every commit (sync=full)") {
    @Override String url(Path dir) {
      return "jdbc:strata:" + dir.resolve("bench.strata").toAbsolutePath() + ";sync=full";
    }
  },
  STRATA_NONE("strata-none", "Strata file sync=none", Engine.STRATA, false,
      "commits written to the file, no fsync (sync=none)") {
    @Override String url(Path dir) {
      return "jdbc:strata:" + dir.resolve("bench.strata").toAbsolutePath() + ";sync=none";
    }
  },
  H2_FILE("h2-file", "H2 file", Engine.H2, false,
      "default MVStore: commits reach the OS, no fsync per commit") {
    @Override String url(Path dir) {
      return "jdbc:h2:" + dir.resolve("bench").toAbsolutePath();
    }
  },
  HSQLDB_FILE("hsqldb-file", "HSQLDB file", Engine.HSQLDB, false,
      "default MEMORY tables with a redo log; log synced every 500 ms (WRITE_DELAY), MVCC") {
    @Override String url(Path dir) {
      return "jdbc:hsqldb:file:" + dir.resolve("bench").toAbsolutePath() + ";hsqldb.tx=mvcc";
    }
  },
  HSQLDB_VERSIONED("hsqldb-versioned", "HSQLDB file, system-versioned table", Engine.HSQLDB,
      false, "as HSQLDB file; table t WITH SYSTEM VERSIONING") {
    @Override String url(Path dir) {
      return HSQLDB_FILE.url(dir);
    }
  },
  SQLITE_FILE("sqlite-file", "SQLite file", Engine.SQLITE, false,
      "WAL journal, synchronous=FULL: fsync on every commit") {
    @Override String url(Path dir) {
      return "jdbc:sqlite:" + dir.resolve("bench.sqlite").toAbsolutePath();
    }
  },
  SQLITE_JOURNAL("sqlite-journal", "SQLite file, rollback journal", Engine.SQLITE, false,
      "default rollback journal, synchronous=FULL: several fsyncs on every commit") {
    @Override String url(Path dir) {
      return SQLITE_FILE.url(dir);
    }
  },
  STRATA_MEM("strata-mem", "Strata in-memory", Engine.STRATA, true, "in memory") {
    @Override String url(Path dir) {
      return "jdbc:strata:mem:bench";
    }
  },
  H2_MEM("h2-mem", "H2 in-memory", Engine.H2, true, "in memory") {
    @Override String url(Path dir) {
      return "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1";
    }
  },
  HSQLDB_MEM("hsqldb-mem", "HSQLDB in-memory", Engine.HSQLDB, true, "in memory, MVCC") {
    @Override String url(Path dir) {
      return "jdbc:hsqldb:mem:bench;hsqldb.tx=mvcc";
    }
  },
  SQLITE_MEM("sqlite-mem", "SQLite in-memory", Engine.SQLITE, true,
      "in memory, shared cache between connections") {
    @Override String url(Path dir) {
      return "jdbc:sqlite:file:bench?mode=memory&cache=shared";
    }
  };

  /** The product behind a target. */
  enum Engine { STRATA, H2, HSQLDB, SQLITE }

  final String id;
  final String label;
  final Engine engine;
  final boolean memory;
  final String durability;

  Target(String id, String label, Engine engine, boolean memory, String durability) {
    this.id = id;
    this.label = label;
    this.engine = engine;
    this.memory = memory;
    this.durability = durability;
  }

  abstract String url(Path dir);

  /** The workloads this target runs. W1 always runs: it loads the data the others read. */
  Set<Workload> workloads() {
    if (this == HSQLDB_VERSIONED) {
      return EnumSet.of(Workload.W1, Workload.W7, Workload.W9);
    }
    if (this == SQLITE_JOURNAL) {
      // the durable-commit anchor as the issue states it: SQLite's default journal
      return EnumSet.of(Workload.W1, Workload.W2, Workload.W10);
    }
    Set<Workload> s = EnumSet.range(Workload.W1, Workload.W8);
    if (engine == Engine.STRATA) {
      s.add(Workload.W9);
    }
    if (this == STRATA_FULL || this == STRATA_NONE || this == SQLITE_FILE
        || this == SQLITE_JOURNAL) {
      s.add(Workload.W10);
    }
    return s;
  }

  /** Opens a connection with this target's per-connection settings. */
  Connection open(Path dir) throws SQLException {
    Properties p = new Properties();
    if (engine == Engine.HSQLDB) {
      p.setProperty("user", "SA");
      p.setProperty("password", "");
    }
    Connection c = DriverManager.getConnection(url(dir), p);
    if (engine == Engine.SQLITE) {
      try (Statement s = c.createStatement()) {
        // Wait for a lock instead of failing at once, as a multi-threaded application would;
        // first, since setting the journal mode takes a lock another connection may hold.
        s.execute("PRAGMA busy_timeout=10000");
        if (!memory) {
          s.execute(this == SQLITE_JOURNAL ? "PRAGMA journal_mode=DELETE"
              : "PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=FULL");
        }
      }
    }
    return c;
  }

  /** Type of the primary key column: SQLite keeps an INTEGER PRIMARY KEY as its rowid. */
  String keyType() {
    return engine == Engine.SQLITE ? "INTEGER" : "BIGINT";
  }

  /** Called once before the JVM exits, to shut the database down cleanly. */
  void close(Connection c) throws SQLException {
    if (engine == Engine.HSQLDB) {
      try (Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
    c.close();
  }

  static Target byId(String id) {
    for (Target t : values()) {
      if (t.id.equals(id.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown target " + id);
  }
}

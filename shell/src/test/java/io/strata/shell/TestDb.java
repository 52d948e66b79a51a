package io.strata.shell;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for the shell's tests: Strata in memory, and H2 where a test needs a driver
 * without Strata's features (the shell speaks only JDBC and SQL, so it must work there too).
 */
final class TestDb {
  private static final AtomicInteger SEQ = new AtomicInteger();

  private TestDb() {}

  /** A new, empty in-memory Strata database. */
  static String newUrl() {
    return "jdbc:strata:mem:" + name();
  }

  /** A new, empty in-memory H2 database that lives until the JVM exits. */
  static String h2Url() {
    return "jdbc:h2:mem:" + name() + ";DB_CLOSE_DELAY=-1";
  }

  private static String name() {
    return "shell" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
  }
}

package io.strata.shell;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for the shell's tests. The shell speaks only JDBC, so its tests run on any
 * engine: the URL prefix comes from {@code -Dstrata.shell.testUrl} (default H2 in memory).
 */
final class TestDb {
  private static final AtomicInteger SEQ = new AtomicInteger();

  private TestDb() {}

  /** A URL naming a new, empty in-memory database that lives until the JVM exits. */
  static String newUrl() {
    String prefix = System.getProperty("strata.shell.testUrl", "jdbc:h2:mem:");
    String name = "shell" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    return prefix.startsWith("jdbc:h2:") ? prefix + name + ";DB_CLOSE_DELAY=-1" : prefix + name;
  }
}

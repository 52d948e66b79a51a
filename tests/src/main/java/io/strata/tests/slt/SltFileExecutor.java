package io.strata.tests.slt;

import io.strata.planner.PhaseTimes;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.TestStatistics;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * Runs one parsed sqllogictest file on a fresh in-memory database of one engine.
 *
 * <p>It is the runner's {@link JdbcExecutor} with three differences: every file gets a new empty
 * database instead of dropping the tables the catalog lists (so an engine needs no metadata or
 * {@code DROP ... CASCADE} to be tested), a file that stops early counts its remaining queries as
 * not run, and each failure is kept with its query and a category. Results are checked by the
 * runner's own {@link JdbcExecutor#validate}: values read as {@code I}/{@code T}/{@code R},
 * rendered, sorted by the file's sort mode and compared (or MD5-hashed past the threshold).
 *
 * <p>One instance runs one file at a time on one thread. The statement in flight is published
 * so that a watchdog on another thread can cancel it ({@link #cancelRunning()}).
 */
public final class SltFileExecutor extends JdbcExecutor {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final SltEngine engine;

  private volatile Statement running;
  private volatile long runningSince;
  private volatile boolean cancelled;

  // Progress of the current file; read after a forced stop to account for what ran.
  private int ordinal;
  private int passed;
  private List<Failure> failures;
  private long statementNanos;
  private long executeNanos;
  private long fetchNanos;

  private final int maxQueries;

  /** An executor that runs whole files. */
  public SltFileExecutor(OptionsParser.SuppliedOptions options, SltEngine engine) {
    this(options, engine, 0);
  }

  /**
   * An executor that runs each file up to its {@code maxQueries}-th query (all of it when 0):
   * the statements before it and the queries up to it, as if the file ended there.
   */
  public SltFileExecutor(OptionsParser.SuppliedOptions options, SltEngine engine,
      int maxQueries) {
    super(options, "fresh in-memory " + engine.label + " database per file", "", "");
    this.engine = engine;
    this.maxQueries = maxQueries;
  }

  /** The runner's entry point: runs {@code file} and returns its counts. */
  @Override public TestStatistics execute(SltTestFile file, OptionsParser.SuppliedOptions o) {
    FileResult r = run(file, file.toString());
    TestStatistics s = new TestStatistics(o.stopAtFirstError, o.verbosity);
    s.incFiles();
    if (r.abort() != null) {
      s.incFilesNotParsed();
    }
    s.setPassedTestCount(r.passed());
    s.setFailedTestCount(r.failed());
    return s;
  }

  /** Runs a parsed file on a new database; never throws for engine errors. */
  public FileResult run(SltTestFile file, String path) {
    ordinal = 0;
    passed = 0;
    failures = new ArrayList<>();
    statementNanos = 0;
    executeNanos = 0;
    fetchNanos = 0;
    String abort = null;
    String abortExample = null;
    boolean stopped = false;
    PhaseTimes phases = null;
    long t0 = System.nanoTime();
    long c0 = THREADS.getCurrentThreadCpuTime();
    try {
      connection = engine.openFresh();
      for (ISqlTestOperation op : file.fileContents) {
        SltSqlStatement st = op.as(SltSqlStatement.class);
        if (st != null) {
          String error = runStatement(st);
          if (error != null) {
            abort = "file stopped: statement failed: " + error;
            abortExample = st.statement;
            break;
          }
        } else {
          if (maxQueries > 0 && ordinal == maxQueries) {
            break;
          }
          runQuery(path, op.as(SqlTestQuery.class));
        }
      }
    } catch (ThreadDeath td) {
      // The watchdog stopped this thread: the engine did not return from a cancelled statement.
      stopped = true;
      abort = "file stopped: time limit (query or file limit passed, statement stopped)";
    } catch (SQLException | RuntimeException | Error e) {
      abort = "file stopped: " + FailureCategory.ofException(e);
    } finally {
      running = null;
      runningSince = 0;
      if (!stopped) {
        phases = phasesQuietly();
        closeQuietly();
      }
      connection = null;
    }
    long wall = System.nanoTime() - t0;
    long cpu = THREADS.getCurrentThreadCpuTime() - c0;
    int total = maxQueries > 0 ? Math.min(maxQueries, file.getTestCount())
        : file.getTestCount();
    return new FileResult(path, total, passed, failures.size(), total - passed - failures.size(),
        abort, abortExample, failures, wall, cpu,
        new FileResult.TimeSplit(statementNanos, executeNanos, fetchNanos, phases));
  }

  /** Runs a statement; returns the failure category if a {@code statement ok} failed. */
  private String runStatement(SltSqlStatement st) {
    String sql = engine.rewriteDropView ? rewriteDropView(st.statement) : st.statement;
    long t0 = System.nanoTime();
    try (Statement s = getConnection().createStatement()) {
      begin(s);
      s.execute(sql);
    } catch (SQLException | RuntimeException | StackOverflowError e) {
      return st.shouldPass ? FailureCategory.ofException(e) : null;
    } finally {
      end();
      statementNanos += System.nanoTime() - t0;
    }
    // A "statement error" that succeeds is not a failure for the runner either.
    return null;
  }

  private void runQuery(String path, SqlTestQuery q) {
    ordinal++;
    RecordingStatistics stats = new RecordingStatistics();
    Throwable error = null;
    long t0 = System.nanoTime();
    long t1 = 0;
    try (Statement s = getConnection().createStatement()) {
      begin(s);
      try (ResultSet rs = s.executeQuery(q.getQuery())) {
        t1 = System.nanoTime();
        validate(q, rs, q.outputDescription, stats);
      }
    } catch (ThreadDeath td) {
      failures.add(new Failure(path, ordinal, q.getQuery(),
          "timeout: query did not return after cancel", ""));
      throw td;
    } catch (SQLException | NoSuchAlgorithmException | RuntimeException | Error e) {
      error = e;
    } finally {
      end();
      long t2 = System.nanoTime();
      if (t1 == 0) {
        executeNanos += t2 - t0;
      } else {
        executeNanos += t1 - t0;
        fetchNanos += t2 - t1;
      }
    }
    TestStatistics.FailedTestDescription f = stats.failure();
    if (error == null && f == null) {
      passed++;
      return;
    }
    String category;
    String detail;
    if (cancelled) {
      category = "timeout: query cancelled by the watchdog";
      detail = error == null ? "" : String.valueOf(error.getMessage());
    } else if (error != null) {
      category = FailureCategory.ofException(error);
      detail = String.valueOf(error.getMessage());
    } else {
      category = FailureCategory.ofMismatch(f.error);
      detail = f.error + (f.details.isEmpty() ? "" : "\n" + f.details);
    }
    failures.add(new Failure(path, ordinal, q.getQuery(), category, detail));
  }

  /** The runner's rewrite, for the engines that are run the way the runner runs them. */
  static String rewriteDropView(String sql) {
    String lower = sql.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("drop view")) {
      return sql;
    }
    String s = sql;
    if (!lower.contains("if exists")) {
      s = s.substring(0, 9) + " IF EXISTS " + s.substring(10);
    }
    if (!lower.contains("cascade")) {
      s += " CASCADE";
    }
    return s;
  }

  private void begin(Statement s) {
    cancelled = false;
    running = s;
    runningSince = System.nanoTime();
  }

  private void end() {
    running = null;
    runningSince = 0;
  }

  /** How long the statement in flight has run, or 0 when none is. */
  long runningNanos() {
    long since = runningSince;
    return since == 0 ? 0 : System.nanoTime() - since;
  }

  /** Cancels the statement in flight, if any; called from the watchdog thread. */
  void cancelRunning() {
    Statement s = running;
    if (s != null && !cancelled) {
      cancelled = true;
      try {
        s.cancel();
      } catch (SQLException | RuntimeException ignored) {
        // The engine cannot cancel; the watchdog stops the thread after a grace period.
      }
    }
  }

  private PhaseTimes phasesQuietly() {
    if (connection == null) {
      return null;
    }
    try {
      return engine.phaseTimes(connection);
    } catch (SQLException | RuntimeException e) {
      return null; // a report without phases rather than a lost file
    }
  }

  private void closeQuietly() {
    if (connection == null) {
      return;
    }
    try {
      engine.tearDown(connection);
    } catch (SQLException | RuntimeException ignored) {
      // the database is discarded anyway
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException ignored) {
      // the database is discarded anyway
    }
  }
}

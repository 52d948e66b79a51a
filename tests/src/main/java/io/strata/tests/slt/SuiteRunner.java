package io.strata.tests.slt;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.hydromatic.sqllogictest.SltTestFile;

/**
 * Runs files on one engine in parallel: {@code threads} lanes take files from a queue, largest
 * first, each file on its own fresh database; a watchdog cancels a statement that runs past the
 * query limit and, if the engine ignores the cancel, stops the lane's thread so that one runaway
 * query costs one file, not the run.
 */
public final class SuiteRunner {
  /**
   * Limits and parallelism of a run; {@code maxQueriesPerFile} runs each file only up to that
   * query (0: whole files).
   */
  public record Settings(int threads, long queryTimeoutSeconds, long fileTimeoutSeconds,
      boolean keepFailures, PrintStream progress, int maxQueriesPerFile) {
    public Settings(int threads, long queryTimeoutSeconds, long fileTimeoutSeconds,
        boolean keepFailures, PrintStream progress) {
      this(threads, queryTimeoutSeconds, fileTimeoutSeconds, keepFailures, progress, 0);
    }
  }

  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private SuiteRunner() {
  }

  /**
   * Runs {@code files} on {@code engine}. Failures are always tallied by category; the list of
   * failed queries of every file is kept only when {@code settings.keepFailures()}.
   */
  public static EngineRun run(SltEngine engine, List<String> files, SuiteFiles suite,
      Settings settings) {
    String version = version(engine);
    List<String> order = new ArrayList<>(files);
    order.sort(Comparator.comparingLong(suite::size).reversed());
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(order);
    Map<String, FileResult> results = new HashMap<>();
    CategoryTally tally = new CategoryTally();
    AtomicInteger done = new AtomicInteger();
    Lane[] lanes = new Lane[Math.max(1, settings.threads())];
    long t0 = System.nanoTime();
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new Lane(engine, queue, results, tally, settings, done, files.size());
      lanes[i].thread = new Thread(lanes[i], "slt-" + engine.id + "-" + i);
      lanes[i].thread.setDaemon(true);
      lanes[i].thread.start();
    }
    watch(lanes, settings);
    long wall = System.nanoTime() - t0;
    List<FileResult> ordered = new ArrayList<>();
    for (String f : files) {
      ordered.add(results.get(f));
    }
    return new EngineRun(engine, version, lanes.length, ordered, tally, wall);
  }

  @SuppressWarnings("deprecation") // Thread.stop: the only way to take a thread back from a hung engine
  private static void watch(Lane[] lanes, Settings settings) {
    long queryLimit = TimeUnit.SECONDS.toNanos(settings.queryTimeoutSeconds());
    long fileLimit = TimeUnit.SECONDS.toNanos(settings.fileTimeoutSeconds());
    while (true) {
      boolean alive = false;
      for (Lane lane : lanes) {
        if (!lane.thread.isAlive()) {
          continue;
        }
        alive = true;
        SltFileExecutor ex = lane.executor;
        if (ex == null) {
          continue;
        }
        long running = ex.runningNanos();
        long inFile = System.nanoTime() - lane.fileStart;
        if (running > queryLimit || (running > 0 && inFile > fileLimit)) {
          ex.cancelRunning();
        }
        if (running > queryLimit + GRACE_NANOS || (running > 0 && inFile > fileLimit + GRACE_NANOS)) {
          lane.thread.stop();
        }
      }
      if (!alive) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String version(SltEngine engine) {
    try (Connection c = engine.openFresh()) {
      DatabaseMetaData md = c.getMetaData();
      String v = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
      engine.tearDown(c);
      return v;
    } catch (SQLException | RuntimeException e) {
      return engine.label + " (version unknown: " + e.getMessage() + ")";
    }
  }

  /** One worker: takes files from the queue until it is empty. */
  private static final class Lane implements Runnable {
    private final SltEngine engine;
    private final ConcurrentLinkedQueue<String> queue;
    private final Map<String, FileResult> results;
    private final CategoryTally tally;
    private final Settings settings;
    private final AtomicInteger done;
    private final int total;
    Thread thread;
    volatile SltFileExecutor executor;
    volatile long fileStart;

    Lane(SltEngine engine, ConcurrentLinkedQueue<String> queue, Map<String, FileResult> results,
        CategoryTally tally, Settings settings, AtomicInteger done, int total) {
      this.engine = engine;
      this.queue = queue;
      this.results = results;
      this.tally = tally;
      this.settings = settings;
      this.done = done;
      this.total = total;
    }

    @Override public void run() {
      String file;
      while ((file = queue.poll()) != null) {
        FileResult r = runOne(file);
        tally.add(r);
        if (!settings.keepFailures()) {
          r = r.withoutFailures();
        }
        synchronized (results) {
          results.put(file, r);
        }
        if (settings.progress() != null) {
          settings.progress().printf("[%s %d/%d] %s: %d queries, %d passed, %d failed, %d not run,"
                  + " %.1f s%s%n", engine.id, done.incrementAndGet(), total, file, r.queries(),
              r.passed(), r.failed(), r.notRun(), r.wallNanos() / 1e9,
              r.abort() == null ? "" : " (" + r.abort() + ")");
        }
      }
    }

    private FileResult runOne(String file) {
      SltTestFile parsed = SuiteFiles.parse(file);
      SltFileExecutor ex = new SltFileExecutor(SuiteFiles.quietOptions(), engine,
          settings.maxQueriesPerFile());
      fileStart = System.nanoTime();
      executor = ex;
      try {
        return ex.run(parsed, file);
      } catch (ThreadDeath td) {
        // Stopped between statements, outside the executor's own accounting.
        int n = settings.maxQueriesPerFile() > 0
            ? Math.min(settings.maxQueriesPerFile(), parsed.getTestCount())
            : parsed.getTestCount();
        return new FileResult(file, n, 0, 0, n, "file stopped: time limit", null, List.of(),
            System.nanoTime() - fileStart, 0, FileResult.TimeSplit.NONE);
      } finally {
        executor = null;
      }
    }
  }
}

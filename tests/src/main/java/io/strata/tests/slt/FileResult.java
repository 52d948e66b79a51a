package io.strata.tests.slt;

import io.strata.planner.PhaseTimes;
import java.util.List;

/**
 * What running one file produced.
 *
 * <p>Invariant: {@code queries == passed + failed + notRun}. Queries that were never run (after a
 * {@code statement ok} failed, or after the file hit its time limit) are counted, unlike in the
 * runner, so that pass rates are over all queries of the file.
 *
 * @param file resource path of the file
 * @param queries queries in the file under the postgresql policy
 * @param passed queries whose answer matched
 * @param failed queries that raised an error or returned a different answer
 * @param notRun queries never run
 * @param abort why the file stopped early ({@code null} when it ran to the end); its category
 *     is counted once per query not run
 * @param abortExample the statement that stopped the file, or {@code null}
 * @param failures every failed query
 * @param wallNanos time from opening the database to closing it
 * @param cpuNanos CPU time of the thread that ran the file over the same span
 * @param split how the file's time divides between statements, query execution and fetching
 */
public record FileResult(String file, int queries, int passed, int failed, int notRun,
    String abort, String abortExample, List<Failure> failures, long wallNanos, long cpuNanos,
    TimeSplit split) {

  public FileResult {
    if (queries != passed + failed + notRun) {
      throw new IllegalArgumentException(file + ": " + queries + " != " + passed + " + "
          + failed + " + " + notRun);
    }
    failures = List.copyOf(failures);
  }

  /**
   * Where a file's time goes, as seen through JDBC: {@code statements} in {@code execute} of
   * the file's statements (DDL and DML), {@code execute} in {@code executeQuery} (parse, plan,
   * open), {@code fetch} reading and checking the rows (the engine produces most rows lazily
   * here). The rest of the wall time is opening and closing the database and the harness.
   * {@code engine} is the engine's own account of its statements' phases, or null when the engine
   * gives none (only Strata does).
   */
  public record TimeSplit(long statements, long execute, long fetch, PhaseTimes engine) {
    static final TimeSplit NONE = new TimeSplit(0, 0, 0, null);
  }

  /** The same counts without the list of failures. */
  FileResult withoutFailures() {
    return new FileResult(file, queries, passed, failed, notRun, abort, abortExample, List.of(),
        wallNanos, cpuNanos, split);
  }

  /** Directory of the file inside the suite, e.g. {@code index/between/10}; "select1-5" for the top. */
  public String directory() {
    return directoryOf(file);
  }

  /** {@link #directory()} of any file path of the suite. */
  static String directoryOf(String file) {
    String p = file.startsWith("test/") ? file.substring(5) : file;
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "select1-5" : p.substring(0, slash);
  }
}

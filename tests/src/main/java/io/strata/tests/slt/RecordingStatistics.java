package io.strata.tests.slt;

import net.hydromatic.sqllogictest.TestStatistics;

/**
 * The runner's statistics for a single query: keeps the failure that the runner's result check
 * reports, instead of only printing it, and never asks to stop.
 */
final class RecordingStatistics extends TestStatistics {
  private FailedTestDescription failure;

  RecordingStatistics() {
    super(false, 0);
  }

  @Override public boolean addFailure(FailedTestDescription f) {
    failure = f;
    return super.addFailure(f);
  }

  /** The failure reported for the query, or {@code null} if it passed. */
  FailedTestDescription failure() {
    return failure;
  }
}

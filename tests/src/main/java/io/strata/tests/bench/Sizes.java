package io.strata.tests.bench;

/**
 * How much work each workload does. {@link #full()} is the documented size (N = 1,000,000);
 * {@link #scaled(long)} keeps the proportions for quick and smoke runs.
 */
record Sizes(long rows, int autocommitInserts, int lookups, int ranges, int joinRows,
    int updates, double mixedSeconds, int groupCommitsPerThread) {

  static final int RANGE_WIDTH = 1_000;
  static final int UPDATE_TXN = 100;
  static final int BATCH = 1_000;

  static Sizes full() {
    return new Sizes(1_000_000, 10_000, 200_000, 1_000, 100_000, 100_000, 10, 1_000);
  }

  /** Sizes for {@code rows} rows, other counts in proportion to the full run. */
  static Sizes scaled(long rows) {
    double f = Math.min(1.0, rows / 1_000_000.0);
    return new Sizes(rows, atLeast(10_000 * f, 100), atLeast(200_000 * f, 1_000),
        atLeast(1_000 * f, 20), atLeast(100_000 * f, 100), atLeast(100_000 * f, 200),
        Math.max(1.0, 10 * Math.sqrt(f)), atLeast(1_000 * f, 20));
  }

  /**
   * W9's lookups each way: as many as W3's. A quarter of that proved shorter than the warm-up of a
   * 1,000,000-row table on the path the current version had not already warmed (W3 and W7 warm
   * it), so the AS OF side was still being compiled and cached while timed.
   */
  int timeTravelLookups() {
    return lookups;
  }

  private static int atLeast(double v, int min) {
    return Math.max(min, (int) v);
  }

  String args() {
    return rows + "," + autocommitInserts + "," + lookups + "," + ranges + "," + joinRows + ","
        + updates + "," + mixedSeconds + "," + groupCommitsPerThread;
  }

  static Sizes parse(String s) {
    String[] p = s.split(",");
    return new Sizes(Long.parseLong(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
        Integer.parseInt(p[3]), Integer.parseInt(p[4]), Integer.parseInt(p[5]),
        Double.parseDouble(p[6]), Integer.parseInt(p[7]));
  }
}

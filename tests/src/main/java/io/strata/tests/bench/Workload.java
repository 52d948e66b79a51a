package io.strata.tests.bench;

/** The workloads. A child runs them in {@link #RUN_ORDER}. */
enum Workload {
  W1("bulk insert, batches of 1,000 rows per transaction"),
  W2("autocommit single-row inserts"),
  W3("primary-key point lookups, reused PreparedStatement"),
  W4("range sums of 1,000 rows each"),
  W5("GROUP BY over the whole table"),
  W6("two-table join with a filter"),
  W7("single-row updates in transactions of 100"),
  W8("two reader threads and one writer"),
  W9("time travel after W7: AS OF a version before the updates vs the current version"),
  W10("single-row durable commits from 8 threads");

  /** W9 reads what W7 wrote before W8's writer changes it; W1 loads what the others read. */
  static final Workload[] RUN_ORDER = {W1, W2, W3, W4, W5, W6, W7, W9, W8, W10};

  final String description;

  Workload(String description) {
    this.description = description;
  }
}

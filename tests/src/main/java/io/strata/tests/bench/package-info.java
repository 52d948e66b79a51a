/**
 * The cross-engine benchmark: the same JDBC workloads (W1–W10) against Strata and the engines a
 * user would pick instead (H2, HSQLDB, SQLite), each engine configuration in its own JVM,
 * engines alternated across repetitions, results reported as medians with min/max and as
 * Strata/anchor ratios in {@code docs/benchmarks-engines.md}.
 *
 * <p>{@link io.strata.tests.bench.BenchMain} is the parent that spawns {@link
 * io.strata.tests.bench.BenchChild} processes and writes the report. Every workload checks the
 * answers it gets, so a fast wrong engine is reported as an error, not as a speed.
 */
package io.strata.tests.bench;

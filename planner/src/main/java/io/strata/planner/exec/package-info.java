/**
 * The executor: an optimised Calcite {@code RelNode} tree becomes a tree of pull-based
 * {@link io.strata.planner.exec.Operator}s ({@link io.strata.planner.exec.PlanBuilder}); scans,
 * index scans and table modification are built by the caller's
 * {@link io.strata.planner.exec.ScanFactory}. Rows are {@code Object[]} holding Strata values.
 *
 * <p>Row ownership: a row returned by {@code next()} belongs to the consumer; the producer never
 * writes to it again, so buffering operators (sort, hash join, aggregation) may keep it without
 * copying. Operators never modify rows they receive.
 */
package io.strata.planner.exec;

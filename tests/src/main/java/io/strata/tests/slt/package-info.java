/**
 * The sqllogictest harness: runs the files of {@code net.hydromatic:sql-logic-test} (parsed by
 * that runner, compared by its result check) against Strata and the anchor engines through JDBC,
 * one fresh in-memory database per file, in parallel, and writes the per-directory report and
 * the CI gate's baseline of known failures.
 *
 * <p>Entry points: {@link io.strata.tests.slt.SltMain} (the whole suite or any directory of it)
 * and {@link io.strata.tests.slt.Baseline} (the gate's comparison against the checked-in list of
 * failing queries).
 */
package io.strata.tests.slt;

/**
 * Scalar expression evaluation: Calcite {@code RexNode} trees are compiled once per plan into
 * trees of small {@link io.strata.planner.eval.Evaluator} objects that are then applied to rows
 * ({@code Object[]}) without further interpretation of the RexNode.
 *
 * <p>Semantics follow SQLite as encoded by the sqllogictest suite: every exact integer type is
 * evaluated in 64-bit {@code long} whatever width Calcite typed it with, integer division truncates
 * toward zero, division or modulo by zero yields NULL, comparisons mix Long, Double and BigDecimal
 * exactly, string-to-number conversion is lenient (the longest numeric prefix, else 0), LIKE is
 * case-insensitive for ASCII letters and strings are never padded. An integer overflow raises
 * {@code StrataException(DATA)} rather than silently turning into a REAL, so a value typed as an
 * integer is always a {@code Long}.
 *
 * <p>The same evaluators back {@link io.strata.planner.eval.StrataRexExecutor}, the constant folder
 * given to Calcite's planner, so folded and unfolded expressions agree.
 */
package io.strata.planner.eval;

package io.strata.planner.eval;

/**
 * A compiled scalar expression. Implementations are small immutable objects, safe to share between
 * threads and executions; everything that varies per execution comes in through the arguments.
 */
public abstract class Evaluator {

  /** Evaluates against {@code row}; returns a Strata value or {@code null} for SQL NULL. */
  public abstract Object eval(Object[] row, Bindings bindings);

  /** True iff the expression evaluates to TRUE (not FALSE, not NULL): the WHERE-clause test. */
  public final boolean test(Object[] row, Bindings bindings) {
    return Boolean.TRUE.equals(eval(row, bindings));
  }
}

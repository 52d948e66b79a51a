package io.strata.planner.exec;

/**
 * A pull-based relational operator. Lifecycle: {@code open}, {@code next} until it returns null,
 * {@code close}; then it may be opened again (a correlated subquery re-runs its operator tree for
 * every outer row), possibly with different correlation bindings in the context.
 */
public interface Operator {

  /** Prepares to produce rows; acquires whatever the operator reads from. */
  void open(ExecContext ctx);

  /** The next row, or null at the end. The row belongs to the caller from then on. */
  Object[] next();

  /** Releases resources; idempotent. */
  void close();
}

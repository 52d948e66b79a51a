package io.strata.planner;

/**
 * A batch that stopped at a failing parameter set: {@link #getCause()} is that set's error, and
 * {@link #done()} what the sets before it did; their changes stand.
 */
public final class BatchFailure extends RuntimeException {
  private final transient BatchResult done;

  BatchFailure(RuntimeException cause, BatchResult done) {
    super(cause.getMessage(), cause);
    this.done = done;
  }

  /** The counts and keys of the parameter sets that ran before the failing one. */
  public BatchResult done() {
    return done;
  }

  @Override
  public synchronized RuntimeException getCause() {
    return (RuntimeException) super.getCause();
  }
}

package io.strata.planner.exec;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.eval.Bindings;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * The per-execution state shared by an operator tree: parameter values, correlation-variable
 * bindings, the statement clock, the caller's transaction handle and the cancellation flag.
 *
 * <p>One context serves one execution on one thread; only {@link #cancel()} may be called from
 * another thread.
 */
public final class ExecContext implements Bindings {

  private final Object[] params;
  private final Object txn;
  /** The statement clock, read at the first use: most statements never ask for it. */
  private LocalDateTime now;
  private Object[][] correl = new Object[4][];
  private volatile boolean cancelled;

  /**
   * @param params dynamic parameter values in Strata's value types ({@code ?1} at index 0)
   * @param txn the caller's transaction or snapshot handle, opaque to the executor
   */
  public ExecContext(Object[] params, Object txn) {
    this(params, txn, null);
  }

  public ExecContext(Object[] params, Object txn, LocalDateTime now) {
    this.params = params == null ? new Object[0] : params;
    this.txn = txn;
    this.now = now;
  }

  @Override
  public Object param(int index) {
    if (index < 0 || index >= params.length) {
      throw new StrataException(Reason.BAD_PARAMETER, "no value bound for parameter " + (index + 1));
    }
    return params[index];
  }

  /** The transaction handle given at construction. */
  public Object txn() {
    return txn;
  }

  @Override
  public LocalDateTime now() {
    if (now == null) {
      now = LocalDateTime.now();
    }
    return now;
  }

  @Override
  public Object[] correl(int id) {
    return id < correl.length ? correl[id] : null;
  }

  /** Binds correlation variable {@code $cor<id>} to {@code row} (null unbinds). */
  public void bindCorrel(int id, Object[] row) {
    if (id >= correl.length) {
      correl = Arrays.copyOf(correl, Math.max(id + 1, correl.length * 2));
    }
    correl[id] = row;
  }

  /** Requests cancellation; the executing thread stops at its next check. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws {@code StrataException(CANCELLED)} if cancellation was requested. */
  public void checkCancelled() {
    if (cancelled) {
      throw new StrataException(Reason.CANCELLED, "statement cancelled");
    }
  }
}

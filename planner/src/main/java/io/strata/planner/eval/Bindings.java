package io.strata.planner.eval;

import java.time.LocalDateTime;

/**
 * What an expression may read besides the current row: dynamic parameter values, the rows bound
 * to correlation variables and the statement's clock.
 */
public interface Bindings {

  /** The value of dynamic parameter {@code ?index} (0-based), already in Strata's value types. */
  Object param(int index);

  /** The row currently bound to correlation variable {@code $cor<id>}. */
  Object[] correl(int id);

  /** The statement's start time, the same for every call within one execution. */
  LocalDateTime now();

  /** Bindings with no parameters and no correlation variables; used for constant folding. */
  Bindings NONE = new Bindings() {
    @Override
    public Object param(int index) {
      throw new IllegalStateException("no parameter ?" + index + " while folding constants");
    }

    @Override
    public Object[] correl(int id) {
      throw new IllegalStateException("no correlation variable $cor" + id + " while folding");
    }

    @Override
    public LocalDateTime now() {
      return LocalDateTime.now();
    }
  };
}

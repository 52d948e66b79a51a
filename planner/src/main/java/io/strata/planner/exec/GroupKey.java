package io.strata.planner.exec;

import io.strata.planner.eval.Values;
import java.util.Arrays;

/**
 * A tuple of values used as a hash key for grouping, DISTINCT, set operations and hash joins.
 * Equality is {@link Values#same} per element (NULL equals NULL; Long 1 equals Double 1.0) and
 * the hash is consistent with it. A key may be used as a reusable probe: {@link #fill} overwrites
 * its values from a row, so lookups need no allocation; only stored keys are copies.
 */
final class GroupKey {
  final Object[] values;
  private int hash;

  GroupKey(Object[] values) {
    this.values = values;
    rehash();
  }

  /** A probe key of {@code arity} values, to be filled with {@link #fill}. */
  static GroupKey probe(int arity) {
    return new GroupKey(new Object[arity]);
  }

  /** Overwrites this key with {@code row[cols[i]]}; returns this. */
  GroupKey fill(Object[] row, int[] cols) {
    for (int i = 0; i < cols.length; i++) {
      values[i] = row[cols[i]];
    }
    rehash();
    return this;
  }

  /** Overwrites this key with the whole row; returns this. Only for probes of the row's arity. */
  GroupKey fillAll(Object[] row) {
    System.arraycopy(row, 0, values, 0, values.length);
    rehash();
    return this;
  }

  /** An independent copy, safe to store in a map. */
  GroupKey copy() {
    return new GroupKey(values.clone());
  }

  /** True iff some value is NULL. */
  boolean hasNull() {
    for (Object v : values) {
      if (v == null) {
        return true;
      }
    }
    return false;
  }

  private void rehash() {
    int h = 1;
    for (Object v : values) {
      h = 31 * h + Values.hash(v);
    }
    hash = h;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GroupKey)) {
      return false;
    }
    GroupKey k = (GroupKey) o;
    if (k.hash != hash || k.values.length != values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (!Values.same(values[i], k.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}

package io.strata.planner.calcite;

import java.util.List;

/**
 * A set of keys of a primary or index tree: equality on the first {@code prefix.size()} key
 * columns, then optionally bounds on the next column. The rows it selects are a superset of the
 * rows the predicate it came from accepts (the filter stays above the scan).
 *
 * @param prefix equality values for the leading key columns
 * @param lower lower bound on the next key column, or null
 * @param upper upper bound on the next key column, or null
 */
public record KeyRange(List<KeyBound> prefix, KeyBound lower, KeyBound upper) {

  public boolean hasBounds() {
    return lower != null || upper != null;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (KeyBound k : prefix) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append("=").append(k);
    }
    if (hasBounds()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(lower == null ? "(-inf" : (lower.inclusive() ? "[" : "(") + lower);
      b.append("..");
      b.append(upper == null ? "+inf)" : upper + (upper.inclusive() ? "]" : ")"));
    }
    return b.toString();
  }
}

package io.strata.planner.calcite;

import io.strata.planner.catalog.IndexDef;
import java.util.List;

/**
 * How a scan reaches its rows: ranges of the primary key tree, or ranges of a secondary index
 * followed by a primary-key lookup per entry.
 *
 * @param index the index, or null for the primary key
 * @param ranges the key ranges, each selecting a contiguous run of keys
 */
public record AccessPath(IndexDef index, List<KeyRange> ranges) {

  /** Key columns matched by equality in every range (for costing). */
  int equalityColumns() {
    int n = Integer.MAX_VALUE;
    for (KeyRange r : ranges) {
      n = Math.min(n, r.prefix().size());
    }
    return ranges.isEmpty() ? 0 : n;
  }

  boolean hasBounds() {
    for (KeyRange r : ranges) {
      if (r.hasBounds()) {
        return true;
      }
    }
    return false;
  }
}

package io.strata.planner.exec;

import io.strata.planner.eval.Values;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/**
 * Orders rows by a collation. An unspecified null direction means NULLs are the lowest values:
 * first when ascending, last when descending (SQLite's order).
 */
final class RowComparator implements Comparator<Object[]> {
  private final int[] fields;
  private final boolean[] descending;
  private final boolean[] nullsFirst;

  RowComparator(List<RelFieldCollation> collations) {
    int n = collations.size();
    fields = new int[n];
    descending = new boolean[n];
    nullsFirst = new boolean[n];
    for (int i = 0; i < n; i++) {
      RelFieldCollation fc = collations.get(i);
      fields[i] = fc.getFieldIndex();
      descending[i] = fc.getDirection().isDescending();
      switch (fc.nullDirection) {
        case FIRST:
          nullsFirst[i] = true;
          break;
        case LAST:
          nullsFirst[i] = false;
          break;
        default:
          nullsFirst[i] = !descending[i];
          break;
      }
    }
  }

  @Override
  public int compare(Object[] a, Object[] b) {
    for (int i = 0; i < fields.length; i++) {
      Object x = a[fields[i]];
      Object y = b[fields[i]];
      int c;
      if (x == null || y == null) {
        if (x == y) {
          continue;
        }
        c = (x == null) == nullsFirst[i] ? -1 : 1;
        return c; // null placement does not flip with direction
      }
      c = Values.compare(x, y);
      if (c != 0) {
        return descending[i] ? -c : c;
      }
    }
    return 0;
  }
}

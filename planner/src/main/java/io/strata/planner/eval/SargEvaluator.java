package io.strata.planner.eval;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.util.Sarg;

/**
 * {@code SEARCH(x, Sarg[...])}: membership of x in a set of disjoint ranges (IN lists, BETWEEN,
 * their negations and combinations). A NULL x yields what the Sarg's {@code nullAs} says: TRUE,
 * FALSE or NULL. Sets of integer points are searched in a sorted {@code long[]}, other point sets
 * in a sorted array, ranges by binary search on their lower bounds.
 */
final class SargEvaluator extends Evaluator {

  private final Evaluator operand;
  private final Boolean whenNull;
  /** Non-null iff every range is a single integer point. */
  private final long[] longPoints;
  /** Non-null iff every range is a single point (and longPoints is null). */
  private final Object[] points;
  /** Otherwise: ranges sorted by lower bound; a null bound is unbounded. */
  private final Object[] lower;
  private final boolean[] lowerClosed;
  private final Object[] upper;
  private final boolean[] upperClosed;

  SargEvaluator(Evaluator operand, Sarg<?> sarg, Kind kind) {
    this.operand = operand;
    this.whenNull = sarg.nullAs == RexUnknownAs.TRUE ? Boolean.TRUE
        : sarg.nullAs == RexUnknownAs.FALSE ? Boolean.FALSE : null;
    List<Range<?>> ranges = new ArrayList<>();
    for (Object r : sarg.rangeSet.asRanges()) {
      ranges.add((Range<?>) r);
    }
    int n = ranges.size();
    boolean allPoints = true;
    boolean allLong = true;
    Object[] lo = new Object[n];
    boolean[] loc = new boolean[n];
    Object[] hi = new Object[n];
    boolean[] hic = new boolean[n];
    for (int i = 0; i < n; i++) {
      Range<?> r = ranges.get(i);
      if (r.hasLowerBound()) {
        lo[i] = Literals.fromCalcite(r.lowerEndpoint(), kind);
        loc[i] = r.lowerBoundType() == BoundType.CLOSED;
      }
      if (r.hasUpperBound()) {
        hi[i] = Literals.fromCalcite(r.upperEndpoint(), kind);
        hic[i] = r.upperBoundType() == BoundType.CLOSED;
      }
      boolean point = r.hasLowerBound() && r.hasUpperBound() && loc[i] && hic[i]
          && Values.compare(lo[i], hi[i]) == 0;
      allPoints &= point;
      allLong &= point && lo[i] instanceof Long;
    }
    if (allPoints && allLong) {
      long[] lp = new long[n];
      for (int i = 0; i < n; i++) {
        lp[i] = (Long) lo[i];
      }
      Arrays.sort(lp);
      longPoints = lp;
      points = null;
      lower = upper = null;
      lowerClosed = upperClosed = null;
    } else if (allPoints) {
      Arrays.sort(lo, Values::compare);
      longPoints = null;
      points = lo;
      lower = upper = null;
      lowerClosed = upperClosed = null;
    } else {
      longPoints = null;
      points = null;
      lower = lo; // Guava's RangeSet iterates its ranges in ascending order
      lowerClosed = loc;
      upper = hi;
      upperClosed = hic;
    }
  }

  @Override
  public Object eval(Object[] row, Bindings bs) {
    Object v = operand.eval(row, bs);
    if (v == null) {
      return whenNull;
    }
    return contains(v) ? Boolean.TRUE : Boolean.FALSE;
  }

  private boolean contains(Object v) {
    if (longPoints != null) {
      if (v instanceof Long) {
        return Arrays.binarySearch(longPoints, (Long) v) >= 0;
      }
      return binarySearch(v, boxed(longPoints));
    }
    if (points != null) {
      return binarySearch(v, points);
    }
    // Find the last range whose lower bound admits v (lower <= v), then test its upper bound.
    int loIdx = 0;
    int hiIdx = lower.length - 1;
    int found = -1;
    while (loIdx <= hiIdx) {
      int mid = (loIdx + hiIdx) >>> 1;
      if (aboveLower(v, mid)) {
        found = mid;
        loIdx = mid + 1;
      } else {
        hiIdx = mid - 1;
      }
    }
    if (found < 0) {
      return false;
    }
    if (upper[found] == null) {
      return true; // unbounded above
    }
    int c = Values.compare(v, upper[found]);
    return c < 0 || (c == 0 && upperClosed[found]);
  }

  private boolean aboveLower(Object v, int i) {
    if (lower[i] == null) {
      return true;
    }
    int c = Values.compare(v, lower[i]);
    return c > 0 || (c == 0 && lowerClosed[i]);
  }

  private static Object[] boxed(long[] a) {
    Object[] o = new Object[a.length];
    for (int i = 0; i < a.length; i++) {
      o[i] = a[i];
    }
    return o;
  }

  private static boolean binarySearch(Object v, Object[] sorted) {
    int lo = 0;
    int hi = sorted.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = Values.compare(sorted[mid], v);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }
}

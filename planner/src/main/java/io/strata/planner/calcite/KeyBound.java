package io.strata.planner.calcite;

/**
 * One value a key range is built from: a constant known at plan time (in Calcite's literal
 * representation: BigDecimal, NlsString, Boolean, DateString, …), the dynamic parameter with the
 * given index, or a field of the outer row of a correlate (index nested-loop join), read at
 * execution.
 *
 * @param constant the constant, or null when {@code param >= 0}
 * @param param the dynamic parameter index, or -1
 * @param inclusive for a range end, whether the value itself is included
 * @param correlation the correlation id, or -1
 * @param field the field of the correlated row, or -1
 */
public record KeyBound(Object constant, int param, boolean inclusive, int correlation,
    int field) {

  public KeyBound(Object constant, int param, boolean inclusive) {
    this(constant, param, inclusive, -1, -1);
  }

  static KeyBound constant(Object value, boolean inclusive) {
    return new KeyBound(value, -1, inclusive);
  }

  static KeyBound param(int index, boolean inclusive) {
    return new KeyBound(null, index, inclusive);
  }

  /** A field of the row bound to correlation variable {@code $cor<correlation>}. */
  static KeyBound correlated(int correlation, int field) {
    return new KeyBound(null, -1, true, correlation, field);
  }

  public boolean isCorrelated() {
    return correlation >= 0;
  }

  @Override
  public String toString() {
    if (param >= 0) {
      return "?" + param;
    }
    if (correlation >= 0) {
      return "$cor" + correlation + "." + field;
    }
    if (constant instanceof org.apache.calcite.util.NlsString s) {
      return "'" + s.getValue() + "'";
    }
    return String.valueOf(constant);
  }
}

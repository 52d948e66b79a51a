package io.strata.planner.calcite;

/**
 * One value a key range is built from: a constant known at plan time (in Calcite's literal
 * representation: BigDecimal, NlsString, Boolean, DateString, …) or the dynamic parameter with the
 * given index, read at execution.
 *
 * @param constant the constant, or null when {@code param >= 0}
 * @param param the dynamic parameter index, or -1
 * @param inclusive for a range end, whether the value itself is included
 */
public record KeyBound(Object constant, int param, boolean inclusive) {

  static KeyBound constant(Object value, boolean inclusive) {
    return new KeyBound(value, -1, inclusive);
  }

  static KeyBound param(int index, boolean inclusive) {
    return new KeyBound(null, index, inclusive);
  }

  @Override
  public String toString() {
    if (param >= 0) {
      return "?" + param;
    }
    if (constant instanceof org.apache.calcite.util.NlsString s) {
      return "'" + s.getValue() + "'";
    }
    return String.valueOf(constant);
  }
}

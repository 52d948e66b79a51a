package io.strata.planner;

/**
 * Time one session has spent in each phase of its statements since it opened, in nanoseconds:
 * parsing the text, validating it, converting it to relational algebra, optimising that, building
 * the operator tree (compiling its expressions), and running the operators. Statements whose plan
 * is reused spend nothing in the first four. A streamed query's rows read after the first batch are
 * produced while the caller reads them and are not counted in {@code execute}.
 */
public record PhaseTimes(long parse, long validate, long convert, long optimise, long build,
    long execute) {

  /** The sum of all phases. */
  public long total() {
    return parse + validate + convert + optimise + build + execute;
  }
}

package io.strata.planner;

import java.util.List;

/** A parsed and planned statement, executable many times with different parameters. */
public interface Prepared {

  /** The statement text as given. */
  String sql();

  /** Whether executing returns rows (a query, EXPLAIN, …) rather than an update count. */
  boolean returnsRows();

  /** Result columns, empty for statements without rows. */
  List<ColumnMeta> columns();

  /** The ? parameters in order. */
  List<ParamMeta> parameters();

  /**
   * Executes with the given parameter values (Long, Integer, Double, BigDecimal, String, Boolean,
   * LocalDate, LocalTime, LocalDateTime, Instant, byte[] or null). Fails with
   * {@link StrataException.Reason#BAD_PARAMETER} on a wrong count or an unconvertible value.
   */
  Result execute(List<?> params);
}

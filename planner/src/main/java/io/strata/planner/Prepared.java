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

  /**
   * Executes once per parameter set, in order; each set is a statement of its own for atomicity
   * (a failing set changes nothing, and the sets before it stand). Stops at the first failure with
   * a {@link BatchFailure} that carries the error and what the sets before it did.
   */
  default BatchResult executeBatch(List<? extends List<?>> paramSets) {
    long[] counts = new long[paramSets.size()];
    List<ColumnMeta> keyColumns = List.of();
    List<Object[]> keys = new java.util.ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      try (Result r = execute(paramSets.get(i))) {
        counts[i] = Math.max(0, r.updateCount());
        try (Result generated = r.generatedKeys()) {
          int width = generated.columns().size();
          if (width > 0) {
            keyColumns = generated.columns();
          }
          while (generated.next()) {
            Object[] row = new Object[width];
            for (int c = 0; c < width; c++) {
              row[c] = generated.get(c);
            }
            keys.add(row);
          }
        }
      } catch (RuntimeException e) {
        throw new BatchFailure(e,
            new BatchResult(java.util.Arrays.copyOf(counts, i), keyColumns, keys));
      }
    }
    return new BatchResult(counts, keyColumns, keys);
  }
}

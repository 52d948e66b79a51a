package io.strata.planner;

/**
 * One result column.
 *
 * @param label the column label (alias or expression name)
 * @param name the underlying column name, or the label for expressions
 * @param table the table it comes from, or ""
 * @param jdbcType a {@link java.sql.Types} code
 * @param typeName SQL type name, e.g. "BIGINT", "VARCHAR"
 * @param precision precision or length, 0 if none
 * @param scale scale, 0 if none
 * @param nullable whether it may be null
 */
public record ColumnMeta(String label, String name, String table, int jdbcType, String typeName,
    int precision, int scale, boolean nullable) {}

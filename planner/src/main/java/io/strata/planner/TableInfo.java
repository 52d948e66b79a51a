package io.strata.planner;

import java.util.List;

/**
 * A table, view or system table as metadata clients see it.
 *
 * @param schema schema name ("PUBLIC", "information_schema", …)
 * @param name table name as created
 * @param kind "TABLE", "VIEW" or "SYSTEM TABLE"
 * @param columns columns in order
 * @param primaryKey primary key column names in key order (empty without a declared key)
 * @param indexes secondary indexes, including those backing UNIQUE constraints
 */
public record TableInfo(String schema, String name, String kind, List<ColumnInfo> columns,
    List<String> primaryKey, List<IndexInfo> indexes) {

  /**
   * @param jdbcType a {@link java.sql.Types} code
   * @param defaultSql the DEFAULT expression as SQL text, or null
   */
  public record ColumnInfo(String name, int jdbcType, String typeName, int precision, int scale,
      boolean nullable, String defaultSql) {}

  /** @param descending per column, whether it is sorted descending */
  public record IndexInfo(String name, boolean unique, List<String> columns, List<Boolean> descending) {}
}

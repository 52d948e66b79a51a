package io.strata.jdbc;

import io.strata.planner.ColumnMeta;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** Column descriptions of a result, from the planner's {@link ColumnMeta}. */
final class JdbcResultSetMetaData implements ResultSetMetaData, SelfWrapper {
  /** Strata has one schema for user tables; result columns carry only the table name. */
  static final String DEFAULT_SCHEMA = "PUBLIC";

  private final List<ColumnMeta> columns;

  JdbcResultSetMetaData(List<ColumnMeta> columns) {
    this.columns = columns;
  }

  private ColumnMeta col(int column) throws SQLException {
    if (column < 1 || column > columns.size()) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "column index " + column + " out of range 1.." + columns.size());
    }
    return columns.get(column - 1);
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    col(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    String cls = Conversions.className(col(column).jdbcType());
    return cls.equals(String.class.getName());
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    col(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    col(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return col(column).nullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return Conversions.isSigned(col(column).jdbcType());
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    ColumnMeta c = col(column);
    return Conversions.displaySize(c.jdbcType(), c.precision(), c.scale());
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return col(column).label();
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    ColumnMeta c = col(column);
    return c.name() == null || c.name().isEmpty() ? c.label() : c.name();
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    ColumnMeta c = col(column);
    return c.table() == null || c.table().isEmpty() ? "" : DEFAULT_SCHEMA;
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return col(column).precision();
  }

  @Override
  public int getScale(int column) throws SQLException {
    return col(column).scale();
  }

  @Override
  public String getTableName(int column) throws SQLException {
    String t = col(column).table();
    return t == null ? "" : t;
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    col(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return col(column).jdbcType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return col(column).typeName();
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    ColumnMeta c = col(column);
    return c.table() == null || c.table().isEmpty();
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    return !isReadOnly(column);
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    col(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return Conversions.className(col(column).jdbcType());
  }

}

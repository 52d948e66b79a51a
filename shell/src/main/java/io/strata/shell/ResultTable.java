package io.strata.shell;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A result in display form: column names, which columns are numeric, and rows of strings in
 * which {@code null} stands for SQL NULL (never confused with an empty string).
 */
final class ResultTable {
  final List<String> names;
  final boolean[] numeric;
  final List<String[]> rows = new ArrayList<>();

  ResultTable(List<String> names, boolean[] numeric) {
    this.names = List.copyOf(names);
    this.numeric = numeric.clone();
  }

  int columns() {
    return names.size();
  }

  /** Reads the header of a result set; rows are read by {@link #readRow}. */
  static ResultTable header(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String> names = new ArrayList<>(n);
    boolean[] numeric = new boolean[n];
    for (int i = 1; i <= n; i++) {
      String label = md.getColumnLabel(i);
      names.add(label == null || label.isEmpty() ? md.getColumnName(i) : label);
      numeric[i - 1] = isNumeric(md.getColumnType(i));
    }
    return new ResultTable(names, numeric);
  }

  /** The current row of {@code rs} as display strings. */
  static String[] readRow(ResultSet rs, int columns) throws SQLException {
    String[] row = new String[columns];
    for (int i = 0; i < columns; i++) {
      row[i] = display(rs.getObject(i + 1));
    }
    return row;
  }

  /** Reads the whole result set. */
  static ResultTable read(ResultSet rs) throws SQLException {
    ResultTable t = header(rs);
    while (rs.next()) {
      t.rows.add(readRow(rs, t.columns()));
    }
    return t;
  }

  static String display(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof byte[] b) {
      return "x'" + HexFormat.of().formatHex(b) + "'";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof java.sql.Clob || v instanceof java.sql.Blob) {
      try {
        if (v instanceof java.sql.Clob c) {
          return c.getSubString(1, (int) Math.min(Integer.MAX_VALUE, c.length()));
        }
        java.sql.Blob b = (java.sql.Blob) v;
        return display(b.getBytes(1, (int) Math.min(Integer.MAX_VALUE, b.length())));
      } catch (SQLException e) {
        return "<" + e.getMessage() + ">";
      }
    }
    return v.toString();
  }

  static boolean isNumeric(int sqlType) {
    switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT,
          Types.DOUBLE, Types.DECIMAL, Types.NUMERIC:
        return true;
      default:
        return false;
    }
  }
}

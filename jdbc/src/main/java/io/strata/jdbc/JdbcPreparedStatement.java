package io.strata.jdbc;

import io.strata.planner.Prepared;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A prepared statement: planned once by the session (which also caches plans by text), executed
 * with bound ? parameters. Parameters are converted to engine values when set, so a bad value
 * fails at the setter that gave it.
 */
final class JdbcPreparedStatement extends JdbcStatement implements PreparedStatement {
  /** Marks a parameter that has not been set. */
  private static final Object UNSET = new Object();

  private final String sql;
  private final Prepared prepared;
  private final boolean wantKeys;
  private final List<String> keyNames;
  private final Object[] params;
  private List<Object[]> batch;

  JdbcPreparedStatement(JdbcConnection conn, String sql, boolean wantKeys, List<String> keyNames)
      throws SQLException {
    super(conn);
    this.sql = sql;
    this.prepared = conn.call(() -> conn.session.prepare(sql));
    this.wantKeys = wantKeys;
    this.keyNames = keyNames;
    this.params = new Object[prepared.parameters().size()];
    Arrays.fill(params, UNSET);
  }

  private List<Object> boundValues(Object[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == UNSET) {
        throw SqlStates.exception(SqlStates.PARAMETER_MISMATCH, "parameter " + (i + 1) + " of " + values.length
            + " is not set");
      }
    }
    return Arrays.asList(values.clone());
  }

  private void set(int index, Object engineValue) throws SQLException {
    checkOpen();
    if (index < 1 || index > params.length) {
      throw SqlStates.exception(SqlStates.PARAMETER_MISMATCH, "parameter index " + index + " out of range 1.."
          + params.length + " for: " + sql);
    }
    params[index - 1] = engineValue;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    run(sql, prepared, boundValues(params), Expect.ROWS, false, null, false);
    return getResultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return (int) Math.min(Integer.MAX_VALUE, executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    run(sql, prepared, boundValues(params), Expect.COUNT, wantKeys, keyNames, false);
    return getLargeUpdateCount();
  }

  @Override
  public boolean execute() throws SQLException {
    return run(sql, prepared, boundValues(params), Expect.ANY, wantKeys, keyNames, false);
  }

  @Override
  public void addBatch() throws SQLException {
    checkOpen();
    List<Object> values = boundValues(params);
    if (batch == null) {
      batch = new ArrayList<>();
    }
    batch.add(values.toArray());
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch = null;
  }

  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<Object[]> items = batch == null ? List.of() : batch;
    batch = null;
    if (items.isEmpty()) {
      return new long[0];
    }
    List<List<Object>> sets = new ArrayList<>(items.size());
    for (Object[] item : items) {
      sets.add(Arrays.asList(item));
    }
    return runBatch(prepared, sets, wantKeys, keyNames);
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    Arrays.fill(params, UNSET);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return prepared.returnsRows() ? new JdbcResultSetMetaData(prepared.columns()) : null;
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return new JdbcParameterMetaData(prepared.parameters());
  }

  // ---- Statement methods that take SQL are not for prepared statements ---------------------------

  private SQLException notHere() {
    return SqlStates.exception(SqlStates.WRONG_STATEMENT_KIND,
        "a PreparedStatement runs its own SQL; use a Statement to run other SQL");
  }

  @Override public ResultSet executeQuery(String sql) throws SQLException { throw notHere(); }
  @Override public int executeUpdate(String sql) throws SQLException { throw notHere(); }
  @Override public long executeLargeUpdate(String sql) throws SQLException { throw notHere(); }
  @Override public boolean execute(String sql) throws SQLException { throw notHere(); }
  @Override public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException { throw notHere(); }
  @Override public int executeUpdate(String sql, int[] columnIndexes) throws SQLException { throw notHere(); }
  @Override public int executeUpdate(String sql, String[] columnNames) throws SQLException { throw notHere(); }
  @Override public boolean execute(String sql, int autoGeneratedKeys) throws SQLException { throw notHere(); }
  @Override public boolean execute(String sql, int[] columnIndexes) throws SQLException { throw notHere(); }
  @Override public boolean execute(String sql, String[] columnNames) throws SQLException { throw notHere(); }
  @Override public void addBatch(String sql) throws SQLException { throw notHere(); }

  // ---- setters -----------------------------------------------------------------------------------

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    set(parameterIndex, null);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    set(parameterIndex, null);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    set(parameterIndex, (long) x);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    set(parameterIndex, (long) x);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    set(parameterIndex, (long) x);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    set(parameterIndex, Conversions.toEngine(x));
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    set(parameterIndex, x);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    set(parameterIndex, value);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    set(parameterIndex, x == null ? null : x.clone());
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    set(parameterIndex, x == null ? null : x.toLocalDate());
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    set(parameterIndex, x == null ? null : x.toLocalTime());
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    set(parameterIndex, x == null ? null : x.toLocalDateTime());
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    set(parameterIndex, x == null ? null : cal == null ? x.toLocalDate() : Conversions.fromCalendar(x, cal, Types.DATE));
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    set(parameterIndex, x == null ? null : cal == null ? x.toLocalTime() : Conversions.fromCalendar(x, cal, Types.TIME));
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    set(parameterIndex, x == null ? null
        : cal == null ? x.toLocalDateTime() : Conversions.fromCalendar(x, cal, Types.TIMESTAMP));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    setAsciiStream(parameterIndex, x, (long) length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    set(parameterIndex, x == null ? null
        : new String(Conversions.readAll(x, length), java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    setAsciiStream(parameterIndex, x, -1L);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    set(parameterIndex, x == null ? null
        : new String(Conversions.readAll(x, length), java.nio.charset.StandardCharsets.UTF_16BE));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    setBinaryStream(parameterIndex, x, (long) length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    set(parameterIndex, x == null ? null : Conversions.readAll(x, length));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    setBinaryStream(parameterIndex, x, -1L);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
    setCharacterStream(parameterIndex, reader, (long) length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    set(parameterIndex, reader == null ? null : Conversions.readAll(reader, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader, -1L);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    setCharacterStream(parameterIndex, value, length);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    setCharacterStream(parameterIndex, value, -1L);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    set(parameterIndex, Conversions.toEngine(x, targetSqlType, -1));
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    set(parameterIndex, Conversions.toEngine(x));
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    set(parameterIndex, Conversions.toEngine(x, targetSqlType, scaleOrLength));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    setObject(parameterIndex, x, vendorType(targetSqlType), scaleOrLength);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    setObject(parameterIndex, x, vendorType(targetSqlType));
  }

  private static int vendorType(SQLType t) throws SQLException {
    if (t == null || t.getVendorTypeNumber() == null) {
      throw SqlStates.unsupported("SQL type " + t);
    }
    return t.getVendorTypeNumber();
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    set(parameterIndex, Conversions.toEngine(x));
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    set(parameterIndex, Conversions.toEngine(x));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    setBinaryStream(parameterIndex, inputStream, length);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    setBinaryStream(parameterIndex, inputStream);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    set(parameterIndex, Conversions.toEngine(value));
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader);
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    set(parameterIndex, x == null ? null : x.toString());
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    throw SqlStates.unsupported("REF");
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    throw SqlStates.unsupported("ARRAY");
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw SqlStates.unsupported("ROWID");
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    throw SqlStates.unsupported("SQLXML");
  }

  @Override
  public String toString() {
    return sql;
  }
}

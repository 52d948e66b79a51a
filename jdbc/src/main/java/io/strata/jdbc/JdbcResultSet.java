package io.strata.jdbc;

import io.strata.planner.ColumnMeta;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/**
 * A forward-only, read-only result set over a {@link RowSource}. Column lookups by label are
 * case-insensitive and take the first match, as JDBC asks. {@code maxRows} (0 = unlimited) cuts
 * the rows off without the caller noticing, as {@link Statement#setMaxRows} specifies.
 */
final class JdbcResultSet implements ResultSet, SelfWrapper {
  private final JdbcStatement statement;
  private final RowSource rows;
  private final List<ColumnMeta> columns;
  private final long maxRows;
  private Map<String, Integer> byLabel;
  private long rowNumber;
  private boolean onRow;
  private boolean afterLast;
  private boolean wasNull;
  private boolean closed;
  private int fetchSize;

  JdbcResultSet(JdbcStatement statement, RowSource rows, long maxRows) {
    this.statement = statement;
    this.rows = rows;
    this.columns = rows.columns();
    this.maxRows = maxRows;
  }

  List<ColumnMeta> columnMeta() {
    return columns;
  }

  private void checkOpen() throws SQLException {
    if (closed) {
      throw SqlStates.closed("result set");
    }
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (afterLast) {
      return false;
    }
    if (maxRows > 0 && rowNumber >= maxRows) {
      onRow = false;
      afterLast = true;
      return false;
    }
    boolean more = rows.next();
    if (more) {
      rowNumber++;
      onRow = true;
    } else {
      onRow = false;
      afterLast = true;
    }
    return more;
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    onRow = false;
    try {
      rows.close();
    } finally {
      if (statement != null) {
        statement.resultSetClosed(this);
      }
    }
  }

  /** Value of a 1-based column on the current row; sets wasNull. */
  private Object value(int columnIndex) throws SQLException {
    checkOpen();
    if (!onRow) {
      throw SqlStates.exception(SqlStates.INVALID_CURSOR_STATE,
          afterLast ? "the result set is past its last row" : "call next() before reading a row");
    }
    if (columnIndex < 1 || columnIndex > columns.size()) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT,
          "column index " + columnIndex + " out of range 1.." + columns.size());
    }
    Object v = rows.get(columnIndex - 1);
    wasNull = v == null;
    return v;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    if (columnLabel == null) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "column label is null");
    }
    if (byLabel == null) {
      Map<String, Integer> m = new HashMap<>();
      for (int i = columns.size() - 1; i >= 0; i--) {
        m.put(columns.get(i).label().toLowerCase(Locale.ROOT), i + 1);
      }
      for (int i = columns.size() - 1; i >= 0; i--) {
        ColumnMeta c = columns.get(i);
        if (!c.table().isEmpty()) {
          m.putIfAbsent((c.table() + "." + c.name()).toLowerCase(Locale.ROOT), i + 1);
        }
      }
      byLabel = m;
    }
    Integer i = byLabel.get(columnLabel.toLowerCase(Locale.ROOT));
    if (i == null) {
      String unquoted = columnLabel.length() > 1 && columnLabel.startsWith("\"") && columnLabel.endsWith("\"")
          ? columnLabel.substring(1, columnLabel.length() - 1) : null;
      if (unquoted != null) {
        i = byLabel.get(unquoted.toLowerCase(Locale.ROOT));
      }
      if (i == null) {
        throw SqlStates.exception(SqlStates.UNKNOWN_COLUMN, "no column '" + columnLabel + "' in the result");
      }
    }
    return i;
  }

  private int type(int columnIndex) {
    return columns.get(columnIndex - 1).jdbcType();
  }

  // ---- getters by index --------------------------------------------------------------------------

  @Override
  public String getString(int columnIndex) throws SQLException {
    return Conversions.toText(value(columnIndex));
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v != null && Conversions.toBoolean(v);
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : (byte) Conversions.toLong(v, "TINYINT", Byte.MIN_VALUE, Byte.MAX_VALUE);
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : (short) Conversions.toLong(v, "SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE);
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : (int) Conversions.toLong(v, "INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : Conversions.toLong(v, "BIGINT");
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : Conversions.toFloat(v);
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? 0 : Conversions.toDouble(v);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(columnIndex);
    return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : Conversions.toBigDecimal(v);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : Conversions.toBytes(v);
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    return getDate(columnIndex, (Calendar) null);
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    return getTime(columnIndex, (Calendar) null);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    return getTimestamp(columnIndex, (Calendar) null);
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : Conversions.toDate(v, cal);
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : Conversions.toTime(v, cal);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : Conversions.toTimestamp(v, cal);
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    byte[] b = getBytes(columnIndex);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return Conversions.toObject(v, type(columnIndex));
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    return Conversions.toClass(value(columnIndex), type);
  }

  @Override
  public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
    return getObject(columnIndex);
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    byte[] b = getBytes(columnIndex);
    return b == null ? null : new SerialBlob(b);
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new SerialClob(s.toCharArray());
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    throw SqlStates.unsupported("NClob");
  }

  @Override
  public String getNString(int columnIndex) throws SQLException {
    return getString(columnIndex);
  }

  @Override
  public Reader getNCharacterStream(int columnIndex) throws SQLException {
    return getCharacterStream(columnIndex);
  }

  @Override
  public URL getURL(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    if (s == null) {
      return null;
    }
    try {
      return new URL(s);
    } catch (MalformedURLException e) {
      throw SqlStates.exception(SqlStates.INVALID_CHARACTER_VALUE, "not a URL: " + s, e);
    }
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    throw SqlStates.unsupported("ARRAY");
  }

  @Override
  public Ref getRef(int columnIndex) throws SQLException {
    throw SqlStates.unsupported("REF");
  }

  @Override
  public RowId getRowId(int columnIndex) throws SQLException {
    throw SqlStates.unsupported("ROWID");
  }

  @Override
  public SQLXML getSQLXML(int columnIndex) throws SQLException {
    throw SqlStates.unsupported("SQLXML");
  }

  // ---- getters by label --------------------------------------------------------------------------

  @Override
  public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override
  public boolean getBoolean(String columnLabel) throws SQLException {
    return getBoolean(findColumn(columnLabel));
  }

  @Override
  public byte getByte(String columnLabel) throws SQLException {
    return getByte(findColumn(columnLabel));
  }

  @Override
  public short getShort(String columnLabel) throws SQLException {
    return getShort(findColumn(columnLabel));
  }

  @Override
  public int getInt(String columnLabel) throws SQLException {
    return getInt(findColumn(columnLabel));
  }

  @Override
  public long getLong(String columnLabel) throws SQLException {
    return getLong(findColumn(columnLabel));
  }

  @Override
  public float getFloat(String columnLabel) throws SQLException {
    return getFloat(findColumn(columnLabel));
  }

  @Override
  public double getDouble(String columnLabel) throws SQLException {
    return getDouble(findColumn(columnLabel));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
    return getBigDecimal(findColumn(columnLabel), scale);
  }

  @Override
  public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
    return getBigDecimal(findColumn(columnLabel));
  }

  @Override
  public byte[] getBytes(String columnLabel) throws SQLException {
    return getBytes(findColumn(columnLabel));
  }

  @Override
  public Date getDate(String columnLabel) throws SQLException {
    return getDate(findColumn(columnLabel));
  }

  @Override
  public Time getTime(String columnLabel) throws SQLException {
    return getTime(findColumn(columnLabel));
  }

  @Override
  public Timestamp getTimestamp(String columnLabel) throws SQLException {
    return getTimestamp(findColumn(columnLabel));
  }

  @Override
  public Date getDate(String columnLabel, Calendar cal) throws SQLException {
    return getDate(findColumn(columnLabel), cal);
  }

  @Override
  public Time getTime(String columnLabel, Calendar cal) throws SQLException {
    return getTime(findColumn(columnLabel), cal);
  }

  @Override
  public Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(columnLabel), cal);
  }

  @Override
  public InputStream getAsciiStream(String columnLabel) throws SQLException {
    return getAsciiStream(findColumn(columnLabel));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String columnLabel) throws SQLException {
    return getUnicodeStream(findColumn(columnLabel));
  }

  @Override
  public InputStream getBinaryStream(String columnLabel) throws SQLException {
    return getBinaryStream(findColumn(columnLabel));
  }

  @Override
  public Object getObject(String columnLabel) throws SQLException {
    return getObject(findColumn(columnLabel));
  }

  @Override
  public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  @Override
  public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(columnLabel), map);
  }

  @Override
  public Reader getCharacterStream(String columnLabel) throws SQLException {
    return getCharacterStream(findColumn(columnLabel));
  }

  @Override
  public Blob getBlob(String columnLabel) throws SQLException {
    return getBlob(findColumn(columnLabel));
  }

  @Override
  public Clob getClob(String columnLabel) throws SQLException {
    return getClob(findColumn(columnLabel));
  }

  @Override
  public NClob getNClob(String columnLabel) throws SQLException {
    return getNClob(findColumn(columnLabel));
  }

  @Override
  public String getNString(String columnLabel) throws SQLException {
    return getNString(findColumn(columnLabel));
  }

  @Override
  public Reader getNCharacterStream(String columnLabel) throws SQLException {
    return getNCharacterStream(findColumn(columnLabel));
  }

  @Override
  public URL getURL(String columnLabel) throws SQLException {
    return getURL(findColumn(columnLabel));
  }

  @Override
  public Array getArray(String columnLabel) throws SQLException {
    return getArray(findColumn(columnLabel));
  }

  @Override
  public Ref getRef(String columnLabel) throws SQLException {
    return getRef(findColumn(columnLabel));
  }

  @Override
  public RowId getRowId(String columnLabel) throws SQLException {
    return getRowId(findColumn(columnLabel));
  }

  @Override
  public SQLXML getSQLXML(String columnLabel) throws SQLException {
    return getSQLXML(findColumn(columnLabel));
  }

  // ---- cursor state ------------------------------------------------------------------------------

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public String getCursorName() throws SQLException {
    throw SqlStates.unsupported("named cursors");
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return new JdbcResultSetMetaData(columns);
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return rowNumber == 0 && !afterLast;
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return afterLast && rowNumber > 0;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return onRow && rowNumber == 1;
  }

  @Override
  public boolean isLast() throws SQLException {
    throw SqlStates.unsupported("isLast on a forward-only result set");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public void afterLast() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean first() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean last() throws SQLException {
    throw forwardOnly();
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return onRow ? (int) Math.min(Integer.MAX_VALUE, rowNumber) : 0;
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    throw forwardOnly();
  }

  @Override
  public boolean previous() throws SQLException {
    throw forwardOnly();
  }

  private SQLException forwardOnly() throws SQLException {
    checkOpen();
    return SqlStates.exception(SqlStates.UNSUPPORTED, "the result set is TYPE_FORWARD_ONLY");
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != FETCH_FORWARD) {
      throw forwardOnly();
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "fetch size must be >= 0");
    }
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return CONCUR_READ_ONLY;
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean rowInserted() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  // ---- updates: the result set is CONCUR_READ_ONLY ------------------------------------------------

  private SQLException readOnly() throws SQLException {
    checkOpen();
    return SqlStates.exception(SqlStates.UNSUPPORTED, "the result set is CONCUR_READ_ONLY; use UPDATE statements");
  }

  @Override public void updateNull(int columnIndex) throws SQLException { throw readOnly(); }
  @Override public void updateBoolean(int columnIndex, boolean x) throws SQLException { throw readOnly(); }
  @Override public void updateByte(int columnIndex, byte x) throws SQLException { throw readOnly(); }
  @Override public void updateShort(int columnIndex, short x) throws SQLException { throw readOnly(); }
  @Override public void updateInt(int columnIndex, int x) throws SQLException { throw readOnly(); }
  @Override public void updateLong(int columnIndex, long x) throws SQLException { throw readOnly(); }
  @Override public void updateFloat(int columnIndex, float x) throws SQLException { throw readOnly(); }
  @Override public void updateDouble(int columnIndex, double x) throws SQLException { throw readOnly(); }
  @Override public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException { throw readOnly(); }
  @Override public void updateString(int columnIndex, String x) throws SQLException { throw readOnly(); }
  @Override public void updateBytes(int columnIndex, byte[] x) throws SQLException { throw readOnly(); }
  @Override public void updateDate(int columnIndex, Date x) throws SQLException { throw readOnly(); }
  @Override public void updateTime(int columnIndex, Time x) throws SQLException { throw readOnly(); }
  @Override public void updateTimestamp(int columnIndex, Timestamp x) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(int columnIndex, InputStream x, int length) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(int columnIndex, InputStream x, int length) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(int columnIndex, Reader x, int length) throws SQLException { throw readOnly(); }
  @Override public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException { throw readOnly(); }
  @Override public void updateObject(int columnIndex, Object x) throws SQLException { throw readOnly(); }
  @Override public void updateNull(String columnLabel) throws SQLException { throw readOnly(); }
  @Override public void updateBoolean(String columnLabel, boolean x) throws SQLException { throw readOnly(); }
  @Override public void updateByte(String columnLabel, byte x) throws SQLException { throw readOnly(); }
  @Override public void updateShort(String columnLabel, short x) throws SQLException { throw readOnly(); }
  @Override public void updateInt(String columnLabel, int x) throws SQLException { throw readOnly(); }
  @Override public void updateLong(String columnLabel, long x) throws SQLException { throw readOnly(); }
  @Override public void updateFloat(String columnLabel, float x) throws SQLException { throw readOnly(); }
  @Override public void updateDouble(String columnLabel, double x) throws SQLException { throw readOnly(); }
  @Override public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException { throw readOnly(); }
  @Override public void updateString(String columnLabel, String x) throws SQLException { throw readOnly(); }
  @Override public void updateBytes(String columnLabel, byte[] x) throws SQLException { throw readOnly(); }
  @Override public void updateDate(String columnLabel, Date x) throws SQLException { throw readOnly(); }
  @Override public void updateTime(String columnLabel, Time x) throws SQLException { throw readOnly(); }
  @Override public void updateTimestamp(String columnLabel, Timestamp x) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(String columnLabel, InputStream x, int length) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(String columnLabel, InputStream x, int length) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(String columnLabel, Reader reader, int length) throws SQLException { throw readOnly(); }
  @Override public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException { throw readOnly(); }
  @Override public void updateObject(String columnLabel, Object x) throws SQLException { throw readOnly(); }
  @Override public void insertRow() throws SQLException { throw readOnly(); }
  @Override public void updateRow() throws SQLException { throw readOnly(); }
  @Override public void deleteRow() throws SQLException { throw readOnly(); }
  @Override public void refreshRow() throws SQLException { throw readOnly(); }
  @Override public void cancelRowUpdates() throws SQLException { throw readOnly(); }
  @Override public void moveToInsertRow() throws SQLException { throw readOnly(); }
  @Override public void moveToCurrentRow() throws SQLException { throw readOnly(); }
  @Override public void updateRef(int columnIndex, Ref x) throws SQLException { throw readOnly(); }
  @Override public void updateRef(String columnLabel, Ref x) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(int columnIndex, Blob x) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(String columnLabel, Blob x) throws SQLException { throw readOnly(); }
  @Override public void updateClob(int columnIndex, Clob x) throws SQLException { throw readOnly(); }
  @Override public void updateClob(String columnLabel, Clob x) throws SQLException { throw readOnly(); }
  @Override public void updateArray(int columnIndex, Array x) throws SQLException { throw readOnly(); }
  @Override public void updateArray(String columnLabel, Array x) throws SQLException { throw readOnly(); }
  @Override public void updateRowId(int columnIndex, RowId x) throws SQLException { throw readOnly(); }
  @Override public void updateRowId(String columnLabel, RowId x) throws SQLException { throw readOnly(); }
  @Override public void updateNString(int columnIndex, String nString) throws SQLException { throw readOnly(); }
  @Override public void updateNString(String columnLabel, String nString) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(int columnIndex, NClob nClob) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(String columnLabel, NClob nClob) throws SQLException { throw readOnly(); }
  @Override public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException { throw readOnly(); }
  @Override public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException { throw readOnly(); }
  @Override public void updateNCharacterStream(int columnIndex, Reader x, long length) throws SQLException { throw readOnly(); }
  @Override public void updateNCharacterStream(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(int columnIndex, InputStream x, long length) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(int columnIndex, InputStream x, long length) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(int columnIndex, Reader x, long length) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(String columnLabel, InputStream x, long length) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(String columnLabel, InputStream x, long length) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException { throw readOnly(); }
  @Override public void updateClob(int columnIndex, Reader reader, long length) throws SQLException { throw readOnly(); }
  @Override public void updateClob(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException { throw readOnly(); }
  @Override public void updateNCharacterStream(int columnIndex, Reader x) throws SQLException { throw readOnly(); }
  @Override public void updateNCharacterStream(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(int columnIndex, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(int columnIndex, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(int columnIndex, Reader x) throws SQLException { throw readOnly(); }
  @Override public void updateAsciiStream(String columnLabel, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateBinaryStream(String columnLabel, InputStream x) throws SQLException { throw readOnly(); }
  @Override public void updateCharacterStream(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException { throw readOnly(); }
  @Override public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException { throw readOnly(); }
  @Override public void updateClob(int columnIndex, Reader reader) throws SQLException { throw readOnly(); }
  @Override public void updateClob(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(int columnIndex, Reader reader) throws SQLException { throw readOnly(); }
  @Override public void updateNClob(String columnLabel, Reader reader) throws SQLException { throw readOnly(); }
}

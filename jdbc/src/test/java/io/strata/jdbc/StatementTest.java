package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementTest {
  private Connection c;

  @BeforeEach
  void setUp() throws SQLException {
    c = Db.open(Db.memUrl());
    Db.exec(c, "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, price DECIMAL(10,2),"
        + " qty BIGINT, ratio DOUBLE, born DATE, at TIMESTAMP, t TIME, ok BOOLEAN, data VARBINARY(16))");
  }

  @AfterEach
  void tearDown() throws SQLException {
    c.close();
  }

  @Test
  void preparedSettersAndGettersRoundTrip() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setInt(1, 1);
      ps.setString(2, "widget");
      ps.setBigDecimal(3, new BigDecimal("12.50"));
      ps.setLong(4, 5_000_000_000L);
      ps.setDouble(5, 0.25);
      ps.setObject(6, LocalDate.of(2026, 11, 25));
      ps.setObject(7, LocalDateTime.of(2026, 11, 25, 10, 30, 15, 123_000_000));
      ps.setObject(8, LocalTime.of(10, 30));
      ps.setBoolean(9, true);
      ps.setBytes(10, new byte[] {1, 2, 3});
      assertEquals(1, ps.executeUpdate());
      ps.setInt(1, 2);
      ps.setString(2, "nothing");
      ps.setNull(3, Types.DECIMAL);
      ps.setNull(4, Types.BIGINT);
      ps.setNull(5, Types.DOUBLE);
      ps.setDate(6, null);
      ps.setTimestamp(7, null);
      ps.setNull(8, Types.TIME);
      ps.setNull(9, Types.BOOLEAN);
      ps.setNull(10, Types.VARBINARY);
      assertEquals(1, ps.executeUpdate());
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM item ORDER BY id")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt("id"));
      assertEquals("widget", rs.getString("NAME"));
      assertEquals(0, new BigDecimal("12.50").compareTo(rs.getBigDecimal("price")));
      assertEquals(5_000_000_000L, rs.getLong("qty"));
      assertEquals(0.25, rs.getDouble("ratio"));
      assertEquals(Date.valueOf("2026-11-25"), rs.getDate("born"));
      assertEquals(LocalDate.of(2026, 11, 25), rs.getObject("born", LocalDate.class));
      assertEquals(Timestamp.valueOf("2026-11-25 10:30:15.123"), rs.getTimestamp("at"));
      assertEquals(LocalDateTime.of(2026, 11, 25, 10, 30, 15, 123_000_000), rs.getObject("at", LocalDateTime.class));
      assertEquals(LocalTime.of(10, 30), rs.getObject("t", LocalTime.class));
      assertTrue(rs.getBoolean("ok"));
      assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes("data"));
      assertFalse(rs.wasNull());
      assertTrue(rs.next());
      assertEquals(0, rs.getLong("qty"));
      assertTrue(rs.wasNull());
      assertNull(rs.getBigDecimal("price"));
      assertTrue(rs.wasNull());
      assertNull(rs.getObject("born"));
      assertFalse(rs.getBoolean("ok"));
      assertTrue(rs.wasNull());
      assertFalse(rs.rowUpdated());
      assertFalse(rs.rowInserted());
      assertFalse(rs.rowDeleted());
      assertFalse(rs.next());
    }
  }

  @Test
  void resultSetMetaDataDescribesColumns() throws SQLException {
    Db.exec(c, "INSERT INTO item (id, name) VALUES (1, 'a')");
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, name AS label, price, id + 1 AS next_id FROM item")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(4, md.getColumnCount());
      assertEquals("id", md.getColumnLabel(1).toLowerCase());
      // the engine computes every exact integer in 64 bits and reports result columns as BIGINT
      assertEquals(Types.BIGINT, md.getColumnType(1));
      assertEquals("item", md.getTableName(1).toLowerCase());
      assertEquals("label", md.getColumnLabel(2).toLowerCase());
      assertEquals("name", md.getColumnName(2).toLowerCase());
      assertEquals(Types.VARCHAR, md.getColumnType(2));
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(2));
      assertEquals(Types.DECIMAL, md.getColumnType(3));
      assertEquals(10, md.getPrecision(3));
      assertEquals(2, md.getScale(3));
      assertEquals("next_id", md.getColumnLabel(4).toLowerCase());
      assertEquals(String.class.getName(), md.getColumnClassName(2));
      assertTrue(rs.next());
      assertEquals(md.getColumnClassName(1), rs.getObject(1).getClass().getName(),
          "getObject follows getColumnClassName");
    }
  }

  @Test
  void generatedKeysBothForms() throws SQLException {
    // a declared primary key comes back as the key of each inserted row
    Db.exec(c, "CREATE TABLE keyed (code VARCHAR(10) PRIMARY KEY, name VARCHAR(10))");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO keyed VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "k1");
      ps.setString(2, "a");
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertTrue(keys.next());
        assertEquals("k1", keys.getString(1));
        assertFalse(keys.next());
      }
    }
    // without one, the engine's row id is the generated key
    Db.exec(c, "CREATE TABLE log (msg VARCHAR(10))");
    long first;
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO log VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "a");
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertTrue(keys.next());
        first = keys.getLong(1);
        assertTrue(first > 0);
        assertFalse(keys.next());
      }
      ps.setString(1, "b");
      ps.executeUpdate();
      try (ResultSet k2 = ps.getGeneratedKeys()) {
        assertTrue(k2.next());
        assertTrue(k2.getLong(1) > first);
      }
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO log VALUES (?)", new String[] {"id"})) {
      ps.setString(1, "c");
      ps.addBatch();
      ps.setString(1, "d");
      ps.addBatch();
      assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
      List<Long> ids = new ArrayList<>();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertEquals("id", keys.getMetaData().getColumnLabel(1), "the key takes the name asked for");
        while (keys.next()) {
          ids.add(keys.getLong("ID"));
        }
      }
      assertEquals(2, ids.size(), "a batch returns the keys of every row");
      assertTrue(ids.get(1) > ids.get(0));
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO log VALUES ('e'), ('f')", Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertTrue(keys.next());
        assertTrue(keys.next());
        assertFalse(keys.next());
      }
      s.executeUpdate("INSERT INTO log VALUES ('g')");
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertFalse(keys.next(), "no keys were asked for");
      }
    }
    assertEquals(7, Db.count(c, "log"));
  }

  @Test
  void batchesReportCountsAndStopAtTheFirstFailure() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.addBatch("INSERT INTO item (id, name) VALUES (1, 'a')");
      s.addBatch("INSERT INTO item (id, name) VALUES (2, 'b')");
      s.addBatch("UPDATE item SET qty = 1");
      assertArrayEquals(new int[] {1, 1, 2}, s.executeBatch());
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
      for (int id : new int[] {3, 4, 1, 5}) {
        ps.setInt(1, id);
        ps.setString(2, "x" + id);
        ps.addBatch();
      }
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23505", e.getSQLState());
      assertArrayEquals(new int[] {1, 1}, e.getUpdateCounts());
    }
    assertEquals(4, Db.count(c, "item"));
  }

  /**
   * Inside a transaction the engine runs a batch in one call; each parameter set still succeeds
   * or fails alone: the sets before a failure stand, the failing one leaves nothing (not even the
   * row entry of a row whose unique index entry failed), and the transaction goes on.
   */
  @Test
  void batchesInATransactionKeepPerRowAtomicity() throws SQLException {
    Db.exec(c, "CREATE UNIQUE INDEX item_name ON item (name)");
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (id, name, qty) VALUES (?, ?, ?)",
        new String[] {"id"})) {
      for (int id = 1; id <= 500; id++) {
        ps.setInt(1, id);
        ps.setString(2, "n" + id);
        ps.setLong(3, id * 10L);
        ps.addBatch();
      }
      long[] counts = ps.executeLargeBatch();
      assertEquals(500, counts.length);
      assertTrue(java.util.Arrays.stream(counts).allMatch(n -> n == 1));
      try (ResultSet keys = ps.getGeneratedKeys()) {
        int n = 0;
        while (keys.next()) {
          assertEquals(++n, keys.getInt("id"));
        }
        assertEquals(500, n, "the keys of every row");
      }
      // 501 and 502 insert; 503 repeats the name of row 7 (its row entry is written before the
      // index refuses it); 504 never runs
      int[][] rows = {{501, 501}, {502, 502}, {503, 7}, {504, 504}};
      for (int[] r : rows) {
        ps.setInt(1, r[0]);
        ps.setString(2, "n" + r[1]);
        ps.setLong(3, 0);
        ps.addBatch();
      }
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23505", e.getSQLState());
      assertArrayEquals(new int[] {1, 1}, e.getUpdateCounts());
    }
    assertEquals(502, Db.count(c, "item"));
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM item WHERE id >= 503")) {
      assertTrue(rs.next());
      assertEquals(0, rs.getInt(1), "the failed row left nothing");
    }
    c.commit();
    try (PreparedStatement ps = c.prepareStatement("UPDATE item SET qty = qty + ? WHERE id = ?")) {
      ps.setLong(1, 1);
      ps.setInt(2, 1);
      ps.addBatch();
      ps.setLong(1, 1);
      ps.setInt(2, 99_999);
      ps.addBatch();
      assertArrayEquals(new int[] {1, 0}, ps.executeBatch());
    }
    c.rollback();
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT qty FROM item WHERE id = 1")) {
      assertTrue(rs.next());
      assertEquals(10, rs.getLong(1), "a batch is part of the transaction it ran in");
    }
  }

  @Test
  void executeVariantsMoreResultsAndMaxRows() throws SQLException {
    try (Statement s = c.createStatement()) {
      assertFalse(s.execute("INSERT INTO item (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')"));
      assertEquals(3, s.getUpdateCount());
      assertNull(s.getResultSet());
      assertFalse(s.getMoreResults());
      assertEquals(-1, s.getUpdateCount());
      assertTrue(s.execute("SELECT id FROM item ORDER BY id"));
      assertEquals(-1, s.getUpdateCount());
      ResultSet rs = s.getResultSet();
      assertTrue(rs.next());
      assertFalse(s.getMoreResults());
      assertTrue(rs.isClosed(), "getMoreResults closes the current result set");
      s.setMaxRows(2);
      s.setFetchSize(100);
      assertEquals(100, s.getFetchSize());
      try (ResultSet limited = s.executeQuery("SELECT id FROM item ORDER BY id")) {
        int n = 0;
        while (limited.next()) {
          n++;
        }
        assertEquals(2, n);
      }
      assertEquals("07000", assertThrows(SQLException.class,
          () -> s.executeQuery("DELETE FROM item WHERE id = 3")).getSQLState());
      assertEquals(3, Db.count(c, "item"), "executeQuery refused the DELETE before running it");
      assertEquals("07000", assertThrows(SQLException.class,
          () -> s.executeUpdate("SELECT 1")).getSQLState());
    }
  }

  @Test
  void parameterMetaDataAndMissingParameters() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE id = ? AND name = ?")) {
      ParameterMetaData pm = ps.getParameterMetaData();
      assertEquals(2, pm.getParameterCount());
      assertEquals(ParameterMetaData.parameterModeIn, pm.getParameterMode(1));
      assertEquals(Types.VARCHAR, pm.getParameterType(2));
      assertEquals(1, ps.getMetaData().getColumnCount());
      ps.setInt(1, 1);
      SQLException e = assertThrows(SQLException.class, ps::executeQuery);
      assertEquals("07001", e.getSQLState());
      assertTrue(e.getMessage().contains("parameter 2"), e.getMessage());
      assertEquals("07001", assertThrows(SQLException.class, () -> ps.setInt(3, 1)).getSQLState());
      ps.setString(2, "a");
      try (ResultSet rs = ps.executeQuery()) {
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void setObjectWithJavaTimeAndTargetTypes() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO item (id, name, price, born, at) VALUES (?, ?, ?, ?, ?)")) {
      ps.setObject(1, 7);
      ps.setObject(2, 42, Types.VARCHAR);
      ps.setObject(3, "3.14", Types.DECIMAL);
      ps.setObject(4, "2026-01-31", Types.DATE);
      ps.setObject(5, java.time.OffsetDateTime.parse("2026-01-31T08:00:00Z").atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime());
      ps.executeUpdate();
    }
    assertEquals(List.of(List.of(7L, "42", new BigDecimal("3.14"), Date.valueOf("2026-01-31"))),
        Db.rows(c, "SELECT id, name, price, born FROM item"));
  }

  @Test
  void closedStatementAndResultSet() throws SQLException {
    Statement s = c.createStatement();
    ResultSet rs = s.executeQuery("SELECT 1");
    s.close();
    assertTrue(rs.isClosed());
    assertEquals("08003", assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1")).getSQLState());
    Statement s2 = c.createStatement();
    c.close();
    assertTrue(s2.isClosed(), "closing a connection closes its statements");
  }

  @Test
  void phaseTimesCountPlanningOnceAndExecutionEachTime() throws SQLException {
    StrataConnection sc = c.unwrap(StrataConnection.class);
    io.strata.planner.PhaseTimes before = sc.phaseTimes();
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM item WHERE id = ?")) {
      ps.setInt(1, 1);
      ps.executeQuery().close();
      io.strata.planner.PhaseTimes once = sc.phaseTimes();
      assertTrue(once.parse() > before.parse(), "parsed");
      assertTrue(once.validate() > before.validate(), "validated");
      assertTrue(once.optimise() > before.optimise(), "optimised");
      assertTrue(once.execute() > before.execute(), "executed");
      ps.executeQuery().close();
      io.strata.planner.PhaseTimes twice = sc.phaseTimes();
      assertEquals(once.validate(), twice.validate(), "the plan is reused");
      assertEquals(once.convert(), twice.convert());
      assertEquals(once.optimise(), twice.optimise());
      assertTrue(twice.execute() > once.execute(), "executed again");
      assertTrue(twice.total() >= twice.execute());
    }
  }
}

package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConversionsTest {

  @Test
  void parametersBecomeEngineValues() throws SQLException {
    assertEquals(5L, Conversions.toEngine(5));
    assertEquals(5L, Conversions.toEngine((short) 5));
    assertEquals(0.1, Conversions.toEngine(0.1f));
    assertEquals(new BigDecimal("12.50"), Conversions.toEngine(new BigDecimal("12.50")));
    assertEquals(7L, Conversions.toEngine(BigInteger.valueOf(7)));
    assertEquals(new BigDecimal("123456789012345678901234567890"),
        Conversions.toEngine(new BigInteger("123456789012345678901234567890")));
    assertEquals(LocalDate.of(2026, 1, 2), Conversions.toEngine(Date.valueOf("2026-01-02")));
    assertEquals(LocalTime.of(3, 4, 5), Conversions.toEngine(Time.valueOf("03:04:05")));
    assertEquals(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 600_000_000),
        Conversions.toEngine(Timestamp.valueOf("2026-01-02 03:04:05.6")));
    OffsetDateTime odt = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2));
    assertEquals(odt.toInstant(), Conversions.toEngine(odt));
    UUID u = UUID.randomUUID();
    assertEquals(u.toString(), Conversions.toEngine(u));
    assertEquals("abc", Conversions.toEngine(new StringReader("abc")));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) Conversions.toEngine(new ByteArrayInputStream(new byte[] {1, 2})));
    assertEquals("x", Conversions.toEngine('x'));
    assertThrows(SQLException.class, () -> Conversions.toEngine(new Object()));
  }

  @Test
  void setObjectWithTargetType() throws SQLException {
    assertEquals(12L, Conversions.toEngine("12", Types.INTEGER, -1));
    assertEquals("12", Conversions.toEngine(12, Types.VARCHAR, -1));
    assertEquals(true, Conversions.toEngine("true", Types.BOOLEAN, -1));
    assertEquals(LocalDate.of(2026, 5, 6), Conversions.toEngine("2026-05-06", Types.DATE, -1));
    assertEquals(new BigDecimal("1.50"), Conversions.toEngine(1.5, Types.DECIMAL, 2));
    assertEquals(LocalDateTime.of(2026, 5, 6, 0, 0), Conversions.toEngine(LocalDate.of(2026, 5, 6), Types.TIMESTAMP, -1));
    assertNull(Conversions.toEngine(null, Types.INTEGER, -1));
    assertThrows(SQLDataException.class, () -> Conversions.toEngine("x1", Types.INTEGER, -1));
  }

  @Test
  void gettersConvertAndCheckRanges() throws SQLException {
    assertEquals(42L, Conversions.toLong("42", "BIGINT"));
    assertEquals(3L, Conversions.toLong(3.9, "BIGINT"));
    assertEquals(3L, Conversions.toLong(new BigDecimal("3.9"), "BIGINT"));
    SQLException e = assertThrows(SQLDataException.class,
        () -> Conversions.toLong(3_000_000_000L, "INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE));
    assertEquals("22003", e.getSQLState());
    SQLException bad = assertThrows(SQLDataException.class, () -> Conversions.toLong("abc", "INTEGER"));
    assertEquals("22018", bad.getSQLState());
    assertTrue(Conversions.toBoolean(1L));
    assertFalse(Conversions.toBoolean("false"));
    assertThrows(SQLDataException.class, () -> Conversions.toBoolean("perhaps"));
    assertEquals(new BigDecimal("0.1"), Conversions.toBigDecimal(0.1));
    assertThrows(SQLDataException.class, () -> Conversions.toBigDecimal(Double.NaN));
    assertEquals("1.5", Conversions.toText(new BigDecimal("1.5")));
    assertEquals("2.0", Conversions.toText(2.0));
    assertEquals("2026-01-02 03:04:05.0", Conversions.toText(LocalDateTime.of(2026, 1, 2, 3, 4, 5)));
    assertEquals("0aff", Conversions.toText(new byte[] {10, (byte) 255}));
    assertEquals("TRUE", Conversions.toText(true));
  }

  @Test
  void getObjectUsesTheStandardClassOfTheColumnType() throws SQLException {
    assertInstanceOf(Integer.class, Conversions.toObject(5L, Types.INTEGER));
    assertInstanceOf(Integer.class, Conversions.toObject(5L, Types.SMALLINT));
    assertInstanceOf(Long.class, Conversions.toObject(5L, Types.BIGINT));
    assertInstanceOf(Float.class, Conversions.toObject(1.5, Types.REAL));
    assertInstanceOf(BigDecimal.class, Conversions.toObject(new BigDecimal("1"), Types.DECIMAL));
    assertEquals(Date.valueOf("2026-01-02"), Conversions.toObject(LocalDate.of(2026, 1, 2), Types.DATE));
    assertEquals(Time.valueOf("10:11:12"), Conversions.toObject(LocalTime.of(10, 11, 12), Types.TIME));
    assertEquals(Timestamp.valueOf("2026-01-02 10:11:12"),
        Conversions.toObject(LocalDateTime.of(2026, 1, 2, 10, 11, 12), Types.TIMESTAMP));
    assertEquals(Integer.class.getName(), Conversions.className(Types.INTEGER));
  }

  @Test
  void getObjectWithClass() throws SQLException {
    assertEquals(LocalDate.of(2026, 1, 2), Conversions.toClass(LocalDate.of(2026, 1, 2), LocalDate.class));
    assertEquals(LocalDate.of(2026, 1, 2), Conversions.toClass("2026-01-02", LocalDate.class));
    assertEquals(Integer.valueOf(7), Conversions.toClass(7L, Integer.class));
    assertEquals(new BigDecimal("7"), Conversions.toClass(7L, BigDecimal.class));
    UUID u = UUID.randomUUID();
    assertEquals(u, Conversions.toClass(u.toString(), UUID.class));
    assertNull(Conversions.toClass(null, String.class));
    assertThrows(SQLException.class, () -> Conversions.toClass(1L, Thread.class));
  }

  @Test
  void calendarsShiftTheWallClock() throws SQLException {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    Timestamp t = Conversions.toTimestamp(LocalDateTime.of(2026, 1, 2, 3, 4, 5), utc);
    assertEquals(Instant.parse("2026-01-02T03:04:05Z"), t.toInstant());
    Object back = Conversions.fromCalendar(t, utc, Types.TIMESTAMP);
    assertEquals(LocalDateTime.of(2026, 1, 2, 3, 4, 5), back);
  }
}

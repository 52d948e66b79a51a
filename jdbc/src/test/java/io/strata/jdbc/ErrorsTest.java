package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors reach the application with a standard SQLState and JDBC 4 subclass; the connection stays usable. */
class ErrorsTest {
  private Connection c;

  @BeforeEach
  void setUp() throws SQLException {
    c = Db.open(Db.memUrl());
    Db.exec(c, "CREATE TABLE p (id INTEGER PRIMARY KEY, email VARCHAR(50) NOT NULL UNIQUE, age INTEGER CHECK (age >= 0))",
        "INSERT INTO p VALUES (1, 'a@x', 30)");
  }

  @AfterEach
  void tearDown() throws SQLException {
    c.close();
  }

  private SQLException fail(String sql) {
    return assertThrows(SQLException.class, () -> Db.exec(c, sql), sql);
  }

  @Test
  void syntaxErrorsNameTheirPosition() throws SQLException {
    SQLException e = fail("SELECT *\nFORM p");
    assertInstanceOf(SQLSyntaxErrorException.class, e);
    assertEquals("42601", e.getSQLState());
    assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
    assertEquals(1, Db.count(c, "p"), "the connection is still usable");
    SQLException prep = assertThrows(SQLException.class, () -> c.prepareStatement("SELEC 1"));
    assertEquals("42601", prep.getSQLState());
  }

  @Test
  void unknownObjects() {
    SQLException table = fail("SELECT * FROM nope");
    assertInstanceOf(SQLSyntaxErrorException.class, table);
    assertEquals("42P01", table.getSQLState());
    SQLException column = fail("SELECT nope FROM p");
    assertInstanceOf(SQLSyntaxErrorException.class, column);
    assertEquals("42703", column.getSQLState());
  }

  @Test
  void constraintViolations() throws SQLException {
    SQLException pk = fail("INSERT INTO p VALUES (1, 'b@x', 1)");
    assertInstanceOf(SQLIntegrityConstraintViolationException.class, pk);
    assertEquals("23505", pk.getSQLState());
    assertEquals("23505", fail("INSERT INTO p VALUES (2, 'a@x', 1)").getSQLState());
    SQLException nn = fail("INSERT INTO p (id, age) VALUES (3, 1)");
    assertInstanceOf(SQLIntegrityConstraintViolationException.class, nn);
    assertEquals("23502", nn.getSQLState());
    SQLException check = fail("INSERT INTO p VALUES (4, 'c@x', -1)");
    assertEquals("23514", check.getSQLState());
    assertEquals(1, Db.count(c, "p"));
  }

  @Test
  void dataErrors() throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT email FROM p WHERE id = ?")) {
      ps.setInt(1, 1);
      try (var rs = ps.executeQuery()) {
        rs.next();
        SQLException e = assertThrows(SQLException.class, () -> rs.getInt(1));
        assertInstanceOf(SQLDataException.class, e);
        assertEquals("22018", e.getSQLState());
      }
    }
    SQLException overflow = fail("SELECT 9223372036854775807 + 1");
    assertInstanceOf(SQLDataException.class, overflow);
    assertEquals("22003", overflow.getSQLState());
    SQLException date = fail("SELECT CAST('2026-13-45' AS DATE)");
    assertInstanceOf(SQLDataException.class, date);
    assertEquals("22007", date.getSQLState());
    assertEquals("21000", fail("SELECT (SELECT id FROM p UNION ALL SELECT 2)").getSQLState());
    assertEquals("22003", fail("SELECT CAST(123456 AS DECIMAL(4, 1))").getSQLState());
    assertEquals(1, Db.count(c, "p"));
  }

  @Test
  void unsupportedFeatures() {
    SQLException e = assertThrows(SQLException.class, () -> c.prepareCall("call x()"));
    assertEquals("0A000", e.getSQLState());
  }
}

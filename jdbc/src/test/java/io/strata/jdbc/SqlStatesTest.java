package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.storage.ErrorCode;
import io.strata.storage.StorageException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

class SqlStatesTest {

  private static SQLException map(Reason r) {
    return SqlStates.map(new StrataException(r, "boom"), false);
  }

  @Test
  void everyReasonHasAStateAndAMatchingSubclass() {
    for (Reason r : Reason.values()) {
      SQLException e = map(r);
      assertNotNull(e.getSQLState(), r.name());
      assertEquals(5, e.getSQLState().length(), r.name());
      String cls = e.getSQLState().substring(0, 2);
      switch (cls) {
        case "42" -> assertInstanceOf(SQLSyntaxErrorException.class, e, r.name());
        case "23" -> assertInstanceOf(SQLIntegrityConstraintViolationException.class, e, r.name());
        case "22" -> assertInstanceOf(SQLDataException.class, e, r.name());
        case "40" -> assertInstanceOf(SQLTransactionRollbackException.class, e, r.name());
        case "0A" -> assertInstanceOf(SQLFeatureNotSupportedException.class, e, r.name());
        case "08" -> assertInstanceOf(SQLNonTransientConnectionException.class, e, r.name());
        default -> { }
      }
    }
    for (ErrorCode c : ErrorCode.values()) {
      SQLException e = SqlStates.map(new StorageException(c, "x"), false);
      assertEquals(5, e.getSQLState().length(), c.name());
    }
  }

  @Test
  void theDocumentedStates() {
    assertEquals("42601", map(Reason.SYNTAX).getSQLState());
    assertEquals("42P01", map(Reason.UNKNOWN_TABLE).getSQLState());
    assertEquals("42703", map(Reason.UNKNOWN_COLUMN).getSQLState());
    assertEquals("23505", map(Reason.UNIQUE_VIOLATION).getSQLState());
    assertEquals("23502", map(Reason.NOT_NULL_VIOLATION).getSQLState());
    assertEquals("23503", map(Reason.FOREIGN_KEY_VIOLATION).getSQLState());
    assertEquals("23514", map(Reason.CHECK_VIOLATION).getSQLState());
    assertEquals("22001", map(Reason.STRING_TOO_LONG).getSQLState());
    assertEquals("22003", map(Reason.NUMERIC_OUT_OF_RANGE).getSQLState());
    assertEquals("22007", map(Reason.INVALID_DATETIME).getSQLState());
    assertEquals("22018", map(Reason.INVALID_CHARACTER_VALUE).getSQLState());
    assertEquals("22012", map(Reason.DIVISION_BY_ZERO).getSQLState());
    assertEquals("22012", map(Reason.DIVISION_BY_ZERO).getSQLState());
    assertInstanceOf(SQLDataException.class, map(Reason.DIVISION_BY_ZERO));
    assertEquals("40001", map(Reason.SERIALIZATION_FAILURE).getSQLState());
    assertInstanceOf(SQLTransactionRollbackException.class, map(Reason.SERIALIZATION_FAILURE));
    assertEquals("25006", map(Reason.READ_ONLY).getSQLState());
    assertEquals("0A000", map(Reason.UNSUPPORTED).getSQLState());
    assertEquals("08003", map(Reason.CLOSED).getSQLState());
    assertEquals("57014", map(Reason.CANCELLED).getSQLState());
    assertEquals("72000", map(Reason.VERSION_NOT_AVAILABLE).getSQLState());
    assertEquals("40001", SqlStates.map(new StorageException(ErrorCode.CONFLICT, "c"), false).getSQLState());
    assertEquals("25006", SqlStates.map(new StorageException(ErrorCode.READ_ONLY, "r"), false).getSQLState());
    assertEquals("72000", SqlStates.map(new StorageException(ErrorCode.VERSION_NOT_RETAINED, "v"), false).getSQLState());
    assertEquals("54000", SqlStates.map(new StorageException(ErrorCode.OUT_OF_MEMORY, "m"), false).getSQLState());
  }

  @Test
  void timeoutBecomesSqlTimeoutException() {
    SQLException e = SqlStates.map(new StrataException(Reason.CANCELLED, "cancelled"), true);
    assertInstanceOf(SQLTimeoutException.class, e);
    assertEquals("57014", e.getSQLState());
    SQLException plain = SqlStates.map(new StrataException(Reason.CANCELLED, "cancelled"), false);
    assertEquals("57014", plain.getSQLState());
  }

  @Test
  void storageCauseOfAStorageReasonDecides() {
    StrataException e = new StrataException(Reason.STORAGE, "commit failed",
        new StorageException(ErrorCode.CONFLICT, "conflict on key"));
    SQLException m = SqlStates.map(e, false);
    assertEquals("40001", m.getSQLState());
    assertSame(e, m.getCause());
  }

  @Test
  void wrappedEngineErrorsAreFound() {
    RuntimeException wrapper = new RuntimeException("wrapped",
        new StrataException(Reason.UNIQUE_VIOLATION, "duplicate key"));
    assertEquals("23505", SqlStates.map(wrapper, false).getSQLState());
  }

  @Test
  void positionIsAddedOnce() {
    SQLException e = SqlStates.map(new StrataException(Reason.SYNTAX, "unexpected 'FORM'", 2, 7, null), false);
    assertTrue(e.getMessage().startsWith("line 2:7: "), e.getMessage());
    SQLException f = SqlStates.map(new StrataException(Reason.SYNTAX, "line 2:7: unexpected 'FORM'", 2, 7, null), false);
    assertEquals("line 2:7: unexpected 'FORM'", f.getMessage());
  }

  @Test
  void parseErrorsAreSyntaxErrorsWithTheirPosition() {
    SQLException e = SqlStates.map(new io.strata.parser.SqlParseException(3, 14, "unexpected 'FROMM'"), false);
    assertInstanceOf(SQLSyntaxErrorException.class, e);
    assertEquals("42601", e.getSQLState());
    assertEquals("line 3:14: unexpected 'FROMM'", e.getMessage());
  }

  @Test
  void unknownErrorsAreInternal() {
    SQLException e = SqlStates.map(new IllegalStateException("bug"), false);
    assertEquals("XX000", e.getSQLState());
    assertTrue(e.getMessage().contains("IllegalStateException"));
  }
}

package io.strata.jdbc;

import io.strata.parser.SqlParseException;
import io.strata.planner.StrataException;
import io.strata.storage.ErrorCode;
import io.strata.storage.StorageException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * The one place where errors become SQLStates and JDBC 4 exception subclasses.
 *
 * <p>Classes and subclasses follow the SQL standard (class 21 cardinality, 22 data, 23 integrity,
 * 25 transaction state, 40 rollback, 42 syntax or access rule, 0A unsupported, 08 connection, 54
 * program limit). Where the standard
 * defines no subclass the PostgreSQL code is used, because tools recognise it most widely: 42P01
 * unknown table, 42703 unknown column, 42704 unknown object, 42710 duplicate object, 42702
 * ambiguous name, 42804 type mismatch, 57014 cancelled, 72000 version no longer retained. The
 * exception class is chosen from the SQLState class alone ({@link #exception}), so state and class
 * always agree.
 */
final class SqlStates {
  static final String SYNTAX = "42601";
  static final String SYNTAX_OR_ACCESS = "42000";
  static final String UNKNOWN_TABLE = "42P01";
  static final String UNKNOWN_COLUMN = "42703";
  static final String UNKNOWN_OBJECT = "42704";
  static final String DUPLICATE_OBJECT = "42710";
  static final String AMBIGUOUS_NAME = "42702";
  static final String TYPE_MISMATCH = "42804";
  static final String UNIQUE = "23505";
  static final String NOT_NULL = "23502";
  static final String FOREIGN_KEY = "23503";
  static final String CHECK = "23514";
  static final String DATA = "22000";
  static final String STRING_TOO_LONG = "22001";
  static final String NUMERIC_OUT_OF_RANGE = "22003";
  static final String DIVISION_BY_ZERO = "22012";
  static final String INVALID_CHARACTER_VALUE = "22018";
  static final String INVALID_DATETIME = "22007";
  static final String INVALID_PARAMETER_VALUE = "22023";
  static final String CARDINALITY_VIOLATION = "21000";
  static final String SERIALIZATION_FAILURE = "40001";
  static final String INVALID_TRANSACTION_STATE = "25000";
  static final String READ_ONLY = "25006";
  static final String FAILED_TRANSACTION = "25P02";
  static final String INVALID_SAVEPOINT = "3B001";
  static final String INVALID_SCHEMA = "3F000";
  static final String SNAPSHOT_TOO_OLD = "72000";
  static final String UNSUPPORTED = "0A000";
  static final String CONNECTION_FAILURE = "08001";
  static final String CLOSED = "08003";
  static final String CANCELLED = "57014";
  static final String OBJECT_IN_USE = "55006";
  static final String LIMIT_EXCEEDED = "54000";
  static final String IO_ERROR = "58030";
  static final String CORRUPT = "XX001";
  static final String INTERNAL = "XX000";
  static final String PARAMETER_MISMATCH = "07001";
  static final String WRONG_STATEMENT_KIND = "07000";
  static final String INVALID_CURSOR_STATE = "24000";
  static final String INVALID_ARGUMENT = "HY024";

  private SqlStates() {}

  /** The JDBC 4 subclass for an SQLState. */
  static SQLException exception(String state, String message, Throwable cause) {
    String cls = state.substring(0, 2);
    SQLException e = switch (cls) {
      case "42" -> new SQLSyntaxErrorException(message, state, cause);
      case "23" -> new SQLIntegrityConstraintViolationException(message, state, cause);
      case "22" -> new SQLDataException(message, state, cause);
      case "40" -> new SQLTransactionRollbackException(message, state, cause);
      case "0A" -> new SQLFeatureNotSupportedException(message, state, cause);
      case "08" -> new SQLNonTransientConnectionException(message, state, cause);
      case "57" -> new SQLTransientException(message, state, cause);
      default -> new SQLNonTransientException(message, state, cause);
    };
    return e;
  }

  static SQLException exception(String state, String message) {
    return exception(state, message, null);
  }

  /**
   * Maps anything the engine or storage threw. {@code timedOut}: the statement was cancelled by its
   * query timeout, which becomes an {@link SQLTimeoutException}.
   */
  static SQLException map(Throwable t, boolean timedOut) {
    if (t instanceof SQLException s) {
      return s;
    }
    if (t instanceof StrataException se) {
      if (se.reason() == StrataException.Reason.CANCELLED) {
        return cancelled(se.getMessage(), timedOut, se);
      }
      StorageException storage = storageCause(se);
      if (se.reason() == StrataException.Reason.STORAGE && storage != null) {
        return exception(state(storage.code()), se.getMessage(), se);
      }
      return exception(state(se.reason()), withPosition(se.getMessage(), se.line(), se.column()), se);
    }
    if (t instanceof StorageException st) {
      return exception(state(st.code()), st.getMessage(), st);
    }
    if (t instanceof SqlParseException pe) {
      return exception(SYNTAX, withPosition(pe.getMessage(), pe.line(), pe.column()), pe);
    }
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof StrataException || c instanceof StorageException || c instanceof SqlParseException) {
        return map(c, timedOut);
      }
    }
    if (t instanceof StackOverflowError) {
      return exception(LIMIT_EXCEEDED, "statement too complex (nesting too deep)", t);
    }
    if (t instanceof OutOfMemoryError) {
      return exception(LIMIT_EXCEEDED, "out of memory while executing the statement", t);
    }
    String msg = t.getMessage();
    return exception(INTERNAL, "internal error: " + t.getClass().getName() + (msg != null ? ": " + msg : ""), t);
  }

  static String state(StrataException.Reason reason) {
    return switch (reason) {
      case SYNTAX -> SYNTAX;
      case UNKNOWN_TABLE -> UNKNOWN_TABLE;
      case UNKNOWN_COLUMN -> UNKNOWN_COLUMN;
      case UNKNOWN_OBJECT -> UNKNOWN_OBJECT;
      case DUPLICATE_OBJECT -> DUPLICATE_OBJECT;
      case AMBIGUOUS_NAME -> AMBIGUOUS_NAME;
      case TYPE_MISMATCH -> TYPE_MISMATCH;
      case INVALID_STATEMENT -> SYNTAX_OR_ACCESS;
      case UNIQUE_VIOLATION -> UNIQUE;
      case NOT_NULL_VIOLATION -> NOT_NULL;
      case CHECK_VIOLATION -> CHECK;
      case FOREIGN_KEY_VIOLATION -> FOREIGN_KEY;
      case DATA -> DATA;
      case STRING_TOO_LONG -> STRING_TOO_LONG;
      case NUMERIC_OUT_OF_RANGE -> NUMERIC_OUT_OF_RANGE;
      case INVALID_DATETIME -> INVALID_DATETIME;
      case INVALID_CHARACTER_VALUE -> INVALID_CHARACTER_VALUE;
      case DIVISION_BY_ZERO -> DIVISION_BY_ZERO;
      case CARDINALITY_VIOLATION -> CARDINALITY_VIOLATION;
      case LIMIT_EXCEEDED -> LIMIT_EXCEEDED;
      case BAD_PARAMETER -> INVALID_PARAMETER_VALUE;
      case SERIALIZATION_FAILURE -> SERIALIZATION_FAILURE;
      case READ_ONLY -> READ_ONLY;
      case INVALID_TRANSACTION_STATE -> INVALID_TRANSACTION_STATE;
      case VERSION_NOT_AVAILABLE -> SNAPSHOT_TOO_OLD;
      case UNSUPPORTED -> UNSUPPORTED;
      case CANCELLED -> CANCELLED;
      case CLOSED -> CLOSED;
      case STORAGE -> IO_ERROR;
      case INTERNAL -> INTERNAL;
    };
  }

  static String state(ErrorCode code) {
    return switch (code) {
      case IO -> IO_ERROR;
      case CORRUPT -> CORRUPT;
      case CONFLICT -> SERIALIZATION_FAILURE;
      case READ_ONLY -> READ_ONLY;
      case TXN_CLOSED -> INVALID_TRANSACTION_STATE;
      case TXN_FAILED -> FAILED_TRANSACTION;
      case KEY_TOO_LARGE, VALUE_TOO_LARGE, OUT_OF_MEMORY -> LIMIT_EXCEEDED;
      case VERSION_NOT_FOUND -> INVALID_PARAMETER_VALUE;
      case VERSION_NOT_RETAINED -> SNAPSHOT_TOO_OLD;
      case TREE_EXISTS -> DUPLICATE_OBJECT;
      case TREE_NOT_FOUND -> UNKNOWN_OBJECT;
      case LOCKED -> OBJECT_IN_USE;
      case CLOSED -> CLOSED;
      case INVALID_ARGUMENT -> INVALID_PARAMETER_VALUE;
    };
  }

  static SQLException cancelled(String message, boolean timedOut, Throwable cause) {
    String msg = timedOut ? "query timeout expired; the statement was cancelled" : (message != null ? message : "statement cancelled");
    if (timedOut) {
      return new SQLTimeoutException(msg, CANCELLED, cause);
    }
    return exception(CANCELLED, msg, cause);
  }

  static SQLException closed(String what) {
    return exception(CLOSED, what + " is closed");
  }

  static SQLException unsupported(String what) {
    return exception(UNSUPPORTED, what + " is not supported");
  }

  static SQLException connectionFailure(String message) {
    return exception(CONNECTION_FAILURE, message);
  }

  private static StorageException storageCause(Throwable t) {
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof StorageException s) {
        return s;
      }
    }
    return null;
  }

  /** Adds "line L:C" unless the message already names the position. */
  static String withPosition(String message, int line, int column) {
    String msg = message != null ? message : "error";
    if (line <= 0 || msg.contains("line " + line)) {
      return msg;
    }
    return "line " + line + ":" + column + ": " + msg;
  }
}

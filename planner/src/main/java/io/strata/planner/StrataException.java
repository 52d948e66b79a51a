package io.strata.planner;

/**
 * An error of the SQL engine. {@link #reason()} says what went wrong; the JDBC driver maps reasons
 * to SQLStates in one place. Positions are 1-based; 0 when unknown.
 */
public class StrataException extends RuntimeException {

  /** What went wrong. */
  public enum Reason {
    SYNTAX,
    UNKNOWN_TABLE,
    UNKNOWN_COLUMN,
    UNKNOWN_OBJECT,
    DUPLICATE_OBJECT,
    AMBIGUOUS_NAME,
    TYPE_MISMATCH,
    /** Other semantic errors found while validating. */
    INVALID_STATEMENT,
    UNIQUE_VIOLATION,
    NOT_NULL_VIOLATION,
    CHECK_VIOLATION,
    FOREIGN_KEY_VIOLATION,
    /** Bad data not covered by a more specific reason below. */
    DATA,
    /** A string longer than the declared length of the column it is stored in. */
    STRING_TOO_LONG,
    /** A number outside the range of its target type (BIGINT, DECIMAL(p, s), ...). */
    NUMERIC_OUT_OF_RANGE,
    /** A date, time or timestamp value that is malformed or does not exist. */
    INVALID_DATETIME,
    /** A string that cannot be cast to the target type (not a number, not a boolean, ...). */
    INVALID_CHARACTER_VALUE,
    DIVISION_BY_ZERO,
    /** A scalar subquery that returned more than one row. */
    CARDINALITY_VIOLATION,
    /** A value beyond an implementation limit (a key or row too large to store). */
    LIMIT_EXCEEDED,
    BAD_PARAMETER,
    /** Write-write conflict with a concurrent commit. */
    SERIALIZATION_FAILURE,
    /** A write in a read-only transaction, session or historical snapshot. */
    READ_ONLY,
    /** Transaction-state misuse (COMMIT without BEGIN is not an error; nested BEGIN is). */
    INVALID_TRANSACTION_STATE,
    /** AS OF a version or time that is not retained or does not exist yet. */
    VERSION_NOT_AVAILABLE,
    UNSUPPORTED,
    CANCELLED,
    CLOSED,
    /** Storage failure: I/O or corruption. */
    STORAGE,
    INTERNAL
  }

  private final Reason reason;
  private final int line;
  private final int column;

  public StrataException(Reason reason, String message) {
    this(reason, message, 0, 0, null);
  }

  public StrataException(Reason reason, String message, Throwable cause) {
    this(reason, message, 0, 0, cause);
  }

  public StrataException(Reason reason, String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }

  public Reason reason() {
    return reason;
  }

  /** 1-based line of the offending text, 0 if unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending text, 0 if unknown. */
  public int column() {
    return column;
  }
}

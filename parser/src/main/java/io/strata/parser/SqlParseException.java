package io.strata.parser;

/**
 * The one error the parser raises: a syntax error at a 1-based line and column.
 *
 * <p>The message always reads {@code line L:C: <what went wrong>}; {@link #line()} and
 * {@link #column()} repeat the position for callers that point at it (shell, JDBC).
 */
public final class SqlParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String detail;

  public SqlParseException(int line, int column, String detail) {
    super("line " + line + ":" + column + ": " + detail);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /** 1-based line of the offending token. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending token. */
  public int column() {
    return column;
  }

  /** The message without its {@code line L:C: } prefix. */
  public String detail() {
    return detail;
  }
}

package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The session form of time travel: {@code SET AS OF VERSION e}, {@code SET AS OF TIMESTAMP e}
 * or {@code SET AS OF LATEST} (back to the newest committed version).
 *
 * <p>Invariant: {@link #expression()} is null exactly for LATEST.
 */
public final class SqlSetAsOf extends SqlCall {
  /** Which snapshot the session reads from now on. */
  public enum Kind { VERSION, TIMESTAMP, LATEST }

  public static final SqlOperator OPERATOR = new SqlSpecialOperator("SET AS OF", SqlKind.OTHER);

  private final Kind kind;
  private final @Nullable SqlNode expression;

  public SqlSetAsOf(SqlParserPos pos, Kind kind, @Nullable SqlNode expression) {
    super(pos);
    this.kind = kind;
    this.expression = expression;
  }

  public Kind kind() {
    return kind;
  }

  public @Nullable SqlNode expression() {
    return expression;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(Unparse.symbol(kind), expression);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SET AS OF");
    writer.keyword(kind.name());
    if (expression != null) {
      expression.unparse(writer, 0, 0);
    }
  }
}

package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A table reference bound to a snapshot: {@code t AS OF VERSION e}, {@code t AS OF TIMESTAMP e}
 * or {@code t FOR SYSTEM_TIME AS OF e}.
 *
 * <p>It stands in FROM wherever a table name can; an alias wraps it in Calcite's {@code AS} call
 * ({@code AS(SqlAsOfTable, x)}). Its kind is {@code SqlKind.OTHER}, not {@code SNAPSHOT}: Calcite
 * reserves that kind for its own {@code SqlSnapshot}, and the front end replaces this node with a
 * per-version table name before validation.
 */
public final class SqlAsOfTable extends SqlCall {
  /** How the snapshot is named. SYSTEM_TIME is SQL:2011's spelling of a timestamp. */
  public enum Kind { VERSION, TIMESTAMP, SYSTEM_TIME }

  public static final SqlOperator OPERATOR = new SqlSpecialOperator("AS OF", SqlKind.OTHER);

  private final SqlIdentifier table;
  private final Kind kind;
  private final SqlNode expression;

  public SqlAsOfTable(SqlParserPos pos, SqlIdentifier table, Kind kind, SqlNode expression) {
    super(pos);
    this.table = table;
    this.kind = kind;
    this.expression = expression;
  }

  public SqlIdentifier table() {
    return table;
  }

  public Kind kind() {
    return kind;
  }

  /** The version number or point in time, an arbitrary (constant) expression. */
  public SqlNode expression() {
    return expression;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(table, Unparse.symbol(kind), expression);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    table.unparse(writer, 0, 0);
    switch (kind) {
    case VERSION:
      writer.keyword("AS OF VERSION");
      break;
    case TIMESTAMP:
      writer.keyword("AS OF TIMESTAMP");
      break;
    default:
      writer.keyword("FOR SYSTEM_TIME AS OF");
    }
    // Parenthesized so that a following alias or join keyword cannot be read into it.
    SqlWriter.Frame frame = writer.startList("(", ")");
    expression.unparse(writer, 0, 0);
    writer.endList(frame);
  }
}

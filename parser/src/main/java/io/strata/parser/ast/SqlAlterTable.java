package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ALTER TABLE t} with one action: {@code ADD [COLUMN] decl}, {@code DROP [COLUMN] c},
 * {@code RENAME [COLUMN] old TO new} or {@code RENAME TO new}.
 *
 * <p>Invariant: ADD_COLUMN has {@link #column()}; DROP_COLUMN has {@link #columnName()};
 * RENAME_COLUMN has {@link #columnName()} and {@link #newName()}; RENAME_TABLE has
 * {@link #newName()}. The other fields are null.
 */
public final class SqlAlterTable extends SqlDdl {
  /** What the statement changes. */
  public enum Action { ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, RENAME_TABLE }

  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  private final SqlIdentifier table;
  private final Action action;
  private final @Nullable SqlColumnDeclaration column;
  private final @Nullable SqlIdentifier columnName;
  private final @Nullable SqlIdentifier newName;

  private SqlAlterTable(SqlParserPos pos, SqlIdentifier table, Action action,
      @Nullable SqlColumnDeclaration column, @Nullable SqlIdentifier columnName,
      @Nullable SqlIdentifier newName) {
    super(OPERATOR, pos);
    this.table = table;
    this.action = action;
    this.column = column;
    this.columnName = columnName;
    this.newName = newName;
  }

  public static SqlAlterTable addColumn(SqlParserPos pos, SqlIdentifier table,
      SqlColumnDeclaration column) {
    return new SqlAlterTable(pos, table, Action.ADD_COLUMN, column, null, null);
  }

  public static SqlAlterTable dropColumn(SqlParserPos pos, SqlIdentifier table,
      SqlIdentifier column) {
    return new SqlAlterTable(pos, table, Action.DROP_COLUMN, null, column, null);
  }

  public static SqlAlterTable renameColumn(SqlParserPos pos, SqlIdentifier table,
      SqlIdentifier column, SqlIdentifier newName) {
    return new SqlAlterTable(pos, table, Action.RENAME_COLUMN, null, column, newName);
  }

  public static SqlAlterTable renameTable(SqlParserPos pos, SqlIdentifier table,
      SqlIdentifier newName) {
    return new SqlAlterTable(pos, table, Action.RENAME_TABLE, null, null, newName);
  }

  public SqlIdentifier table() {
    return table;
  }

  public Action action() {
    return action;
  }

  /** The column added by ADD_COLUMN. */
  public @Nullable SqlColumnDeclaration column() {
    return column;
  }

  /** The column dropped by DROP_COLUMN or renamed by RENAME_COLUMN. */
  public @Nullable SqlIdentifier columnName() {
    return columnName;
  }

  /** The new name of RENAME_COLUMN or RENAME_TABLE. */
  public @Nullable SqlIdentifier newName() {
    return newName;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(table, Unparse.symbol(action), column, columnName, newName);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    table.unparse(writer, 0, 0);
    switch (action) {
    case ADD_COLUMN:
      writer.keyword("ADD COLUMN");
      column.unparse(writer, 0, 0);
      break;
    case DROP_COLUMN:
      writer.keyword("DROP COLUMN");
      columnName.unparse(writer, 0, 0);
      break;
    case RENAME_COLUMN:
      writer.keyword("RENAME COLUMN");
      columnName.unparse(writer, 0, 0);
      writer.keyword("TO");
      newName.unparse(writer, 0, 0);
      break;
    default:
      writer.keyword("RENAME TO");
      newName.unparse(writer, 0, 0);
    }
  }
}

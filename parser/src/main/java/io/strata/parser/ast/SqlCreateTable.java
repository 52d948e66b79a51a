package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (column | constraint, ...)} or
 * {@code CREATE TABLE [IF NOT EXISTS] name AS query}.
 *
 * <p>Invariant: exactly one of "at least one column" and {@code asQuery != null} holds.
 */
public final class SqlCreateTable extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final List<SqlColumnDeclaration> columns;
  private final List<SqlTableConstraint> constraints;
  private final @Nullable SqlNode asQuery;

  public SqlCreateTable(SqlParserPos pos, SqlIdentifier name, boolean ifNotExists,
      List<SqlColumnDeclaration> columns, List<SqlTableConstraint> constraints,
      @Nullable SqlNode asQuery) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = name;
    this.columns = List.copyOf(columns);
    this.constraints = List.copyOf(constraints);
    this.asQuery = asQuery;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public List<SqlColumnDeclaration> columns() {
    return columns;
  }

  public List<SqlTableConstraint> constraints() {
    return constraints;
  }

  /** The query of CREATE TABLE ... AS query, or null. */
  public @Nullable SqlNode asQuery() {
    return asQuery;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Unparse.flag(ifNotExists),
        new SqlNodeList(columns, SqlParserPos.ZERO),
        new SqlNodeList(constraints, SqlParserPos.ZERO), asQuery);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (!columns.isEmpty() || !constraints.isEmpty()) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlColumnDeclaration column : columns) {
        writer.sep(",");
        column.unparse(writer, 0, 0);
      }
      for (SqlTableConstraint constraint : constraints) {
        writer.sep(",");
        constraint.unparse(writer, 0, 0);
      }
      writer.endList(frame);
    }
    if (asQuery != null) {
      writer.keyword("AS");
      asQuery.unparse(writer, 0, 0);
    }
  }
}

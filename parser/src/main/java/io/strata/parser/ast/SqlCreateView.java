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
 * {@code CREATE VIEW [IF NOT EXISTS] name [(col, ...)] AS query}.
 *
 * <p>{@link #queryText()} is the query exactly as the user wrote it (what the catalog stores and
 * re-parses when the view is expanded); it takes no part in {@code equalsDeep}.
 */
public final class SqlCreateView extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final @Nullable SqlNodeList columns;
  private final SqlNode query;
  private final String queryText;

  public SqlCreateView(SqlParserPos pos, SqlIdentifier name, boolean ifNotExists,
      @Nullable SqlNodeList columns, SqlNode query, String queryText) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = name;
    this.columns = columns;
    this.query = query;
    this.queryText = queryText;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** Column names given after the view name, or null. */
  public @Nullable SqlNodeList columns() {
    return columns;
  }

  public SqlNode query() {
    return query;
  }

  public String queryText() {
    return queryText;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Unparse.flag(ifNotExists), columns, query);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE VIEW");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (columns != null) {
      Unparse.parenthesized(writer, columns);
    }
    writer.keyword("AS");
    query.unparse(writer, 0, 0);
  }
}

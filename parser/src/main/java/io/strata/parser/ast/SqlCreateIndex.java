package io.strata.parser.ast;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (col [ASC | DESC], ...)}.
 *
 * <p>Invariant: {@code columns().size() == descending().size() > 0}.
 */
public final class SqlCreateIndex extends SqlCreate {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  private final SqlIdentifier name;
  private final SqlIdentifier table;
  private final boolean unique;
  private final List<SqlIdentifier> columns;
  private final List<Boolean> descending;

  public SqlCreateIndex(SqlParserPos pos, SqlIdentifier name, SqlIdentifier table, boolean unique,
      boolean ifNotExists, List<SqlIdentifier> columns, List<Boolean> descending) {
    super(OPERATOR, pos, false, ifNotExists);
    if (columns.isEmpty() || columns.size() != descending.size()) {
      throw new IllegalArgumentException("index needs one direction per column");
    }
    this.name = name;
    this.table = table;
    this.unique = unique;
    this.columns = List.copyOf(columns);
    this.descending = List.copyOf(descending);
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlIdentifier table() {
    return table;
  }

  public boolean unique() {
    return unique;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** Key columns in key order. */
  public List<SqlIdentifier> columns() {
    return columns;
  }

  /** {@code descending().get(i)} is true if key column i was declared DESC. */
  public List<Boolean> descending() {
    return descending;
  }

  /** Key columns with DESC ones wrapped in Calcite's {@code DESC} call. */
  private SqlNodeList keys() {
    List<SqlNode> keys = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      SqlIdentifier column = columns.get(i);
      keys.add(descending.get(i)
          ? SqlStdOperatorTable.DESC.createCall(column.getParserPosition(), column) : column);
    }
    return new SqlNodeList(keys, SqlParserPos.ZERO);
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, table, Unparse.flag(unique), Unparse.flag(ifNotExists),
        keys());
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    Unparse.parenthesized(writer, keys());
  }
}

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

/** SQLite's {@code REINDEX [name]}: rebuild one index, the indexes of a table, or all. */
public final class SqlReindex extends SqlDdl {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("REINDEX", SqlKind.OTHER_DDL);

  private final @Nullable SqlIdentifier name;

  public SqlReindex(SqlParserPos pos, @Nullable SqlIdentifier name) {
    super(OPERATOR, pos);
    this.name = name;
  }

  /** The index or table named, or null for all indexes. */
  public @Nullable SqlIdentifier name() {
    return name;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("REINDEX");
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
  }
}

package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/** Shape shared by DROP TABLE, DROP VIEW, DROP INDEX and DROP TRIGGER: a name and IF EXISTS. */
abstract class SqlDropObject extends SqlDrop {
  private final SqlIdentifier name;
  private final boolean cascade;

  SqlDropObject(SqlOperator operator, SqlParserPos pos, SqlIdentifier name, boolean ifExists,
      boolean cascade) {
    super(operator, pos, ifExists);
    this.name = name;
    this.cascade = cascade;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifExists() {
    return ifExists;
  }

  /** True if CASCADE was written (dependent objects go too); RESTRICT is the default. */
  public boolean cascade() {
    return cascade;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Unparse.flag(ifExists), Unparse.flag(cascade));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getOperator().getName());
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (cascade) {
      writer.keyword("CASCADE");
    }
  }
}

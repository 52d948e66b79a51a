package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One column of CREATE TABLE or ALTER TABLE ADD COLUMN: name, type and column constraints. */
public final class SqlColumnDeclaration extends SqlCall {
  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COLUMN_DECL", SqlKind.COLUMN_DECL);

  private final SqlIdentifier name;
  private final SqlDataTypeSpec type;
  private final boolean notNull;
  private final boolean primaryKey;
  private final boolean unique;
  private final @Nullable SqlNode defaultValue;
  private final @Nullable SqlNode check;

  public SqlColumnDeclaration(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type,
      boolean notNull, boolean primaryKey, boolean unique, @Nullable SqlNode defaultValue,
      @Nullable SqlNode check) {
    super(pos);
    this.name = name;
    this.type = type;
    this.notNull = notNull;
    this.primaryKey = primaryKey;
    this.unique = unique;
    this.defaultValue = defaultValue;
    this.check = check;
  }

  public SqlIdentifier name() {
    return name;
  }

  public SqlDataTypeSpec type() {
    return type;
  }

  /** True if declared NOT NULL (PRIMARY KEY does not set it; the catalog decides). */
  public boolean notNull() {
    return notNull;
  }

  public boolean primaryKey() {
    return primaryKey;
  }

  public boolean unique() {
    return unique;
  }

  public @Nullable SqlNode defaultValue() {
    return defaultValue;
  }

  public @Nullable SqlNode check() {
    return check;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, type, Unparse.flag(notNull), Unparse.flag(primaryKey),
        Unparse.flag(unique), defaultValue, check);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    if (notNull) {
      writer.keyword("NOT NULL");
    }
    if (primaryKey) {
      writer.keyword("PRIMARY KEY");
    }
    if (unique) {
      writer.keyword("UNIQUE");
    }
    if (defaultValue != null) {
      writer.keyword("DEFAULT");
      SqlWriter.Frame frame = writer.startList("(", ")");
      defaultValue.unparse(writer, 0, 0);
      writer.endList(frame);
    }
    if (check != null) {
      writer.keyword("CHECK");
      SqlWriter.Frame frame = writer.startList("(", ")");
      check.unparse(writer, 0, 0);
      writer.endList(frame);
    }
  }
}

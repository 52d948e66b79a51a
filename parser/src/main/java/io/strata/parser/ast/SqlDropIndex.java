package io.strata.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP INDEX [IF EXISTS] name [CASCADE | RESTRICT]}. */
public final class SqlDropIndex extends SqlDropObject {
  public static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP INDEX", SqlKind.DROP_INDEX);

  public SqlDropIndex(SqlParserPos pos, SqlIdentifier name, boolean ifExists, boolean cascade) {
    super(OPERATOR, pos, name, ifExists, cascade);
  }
}

package io.strata.parser.ast;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code DROP TABLE [IF EXISTS] name [CASCADE | RESTRICT]}. */
public final class SqlDropTable extends SqlDropObject {
  public static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP TABLE", SqlKind.DROP_TABLE);

  public SqlDropTable(SqlParserPos pos, SqlIdentifier name, boolean ifExists, boolean cascade) {
    super(OPERATOR, pos, name, ifExists, cascade);
  }
}

package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Small helpers shared by the nodes' {@code unparse} and operand lists. */
final class Unparse {
  private Unparse() {}

  static SqlLiteral flag(boolean value) {
    return SqlLiteral.createBoolean(value, SqlParserPos.ZERO);
  }

  static SqlLiteral symbol(Enum<?> value) {
    return SqlLiteral.createSymbol(value, SqlParserPos.ZERO);
  }

  /** Writes {@code (a, b, c)}. */
  static void parenthesized(SqlWriter writer, List<? extends SqlNode> nodes) {
    SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode node : nodes) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}

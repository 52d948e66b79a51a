package io.strata.planner.calcite;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Rejects, in the validated source of an INSERT or UPDATE, a numeric literal cast to an integer
 * type that it does not fit. Calcite folds such a cast while converting to relational algebra and
 * clamps the value to the BIGINT range, so the write path would store a different number than the
 * one written; the check has to happen on the validated tree, before that conversion.
 */
final class IntegerLiteralRange extends SqlBasicVisitor<Void> {
  private static final Set<String> INTEGER_TYPES = Set.of("BIGINT", "INTEGER", "INT", "SMALLINT",
      "TINYINT");
  private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private IntegerLiteralRange() {}

  static void check(SqlNode validated) {
    IntegerLiteralRange v = new IntegerLiteralRange();
    if (validated instanceof SqlInsert insert) {
      insert.getSource().accept(v);
    } else if (validated instanceof SqlUpdate update) {
      update.getSourceExpressionList().accept(v);
      if (update.getSourceSelect() != null) {
        update.getSourceSelect().accept(v);
      }
    }
  }

  @Override
  public Void visit(SqlCall call) {
    if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
        && call.operand(1) instanceof SqlDataTypeSpec spec && isInteger(spec)) {
      BigDecimal value = literalValue(call.operand(0));
      if (value != null) {
        BigDecimal whole = value.setScale(0, java.math.RoundingMode.DOWN);
        if (whole.compareTo(MIN) < 0 || whole.compareTo(MAX) > 0) {
          throw new StrataException(Reason.NUMERIC_OUT_OF_RANGE, "value " + value.toPlainString()
              + " is out of range for a 64-bit integer",
              call.getParserPosition().getLineNum(), call.getParserPosition().getColumnNum(), null);
        }
      }
    }
    return super.visit(call);
  }

  private static boolean isInteger(SqlDataTypeSpec spec) {
    return spec.getTypeNameSpec().getTypeName().isSimple() && INTEGER_TYPES.contains(
        spec.getTypeNameSpec().getTypeName().getSimple().toUpperCase(Locale.ROOT));
  }

  /** The value of a numeric literal, possibly under unary minus or plus; null otherwise. */
  private static BigDecimal literalValue(SqlNode node) {
    if (node instanceof SqlNumericLiteral lit) {
      return lit.getValueAs(BigDecimal.class);
    }
    if (node instanceof SqlBasicCall c && c.operandCount() == 1) {
      BigDecimal inner = literalValue(c.operand(0));
      if (inner != null && c.getKind() == SqlKind.MINUS_PREFIX) {
        return inner.negate();
      }
      if (inner != null && c.getKind() == SqlKind.PLUS_PREFIX) {
        return inner;
      }
    }
    return null;
  }
}

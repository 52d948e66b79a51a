package io.strata.planner.calcite;

import java.util.function.Supplier;
import org.apache.calcite.plan.Strong;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code /} and {@code %} as Strata evaluates them: by zero they are NULL (as in SQLite), so
 * their result is nullable even when both operands are NOT NULL, and NULL operands are not the
 * only way to a NULL result. Calcite's own operators promise the opposite (a NOT NULL type for
 * NOT NULL operands, and "NULL exactly when an operand is NULL" to its simplifier), which made
 * {@code WHERE a / b IS NULL} over NOT NULL columns fold to FALSE. {@link #apply} swaps these
 * operators in before validation; the evaluator knows them by their kind (DIVIDE, MOD).
 */
final class NullableDivision {
  private NullableDivision() {}

  static final SqlBinaryOperator DIVIDE = operator("/", SqlKind.DIVIDE,
      ReturnTypes.cascade(ReturnTypes.QUOTIENT_NULLABLE, SqlTypeTransforms.FORCE_NULLABLE),
      true);

  static final SqlBinaryOperator REMAINDER = operator("%", SqlKind.MOD,
      ReturnTypes.cascade(ReturnTypes.NULLABLE_MOD, SqlTypeTransforms.FORCE_NULLABLE), false);

  private static SqlBinaryOperator operator(String name, SqlKind kind,
      SqlReturnTypeInference type, boolean divide) {
    return new SqlBinaryOperator(name, kind, 60, true, type,
        divide ? InferTypes.FIRST_KNOWN : null,
        divide ? OperandTypes.DIVISION_OPERATOR : OperandTypes.EXACT_NUMERIC_EXACT_NUMERIC) {
      @Override
      public Supplier<Strong.Policy> getStrongPolicyInference() {
        return () -> Strong.Policy.AS_IS;
      }

      @Override
      public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope,
          SqlCall call) {
        // the standard derivation looks the operator up by name, finds Calcite's own and
        // installs it in the call: put this one back, with its nullable type
        RelDataType type = super.deriveType(validator, scope, call);
        ((SqlBasicCall) call).setOperator(this);
        return validator.getTypeFactory().createTypeWithNullability(type, true);
      }
    };
  }

  /** Replaces Calcite's {@code /} and {@code %} in {@code node}, in place; returns it. */
  static SqlNode apply(SqlNode node) {
    SqlCallWalk.visit(node, call -> {
      if (call instanceof SqlBasicCall basic) {
        SqlOperator op = basic.getOperator();
        if (op == SqlStdOperatorTable.DIVIDE) {
          basic.setOperator(DIVIDE);
        } else if (op == SqlStdOperatorTable.PERCENT_REMAINDER) {
          basic.setOperator(REMAINDER);
        }
      }
    });
    return node;
  }
}

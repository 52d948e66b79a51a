package io.strata.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit coercion, plus comparisons of a binary string with a number or a character
 * string ({@code x'303132' IN (SELECT int_col ...)}, {@code x'01' = 1}), which Calcite rejects as
 * incompatible. As in SQLite, such values compare by storage class (numbers, then text, then
 * blobs; {@code Values.compare}), so a blob never equals a number or text. The blob operand of a
 * comparison, or the left operand of IN, is wrapped in {@code CAST(... AS ANY)}: a type
 * comparable with every other, whose evaluation leaves the value as it is.
 */
final class StrataTypeCoercion extends TypeCoercionImpl {

  StrataTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean binaryComparisonCoercion(SqlCallBinding binding) {
    if (binding.getOperandCount() == 2
        && binding.getOperator().getKind().belongsTo(SqlKind.BINARY_COMPARISON)
        && blobAgainstOther(binding.getOperandType(0), binding.getOperandType(1))) {
      return blobToAny(binding, 0) | blobToAny(binding, 1);
    }
    return super.binaryComparisonCoercion(binding);
  }

  @Override
  public boolean inOperationCoercion(SqlCallBinding binding) {
    if (binding.getOperandCount() == 2) {
      RelDataType left = binding.getOperandType(0);
      RelDataType right = binding.getOperandType(1);
      if (right.isStruct() && right.getFieldCount() == 1) {
        right = right.getFieldList().get(0).getType(); // IN (SELECT one column ...)
      }
      if (!left.isStruct() && !right.isStruct() && blobAgainstOther(left, right)) {
        // the list's values keep their types; the probe is made comparable with all of them
        return wrap(binding, 0);
      }
    }
    return super.inOperationCoercion(binding);
  }

  /** One side binary, the other a number or a character string. */
  private static boolean blobAgainstOther(RelDataType a, RelDataType b) {
    return SqlTypeUtil.isBinary(a) && comparableByClass(b)
        || SqlTypeUtil.isBinary(b) && comparableByClass(a);
  }

  private static boolean comparableByClass(RelDataType t) {
    return SqlTypeUtil.isNumeric(t) || SqlTypeUtil.isCharacter(t);
  }

  private boolean blobToAny(SqlCallBinding binding, int i) {
    if (!SqlTypeUtil.isBinary(binding.getOperandType(i))) {
      return false;
    }
    return wrap(binding, i);
  }

  private boolean wrap(SqlCallBinding binding, int i) {
    SqlCall call = binding.getCall();
    SqlNode operand = call.operand(i);
    if (operand instanceof SqlDynamicParam) {
      return false;
    }
    RelDataType any = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.ANY),
        binding.getOperandType(i).isNullable());
    SqlParserPos pos = operand.getParserPosition();
    SqlDataTypeSpec spec = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.ANY, pos), pos)
        .withNullable(any.isNullable());
    SqlNode cast = SqlStdOperatorTable.CAST.createCall(pos, operand, spec);
    call.setOperand(i, cast);
    updateInferredType(cast, any);
    return true;
  }
}

package io.strata.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Types as sqllogictest (SQLite) expects them: SUM of integers is BIGINT, AVG of numbers is
 * DOUBLE, and unions/CASE of strings of different lengths are VARCHAR rather than padded CHAR.
 */
public final class StrataTypeSystem extends RelDataTypeSystemImpl {
  public static final StrataTypeSystem INSTANCE = new StrataTypeSystem();

  private StrataTypeSystem() {}

  @Override
  public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType arg) {
    if (SqlTypeUtil.isExactNumeric(arg) && !SqlTypeUtil.isDecimal(arg)) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), arg.isNullable());
    }
    if (SqlTypeUtil.isApproximateNumeric(arg)) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), arg.isNullable());
    }
    return super.deriveSumType(f, arg);
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType arg) {
    if (SqlTypeUtil.isNumeric(arg) && !SqlTypeUtil.isDecimal(arg)) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), arg.isNullable());
    }
    return super.deriveAvgAggType(f, arg);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return 38;
    }
    return super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    if (typeName == SqlTypeName.DECIMAL) {
      return 38;
    }
    return super.getMaxScale(typeName);
  }
}

package io.strata.planner.calcite;

import io.strata.planner.ColumnMeta;
import io.strata.planner.ParamMeta;
import io.strata.planner.catalog.ColumnType;
import java.sql.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Maps column types to Calcite types and Calcite types to JDBC metadata. */
public final class TypeMapping {
  private TypeMapping() {}

  /** The Calcite type of a column. */
  public static RelDataType toRel(RelDataTypeFactory f, ColumnType t, boolean nullable) {
    SqlTypeName name = SqlTypeName.get(t.sqlType());
    RelDataType type;
    if (name == SqlTypeName.DECIMAL) {
      type = f.createSqlType(name, t.precision(), Math.max(t.scale(), 0));
    } else if ((name == SqlTypeName.VARCHAR || name == SqlTypeName.VARBINARY) && t.precision() > 0) {
      type = f.createSqlType(name, t.precision());
    } else {
      type = f.createSqlType(name);
    }
    return f.createTypeWithNullability(type, nullable);
  }

  public static int jdbcType(RelDataType t) {
    return switch (t.getSqlTypeName()) {
      case TINYINT -> Types.TINYINT;
      case SMALLINT -> Types.SMALLINT;
      case INTEGER -> Types.INTEGER;
      case BIGINT -> Types.BIGINT;
      case REAL -> Types.REAL;
      case FLOAT -> Types.FLOAT;
      case DOUBLE -> Types.DOUBLE;
      case DECIMAL -> Types.DECIMAL;
      case CHAR -> Types.CHAR;
      case VARCHAR -> Types.VARCHAR;
      case BOOLEAN -> Types.BOOLEAN;
      case DATE -> Types.DATE;
      case TIME, TIME_WITH_LOCAL_TIME_ZONE -> Types.TIME;
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Types.TIMESTAMP;
      case BINARY -> Types.BINARY;
      case VARBINARY -> Types.VARBINARY;
      case NULL -> Types.NULL;
      default -> Types.OTHER;
    };
  }

  /** The type name clients see; exact integers all run as BIGINT. */
  public static String typeName(RelDataType t) {
    SqlTypeName n = t.getSqlTypeName();
    return switch (n) {
      case TINYINT, SMALLINT, INTEGER -> "BIGINT";
      case CHAR -> "VARCHAR";
      default -> n.getName();
    };
  }

  static int precision(RelDataType t) {
    int p = t.getPrecision();
    return p == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : p;
  }

  static int scale(RelDataType t) {
    int s = t.getScale();
    return s == RelDataType.SCALE_NOT_SPECIFIED ? 0 : s;
  }

  /** Clients read all exact integers as BIGINT, since the engine computes in 64 bits. */
  static int resultJdbcType(RelDataType t) {
    return switch (t.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER -> Types.BIGINT;
      case CHAR -> Types.VARCHAR;
      default -> jdbcType(t);
    };
  }

  public static ColumnMeta column(String label, String name, String table, RelDataType t) {
    return new ColumnMeta(label, name, table, resultJdbcType(t), typeName(t), precision(t),
        scale(t), t.isNullable());
  }

  public static ParamMeta param(RelDataType t) {
    return new ParamMeta(resultJdbcType(t), typeName(t), precision(t), scale(t));
  }
}

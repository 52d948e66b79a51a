package io.strata.parser;

import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Maps the type names users write (SQL, SQLite and PostgreSQL spellings) to Calcite type specs.
 *
 * <p>Synonyms are folded here so that the rest of the engine sees one name per type: INT is
 * INTEGER, TEXT and CLOB are VARCHAR without a length, BLOB and BYTEA are VARBINARY, NUMERIC is
 * DECIMAL, DOUBLE PRECISION is DOUBLE.
 */
final class DataTypes {
  private DataTypes() {}

  /**
   * Returns the spec for {@code name} (already joined with PRECISION / VARYING when written) or
   * null if the name is unknown or takes no such arguments.
   */
  static @Nullable SqlDataTypeSpec spec(String name, int precision, int scale, SqlParserPos pos) {
    SqlTypeName type = typeName(name.toUpperCase(Locale.ROOT));
    if (type == null) {
      return null;
    }
    boolean takesPrecision = type.allowsPrecNoScale();
    boolean takesScale = type.allowsScale();
    if (precision >= 0 && !takesPrecision || scale >= 0 && !takesScale) {
      return null;
    }
    SqlBasicTypeNameSpec spec = scale >= 0
        ? new SqlBasicTypeNameSpec(type, precision, scale, pos)
        : precision >= 0 ? new SqlBasicTypeNameSpec(type, precision, pos)
        : new SqlBasicTypeNameSpec(type, pos);
    return new SqlDataTypeSpec(spec, pos);
  }

  private static @Nullable SqlTypeName typeName(String name) {
    switch (name) {
    case "INTEGER":
    case "INT":
    case "INT4":
      return SqlTypeName.INTEGER;
    case "BIGINT":
    case "INT8":
      return SqlTypeName.BIGINT;
    case "SMALLINT":
    case "INT2":
      return SqlTypeName.SMALLINT;
    case "TINYINT":
      return SqlTypeName.TINYINT;
    case "REAL":
    case "FLOAT4":
      return SqlTypeName.REAL;
    case "DOUBLE":
    case "DOUBLE PRECISION":
    case "FLOAT8":
      return SqlTypeName.DOUBLE;
    case "FLOAT":
      return SqlTypeName.FLOAT;
    case "DECIMAL":
    case "DEC":
    case "NUMERIC":
      return SqlTypeName.DECIMAL;
    case "VARCHAR":
    case "CHARACTER VARYING":
    case "CHAR VARYING":
    case "TEXT":
    case "CLOB":
    case "STRING":
      return SqlTypeName.VARCHAR;
    case "CHAR":
    case "CHARACTER":
      return SqlTypeName.CHAR;
    case "BOOLEAN":
    case "BOOL":
      return SqlTypeName.BOOLEAN;
    case "DATE":
      return SqlTypeName.DATE;
    case "TIME":
      return SqlTypeName.TIME;
    case "TIMESTAMP":
      return SqlTypeName.TIMESTAMP;
    case "BLOB":
    case "VARBINARY":
    case "BYTEA":
    case "BINARY VARYING":
      return SqlTypeName.VARBINARY;
    case "BINARY":
      return SqlTypeName.BINARY;
    default:
      return null;
    }
  }
}

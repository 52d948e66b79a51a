package io.strata.planner.catalog;

import io.strata.planner.codec.ValueType;
import java.sql.Types;
import java.util.Locale;

/**
 * The type of a column: the SQL type it behaves as (e.g. BIGINT for a declared INTEGER, since
 * integer arithmetic is 64-bit), the type name as declared (what metadata reports), and how values
 * are stored.
 *
 * @param sqlType canonical SQL type name: BIGINT, DOUBLE, DECIMAL, VARCHAR, BOOLEAN, DATE, TIME,
 *     TIMESTAMP or VARBINARY
 * @param declared the type name as written in CREATE TABLE, upper case, e.g. "INTEGER", "TEXT"
 * @param precision length or precision, -1 when not given
 * @param scale scale, -1 when not given
 */
public record ColumnType(String sqlType, String declared, int precision, int scale) {

  /** Maps a declared type name (and its arguments, -1 if absent) to a column type. */
  public static ColumnType of(String declaredName, int precision, int scale) {
    String d = declaredName.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    String sql = switch (d) {
      case "INT", "INTEGER", "SMALLINT", "TINYINT", "BIGINT", "INT2", "INT4", "INT8", "MEDIUMINT" ->
          "BIGINT";
      case "REAL", "FLOAT", "DOUBLE", "DOUBLE PRECISION", "FLOAT4", "FLOAT8" -> "DOUBLE";
      case "DECIMAL", "NUMERIC", "DEC" -> "DECIMAL";
      case "VARCHAR", "CHAR", "CHARACTER", "TEXT", "STRING", "CLOB", "CHARACTER VARYING",
          "CHAR VARYING", "NVARCHAR", "NCHAR", "VARCHAR2" -> "VARCHAR";
      case "BOOLEAN", "BOOL" -> "BOOLEAN";
      case "DATE" -> "DATE";
      case "TIME" -> "TIME";
      case "TIMESTAMP", "DATETIME" -> "TIMESTAMP";
      case "VARBINARY", "BINARY", "BLOB", "BYTEA", "BINARY VARYING" -> "VARBINARY";
      default -> null;
    };
    if (sql == null) {
      return null;
    }
    if (sql.equals("DECIMAL")) {
      if (precision < 0) {
        precision = 19;
        scale = Math.max(scale, 0);
      }
      if (scale < 0) {
        scale = 0;
      }
    } else if (!sql.equals("VARCHAR") && !sql.equals("VARBINARY")) {
      precision = -1;
      scale = -1;
    }
    return new ColumnType(sql, d, precision, scale);
  }

  public ValueType valueType() {
    return switch (sqlType) {
      case "BIGINT" -> ValueType.LONG;
      case "DOUBLE" -> ValueType.DOUBLE;
      case "DECIMAL" -> ValueType.DECIMAL;
      case "VARCHAR" -> ValueType.STRING;
      case "BOOLEAN" -> ValueType.BOOLEAN;
      case "DATE" -> ValueType.DATE;
      case "TIME" -> ValueType.TIME;
      case "TIMESTAMP" -> ValueType.TIMESTAMP;
      case "VARBINARY" -> ValueType.BYTES;
      default -> throw new IllegalStateException("unknown column type " + sqlType);
    };
  }

  /** The {@link java.sql.Types} code metadata reports, following the declared name. */
  public int jdbcType() {
    return switch (declared) {
      case "INT", "INTEGER", "INT4", "MEDIUMINT" -> Types.INTEGER;
      case "SMALLINT", "INT2" -> Types.SMALLINT;
      case "TINYINT" -> Types.TINYINT;
      case "REAL", "FLOAT4" -> Types.REAL;
      case "FLOAT" -> Types.FLOAT;
      case "CHAR", "CHARACTER", "NCHAR" -> Types.CHAR;
      default -> switch (sqlType) {
        case "BIGINT" -> Types.BIGINT;
        case "DOUBLE" -> Types.DOUBLE;
        case "DECIMAL" -> Types.DECIMAL;
        case "VARCHAR" -> Types.VARCHAR;
        case "BOOLEAN" -> Types.BOOLEAN;
        case "DATE" -> Types.DATE;
        case "TIME" -> Types.TIME;
        case "TIMESTAMP" -> Types.TIMESTAMP;
        default -> Types.VARBINARY;
      };
    };
  }

  /** The declared type as SQL text, e.g. "VARCHAR(20)". */
  public String sql() {
    if (precision >= 0 && scale > 0) {
      return declared + "(" + precision + ", " + scale + ")";
    }
    if (precision >= 0) {
      return declared + "(" + precision + ")";
    }
    return declared;
  }
}

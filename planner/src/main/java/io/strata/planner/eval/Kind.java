package io.strata.planner.eval;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/** The Strata value representation of a SQL type: which Java class its non-null values have. */
enum Kind {
  LONG, DOUBLE, DECIMAL, STRING, BOOLEAN, DATE, TIME, TIMESTAMP, BINARY,
  /** Day-time interval, held as a Long count of milliseconds. */
  INTERVAL_MILLIS,
  /** Year-month interval, held as a Long count of months. */
  INTERVAL_MONTHS,
  /** NULL, ANY, SYMBOL and other types without a fixed representation. */
  OTHER;

  static Kind of(RelDataType type) {
    return of(type.getSqlTypeName());
  }

  static Kind of(SqlTypeName t) {
    switch (t) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return LONG;
      case FLOAT:
      case REAL:
      case DOUBLE:
        return DOUBLE;
      case DECIMAL:
        return DECIMAL;
      case CHAR:
      case VARCHAR:
        return STRING;
      case BOOLEAN:
        return BOOLEAN;
      case DATE:
        return DATE;
      case TIME:
        return TIME;
      case TIMESTAMP:
        return TIMESTAMP;
      case BINARY:
      case VARBINARY:
        return BINARY;
      case INTERVAL_YEAR:
      case INTERVAL_YEAR_MONTH:
      case INTERVAL_MONTH:
        return INTERVAL_MONTHS;
      case INTERVAL_DAY:
      case INTERVAL_DAY_HOUR:
      case INTERVAL_DAY_MINUTE:
      case INTERVAL_DAY_SECOND:
      case INTERVAL_HOUR:
      case INTERVAL_HOUR_MINUTE:
      case INTERVAL_HOUR_SECOND:
      case INTERVAL_MINUTE:
      case INTERVAL_MINUTE_SECOND:
      case INTERVAL_SECOND:
        return INTERVAL_MILLIS;
      default:
        return OTHER;
    }
  }

  boolean isNumeric() {
    return this == LONG || this == DOUBLE || this == DECIMAL;
  }

  boolean isInterval() {
    return this == INTERVAL_MILLIS || this == INTERVAL_MONTHS;
  }

  boolean isTemporal() {
    return this == DATE || this == TIME || this == TIMESTAMP;
  }
}

package io.strata.planner.codec;

/**
 * The storage class of a column: how its values are represented in rows and keys. Every SQL type
 * of a column maps to one of these (INTEGER, SMALLINT, … to {@link #LONG}).
 */
public enum ValueType {
  LONG(1),
  DOUBLE(2),
  DECIMAL(3),
  STRING(4),
  BOOLEAN(5),
  DATE(6),
  TIME(7),
  TIMESTAMP(8),
  BYTES(9);

  private final int code;

  ValueType(int code) {
    this.code = code;
  }

  /** A stable number for persistent encodings. */
  public int code() {
    return code;
  }

  private static final ValueType[] BY_CODE = new ValueType[16];

  static {
    for (ValueType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  public static ValueType ofCode(int code) {
    ValueType t = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    if (t == null) {
      throw new IllegalArgumentException("unknown value type code " + code);
    }
    return t;
  }
}

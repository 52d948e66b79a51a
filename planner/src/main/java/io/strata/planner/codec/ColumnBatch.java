package io.strata.planner.codec;

/**
 * Up to {@link #CAPACITY} decoded rows of some columns, held column by column, so that a consumer
 * such as an aggregate reads integers without a row array and a boxed Long per value. Each value
 * is NULL, an integer (in {@link #longs}) or any other value (in {@link #objects}), as
 * {@link #kinds} says; entries of the other arrays at that place mean nothing.
 */
public final class ColumnBatch {
  public static final int CAPACITY = 1024;
  public static final byte NULL = 0;
  public static final byte LONG = 1;
  public static final byte OBJECT = 2;

  /** [column][row] */
  public final long[][] longs;
  public final Object[][] objects;
  public final byte[][] kinds;
  /** Rows filled, from 0. */
  public int size;

  public ColumnBatch(int columns) {
    longs = new long[columns][CAPACITY];
    objects = new Object[columns][CAPACITY];
    kinds = new byte[columns][CAPACITY];
  }

  public int columns() {
    return kinds.length;
  }

  /** The value of column c in row r, boxed. */
  public Object value(int c, int r) {
    return switch (kinds[c][r]) {
      case LONG -> longs[c][r];
      case OBJECT -> objects[c][r];
      default -> null;
    };
  }

  /** Row r as a fresh row array, for consumers that read rows. */
  public Object[] row(int r) {
    Object[] row = new Object[kinds.length];
    for (int c = 0; c < row.length; c++) {
      row[c] = value(c, r);
    }
    return row;
  }
}

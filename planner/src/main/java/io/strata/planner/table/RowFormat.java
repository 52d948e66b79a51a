package io.strata.planner.table;

import io.strata.planner.catalog.IndexDef;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.codec.ByteReader;
import io.strata.planner.codec.ByteWriter;
import io.strata.planner.codec.KeyCodec;
import io.strata.planner.codec.RowCodec;
import io.strata.planner.codec.ValueType;
import java.util.Arrays;

/**
 * How one table's rows map to its trees. Row tree: key = primary key columns (or the hidden row
 * id, a LONG key part), value = {@link RowCodec} row over all columns. Index tree: key = index
 * columns (with their directions) followed by the row key, value empty.
 */
final class RowFormat {
  static final byte[] EMPTY = new byte[0];
  final TableDef def;
  private final int[] ids;
  private final ValueType[] types;
  private final int[] pkPositions;
  private final int[] valueOfSlot;

  RowFormat(TableDef def) {
    this.def = def;
    this.ids = def.columnIds();
    this.types = def.valueTypes();
    this.valueOfSlot = RowCodec.valueOfSlot(ids);
    this.pkPositions = new int[def.primaryKey().size()];
    for (int i = 0; i < pkPositions.length; i++) {
      pkPositions[i] = def.positionOfId(def.primaryKey().get(i));
    }
  }

  int width() {
    return ids.length;
  }

  ValueType type(int position) {
    return types[position];
  }

  byte[] encodeValue(Object[] row) {
    return RowCodec.encodeBySlot(valueOfSlot, types, row);
  }

  /**
   * Slot → output position for decoding the given table positions. The array ends at the last
   * slot wanted, so decoding stops there without searching for it in every row.
   */
  int[] decoderFor(int[] positions) {
    int last = -1;
    for (int p : positions) {
      last = Math.max(last, ids[p]);
    }
    int[] outputOfSlot = new int[last + 1];
    Arrays.fill(outputOfSlot, -1);
    for (int i = 0; i < positions.length; i++) {
      outputOfSlot[ids[positions[i]]] = i;
    }
    return outputOfSlot;
  }

  static Object[] decode(byte[] value, int[] outputOfSlot, int width) {
    Object[] out = new Object[width];
    RowCodec.decode(value, outputOfSlot, out);
    return out;
  }

  /** The row key of a full row of a table with a primary key. */
  byte[] primaryKey(Object[] row) {
    ByteWriter w = new ByteWriter(16);
    for (int p : pkPositions) {
      KeyCodec.encode(w, types[p], row[p], false);
    }
    return w.toByteArray();
  }

  static byte[] rowIdKey(long rowId) {
    ByteWriter w = new ByteWriter(9);
    KeyCodec.encode(w, ValueType.LONG, rowId, false);
    return w.toByteArray();
  }

  static long rowIdOf(byte[] key) {
    return (Long) KeyCodec.decode(new ByteReader(key), ValueType.LONG, false);
  }

  /** The index columns of a row, or null if any is NULL (NULLs never collide in a unique index). */
  byte[] indexPrefix(IndexDef ix, Object[] row, boolean nullsAllowed) {
    ByteWriter w = new ByteWriter(16);
    for (int i = 0; i < ix.columnIds().size(); i++) {
      int p = def.positionOfId(ix.columnIds().get(i));
      if (row[p] == null && !nullsAllowed) {
        return null;
      }
      KeyCodec.encode(w, types[p], row[p], ix.descending().get(i));
    }
    return w.toByteArray();
  }

  byte[] indexKey(IndexDef ix, Object[] row, byte[] rowKey) {
    byte[] prefix = indexPrefix(ix, row, true);
    byte[] k = Arrays.copyOf(prefix, prefix.length + rowKey.length);
    System.arraycopy(rowKey, 0, k, prefix.length, rowKey.length);
    return k;
  }

  /** The row key at the end of an index key. */
  byte[] rowKeyOfIndexKey(IndexDef ix, byte[] indexKey) {
    ByteReader in = new ByteReader(indexKey);
    for (int i = 0; i < ix.columnIds().size(); i++) {
      int p = def.positionOfId(ix.columnIds().get(i));
      KeyCodec.skip(in, types[p], ix.descending().get(i));
    }
    return Arrays.copyOfRange(indexKey, in.position(), indexKey.length);
  }
}

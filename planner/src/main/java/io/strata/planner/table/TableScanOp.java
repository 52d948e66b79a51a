package io.strata.planner.table;

import io.strata.planner.calcite.AccessPath;
import io.strata.planner.calcite.StrataTableScan;
import io.strata.planner.catalog.IndexDef;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.codec.ColumnBatch;
import io.strata.planner.codec.RowCodec;
import io.strata.planner.codec.ValueType;
import io.strata.planner.eval.Evaluator;
import io.strata.planner.exec.BatchSource;
import io.strata.planner.exec.ExecContext;
import io.strata.planner.exec.FilterableScan;
import io.strata.planner.exec.Operator;
import io.strata.storage.Cursor;
import io.strata.storage.ReadTxn;
import io.strata.storage.StorageException;
import io.strata.storage.Tree;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a table: the whole row tree, ranges of it (primary key path), or ranges of an index tree
 * with a row lookup per entry. Emits the scan's columns in order.
 */
final class TableScanOp implements BatchSource, FilterableScan {
  private final TableDef def;
  private final long version;
  private final AccessPath path;
  private final RowFormat format;
  private final int[] outputOfSlot;
  private final int width;
  private final ValueType[] keyTypes;
  private final boolean[] keyDescending;
  /** Point ranges of the primary key are read with a lookup, not a cursor. */
  private final boolean lookupPoints;

  private ExecContext ctx;
  private Tree rows;
  private Tree index;
  private List<KeyRanges.Bytes> ranges;
  private int rangeIndex;
  private Cursor cursor;
  private int sinceCheck;
  /**
   * Values taken from the cursor at once ({@link #nextBatch}, {@link #nextAhead}), made when first
   * needed; rows read ahead are those from valuesAt to valuesEnd.
   */
  private byte[][] values;
  private int valuesAt;
  private int valuesEnd;
  /** Whether next() reads rows ahead: nothing changes the version read while the scan runs. */
  private boolean readAhead;
  /** How many rows the next read ahead takes: few at first (a LIMIT may stop early), then more. */
  private int ahead;

  TableScanOp(StrataTableScan scan) {
    this.def = scan.strataTable().def();
    this.version = scan.strataTable().version();
    this.path = scan.path();
    this.format = new RowFormat(def);
    int[] cols = scan.outputColumns();
    this.outputOfSlot = format.decoderFor(cols);
    this.width = cols.length;
    if (path != null) {
      IndexDef ix = path.index();
      List<Integer> keyCols = ix == null ? def.primaryKey() : ix.columnIds();
      keyTypes = new ValueType[keyCols.size()];
      keyDescending = new boolean[keyCols.size()];
      for (int i = 0; i < keyTypes.length; i++) {
        keyTypes[i] = format.type(def.positionOfId(keyCols.get(i)));
        keyDescending[i] = ix != null && ix.descending().get(i);
      }
    } else {
      keyTypes = null;
      keyDescending = null;
    }
    lookupPoints = path != null && path.index() == null;
  }

  @Override
  public void open(ExecContext context) {
    // re-opened within one execution (the inner side of a correlate): the trees are the same
    if (context != ctx) {
      this.ctx = context;
      TxnScope scope = (TxnScope) context.txn();
      try {
        ReadTxn txn = scope.reader(version);
        rows = txn.tree(def.treeName()).orElse(null);
        index = path != null && path.index() != null
            ? txn.tree(path.index().treeName()).orElse(null) : null;
        readAhead = index == null && scope.unchanging(version);
      } catch (StorageException e) {
        throw Storage.translate(e);
      }
    }
    ranges = path == null ? List.of(new KeyRanges.Bytes(null, null))
        : KeyRanges.compute(path.ranges(), keyTypes, keyDescending, context);
    rangeIndex = 0;
    cursor = null;
    valuesAt = 0;
    valuesEnd = 0;
    ahead = 16;
  }

  @Override
  public Object[] next() {
    byte[] value = nextStored();
    return value == null ? null : RowFormat.decode(value, outputOfSlot, width);
  }

  /** The stored bytes of the next row, or null at the end (what {@link #next} decodes). */
  byte[] nextStored() {
    return readAhead ? nextAhead() : nextValue();
  }

  @Override
  public Operator filtered(Evaluator condition, int[] columns) {
    boolean[] read = new boolean[width];
    for (int c : columns) {
      read[c] = true;
    }
    return new FilteredScanOp(this, condition, columns, slotsOf(read, true),
        slotsOf(read, false));
  }

  /** This scan's slot → output map restricted to the outputs whose flag in read is wanted. */
  private int[] slotsOf(boolean[] read, boolean wanted) {
    int[] slots = outputOfSlot.clone();
    int last = -1;
    for (int s = 0; s < slots.length; s++) {
      if (slots[s] >= 0 && read[slots[s]] != wanted) {
        slots[s] = -1;
      } else if (slots[s] >= 0) {
        last = s;
      }
    }
    // ends at the last slot wanted, as RowFormat.decoderFor's maps do
    return Arrays.copyOf(slots, last + 1);
  }

  /** The next row's bytes, the rows after it in the range read ahead through the cursor. */
  private byte[] nextAhead() {
    if (valuesAt < valuesEnd) {
      return values[valuesAt++];
    }
    if (cursor != null) {
      ctx.checkCancelled();
      valuesEnd = takeValues(ahead);
      valuesAt = 0;
      ahead = Math.min(2 * ahead, ColumnBatch.CAPACITY);
      if (valuesEnd > 0) {
        return values[valuesAt++];
      }
    }
    // the first row of the next range (a cursor opened, or a point read), or the end
    return nextValue();
  }

  /** Up to max values of the entries after the cursor's, into values from index 0; how many. */
  private int takeValues(int max) {
    if (values == null) {
      values = new byte[ColumnBatch.CAPACITY][];
    }
    try {
      return cursor.nextValues(values, max);
    } catch (StorageException e) {
      throw Storage.translate(e);
    }
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public boolean nextBatch(ColumnBatch batch) {
    if (rows == null) {
      batch.size = 0;
      return false;
    }
    ctx.checkCancelled();
    int n = 0;
    // rows next() read ahead come first
    while (valuesAt < valuesEnd && n < ColumnBatch.CAPACITY) {
      RowCodec.decodeInto(values[valuesAt++], outputOfSlot, batch, n++);
    }
    while (n < ColumnBatch.CAPACITY) {
      if (cursor != null && index == null) {
        // the rest of the row tree's range, values only (a cursor is open once its first entry
        // was read through nextValue)
        int got = takeValues(ColumnBatch.CAPACITY - n);
        for (int k = 0; k < got; k++) {
          RowCodec.decodeInto(values[k], outputOfSlot, batch, n++);
        }
        if (n == ColumnBatch.CAPACITY) {
          break;
        }
      }
      // the first row of the next range, or of the next index entry's row
      byte[] value = nextValue();
      if (value == null) {
        break;
      }
      RowCodec.decodeInto(value, outputOfSlot, batch, n++);
    }
    batch.size = n;
    return n > 0;
  }

  /** The stored bytes of the next row, or null at the end. */
  private byte[] nextValue() {
    if (rows == null) {
      return null;
    }
    try {
      while (true) {
        if (++sinceCheck >= 1024) {
          sinceCheck = 0;
          ctx.checkCancelled();
        }
        boolean on;
        if (cursor == null) {
          if (rangeIndex >= ranges.size()) {
            return null;
          }
          KeyRanges.Bytes r = ranges.get(rangeIndex++);
          if (lookupPoints && r.point()) {
            byte[] value = rows.get(r.from());
            if (value == null) {
              continue;
            }
            return value;
          }
          Tree t = index != null ? index : rows;
          if (path != null && path.index() != null && index == null) {
            return null;
          }
          cursor = t.cursor(r.from(), r.to());
          on = cursor.first();
        } else {
          on = cursor.next();
        }
        if (!on) {
          cursor.close();
          cursor = null;
          continue;
        }
        if (index != null) {
          byte[] rowKey = format.rowKeyOfIndexKey(path.index(), cursor.key());
          byte[] value = rows.get(rowKey);
          if (value == null) {
            continue;
          }
          return value;
        }
        return cursor.value();
      }
    } catch (StorageException e) {
      throw Storage.translate(e);
    }
  }

  @Override
  public void close() {
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
    valuesAt = 0;
    valuesEnd = 0;
  }
}

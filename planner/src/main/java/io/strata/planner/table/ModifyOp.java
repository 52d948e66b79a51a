package io.strata.planner.table;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.calcite.Planner;
import io.strata.planner.calcite.StrataTable;
import io.strata.planner.calcite.TypeMapping;
import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.IndexDef;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.codec.KeyCodec;
import io.strata.planner.eval.Evaluator;
import io.strata.planner.eval.Values;
import io.strata.planner.exec.ExecContext;
import io.strata.planner.exec.Operator;
import io.strata.storage.Cursor;
import io.strata.storage.StorageException;
import io.strata.storage.Tree;
import io.strata.storage.WriteTxn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.type.RelDataType;

/**
 * INSERT, UPDATE and DELETE of one table in the statement's write transaction, with NOT NULL,
 * CHECK, PRIMARY KEY and UNIQUE enforced and every index kept in step. Emits one row: the count.
 *
 * <p>The input is read completely before the first write, so a statement never sees its own
 * changes (no Halloween problem) and tree cursors are never invalidated under it. An UPDATE first
 * removes every old row, then inserts every new one, so key changes that only collide with rows the
 * same statement moves (SET id = id + 1) succeed. If a check fails midway the session rolls the
 * statement back to the savepoint it took before it.
 *
 * <p>{@code INSERT OR REPLACE} / {@code REPLACE INTO} arrive as a MERGE with no update columns:
 * each new row first deletes the rows whose primary key or unique index values it repeats.
 */
final class ModifyOp implements Operator {
  private final TableModify.Operation op;
  private final StrataTable table;
  private final TableDef def;
  private final List<IndexDef> indexes;
  private final RowFormat format;
  private final Operator input;
  private final Evaluator[] checks;
  private final List<String> checkNames;
  private final RelDataType[] columnTypes;
  private final int[] updatePositions;
  /** An UPDATE of a table with a primary key that sets none of its columns: rows stay in place. */
  private final boolean updateInPlace;
  /** What a commit of this statement's changes is noted as in the history. */
  private final String note;
  private final List<Object[]> generated = new ArrayList<>();
  private ExecContext ctx;
  private boolean done;
  /** The largest row id in the statement's snapshot, or -1 until first needed. */
  private long snapshotMaxRowId;

  ModifyOp(TableModify rel, Operator input, Evaluator[] checks, List<String> checkNames) {
    this.op = rel.getOperation();
    this.table = rel.getTable().unwrap(StrataTable.class);
    this.def = table.def();
    this.indexes = table.indexes();
    this.format = new RowFormat(def);
    this.input = input;
    this.checks = checks;
    this.checkNames = checkNames;
    this.columnTypes = new RelDataType[def.columns().size()];
    for (int i = 0; i < columnTypes.length; i++) {
      ColumnDef c = def.columns().get(i);
      columnTypes[i] = TypeMapping.toRel(Planner.TYPES, c.type(), true);
    }
    List<String> upd = rel.getUpdateColumnList();
    updatePositions = new int[upd == null ? 0 : upd.size()];
    boolean keyUpdated = false;
    for (int i = 0; i < updatePositions.length; i++) {
      updatePositions[i] = def.columnIndex(upd.get(i));
      keyUpdated |= def.primaryKey().contains(def.columns().get(updatePositions[i]).id());
    }
    updateInPlace = op == TableModify.Operation.UPDATE && !def.hasRowId() && !keyUpdated;
    note = op.name() + " " + def.name();
  }

  /** Keys of the rows the last execution inserted. */
  List<Object[]> generatedKeys() {
    return generated;
  }

  @Override
  public void open(ExecContext context) {
    ctx = context;
    done = false;
    generated.clear();
    snapshotMaxRowId = -1;
  }

  @Override
  public Object[] next() {
    if (done) {
      return null;
    }
    done = true;
    if (table.historical()) {
      throw new StrataException(Reason.READ_ONLY,
          "cannot write " + def.name() + " at historical version " + table.version());
    }
    TxnScope scope = (TxnScope) ctx.txn();
    WriteTxn txn = scope.writer();
    List<Object[]> rows = new ArrayList<>();
    input.open(ctx);
    try {
      for (Object[] r = input.next(); r != null; r = input.next()) {
        rows.add(r);
      }
    } finally {
      input.close();
    }
    try {
      Tree tree = txn.tree(def.treeName()).orElseThrow(() ->
          new StrataException(Reason.INTERNAL, "row tree of " + def.name() + " is missing"));
      if (!singleWrite(rows.size())) {
        scope.beforeWrites();
      }
      long count = switch (op) {
        case INSERT, MERGE -> insertAll(txn, tree, rows);
        case DELETE -> deleteAll(txn, tree, rows);
        case UPDATE -> updateAll(txn, tree, rows);
        default -> throw new StrataException(Reason.UNSUPPORTED, op + " is not supported");
      };
      txn.describe(note);
      return new Object[] {count};
    } catch (StorageException e) {
      throw Storage.translate(e);
    }
  }

  /** Whether the statement writes at most one entry of one tree (see TxnScope#beforeWrites). */
  private boolean singleWrite(int rowCount) {
    if (rowCount == 0) {
      return true;
    }
    return rowCount == 1 && indexes.isEmpty() && (op == TableModify.Operation.INSERT
        || op == TableModify.Operation.DELETE || op == TableModify.Operation.UPDATE && updateInPlace);
  }

  private long insertAll(WriteTxn txn, Tree tree, List<Object[]> rows) {
    for (Object[] in : rows) {
      Object[] row = new Object[def.columns().size()];
      System.arraycopy(in, 0, row, 0, row.length);
      row = prepare(row);
      if (op == TableModify.Operation.MERGE) {
        removeConflicts(txn, tree, row);
      }
      insert(txn, tree, row, null);
    }
    return rows.size();
  }

  /** Coerces to column types and checks NOT NULL and CHECK constraints. */
  private Object[] prepare(Object[] row) {
    for (int i = 0; i < row.length; i++) {
      ColumnDef c = def.columns().get(i);
      if (row[i] != null) {
        ColumnFit.check(row[i], c, def.name());
        row[i] = ColumnFit.fitConverted(Values.convert(row[i], columnTypes[i]), c, def.name());
      }
      if (row[i] == null && !c.nullable()) {
        throw new StrataException(Reason.NOT_NULL_VIOLATION, "NULL value in column " + c.name()
            + " of table " + def.name() + " violates NOT NULL");
      }
    }
    for (int i = 0; i < checks.length; i++) {
      if (Boolean.FALSE.equals(checks[i].eval(row, ctx))) {
        throw new StrataException(Reason.CHECK_VIOLATION, "row violates CHECK constraint "
            + checkNames.get(i) + " of table " + def.name());
      }
    }
    return row;
  }

  private void insert(WriteTxn txn, Tree tree, Object[] row, byte[] keepKey) {
    byte[] key;
    boolean primaryKey = false;
    if (keepKey != null) {
      key = keepKey;
    } else if (def.hasRowId()) {
      if (snapshotMaxRowId < 0) {
        try (Cursor c = tree.cursor()) {
          snapshotMaxRowId = c.last() ? RowFormat.rowIdOf(c.key()) : 0;
        }
      }
      long rowId = ((TxnScope) ctx.txn()).rowIds().next(def.treeName(), snapshotMaxRowId);
      key = RowFormat.rowIdKey(rowId);
      generated.add(new Object[] {rowId});
    } else {
      key = format.primaryKey(row);
      primaryKey = true;
    }
    if (!primaryKey) {
      tree.put(key, format.encodeValue(row));
    } else if (tree.insert(key, format.encodeValue(row))) {
      Object[] pk = new Object[def.primaryKey().size()];
      for (int i = 0; i < pk.length; i++) {
        pk[i] = row[def.positionOfId(def.primaryKey().get(i))];
      }
      generated.add(pk);
    } else {
      throw new StrataException(Reason.UNIQUE_VIOLATION, "duplicate key " + describeKey(row)
          + " violates the primary key of table " + def.name());
    }
    // a failed index entry fails the statement, whose savepoint takes the row back out
    for (IndexDef ix : indexes) {
      addIndexEntry(txn, ix, row, key);
    }
  }

  /** Adds the row's entry to an index, refusing a duplicate value in a unique one. */
  private void addIndexEntry(WriteTxn txn, IndexDef ix, Object[] row, byte[] key) {
    Tree t = indexTree(txn, ix);
    if (ix.unique()) {
      byte[] prefix = format.indexPrefix(ix, row, false);
      if (prefix != null) {
        try (Cursor c = t.cursor(prefix, KeyCodec.prefixEnd(prefix))) {
          if (c.first()) {
            throw new StrataException(Reason.UNIQUE_VIOLATION, "duplicate value in "
                + def.name() + " violates unique index " + ix.name());
          }
        }
      }
    }
    t.put(format.indexKey(ix, row, key), RowFormat.EMPTY);
  }

  /** Deletes the stored rows that {@code row} would duplicate on its key or a unique index. */
  private void removeConflicts(WriteTxn txn, Tree tree, Object[] row) {
    int[] decoder = null;
    int n = def.columns().size();
    if (!def.hasRowId()) {
      byte[] key = format.primaryKey(row);
      byte[] old = tree.get(key);
      if (old != null) {
        decoder = format.decoderFor(allPositions());
        remove(txn, tree, key, RowFormat.decode(old, decoder, n));
      }
    }
    for (IndexDef ix : indexes) {
      byte[] prefix = ix.unique() ? format.indexPrefix(ix, row, false) : null;
      if (prefix == null) {
        continue;
      }
      byte[] found = null;
      try (Cursor c = indexTree(txn, ix).cursor(prefix, KeyCodec.prefixEnd(prefix))) {
        if (c.first()) {
          found = format.rowKeyOfIndexKey(ix, c.key());
        }
      }
      byte[] old = found == null ? null : tree.get(found);
      if (old != null) {
        decoder = decoder != null ? decoder : format.decoderFor(allPositions());
        remove(txn, tree, found, RowFormat.decode(old, decoder, n));
      }
    }
  }

  private int[] allPositions() {
    int[] all = new int[def.columns().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  private String describeKey(Object[] row) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < def.primaryKey().size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(Values.toText(row[def.positionOfId(def.primaryKey().get(i))]));
    }
    return b.append(")").toString();
  }

  private Tree indexTree(WriteTxn txn, IndexDef ix) {
    return txn.tree(ix.treeName()).orElseThrow(() ->
        new StrataException(Reason.INTERNAL, "index tree of " + ix.name() + " is missing"));
  }

  private void remove(WriteTxn txn, Tree tree, byte[] key, Object[] oldRow) {
    for (IndexDef ix : indexes) {
      indexTree(txn, ix).delete(format.indexKey(ix, oldRow, key));
    }
    tree.delete(key);
  }

  /** The stored full row for each input row, paired with its key. */
  private List<byte[]> keysOf(Tree tree, List<Object[]> rows) {
    int n = def.columns().size();
    List<byte[]> keys = new ArrayList<>(rows.size());
    if (!def.hasRowId()) {
      for (Object[] r : rows) {
        keys.add(format.primaryKey(r));
      }
      return keys;
    }
    // a row-id table: find each input row by content with one pass over the table
    Map<RowValue, ArrayDeque<Integer>> wanted = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      keys.add(null);
      wanted.computeIfAbsent(new RowValue(rows.get(i), n), k -> new ArrayDeque<>()).add(i);
    }
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    int[] decoder = format.decoderFor(all);
    int found = 0;
    try (Cursor c = tree.cursor()) {
      for (boolean on = c.first(); on && found < rows.size(); on = c.next()) {
        Object[] stored = RowFormat.decode(c.value(), decoder, n);
        ArrayDeque<Integer> q = wanted.get(new RowValue(stored, n));
        if (q != null && !q.isEmpty()) {
          keys.set(q.poll(), c.key());
          found++;
        }
      }
    }
    return keys;
  }

  private long deleteAll(WriteTxn txn, Tree tree, List<Object[]> rows) {
    List<byte[]> keys = keysOf(tree, rows);
    long count = 0;
    for (int i = 0; i < rows.size(); i++) {
      byte[] key = keys.get(i);
      if (key != null && tree.get(key) != null) {
        remove(txn, tree, key, rows.get(i));
        count++;
      }
    }
    return count;
  }

  private long updateAll(WriteTxn txn, Tree tree, List<Object[]> rows) {
    if (updateInPlace) {
      return updateInPlace(txn, tree, rows);
    }
    int n = def.columns().size();
    List<byte[]> keys = keysOf(tree, rows);
    List<Object[]> newRows = new ArrayList<>(rows.size());
    List<byte[]> keep = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      byte[] key = keys.get(i);
      if (key == null || tree.get(key) == null) {
        continue;
      }
      Object[] in = rows.get(i);
      Object[] row = new Object[n];
      System.arraycopy(in, 0, row, 0, n);
      for (int u = 0; u < updatePositions.length; u++) {
        row[updatePositions[u]] = in[n + u];
      }
      remove(txn, tree, key, in);
      newRows.add(prepare(row));
      keep.add(def.hasRowId() ? key : null);
    }
    for (int i = 0; i < newRows.size(); i++) {
      insert(txn, tree, newRows.get(i), keep.get(i));
    }
    generated.clear();
    return newRows.size();
  }

  /**
   * UPDATE that keeps every row's key: each row is overwritten where it is, and only the indexes
   * whose columns change are touched. The input rows were read from this table by this statement,
   * so each key exists. As in the general case all old index entries go before any new one is
   * checked and added, so values that only collide with rows the statement changes succeed.
   */
  private long updateInPlace(WriteTxn txn, Tree tree, List<Object[]> rows) {
    int n = def.columns().size();
    List<Object[]> newRows = new ArrayList<>(rows.size());
    List<byte[]> keys = new ArrayList<>(rows.size());
    for (Object[] in : rows) {
      byte[] key = format.primaryKey(in);
      Object[] row = new Object[n];
      System.arraycopy(in, 0, row, 0, n);
      for (int u = 0; u < updatePositions.length; u++) {
        row[updatePositions[u]] = in[n + u];
      }
      prepare(row);
      for (IndexDef ix : indexes) {
        if (indexChanged(ix, in, row)) {
          indexTree(txn, ix).delete(format.indexKey(ix, in, key));
        }
      }
      newRows.add(row);
      keys.add(key);
    }
    for (int i = 0; i < newRows.size(); i++) {
      Object[] row = newRows.get(i);
      byte[] key = keys.get(i);
      for (IndexDef ix : indexes) {
        if (indexChanged(ix, rows.get(i), row)) {
          addIndexEntry(txn, ix, row, key);
        }
      }
      tree.put(key, format.encodeValue(row));
    }
    return newRows.size();
  }

  /** Whether the row's entry in the index moves (compared as encoded, as the index stores it). */
  private boolean indexChanged(IndexDef ix, Object[] oldRow, Object[] newRow) {
    return !java.util.Arrays.equals(format.indexPrefix(ix, oldRow, true),
        format.indexPrefix(ix, newRow, true));
  }

  @Override
  public void close() {}

  /** A row compared by value, for matching input rows to stored ones. */
  private static final class RowValue {
    private final Object[] row;
    private final int n;
    private final int hash;

    RowValue(Object[] row, int n) {
      this.row = row;
      this.n = n;
      int h = 1;
      for (int i = 0; i < n; i++) {
        h = 31 * h + Values.hash(row[i]);
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof RowValue other)) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!Values.same(row[i], other.row[i])) {
          return false;
        }
      }
      return true;
    }
  }
}

package io.strata.planner.ddl;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.catalog.IndexDef;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.codec.ByteWriter;
import io.strata.planner.codec.KeyCodec;
import io.strata.planner.codec.RowCodec;
import io.strata.planner.codec.ValueType;
import io.strata.storage.Cursor;
import io.strata.storage.Tree;
import io.strata.storage.WriteTxn;
import java.util.Arrays;

/** Fills a new index from the rows of its table, rejecting duplicates for a unique index. */
final class IndexBuilder {
  private IndexBuilder() {}

  static void fill(WriteTxn txn, TableDef table, IndexDef ix) {
    Tree rows = txn.tree(table.treeName()).orElseThrow();
    Tree index = txn.tree(ix.treeName()).orElseThrow();
    int n = ix.columnIds().size();
    int maxId = 0;
    for (int id : ix.columnIds()) {
      maxId = Math.max(maxId, id);
    }
    int[] outputOfSlot = new int[maxId + 1];
    Arrays.fill(outputOfSlot, -1);
    ValueType[] types = new ValueType[n];
    for (int i = 0; i < n; i++) {
      int id = ix.columnIds().get(i);
      outputOfSlot[id] = i;
      types[i] = table.columns().get(table.positionOfId(id)).type().valueType();
    }
    try (Cursor c = rows.cursor()) {
      for (boolean on = c.first(); on; on = c.next()) {
        Object[] vals = new Object[n];
        RowCodec.decode(c.value(), outputOfSlot, vals);
        ByteWriter w = new ByteWriter(32);
        boolean hasNull = false;
        for (int i = 0; i < n; i++) {
          KeyCodec.encode(w, types[i], vals[i], ix.descending().get(i));
          hasNull |= vals[i] == null;
        }
        byte[] prefix = w.toByteArray();
        if (ix.unique() && !hasNull) {
          try (Cursor dup = index.cursor(prefix, KeyCodec.prefixEnd(prefix))) {
            if (dup.first()) {
              throw new StrataException(Reason.UNIQUE_VIOLATION, "cannot create unique index "
                  + ix.name() + ": " + table.name() + " has duplicate values");
            }
          }
        }
        w.write(c.key());
        index.put(w.toByteArray(), new byte[0]);
      }
    }
  }
}

package io.strata.planner.catalog;

import io.strata.planner.codec.ByteReader;
import io.strata.planner.codec.ByteWriter;
import io.strata.storage.ReadTxn;
import io.strata.storage.Tree;
import io.strata.storage.WriteTxn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the catalog tree ({@value #TREE}).
 *
 * <p>Entries: {@code "g"} → generation (8 bytes), bumped by every DDL so concurrent DDL conflicts
 * in storage and caches can key on it; {@code "n"} → the next object id; {@code "T"/"I"/"V"} + id
 * (8 bytes) → an encoded table, index or view (format version byte first). Object ids are never
 * reused, so data trees named after them survive renames and never collide.
 */
public final class CatalogStore {
  public static final String TREE = "catalog";
  private static final byte[] GEN = {'g'};
  private static final byte[] NEXT_ID = {'n'};
  private static final int FORMAT = 1;

  private CatalogStore() {}

  /** The generation of the catalog visible to txn (0 for a store without a catalog). */
  public static long generation(ReadTxn txn) {
    Optional<Tree> t = txn.tree(TREE);
    if (t.isEmpty()) {
      return 0;
    }
    byte[] g = t.get().get(GEN);
    return g == null ? 0 : new ByteReader(g).readLong();
  }

  /** Loads the whole catalog visible to txn. */
  public static Catalog load(ReadTxn txn) {
    Optional<Tree> opt = txn.tree(TREE);
    if (opt.isEmpty()) {
      return new Catalog(0, List.of(), List.of(), List.of());
    }
    Tree tree = opt.get();
    long gen = 0;
    List<TableDef> tables = new ArrayList<>();
    List<ViewDef> views = new ArrayList<>();
    List<IndexDef> indexes = new ArrayList<>();
    try (var c = tree.cursor()) {
      for (boolean ok = c.first(); ok; ok = c.next()) {
        byte[] k = c.key();
        ByteReader in = new ByteReader(c.value());
        switch (k[0]) {
          case 'g' -> gen = in.readLong();
          case 'T' -> tables.add(readTable(in));
          case 'I' -> indexes.add(readIndex(in));
          case 'V' -> views.add(readView(in));
          default -> { }
        }
      }
    }
    return new Catalog(gen, tables, views, indexes);
  }

  private static Tree tree(WriteTxn txn) {
    return txn.tree(TREE).orElseGet(() -> txn.createTree(TREE));
  }

  /** Allocates a fresh object id. */
  public static long newId(WriteTxn txn) {
    Tree t = tree(txn);
    byte[] n = t.get(NEXT_ID);
    long id = n == null ? 1 : new ByteReader(n).readLong();
    t.put(NEXT_ID, longBytes(id + 1));
    return id;
  }

  /** Marks the catalog changed; every DDL calls this once. */
  public static void bumpGeneration(WriteTxn txn) {
    Tree t = tree(txn);
    byte[] g = t.get(GEN);
    long gen = g == null ? 0 : new ByteReader(g).readLong();
    t.put(GEN, longBytes(gen + 1));
  }

  public static void putTable(WriteTxn txn, TableDef table) {
    ByteWriter w = new ByteWriter();
    w.write(FORMAT);
    w.writeVarLong(table.id());
    w.writeString(table.name());
    w.writeVarLong(table.nextColumnId());
    w.writeVarLong(table.columns().size());
    for (ColumnDef c : table.columns()) {
      w.writeVarLong(c.id());
      w.writeString(c.name());
      w.writeString(c.type().sqlType());
      w.writeString(c.type().declared());
      w.writeZigZag(c.type().precision());
      w.writeZigZag(c.type().scale());
      w.write(c.nullable() ? 1 : 0);
      writeNullable(w, c.defaultSql());
    }
    w.writeVarLong(table.primaryKey().size());
    for (int id : table.primaryKey()) {
      w.writeVarLong(id);
    }
    w.writeVarLong(table.checks().size());
    for (CheckDef ch : table.checks()) {
      w.writeString(ch.name());
      w.writeString(ch.sql());
    }
    tree(txn).put(key('T', table.id()), w.toByteArray());
  }

  private static TableDef readTable(ByteReader in) {
    checkFormat(in);
    long id = in.readVarLong();
    String name = in.readString();
    int nextCol = (int) in.readVarLong();
    int n = (int) in.readVarLong();
    List<ColumnDef> cols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int cid = (int) in.readVarLong();
      String cname = in.readString();
      String sqlType = in.readString();
      String declared = in.readString();
      int precision = (int) in.readZigZag();
      int scale = (int) in.readZigZag();
      boolean nullable = in.read() != 0;
      String def = readNullable(in);
      cols.add(new ColumnDef(cid, cname, new ColumnType(sqlType, declared, precision, scale),
          nullable, def));
    }
    int pk = (int) in.readVarLong();
    List<Integer> pkIds = new ArrayList<>(pk);
    for (int i = 0; i < pk; i++) {
      pkIds.add((int) in.readVarLong());
    }
    int nc = (int) in.readVarLong();
    List<CheckDef> checks = new ArrayList<>(nc);
    for (int i = 0; i < nc; i++) {
      checks.add(new CheckDef(in.readString(), in.readString()));
    }
    return new TableDef(id, name, List.copyOf(cols), List.copyOf(pkIds), List.copyOf(checks),
        nextCol);
  }

  public static void deleteTable(WriteTxn txn, long id) {
    tree(txn).delete(key('T', id));
  }

  public static void putIndex(WriteTxn txn, IndexDef index) {
    ByteWriter w = new ByteWriter();
    w.write(FORMAT);
    w.writeVarLong(index.id());
    w.writeString(index.name());
    w.writeVarLong(index.tableId());
    w.write(index.unique() ? 1 : 0);
    w.writeVarLong(index.columnIds().size());
    for (int i = 0; i < index.columnIds().size(); i++) {
      w.writeVarLong(index.columnIds().get(i));
      w.write(index.descending().get(i) ? 1 : 0);
    }
    tree(txn).put(key('I', index.id()), w.toByteArray());
  }

  private static IndexDef readIndex(ByteReader in) {
    checkFormat(in);
    long id = in.readVarLong();
    String name = in.readString();
    long tableId = in.readVarLong();
    boolean unique = in.read() != 0;
    int n = (int) in.readVarLong();
    List<Integer> cols = new ArrayList<>(n);
    List<Boolean> desc = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      cols.add((int) in.readVarLong());
      desc.add(in.read() != 0);
    }
    return new IndexDef(id, name, tableId, List.copyOf(cols), List.copyOf(desc), unique);
  }

  public static void deleteIndex(WriteTxn txn, long id) {
    tree(txn).delete(key('I', id));
  }

  public static void putView(WriteTxn txn, ViewDef view) {
    ByteWriter w = new ByteWriter();
    w.write(FORMAT);
    w.writeVarLong(view.id());
    w.writeString(view.name());
    w.writeString(view.sql());
    w.writeVarLong(view.columnNames().size());
    for (String c : view.columnNames()) {
      w.writeString(c);
    }
    tree(txn).put(key('V', view.id()), w.toByteArray());
  }

  private static ViewDef readView(ByteReader in) {
    checkFormat(in);
    long id = in.readVarLong();
    String name = in.readString();
    String sql = in.readString();
    int n = (int) in.readVarLong();
    List<String> cols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      cols.add(in.readString());
    }
    return new ViewDef(id, name, sql, List.copyOf(cols));
  }

  public static void deleteView(WriteTxn txn, long id) {
    tree(txn).delete(key('V', id));
  }

  private static void checkFormat(ByteReader in) {
    int f = in.read();
    if (f != FORMAT) {
      throw new IllegalStateException("catalog entry has unknown format " + f);
    }
  }

  private static void writeNullable(ByteWriter w, String s) {
    if (s == null) {
      w.write(0);
    } else {
      w.write(1);
      w.writeString(s);
    }
  }

  private static String readNullable(ByteReader in) {
    return in.read() == 0 ? null : in.readString();
  }

  private static byte[] key(char kind, long id) {
    ByteWriter w = new ByteWriter(9);
    w.write(kind);
    w.writeLong(id);
    return w.toByteArray();
  }

  private static byte[] longBytes(long v) {
    ByteWriter w = new ByteWriter(8);
    w.writeLong(v);
    return w.toByteArray();
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}

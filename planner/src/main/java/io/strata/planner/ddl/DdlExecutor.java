package io.strata.planner.ddl;

import io.strata.parser.ast.SqlAlterTable;
import io.strata.parser.ast.SqlColumnDeclaration;
import io.strata.parser.ast.SqlCreateIndex;
import io.strata.parser.ast.SqlCreateTable;
import io.strata.parser.ast.SqlCreateView;
import io.strata.parser.ast.SqlDropIndex;
import io.strata.parser.ast.SqlDropTable;
import io.strata.parser.ast.SqlDropView;
import io.strata.parser.ast.SqlTableConstraint;
import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.catalog.Catalog;
import io.strata.planner.catalog.CatalogStore;
import io.strata.planner.catalog.CheckDef;
import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.ColumnType;
import io.strata.planner.catalog.IndexDef;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.catalog.ViewDef;
import io.strata.storage.StorageException;
import io.strata.storage.WriteTxn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Executes DDL statements in a write transaction. Every statement bumps the catalog generation
 * (so concurrent DDL conflicts in storage and caches see the change) and describes the version it
 * will commit. Table and index trees are named by catalog id, so renames touch only the catalog.
 */
public final class DdlExecutor {
  private final WriteTxn txn;
  private final Catalog catalog;
  private final String sql;
  private final DdlHooks hooks;

  /**
   * @param catalog the catalog visible to txn before this statement
   * @param sql the statement text (CHECK and DEFAULT expressions are stored as written)
   */
  public DdlExecutor(WriteTxn txn, Catalog catalog, String sql, DdlHooks hooks) {
    this.txn = txn;
    this.catalog = catalog;
    this.sql = sql;
    this.hooks = hooks;
  }

  /** Executes one DDL node; returns the number of rows it wrote (CREATE TABLE AS) or 0. */
  public long execute(SqlNode node) {
    try {
      if (node instanceof SqlCreateTable n) {
        return createTable(n);
      } else if (node instanceof SqlDropTable n) {
        dropTable(n);
      } else if (node instanceof SqlCreateIndex n) {
        createIndex(n);
      } else if (node instanceof SqlDropIndex n) {
        dropIndex(n);
      } else if (node instanceof SqlCreateView n) {
        createView(n);
      } else if (node instanceof SqlDropView n) {
        dropView(n);
      } else if (node instanceof SqlAlterTable n) {
        alterTable(n);
      } else {
        throw new StrataException(Reason.UNSUPPORTED,
            "statement not supported: " + node.getKind());
      }
      return 0;
    } catch (StorageException e) {
      throw io.strata.planner.table.Storage.translate(e);
    }
  }

  private static String name(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }

  private void changed(String what) {
    CatalogStore.bumpGeneration(txn);
    txn.describe(what);
  }

  /** The statement text of a node, or its unparsed form when positions are unusable. */
  private String textOf(SqlNode node) {
    SqlParserPos pos = node.getParserPosition();
    String[] lines = sql.split("\n", -1);
    int l1 = pos.getLineNum();
    int c1 = pos.getColumnNum();
    int l2 = pos.getEndLineNum();
    int c2 = pos.getEndColumnNum();
    if (l1 >= 1 && l2 >= l1 && l2 <= lines.length && c1 >= 1 && c2 >= 1) {
      StringBuilder b = new StringBuilder();
      for (int l = l1; l <= l2; l++) {
        String line = lines[l - 1];
        int from = l == l1 ? c1 - 1 : 0;
        int to = l == l2 ? Math.min(c2, line.length()) : line.length();
        if (from > to || from > line.length()) {
          b = null;
          break;
        }
        b.append(line, from, to);
        if (l < l2) {
          b.append('\n');
        }
      }
      if (b != null && b.length() > 0) {
        return b.toString();
      }
    }
    return node.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
  }

  private ColumnType columnType(SqlDataTypeSpec spec, SqlParserPos pos) {
    SqlTypeNameSpec ts = spec.getTypeNameSpec();
    String typeName = ts.getTypeName().getSimple();
    int precision = -1;
    int scale = -1;
    if (ts instanceof SqlBasicTypeNameSpec b) {
      precision = b.getPrecision();
      scale = b.getScale();
    }
    ColumnType t = ColumnType.of(typeName, precision, scale);
    if (t == null) {
      throw new StrataException(Reason.UNSUPPORTED, "unsupported column type " + typeName,
          pos.getLineNum(), pos.getColumnNum(), null);
    }
    return t;
  }

  private long createTable(SqlCreateTable n) {
    String name = name(n.name());
    if (catalog.relationExists(name)) {
      if (n.ifNotExists()) {
        return 0;
      }
      throw new StrataException(Reason.DUPLICATE_OBJECT, "table or view " + name + " already exists");
    }
    long id = CatalogStore.newId(txn);
    List<ColumnDef> cols = new ArrayList<>();
    List<Integer> pk = new ArrayList<>();
    List<CheckDef> checks = new ArrayList<>();
    List<List<Integer>> uniques = new ArrayList<>();
    if (n.asQuery() != null && n.columns().isEmpty()) {
      RelDataType type = hooks.validateQuery(catalog, textOf(n.asQuery()));
      for (RelDataTypeField f : type.getFieldList()) {
        String tn = f.getType().getSqlTypeName().getName();
        int p = f.getType().getSqlTypeName().allowsPrec() ? f.getType().getPrecision() : -1;
        int s = f.getType().getSqlTypeName().allowsScale() ? f.getType().getScale() : -1;
        ColumnType ct = ColumnType.of(tn.equals("CHAR") ? "VARCHAR" : tn, p, s);
        if (ct == null) {
          ct = ColumnType.of("VARCHAR", -1, -1);
        }
        cols.add(new ColumnDef(cols.size(), f.getName(), ct, true, null));
      }
    }
    for (SqlColumnDeclaration c : n.columns()) {
      String cname = name(c.name());
      for (ColumnDef existing : cols) {
        if (existing.name().equalsIgnoreCase(cname)) {
          throw new StrataException(Reason.DUPLICATE_OBJECT, "duplicate column " + cname);
        }
      }
      int cid = cols.size();
      boolean nullable = !c.notNull() && !c.primaryKey();
      String def = c.defaultValue() == null ? null : textOf(c.defaultValue());
      cols.add(new ColumnDef(cid, cname, columnType(c.type(), c.getParserPosition()), nullable, def));
      if (c.primaryKey()) {
        if (!pk.isEmpty()) {
          throw new StrataException(Reason.INVALID_STATEMENT,
              "table " + name + " has more than one primary key");
        }
        pk.add(cid);
      }
      if (c.unique()) {
        uniques.add(List.of(cid));
      }
      if (c.check() != null) {
        checks.add(new CheckDef(name + "_check" + (checks.size() + 1), textOf(c.check())));
      }
    }
    for (SqlTableConstraint tc : n.constraints()) {
      List<Integer> ids = new ArrayList<>();
      for (SqlNode col : tc.columns()) {
        String cn = name((SqlIdentifier) col);
        int pos = -1;
        for (ColumnDef cd : cols) {
          if (cd.name().equalsIgnoreCase(cn)) {
            pos = cd.id();
          }
        }
        if (pos < 0) {
          throw new StrataException(Reason.UNKNOWN_COLUMN, "column " + cn + " not found in "
              + name, col.getParserPosition().getLineNum(), col.getParserPosition().getColumnNum(),
              null);
        }
        ids.add(pos);
      }
      switch (tc.kind()) {
        case PRIMARY_KEY -> {
          if (!pk.isEmpty()) {
            throw new StrataException(Reason.INVALID_STATEMENT,
                "table " + name + " has more than one primary key");
          }
          pk.addAll(ids);
        }
        case UNIQUE -> uniques.add(ids);
        case CHECK -> checks.add(new CheckDef(tc.name() != null ? name(tc.name())
            : name + "_check" + (checks.size() + 1), textOf(tc.check())));
        case FOREIGN_KEY -> throw new StrataException(Reason.UNSUPPORTED,
            "FOREIGN KEY constraints are not supported");
      }
    }
    if (cols.isEmpty()) {
      throw new StrataException(Reason.INVALID_STATEMENT, "table " + name + " has no columns");
    }
    for (int i = 0; i < cols.size(); i++) {
      ColumnDef c = cols.get(i);
      if (pk.contains(c.id()) && c.nullable()) {
        cols.set(i, new ColumnDef(c.id(), c.name(), c.type(), false, c.defaultSql()));
      }
    }
    TableDef table = new TableDef(id, name, List.copyOf(cols), List.copyOf(pk), List.copyOf(checks),
        cols.size());
    CatalogStore.putTable(txn, table);
    txn.createTree(table.treeName());
    List<IndexDef> indexes = new ArrayList<>();
    for (List<Integer> u : uniques) {
      if (u.equals(pk)) {
        continue;
      }
      long ixId = CatalogStore.newId(txn);
      IndexDef ix = new IndexDef(ixId, name + "_unique" + ixId, id, List.copyOf(u),
          u.stream().map(x -> false).toList(), true);
      CatalogStore.putIndex(txn, ix);
      txn.createTree(ix.treeName());
      indexes.add(ix);
    }
    changed("CREATE TABLE " + name);
    Catalog after = CatalogStore.load(txn);
    for (CheckDef c : checks) {
      hooks.validateCheck(after, table, c.sql());
    }
    if (n.asQuery() != null) {
      return hooks.insertFromQuery(after, table, textOf(n.asQuery()));
    }
    return 0;
  }

  private void dropTable(SqlDropTable n) {
    String name = name(n.name());
    TableDef t = catalog.table(name);
    if (t == null) {
      if (n.ifExists()) {
        return;
      }
      if (catalog.view(name) != null) {
        throw new StrataException(Reason.INVALID_STATEMENT, name + " is a view; use DROP VIEW");
      }
      throw unknown("table", name, n.name());
    }
    for (IndexDef ix : catalog.indexesOf(t.id())) {
      CatalogStore.deleteIndex(txn, ix.id());
      txn.dropTree(ix.treeName());
    }
    CatalogStore.deleteTable(txn, t.id());
    txn.dropTree(t.treeName());
    changed("DROP TABLE " + t.name());
  }

  private static StrataException unknown(String what, String name, SqlNode at) {
    SqlParserPos p = at.getParserPosition();
    return new StrataException(what.equals("table") ? Reason.UNKNOWN_TABLE : Reason.UNKNOWN_OBJECT,
        what + " " + name + " does not exist", p.getLineNum(), p.getColumnNum(), null);
  }

  private void createIndex(SqlCreateIndex n) {
    String name = name(n.name());
    if (catalog.index(name) != null) {
      if (n.ifNotExists()) {
        return;
      }
      throw new StrataException(Reason.DUPLICATE_OBJECT, "index " + name + " already exists");
    }
    TableDef t = catalog.table(name(n.table()));
    if (t == null) {
      throw unknown("table", name(n.table()), n.table());
    }
    List<Integer> ids = new ArrayList<>();
    for (SqlIdentifier c : n.columns()) {
      int pos = t.columnIndex(name(c));
      if (pos < 0) {
        SqlParserPos p = c.getParserPosition();
        throw new StrataException(Reason.UNKNOWN_COLUMN, "column " + name(c) + " not found in "
            + t.name(), p.getLineNum(), p.getColumnNum(), null);
      }
      ids.add(t.columns().get(pos).id());
    }
    long id = CatalogStore.newId(txn);
    IndexDef ix = new IndexDef(id, name, t.id(), List.copyOf(ids), List.copyOf(n.descending()),
        n.unique());
    CatalogStore.putIndex(txn, ix);
    txn.createTree(ix.treeName());
    IndexBuilder.fill(txn, t, ix);
    changed("CREATE INDEX " + name + " ON " + t.name());
  }

  private void dropIndex(SqlDropIndex n) {
    String name = name(n.name());
    IndexDef ix = catalog.index(name);
    if (ix == null) {
      if (n.ifExists()) {
        return;
      }
      throw unknown("index", name, n.name());
    }
    CatalogStore.deleteIndex(txn, ix.id());
    txn.dropTree(ix.treeName());
    changed("DROP INDEX " + ix.name());
  }

  private void createView(SqlCreateView n) {
    String name = name(n.name());
    if (catalog.relationExists(name)) {
      if (n.ifNotExists()) {
        return;
      }
      throw new StrataException(Reason.DUPLICATE_OBJECT, "table or view " + name + " already exists");
    }
    String query = n.queryText() != null ? n.queryText() : textOf(n.query());
    RelDataType type = hooks.validateQuery(catalog, query);
    List<String> columns = new ArrayList<>();
    if (n.columns() != null) {
      for (SqlNode c : n.columns()) {
        columns.add(name((SqlIdentifier) c));
      }
      if (columns.size() != type.getFieldCount()) {
        throw new StrataException(Reason.INVALID_STATEMENT, "view " + name + " names "
            + columns.size() + " columns but its query returns " + type.getFieldCount());
      }
    }
    List<String> seen = new ArrayList<>();
    for (String c : columns.isEmpty() ? type.getFieldNames() : columns) {
      String u = c.toUpperCase(Locale.ROOT);
      if (seen.contains(u)) {
        throw new StrataException(Reason.DUPLICATE_OBJECT, "view " + name
            + " has two columns named " + c);
      }
      seen.add(u);
    }
    long id = CatalogStore.newId(txn);
    CatalogStore.putView(txn, new ViewDef(id, name, query, List.copyOf(columns)));
    changed("CREATE VIEW " + name);
  }

  private void dropView(SqlDropView n) {
    String name = name(n.name());
    ViewDef v = catalog.view(name);
    if (v == null) {
      if (n.ifExists()) {
        return;
      }
      if (catalog.table(name) != null) {
        throw new StrataException(Reason.INVALID_STATEMENT, name + " is a table; use DROP TABLE");
      }
      throw unknown("view", name, n.name());
    }
    CatalogStore.deleteView(txn, v.id());
    changed("DROP VIEW " + v.name());
  }

  private void alterTable(SqlAlterTable n) {
    TableDef t = catalog.table(name(n.table()));
    if (t == null) {
      throw unknown("table", name(n.table()), n.table());
    }
    List<ColumnDef> cols = new ArrayList<>(t.columns());
    TableDef next;
    switch (n.action()) {
      case ADD_COLUMN -> {
        SqlColumnDeclaration c = n.column();
        String cname = name(c.name());
        if (t.columnIndex(cname) >= 0) {
          throw new StrataException(Reason.DUPLICATE_OBJECT, "column " + cname
              + " already exists in " + t.name());
        }
        if (c.primaryKey() || c.unique()) {
          throw new StrataException(Reason.UNSUPPORTED,
              "ADD COLUMN cannot add a PRIMARY KEY or UNIQUE column");
        }
        String def = c.defaultValue() == null ? null : textOf(c.defaultValue());
        boolean empty = txn.tree(t.treeName()).map(x -> x.size()).orElse(0L) == 0;
        if (c.notNull() && def == null && !empty) {
          throw new StrataException(Reason.NOT_NULL_VIOLATION, "cannot add NOT NULL column "
              + cname + " without a DEFAULT to non-empty table " + t.name());
        }
        cols.add(new ColumnDef(t.nextColumnId(), cname, columnType(c.type(), c.getParserPosition()),
            !c.notNull(), def));
        List<CheckDef> checks = new ArrayList<>(t.checks());
        if (c.check() != null) {
          checks.add(new CheckDef(t.name() + "_check" + (checks.size() + 1), textOf(c.check())));
        }
        next = new TableDef(t.id(), t.name(), List.copyOf(cols), t.primaryKey(),
            List.copyOf(checks), t.nextColumnId() + 1);
      }
      case DROP_COLUMN -> {
        String cname = name(n.columnName());
        int pos = t.columnIndex(cname);
        if (pos < 0) {
          throw unknownColumn(cname, t, n.columnName());
        }
        int cid = cols.get(pos).id();
        if (t.primaryKey().contains(cid)) {
          throw new StrataException(Reason.INVALID_STATEMENT, "cannot drop primary key column "
              + cname);
        }
        for (IndexDef ix : catalog.indexesOf(t.id())) {
          if (ix.columnIds().contains(cid)) {
            throw new StrataException(Reason.INVALID_STATEMENT, "cannot drop column " + cname
                + ": index " + ix.name() + " uses it");
          }
        }
        if (cols.size() == 1) {
          throw new StrataException(Reason.INVALID_STATEMENT, "cannot drop the only column of "
              + t.name());
        }
        cols.remove(pos);
        next = new TableDef(t.id(), t.name(), List.copyOf(cols), t.primaryKey(), t.checks(),
            t.nextColumnId());
      }
      case RENAME_COLUMN -> {
        String cname = name(n.columnName());
        int pos = t.columnIndex(cname);
        if (pos < 0) {
          throw unknownColumn(cname, t, n.columnName());
        }
        String newName = name(n.newName());
        if (t.columnIndex(newName) >= 0) {
          throw new StrataException(Reason.DUPLICATE_OBJECT, "column " + newName
              + " already exists in " + t.name());
        }
        ColumnDef c = cols.get(pos);
        cols.set(pos, new ColumnDef(c.id(), newName, c.type(), c.nullable(), c.defaultSql()));
        next = new TableDef(t.id(), t.name(), List.copyOf(cols), t.primaryKey(), t.checks(),
            t.nextColumnId());
      }
      case RENAME_TABLE -> {
        String newName = name(n.newName());
        if (catalog.relationExists(newName)) {
          throw new StrataException(Reason.DUPLICATE_OBJECT, "table or view " + newName
              + " already exists");
        }
        next = new TableDef(t.id(), newName, t.columns(), t.primaryKey(), t.checks(),
            t.nextColumnId());
      }
      default -> throw new StrataException(Reason.UNSUPPORTED, "ALTER TABLE " + n.action());
    }
    CatalogStore.putTable(txn, next);
    changed("ALTER TABLE " + t.name() + " " + n.action().name().replace('_', ' '));
    if (n.action() == SqlAlterTable.Action.ADD_COLUMN && n.column().check() != null) {
      hooks.validateCheck(CatalogStore.load(txn), next, next.checks().get(next.checks().size() - 1).sql());
    }
    if (n.action() == SqlAlterTable.Action.ADD_COLUMN && n.column().defaultValue() != null) {
      // the rows already there take the default, checked like any UPDATE (NOT NULL, CHECK)
      ColumnDef added = next.columns().get(next.columns().size() - 1);
      hooks.fillColumn(CatalogStore.load(txn), next, added.name(), added.defaultSql());
    }
  }

  private static StrataException unknownColumn(String cname, TableDef t, SqlNode at) {
    SqlParserPos p = at.getParserPosition();
    return new StrataException(Reason.UNKNOWN_COLUMN, "column " + cname + " not found in "
        + t.name(), p.getLineNum(), p.getColumnNum(), null);
  }
}

package io.strata.planner.table;

import io.strata.planner.calcite.SystemTable;
import io.strata.planner.catalog.Catalog;
import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.catalog.ViewDef;
import io.strata.planner.exec.ExecContext;
import io.strata.planner.exec.Operator;
import io.strata.storage.Version;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Rows of a system table, computed when opened from the store and the statement's catalog. */
final class SystemScanOp implements Operator {
  static final String SCHEMA = "PUBLIC";
  private final SystemTable.Kind kind;
  private List<Object[]> rows;
  private int next;

  SystemScanOp(SystemTable.Kind kind) {
    this.kind = kind;
  }

  @Override
  public void open(ExecContext ctx) {
    TxnScope scope = (TxnScope) ctx.txn();
    rows = switch (kind) {
      case VERSIONS -> versions(scope);
      case TABLES -> tables(scope.catalog());
      case COLUMNS -> columns(scope.catalog());
    };
    next = 0;
  }

  /**
   * Commit times are shown in the JVM's time zone to the millisecond, as AS OF TIMESTAMP reads
   * them (a time names its whole millisecond).
   */
  static LocalDateTime local(java.time.Instant t) {
    return LocalDateTime.ofInstant(t, ZoneId.systemDefault())
        .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  private static List<Object[]> versions(TxnScope scope) {
    List<Object[]> out = new ArrayList<>();
    for (Version v : scope.store().versions()) {
      out.add(new Object[] {v.id(), local(v.commitTime()), v.note(), v.pagesWritten()});
    }
    return out;
  }

  private static List<Object[]> tables(Catalog c) {
    List<Object[]> out = new ArrayList<>();
    for (TableDef t : c.tables()) {
      out.add(new Object[] {SCHEMA, t.name(), "TABLE"});
    }
    for (ViewDef v : c.views()) {
      out.add(new Object[] {SCHEMA, v.name(), "VIEW"});
    }
    out.add(new Object[] {SCHEMA, SystemTable.Kind.VERSIONS.tableName(), "SYSTEM TABLE"});
    out.add(new Object[] {"INFORMATION_SCHEMA", SystemTable.Kind.TABLES.tableName(), "SYSTEM TABLE"});
    out.add(new Object[] {"INFORMATION_SCHEMA", SystemTable.Kind.COLUMNS.tableName(), "SYSTEM TABLE"});
    out.sort(Comparator.comparing((Object[] r) -> (String) r[0]).thenComparing(r -> (String) r[1]));
    return out;
  }

  private static List<Object[]> columns(Catalog c) {
    List<Object[]> out = new ArrayList<>();
    List<TableDef> tables = new ArrayList<>(c.tables());
    tables.sort(Comparator.comparing(TableDef::name));
    for (TableDef t : tables) {
      long pos = 1;
      for (ColumnDef col : t.columns()) {
        out.add(new Object[] {SCHEMA, t.name(), col.name(), pos++, col.type().sql(),
            col.nullable() ? "YES" : "NO", col.defaultSql()});
      }
    }
    return out;
  }

  @Override
  public Object[] next() {
    return next < rows.size() ? rows.get(next++) : null;
  }

  @Override
  public void close() {}
}

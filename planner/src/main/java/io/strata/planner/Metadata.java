package io.strata.planner;

import io.strata.planner.calcite.Planner;
import io.strata.planner.calcite.SystemTable;
import io.strata.planner.calcite.TypeMapping;
import io.strata.planner.catalog.Catalog;
import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.IndexDef;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.catalog.ViewDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** Builds the {@link TableInfo} list clients read through DatabaseMetaData. */
final class Metadata {
  static final String SCHEMA = "PUBLIC";

  private Metadata() {}

  static List<TableInfo> tables(Catalog catalog, Planner planner) {
    List<TableInfo> out = new ArrayList<>();
    List<TableDef> tables = new ArrayList<>(catalog.tables());
    tables.sort(Comparator.comparing(TableDef::name));
    for (TableDef t : tables) {
      List<TableInfo.ColumnInfo> cols = new ArrayList<>();
      for (ColumnDef c : t.columns()) {
        cols.add(new TableInfo.ColumnInfo(c.name(), c.type().jdbcType(), c.type().declared(),
            Math.max(c.type().precision(), 0), Math.max(c.type().scale(), 0), c.nullable(),
            c.defaultSql()));
      }
      List<String> pk = new ArrayList<>();
      for (int id : t.primaryKey()) {
        pk.add(t.columns().get(t.positionOfId(id)).name());
      }
      List<TableInfo.IndexInfo> indexes = new ArrayList<>();
      for (IndexDef ix : catalog.indexesOf(t.id())) {
        List<String> names = new ArrayList<>();
        for (int id : ix.columnIds()) {
          names.add(t.columns().get(t.positionOfId(id)).name());
        }
        indexes.add(new TableInfo.IndexInfo(ix.name(), ix.unique(), names, ix.descending()));
      }
      out.add(new TableInfo(SCHEMA, t.name(), "TABLE", cols, pk, indexes));
    }
    List<ViewDef> views = new ArrayList<>(catalog.views());
    views.sort(Comparator.comparing(ViewDef::name));
    for (ViewDef v : views) {
      List<TableInfo.ColumnInfo> cols = new ArrayList<>();
      try {
        RelDataType type = planner.rowType(StrataSession.parse(
            "SELECT * FROM " + StrataPrepared.quote(v.name())));
        for (RelDataTypeField f : type.getFieldList()) {
          cols.add(column(f.getName(), f.getType()));
        }
      } catch (StrataException e) {
        // a view whose tables were dropped still lists, without columns
      }
      out.add(new TableInfo(SCHEMA, v.name(), "VIEW", cols, List.of(), List.of()));
    }
    for (SystemTable.Kind k : SystemTable.Kind.values()) {
      String schema = k == SystemTable.Kind.VERSIONS ? SCHEMA : "INFORMATION_SCHEMA";
      List<TableInfo.ColumnInfo> cols = new ArrayList<>();
      RelDataType type = new SystemTableType(k).rowType();
      for (RelDataTypeField f : type.getFieldList()) {
        cols.add(column(f.getName(), f.getType()));
      }
      out.add(new TableInfo(schema, k.tableName(), "SYSTEM TABLE", cols, List.of(), List.of()));
    }
    return out;
  }

  private static TableInfo.ColumnInfo column(String name, RelDataType t) {
    ColumnMeta m = TypeMapping.column(name, name, "", t);
    return new TableInfo.ColumnInfo(name, m.jdbcType(), m.typeName(), m.precision(), m.scale(),
        m.nullable(), null);
  }

  /** The row type of a system table. */
  private record SystemTableType(SystemTable.Kind kind) {
    RelDataType rowType() {
      return SystemTable.rowType(kind, Planner.TYPES);
    }
  }
}

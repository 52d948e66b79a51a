package io.strata.planner.calcite;

import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.IndexDef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * A scan of a Strata table: the whole primary tree, or the ranges of an {@link AccessPath}, emitting
 * the table's columns or the subset {@code projects} (positions in the table's row).
 */
public final class StrataTableScan extends TableScan {
  private final StrataTable strataTable;
  private final int[] projects;
  private final AccessPath path;

  StrataTableScan(RelOptCluster cluster, RelOptTable table, StrataTable strataTable, int[] projects,
      AccessPath path) {
    super(cluster, cluster.traitSetOf(Convention.NONE), List.of(), table);
    this.strataTable = strataTable;
    this.projects = projects;
    this.path = path;
  }

  public StrataTable strataTable() {
    return strataTable;
  }

  /** Table column positions emitted, or null for all. */
  public int[] projects() {
    return projects;
  }

  /** The access path, or null for a full scan. */
  public AccessPath path() {
    return path;
  }

  /** Table column positions emitted, never null. */
  public int[] outputColumns() {
    if (projects != null) {
      return projects;
    }
    int[] all = new int[strataTable.def().columns().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  StrataTableScan withProjects(int[] p) {
    assert java.util.Arrays.stream(p).distinct().count() == p.length : "repeated scan column";
    return new StrataTableScan(getCluster(), table, strataTable, p, path);
  }

  StrataTableScan withPath(AccessPath p) {
    return new StrataTableScan(getCluster(), table, strataTable, projects, p);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    assert inputs.isEmpty();
    return this;
  }

  @Override
  public RelDataType deriveRowType() {
    RelDataType full = table.getRowType();
    if (projects == null) {
      return full;
    }
    List<RelDataTypeField> fields = full.getFieldList();
    var b = getCluster().getTypeFactory().builder();
    for (int p : projects) {
      b.add(fields.get(p));
    }
    return b.build();
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    double rows = table.getRowCount();
    if (path == null) {
      return rows;
    }
    int keyColumns = path.index() == null ? strataTable.def().primaryKey().size()
        : path.index().columnIds().size();
    boolean unique = path.index() == null || path.index().unique();
    int eq = path.equalityColumns();
    if (unique && eq >= keyColumns && !path.hasBounds()) {
      return path.ranges().size();
    }
    double sel = Math.pow(0.1, eq) * (path.hasBounds() ? 0.25 : 1.0);
    return Math.max(1, Math.min(rows, rows * sel * path.ranges().size()));
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    double width = projects == null ? 1.0
        : (projects.length + 1.0) / (strataTable.def().columns().size() + 1.0);
    double lookups = path != null && path.index() != null ? 2.0 : 1.0;
    return planner.getCostFactory().makeCost(rows, rows * width * lookups + 1, 0);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    pw.item("table", table.getQualifiedName());
    if (strataTable.historical()) {
      pw.item("version", strataTable.version());
    }
    if (projects != null) {
      List<ColumnDef> cols = strataTable.def().columns();
      List<String> names = new ArrayList<>();
      for (int p : projects) {
        names.add(cols.get(p).name());
      }
      pw.item("columns", names);
    }
    if (path != null) {
      IndexDef ix = path.index();
      pw.item("access", ix == null ? "primary key" : "index " + ix.name());
      pw.item("ranges", path.ranges().stream().map(r -> "[" + r + "]")
          .collect(Collectors.joining(", ")));
    }
    return pw;
  }
}

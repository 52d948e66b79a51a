package io.strata.planner.calcite;

import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.IndexDef;
import io.strata.planner.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A catalog table as Calcite sees it, at the statement's snapshot ({@code version < 0}) or at a
 * committed version (AS OF, read-only). Scans become {@link StrataTableScan}.
 */
public final class StrataTable extends AbstractTable implements TranslatableTable {
  private final TableDef def;
  private final List<IndexDef> indexes;
  private final long version;
  private final double rowCount;

  StrataTable(TableDef def, List<IndexDef> indexes, long version, double rowCount) {
    this.def = def;
    this.indexes = indexes;
    this.version = version;
    this.rowCount = rowCount;
  }

  public TableDef def() {
    return def;
  }

  public List<IndexDef> indexes() {
    return indexes;
  }

  /** The committed version this table is read at, or -1 for the statement's snapshot. */
  public long version() {
    return version;
  }

  public boolean historical() {
    return version >= 0;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnDef c : def.columns()) {
      b.add(c.name(), TypeMapping.toRel(f, c.type(), c.nullable()));
    }
    return b.build();
  }

  @Override
  public Statistic getStatistic() {
    List<ImmutableBitSet> keys = new ArrayList<>();
    if (!def.primaryKey().isEmpty()) {
      ImmutableBitSet.Builder k = ImmutableBitSet.builder();
      for (int id : def.primaryKey()) {
        k.set(def.positionOfId(id));
      }
      keys.add(k.build());
    }
    return Statistics.of(Math.max(1, rowCount), keys);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new StrataTableScan(context.getCluster(), relOptTable, this, null, null);
  }

  @Override
  public <C> C unwrap(Class<C> aClass) {
    if (aClass == InitializerExpressionFactory.class) {
      return aClass.cast(new ColumnDefaults(def));
    }
    return super.unwrap(aClass);
  }
}

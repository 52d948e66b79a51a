package io.strata.planner.calcite;

import io.strata.planner.catalog.ViewDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A stored view: expanded from its SQL text through the planner's view expander when used. */
public final class StrataView extends AbstractTable implements TranslatableTable {
  private final ViewDef def;
  private final List<String> schemaPath;
  private final ViewResolver resolver;
  private RelDataType rowType;

  StrataView(ViewDef def, List<String> schemaPath, ViewResolver resolver) {
    this.def = def;
    this.schemaPath = schemaPath;
    this.resolver = resolver;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    if (rowType == null) {
      RelDataType t = resolver.rowType(def, schemaPath);
      if (!def.columnNames().isEmpty()) {
        RelDataTypeFactory.Builder b = f.builder();
        List<RelDataTypeField> fields = t.getFieldList();
        for (int i = 0; i < fields.size(); i++) {
          b.add(def.columnNames().get(i), fields.get(i).getType());
        }
        t = b.build();
      }
      rowType = t;
    }
    return rowType;
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelDataType type = relOptTable.getRowType();
    RelRoot root = context.expandView(type, def.sql(), schemaPath, List.of(def.name()));
    RelNode rel = root.project();
    List<String> names = new ArrayList<>(type.getFieldNames());
    rel = RelOptUtil.createCastRel(rel, type, true);
    return RelOptUtil.createRename(rel, names);
  }
}

package io.strata.planner.calcite;

import io.strata.planner.catalog.ColumnDef;
import io.strata.planner.catalog.TableDef;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;

/** Column DEFAULT expressions (stored as SQL text) for INSERTs that omit columns. */
final class ColumnDefaults extends NullInitializerExpressionFactory {
  private static final SqlParser.Config EXPR_PARSER = SqlParser.config()
      .withUnquotedCasing(Casing.UNCHANGED).withCaseSensitive(false);
  private final TableDef def;

  ColumnDefaults(TableDef def) {
    this.def = def;
  }

  @Override
  public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
    ColumnDef c = def.columns().get(iColumn);
    if (c.defaultSql() != null) {
      return ColumnStrategy.DEFAULT;
    }
    return c.nullable() ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
  }

  @Override
  public RexNode newColumnDefaultValue(RelOptTable table, int iColumn, InitializerContext context) {
    ColumnDef c = def.columns().get(iColumn);
    RelDataType type = table.getRowType().getFieldList().get(iColumn).getType();
    if (c.defaultSql() == null) {
      return context.getRexBuilder().makeNullLiteral(type);
    }
    SqlNode expr = context.parseExpression(EXPR_PARSER, c.defaultSql());
    RexNode rex = context.convertExpression(expr);
    if (rex.getType().equals(type)) {
      return rex;
    }
    return context.getRexBuilder().makeCast(type, rex, true, false);
  }
}

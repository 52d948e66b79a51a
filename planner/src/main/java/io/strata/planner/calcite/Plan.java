package io.strata.planner.calcite;

import io.strata.planner.ColumnMeta;
import io.strata.planner.ParamMeta;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A planned query or DML statement.
 *
 * @param rel the optimised relational expression (a TableModify at the root for DML)
 * @param columns result columns (empty for DML)
 * @param params the ? parameters
 * @param paramTypes their validated types
 * @param dml whether it writes
 * @param historical whether it reads a historical version (AS OF)
 */
public record Plan(RelNode rel, List<ColumnMeta> columns, List<ParamMeta> params,
    List<RelDataType> paramTypes, boolean dml,
    boolean historical) {}

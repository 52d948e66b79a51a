package io.strata.planner.calcite;

import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A read-only table computed when scanned: the version history ({@code strata_versions}) and the
 * {@code information_schema} views of the catalog. Scans become {@link SystemScan}.
 */
public final class SystemTable extends AbstractTable implements TranslatableTable {

  /** Which system table. */
  public enum Kind {
    VERSIONS("strata_versions", List.of("VERSION", "COMMIT_TIME", "NOTE", "PAGES_WRITTEN"),
        List.of(SqlTypeName.BIGINT, SqlTypeName.TIMESTAMP, SqlTypeName.VARCHAR, SqlTypeName.BIGINT)),
    TABLES("TABLES", List.of("TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE"),
        List.of(SqlTypeName.VARCHAR, SqlTypeName.VARCHAR, SqlTypeName.VARCHAR)),
    COLUMNS("COLUMNS", List.of("TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION",
        "DATA_TYPE", "IS_NULLABLE", "COLUMN_DEFAULT"),
        List.of(SqlTypeName.VARCHAR, SqlTypeName.VARCHAR, SqlTypeName.VARCHAR, SqlTypeName.BIGINT,
            SqlTypeName.VARCHAR, SqlTypeName.VARCHAR, SqlTypeName.VARCHAR));

    private final String tableName;
    private final List<String> columns;
    private final List<SqlTypeName> types;

    Kind(String tableName, List<String> columns, List<SqlTypeName> types) {
      this.tableName = tableName;
      this.columns = columns;
      this.types = types;
    }

    public String tableName() {
      return tableName;
    }

    public List<String> columns() {
      return columns;
    }

    public List<SqlTypeName> types() {
      return types;
    }
  }

  private final Kind kind;

  SystemTable(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory f) {
    return rowType(kind, f);
  }

  /** The row type of a system table. */
  public static RelDataType rowType(Kind kind, RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (int i = 0; i < kind.columns.size(); i++) {
      boolean nullable = kind == Kind.COLUMNS && i == 6 || kind == Kind.VERSIONS && i == 2;
      b.add(kind.columns.get(i), f.createTypeWithNullability(f.createSqlType(kind.types.get(i)),
          nullable));
    }
    return b.build();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return new SystemScan(context.getCluster(), relOptTable, kind);
  }
}

package io.strata.planner.calcite;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * LENIENT conformance plus non-strict GROUP BY (a bare column beside aggregates is allowed, as in
 * SQLite) and ragged CASE/UNION string types as VARCHAR.
 */
final class StrataConformance extends SqlDelegatingConformance {
  static final StrataConformance INSTANCE = new StrataConformance();

  private StrataConformance() {
    super(SqlConformanceEnum.LENIENT);
  }

  @Override
  public boolean isNonStrictGroupBy() {
    return true;
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}

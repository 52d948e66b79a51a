package io.strata.planner.calcite;

import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidatorCatalogReader;
import org.apache.calcite.sql.validate.SqlValidatorImpl;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's validator, with aggregate arguments in HAVING resolved before select-list aliases.
 *
 * <p>HAVING may name select-list aliases (as in SQLite and MySQL), but inside an aggregate's
 * arguments Calcite takes a name as an input column, as SQLite does. It checks the select list
 * for two aliases of the name first, though, so {@code SELECT a AS c, b AS c FROM t GROUP BY a
 * HAVING SUM(c) > 0} failed as ambiguous although the {@code c} it aggregates is t's column. Such
 * names are now qualified with their table before Calcite expands aliases (it leaves qualified
 * names alone), which gives the same meaning without the spurious error.
 */
final class StrataValidator extends SqlValidatorImpl {

  StrataValidator(SqlOperatorTable operators, SqlValidatorCatalogReader reader,
      RelDataTypeFactory types, Config config) {
    super(operators, reader, types, config);
  }

  @Override
  protected void validateHavingClause(SqlSelect select) {
    SqlNode having = select.getHaving();
    if (having != null) {
      SqlNode qualified = having.accept(new AggregateArguments(getWhereScope(select), false));
      if (qualified != having) {
        select.setHaving(qualified);
      }
    }
    super.validateHavingClause(select);
  }

  /**
   * Qualifies each simple name inside an aggregate call that is a column of the FROM clause;
   * sub-queries are left alone.
   */
  private static final class AggregateArguments extends SqlShuttle {
    private final SqlValidatorScope fromScope;
    private final boolean insideAggregate;

    AggregateArguments(SqlValidatorScope fromScope, boolean insideAggregate) {
      this.fromScope = fromScope;
      this.insideAggregate = insideAggregate;
    }

    @Override
    public @Nullable SqlNode visit(SqlCall call) {
      if (call instanceof SqlSelect) {
        return call;
      }
      if (!insideAggregate && call.getOperator().isAggregator()) {
        return call.accept(new AggregateArguments(fromScope, true));
      }
      return super.visit(call);
    }

    @Override
    public @Nullable SqlNode visit(SqlIdentifier id) {
      if (!insideAggregate || !id.isSimple() || id.isStar()) {
        return id;
      }
      try {
        return fromScope.fullyQualify(id).identifier;
      } catch (RuntimeException notAColumn) {
        return id; // not found, or ambiguous: Calcite's own resolution decides and reports
      }
    }
  }
}

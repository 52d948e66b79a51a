package io.strata.planner.calcite;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SelectScope;
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
 *
 * <p>Whether a SELECT aggregates is asked again and again while one statement is validated and
 * converted (for each select item, each aggregate call's operand check, the modality check, the
 * conversion of the select list), and Calcite answers each time by walking the whole select
 * list. The answers are kept per SELECT and per select list walked (the list as written, then
 * the expanded one), so each list is walked once. This holds because a validator serves one
 * statement, and while it does no GROUP BY or HAVING appears or vanishes and no aggregate call
 * enters or leaves a select list (expansion qualifies names and expands stars).
 */
final class StrataValidator extends SqlValidatorImpl {
  /** An answer about a SELECT, valid while its select list is the one it was computed over. */
  private record Answer<T>(List<SqlNode> list, T value) {}

  private final Map<SqlSelect, Answer<SqlNode>> aggregates = new IdentityHashMap<>();
  private final Map<SqlSelect, Answer<Boolean>> aggregating = new IdentityHashMap<>();

  /** The select list Calcite searches for aggregate calls: the expanded one once there is one. */
  private List<SqlNode> listSearched(SqlSelect select) {
    SelectScope scope = getRawSelectScope(select);
    List<SqlNode> expanded = scope == null ? null : scope.getExpandedSelectList();
    return expanded != null ? expanded : select.getSelectList();
  }

  @Override
  protected @Nullable SqlNode getAggregate(SqlSelect select) {
    if (select.getGroup() != null || select.getHaving() != null) {
      return super.getAggregate(select);
    }
    return remembered(aggregates, select, super::getAggregate);
  }

  @Override
  public boolean isAggregate(SqlSelect select) {
    if (select.getGroup() != null || select.getHaving() != null) {
      return true;
    }
    return remembered(aggregating, select, super::isAggregate);
  }

  /** The answer kept for select if it was computed over its current list, else a new one. */
  private <T> T remembered(Map<SqlSelect, Answer<T>> answers, SqlSelect select,
      Function<SqlSelect, T> compute) {
    List<SqlNode> list = listSearched(select);
    Answer<T> a = answers.get(select);
    if (a == null || a.list() != list) {
      a = new Answer<>(list, compute.apply(select));
      answers.put(select, a);
    }
    return a.value();
  }

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

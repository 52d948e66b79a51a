package io.strata.planner.calcite;

import com.google.common.collect.ImmutableList;
import java.util.EnumSet;
import java.util.Set;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataDef;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdPredicates;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;

/**
 * Pulled-up predicates of filters and joins whose conditions compare with a NULL literal.
 *
 * <p>Calcite's simplifier keeps {@code NULL = a / b} as it is (a division may fail, so it does
 * not fold the comparison to NULL), but its predicate list refuses comparisons with NULL and
 * throws, which made {@code WHERE x * CAST(NULL AS INTEGER) = y / z} fail to plan. Such a
 * comparison is never true (and in Strata a division never fails: by zero it is NULL), so here it
 * is read as the NULL it is before the standard inference runs.
 *
 * <p>Public only because Calcite compiles a dispatcher (in its own package) that calls these
 * handler methods.
 */
public final class NullComparisonPredicates implements MetadataHandler<BuiltInMetadata.Predicates> {
  private static final RelMdPredicates STANDARD = new RelMdPredicates();

  /** The default metadata with these two handlers in front. */
  static final RelMetadataProvider PROVIDER = ChainedRelMetadataProvider.of(ImmutableList.of(
      ReflectiveRelMetadataProvider.reflectiveSource(new NullComparisonPredicates(),
          BuiltInMetadata.Predicates.Handler.class),
      DefaultRelMetadataProvider.INSTANCE));

  /** The comparisons Calcite's predicate list checks: NULL when an operand is (not IS DISTINCT). */
  private static final Set<SqlKind> STRICT_COMPARISONS = EnumSet.of(SqlKind.EQUALS,
      SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL);

  private NullComparisonPredicates() {}

  @Override
  public MetadataDef<BuiltInMetadata.Predicates> getDef() {
    return BuiltInMetadata.Predicates.DEF;
  }

  public RelOptPredicateList getPredicates(Filter filter, RelMetadataQuery mq) {
    RexNode c = fold(filter.getCluster().getRexBuilder(), filter.getCondition());
    return STANDARD.getPredicates(c == filter.getCondition() ? filter
        : filter.copy(filter.getTraitSet(), filter.getInput(), c), mq);
  }

  public RelOptPredicateList getPredicates(Join join, RelMetadataQuery mq) {
    RexNode c = fold(join.getCluster().getRexBuilder(), join.getCondition());
    return STANDARD.getPredicates(c == join.getCondition() ? join
        : join.copy(join.getTraitSet(), c, join.getLeft(), join.getRight(), join.getJoinType(),
            join.isSemiJoinDone()), mq);
  }

  /** {@code condition} with each comparison that has a NULL literal operand replaced by NULL. */
  static RexNode fold(RexBuilder rexBuilder, RexNode condition) {
    return condition.accept(new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        RexNode visited = super.visitCall(call);
        if (visited.isA(STRICT_COMPARISONS) && visited instanceof RexCall c
            && c.getOperands().stream().anyMatch(RexLiteral::isNullLiteral)) {
          return rexBuilder.makeNullLiteral(c.getType());
        }
        return visited;
      }
    });
  }
}

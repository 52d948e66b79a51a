package io.strata.planner.calcite;

import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.rules.FilterJoinRule;
import org.apache.calcite.rel.rules.FilterMergeRule;
import org.apache.calcite.rel.rules.FilterMultiJoinMergeRule;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;
import org.apache.calcite.rel.rules.JoinToMultiJoinRule;
import org.apache.calcite.rel.rules.LoptOptimizeJoinRule;
import org.apache.calcite.rel.rules.ProjectMergeRule;
import org.apache.calcite.rel.rules.ProjectMultiJoinMergeRule;
import org.apache.calcite.rel.rules.ProjectRemoveRule;
import org.apache.calcite.rel.rules.ReduceExpressionsRule;
import org.apache.calcite.rel.rules.SubQueryRemoveRule;

/**
 * The Calcite rules the planner runs, each built from its default configuration exactly as
 * {@code CoreRules} builds it. They are not taken from {@code CoreRules} because initialising that
 * class builds all of its 150-odd rules, about half a second of a cold JVM's first statement.
 */
final class CalciteRules {
  private CalciteRules() {}

  static final RelOptRule FILTER_SUB_QUERY_TO_CORRELATE =
      SubQueryRemoveRule.Config.FILTER.toRule();
  static final RelOptRule PROJECT_SUB_QUERY_TO_CORRELATE =
      SubQueryRemoveRule.Config.PROJECT.toRule();
  static final RelOptRule JOIN_SUB_QUERY_TO_CORRELATE = SubQueryRemoveRule.Config.JOIN.toRule();

  static final RelOptRule FILTER_INTO_JOIN =
      FilterJoinRule.FilterIntoJoinRule.FilterIntoJoinRuleConfig.DEFAULT.toRule();
  static final RelOptRule JOIN_CONDITION_PUSH =
      FilterJoinRule.JoinConditionPushRule.JoinConditionPushRuleConfig.DEFAULT.toRule();
  static final RelOptRule FILTER_PROJECT_TRANSPOSE =
      FilterProjectTransposeRule.Config.DEFAULT.toRule();
  static final RelOptRule FILTER_MERGE = FilterMergeRule.Config.DEFAULT.toRule();
  static final RelOptRule PROJECT_MERGE = ProjectMergeRule.Config.DEFAULT.toRule();
  static final RelOptRule PROJECT_REMOVE = ProjectRemoveRule.Config.DEFAULT.toRule();
  static final RelOptRule JOIN_REDUCE_EXPRESSIONS =
      ReduceExpressionsRule.JoinReduceExpressionsRule.JoinReduceExpressionsRuleConfig.DEFAULT
          .toRule();

  static final RelOptRule JOIN_TO_MULTI_JOIN = JoinToMultiJoinRule.Config.DEFAULT.toRule();
  static final RelOptRule PROJECT_MULTI_JOIN_MERGE =
      ProjectMultiJoinMergeRule.Config.DEFAULT.toRule();
  static final RelOptRule FILTER_MULTI_JOIN_MERGE =
      FilterMultiJoinMergeRule.Config.DEFAULT.toRule();
  static final RelOptRule MULTI_JOIN_OPTIMIZE = LoptOptimizeJoinRule.Config.DEFAULT.toRule();
}

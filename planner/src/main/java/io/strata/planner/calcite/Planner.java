package io.strata.planner.calcite;

import io.strata.planner.ColumnMeta;
import io.strata.planner.ParamMeta;
import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.rules.ProjectRemoveRule;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Plans one statement: validate → SqlToRel → a lean Hep program. One instance per statement
 * (validators and clusters are stateful); the type factory, operator table, configurations and
 * Hep programs are shared by all.
 *
 * <p>Phases, in order (Hep programs unless a class is named): sub-queries to correlates; filter
 * and projection push-down; for two or more joins, gather them into a MultiJoin and order it with
 * {@code LoptOptimizeJoinRule} (greedy and cost-based on row counts, so it stays fast for the
 * 64-way joins of sqllogictest); then push-down again, one reduction of each filter over a table
 * scan ({@link FilterReduction}), and one pass that shapes the scans (access paths, column
 * pruning, index joins: {@link ScanShaping}).
 */
public final class Planner {
  public static final JavaTypeFactory TYPES = new StrataTypeFactory(StrataTypeSystem.INSTANCE);

  static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
      SqlOperatorTables.of(SqlLibraryOperators.IFNULL, SqlLibraryOperators.LENGTH,
          SqlLibraryOperators.LTRIM, SqlLibraryOperators.RTRIM, SqlLibraryOperators.INSTR,
          SqlLibraryOperators.GREATEST, SqlLibraryOperators.LEAST,
          SqlLibraryOperators.CONCAT_FUNCTION, SqlLibraryOperators.NVL));

  /**
   * Names match case-insensitively. The answer is fixed here because the standard configuration
   * parses its properties again on every call, and every statement's catalog reader asks.
   */
  private static final CalciteConnectionConfig CONNECTION_CONFIG;

  static {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    CONNECTION_CONFIG = new CalciteConnectionConfigImpl(p) {
      @Override
      public boolean caseSensitive() {
        return false;
      }
    };
  }

  /** Rex builders hold no state of their own beyond the type factory; all statements share one. */
  private static final RexBuilder REX = new RexBuilder(TYPES);

  private static final SqlValidator.Config VALIDATOR_CONFIG = SqlValidator.Config.DEFAULT
      .withIdentifierExpansion(true)
      .withDefaultNullCollation(NullCollation.LOW)
      .withTypeCoercionEnabled(true)
      .withTypeCoercionFactory(StrataTypeCoercion::new)
      .withConformance(StrataConformance.INSTANCE);

  private static final SqlToRelConverter.Config TO_REL = SqlToRelConverter.config()
      .withTrimUnusedFields(true)
      .withExpand(false)
      .withInSubQueryThreshold(Integer.MAX_VALUE);

  private static final HepProgram SUB_QUERIES = new HepProgramBuilder()
      .addRuleInstance(CalciteRules.FILTER_SUB_QUERY_TO_CORRELATE)
      .addRuleInstance(CalciteRules.PROJECT_SUB_QUERY_TO_CORRELATE)
      .addRuleInstance(CalciteRules.JOIN_SUB_QUERY_TO_CORRELATE)
      // before any folding can empty an aggregate's input
      .addRuleInstance(ConstantAnyValueRule.INSTANCE)
      .build();

  private static HepProgram pushDown(boolean reduce) {
    HepProgramBuilder b = new HepProgramBuilder()
        .addRuleCollection(List.of(
            CalciteRules.FILTER_INTO_JOIN,
            CalciteRules.JOIN_CONDITION_PUSH,
            CalciteRules.FILTER_PROJECT_TRANSPOSE,
            CalciteRules.FILTER_MERGE,
            CalciteRules.PROJECT_MERGE,
            CalciteRules.PROJECT_REMOVE));
    if (reduce) {
      // Conditions are folded, since that decides access paths and may empty a relation;
      // projections are not: their constant parts cost one evaluation per row at run time,
      // which is cheaper than reducing every projection of every statement while planning.
      b.addRuleCollection(List.of(
          FilterReduction.RULE,
          CalciteRules.JOIN_REDUCE_EXPRESSIONS));
    }
    return b.build();
  }

  private static final HepProgram PUSH_DOWN = pushDown(false);
  private static final HepProgram PUSH_DOWN_REDUCE = pushDown(true);

  /** Joins up to this many use cost-based ordering; wider ones the greedy heuristic. */
  private static final int COST_BASED_MAX_JOINS = 5;

  private static HepProgram joinOrder(org.apache.calcite.plan.RelOptRule orderRule) {
    return new HepProgramBuilder()
        .addRuleInstance(CalciteRules.FILTER_INTO_JOIN)
        .addMatchOrder(HepMatchOrder.BOTTOM_UP)
        .addRuleInstance(CalciteRules.JOIN_TO_MULTI_JOIN)
        .addRuleCollection(List.of(CalciteRules.PROJECT_MULTI_JOIN_MERGE,
            CalciteRules.FILTER_MULTI_JOIN_MERGE))
        .addRuleInstance(orderRule)
        .build();
  }

  private static final HepProgram JOIN_ORDER = joinOrder(CalciteRules.MULTI_JOIN_OPTIMIZE);

  private final CatalogSource source;
  private final Function<String, SqlNode> parser;
  private final RexExecutor executor;
  private final CalciteCatalogReader reader;
  private final RelOptCluster cluster;
  private final Timings timings;

  /**
   * @param parser parses one statement (for views)
   * @param executor constant folder, or null to plan without expression reduction
   */
  public Planner(CatalogSource source, Function<String, SqlNode> parser, RexExecutor executor,
      Timings timings) {
    this.source = source;
    this.parser = parser;
    this.executor = executor;
    this.timings = timings == null ? new Timings() : timings;
    CalciteSchema root = CalciteSchema.createRootSchema(false, false, "",
        new StrataSchema(source, this::viewRowType));
    this.reader = new CalciteCatalogReader(root, List.of(), TYPES, CONNECTION_CONFIG);
    HepPlanner clusterPlanner = new HepPlanner(SUB_QUERIES);
    if (executor != null) {
      clusterPlanner.setExecutor(executor);
    }
    this.cluster = RelOptCluster.create(clusterPlanner, REX);
    cluster.setMetadataProvider(NullComparisonPredicates.PROVIDER);
  }

  /** The rewrites every statement gets before validation. */
  private static SqlNode prepare(SqlNode node) {
    return NullableDivision.apply(CaseItemsInAggregates.apply(node));
  }

  private SqlValidator newValidator(CalciteCatalogReader r) {
    return new StrataValidator(OPERATORS, r, TYPES, VALIDATOR_CONFIG);
  }

  /** Plans a query or DML statement (not DDL). EXPLAIN is planned as its inner statement. */
  public Plan plan(SqlNode node) {
    if (node instanceof SqlExplain explain) {
      node = explain.getExplicandum();
    }
    SqlValidator validator = newValidator(reader);
    long t0 = System.nanoTime();
    SqlNode validated;
    try {
      validated = validator.validate(prepare(node));
    } catch (RuntimeException e) {
      throw ValidationErrors.translate(e);
    } catch (AssertionError e) {
      throw internal(e);
    }
    long t1 = System.nanoTime();
    timings.validate += t1 - t0;
    boolean dml = validated.getKind() == SqlKind.INSERT || validated.getKind() == SqlKind.UPDATE
        || validated.getKind() == SqlKind.DELETE || validated.getKind() == SqlKind.MERGE;
    List<ColumnMeta> columns = dml ? List.of() : columns(validator, validated);
    IntegerLiteralRange.check(validated);
    List<ParamMeta> params = new ArrayList<>();
    List<RelDataType> paramTypes = new ArrayList<>();
    for (RelDataTypeField f : validator.getParameterRowType(validated).getFieldList()) {
      params.add(TypeMapping.param(f.getType()));
      paramTypes.add(f.getType());
    }
    RelNode rel;
    try {
      SqlToRelConverter converter = new SqlToRelConverter(this::expandView, validator, reader,
          cluster, StandardConvertletTable.INSTANCE, TO_REL);
      RelRoot root = converter.convertQuery(validated, false, true);
      rel = root.project();
      if (validated instanceof SqlInsert insert && insert.isUpsert()
          && rel instanceof TableModify tm) {
        // INSERT OR REPLACE: a MERGE without update columns, executed as replace-on-conflict
        rel = LogicalTableModify.create(tm.getTable(), tm.getCatalogReader(), tm.getInput(),
            TableModify.Operation.MERGE, List.of(), null, tm.isFlattened());
      }
      long t2 = System.nanoTime();
      timings.convert += t2 - t1;
      rel = optimise(rel);
      timings.optimise += System.nanoTime() - t2;
    } catch (StrataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ValidationErrors.translate(e);
    } catch (AssertionError e) {
      throw internal(e);
    }
    return new Plan(rel, columns, List.copyOf(params), List.copyOf(paramTypes), dml,
        readsHistory(rel));
  }

  /**
   * Calcite checks some of its invariants with {@code AssertionError} (thrown even without
   * {@code -ea}); a statement that trips one fails with an error, not a crash of the caller.
   */
  private static StrataException internal(AssertionError e) {
    return new StrataException(Reason.INTERNAL, "cannot plan the statement: " + e.getMessage(), e);
  }

  private List<ColumnMeta> columns(SqlValidator validator, SqlNode validated) {
    RelDataType type = validator.getValidatedNodeType(validated);
    List<List<String>> origins = validator.getFieldOrigins(validated);
    List<ColumnMeta> out = new ArrayList<>();
    List<RelDataTypeField> fields = type.getFieldList();
    for (int i = 0; i < fields.size(); i++) {
      RelDataTypeField f = fields.get(i);
      List<String> origin = i < origins.size() ? origins.get(i) : null;
      String name = f.getName();
      String table = "";
      if (origin != null && origin.size() >= 2) {
        name = origin.get(origin.size() - 1);
        table = origin.get(origin.size() - 2);
      }
      out.add(TypeMapping.column(f.getName(), name, table, f.getType()));
    }
    return out;
  }

  /** {@code -Dstrata.trace=true} prints the time of each Hep phase (for tuning). */
  private static final boolean TRACE = Boolean.getBoolean("strata.trace");

  private static void trace(String what, long t0) {
    if (TRACE) {
      System.out.println(what + " " + (System.nanoTime() - t0) / 1000 + " us");
    }
  }

  private RelNode optimise(RelNode rel) {
    long t = System.nanoTime();
    if (subQueryProgramApplies(rel)) {
      rel = run(SUB_QUERIES, rel);
    }
    trace("subqueries", t);
    HepProgram push = executor != null ? PUSH_DOWN_REDUCE : PUSH_DOWN;
    int joins = RelOptUtil.countJoins(rel);
    if (joins > COST_BASED_MAX_JOINS) {
      // wide joins: gather them straight into a MultiJoin (with the WHERE clause) and order
      // greedily; per-join push-down and field trimming on a deep tree cost more than they save
      t = System.nanoTime();
      rel = new JoinFlattener(COST_BASED_MAX_JOINS).apply(rel);
      trace("greedy join order", t);
    } else {
      if (joins > 0) {
        // without joins the scan rules already read only the columns the query uses
        t = System.nanoTime();
        rel = trim(rel);
        trace("trim", t);
      }
      t = System.nanoTime();
      if (joins > 0 || pushDownApplies(rel)) {
        rel = run(push, rel);
      }
      trace("push", t);
      if (joins >= 2) {
        t = System.nanoTime();
        rel = run(JOIN_ORDER, rel);
        trace("join order", t);
      }
    }
    if (joins >= 2 && joins <= COST_BASED_MAX_JOINS) {
      t = System.nanoTime();
      rel = run(push, rel);
      trace("push again", t);
    }
    if (executor != null) {
      t = System.nanoTime();
      rel = FilterReduction.overScans(rel);
      trace("reduce filters over scans", t);
    }
    t = System.nanoTime();
    rel = ScanShaping.apply(rel);
    trace("scans", t);
    return rel;
  }

  /**
   * Whether {@link #SUB_QUERIES} has anything to rewrite: a sub-query, or an aggregate (for
   * {@link ConstantAnyValueRule}). Most statements have neither, and a Hep pass over the whole
   * plan costs even when no rule matches.
   */
  private static boolean subQueryProgramApplies(RelNode rel) {
    return anyNode(rel, n -> n instanceof Aggregate
        || n instanceof Filter f && RexUtil.SubQueryFinder.containsSubQuery(f)
        || n instanceof Project p && RexUtil.SubQueryFinder.containsSubQuery(p)
        || n instanceof Join j && RexUtil.SubQueryFinder.containsSubQuery(j));
  }

  /**
   * Whether the push-down program can change a plan without joins: a filter over anything but a
   * table scan (a derived table, HAVING), a projection over a projection, or a projection that
   * only forwards its input. Most single-table plans, a projection over a filter over a scan,
   * give it nothing to do, and a Hep pass costs even then.
   */
  private static boolean pushDownApplies(RelNode rel) {
    return anyNode(rel, n -> n instanceof Filter f && !(f.getInput() instanceof TableScan)
        || n instanceof Project p
            && (p.getInput() instanceof Project || ProjectRemoveRule.isTrivial(p)));
  }

  private static boolean anyNode(RelNode rel, Predicate<RelNode> test) {
    if (test.test(rel)) {
      return true;
    }
    for (RelNode input : rel.getInputs()) {
      if (anyNode(input, test)) {
        return true;
      }
    }
    return false;
  }

  private RelNode trim(RelNode rel) {
    if (rel instanceof TableModify) {
      return rel;
    }
    try {
      RelBuilder b = RelBuilder.proto(org.apache.calcite.plan.Contexts.empty())
          .create(cluster, reader);
      return new RelFieldTrimmer(null, b).trim(rel);
    } catch (RuntimeException | AssertionError e) {
      return rel; // trimming is an optimisation; a plan it cannot handle runs untrimmed
    }
  }

  private RelNode run(HepProgram program, RelNode rel) {
    HepPlanner hep = new HepPlanner(program);
    if (executor != null) {
      hep.setExecutor(executor);
    }
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  private static boolean readsHistory(RelNode rel) {
    return anyNode(rel, n -> n instanceof StrataTableScan s && s.strataTable().historical());
  }

  /** Validates a query and returns its row type (for views, CREATE TABLE AS, metadata). */
  public RelDataType rowType(SqlNode query) {
    SqlValidator v = newValidator(reader);
    try {
      return v.getValidatedNodeType(v.validate(prepare(query)));
    } catch (RuntimeException e) {
      throw ValidationErrors.translate(e);
    }
  }

  /**
   * The expression {@code select} (a one-item SELECT over one table) computes, over the table's
   * full row: how CHECK constraints are compiled.
   */
  public org.apache.calcite.rex.RexNode rowExpression(SqlNode select) {
    SqlValidator v = newValidator(reader);
    try {
      SqlNode validated = v.validate(select);
      SqlToRelConverter converter = new SqlToRelConverter(this::expandView, v, reader, cluster,
          StandardConvertletTable.INSTANCE, SqlToRelConverter.config().withExpand(false));
      RelNode rel = converter.convertQuery(validated, false, true).rel;
      if (rel instanceof org.apache.calcite.rel.core.Project p
          && p.getInput() instanceof org.apache.calcite.rel.core.TableScan) {
        return p.getProjects().get(0);
      }
      throw new StrataException(Reason.INVALID_STATEMENT,
          "constraint must be an expression over the row, without subqueries");
    } catch (StrataException e) {
      throw e;
    } catch (RuntimeException e) {
      throw ValidationErrors.translate(e);
    }
  }

  /** The plan as EXPLAIN prints it, one line per element. */
  public static List<String> explain(RelNode rel) {
    return List.of(RelOptUtil.toString(rel).split("\n"));
  }

  private RelDataType viewRowType(io.strata.planner.catalog.ViewDef view, List<String> schemaPath) {
    SqlNode node = parser.apply(view.sql());
    SqlValidator v = newValidator(reader.withSchemaPath(schemaPath));
    try {
      SqlNode validated = v.validate(prepare(node));
      return v.getValidatedNodeType(validated);
    } catch (RuntimeException e) {
      StrataException se = ValidationErrors.translate(e);
      throw new StrataException(se.reason(), "view " + view.name() + " is invalid: "
          + se.getMessage(), se);
    }
  }

  private RelRoot expandView(RelDataType rowType, String sql, List<String> schemaPath,
      List<String> viewPath) {
    SqlNode node = parser.apply(sql);
    CalciteCatalogReader r = reader.withSchemaPath(schemaPath);
    SqlValidator v = newValidator(r);
    SqlNode validated = v.validate(prepare(node));
    SqlToRelConverter converter = new SqlToRelConverter(this::expandView, v, r, cluster,
        StandardConvertletTable.INSTANCE, TO_REL);
    return converter.convertQuery(validated, true, false);
  }

  /** Accumulated nanoseconds per phase of a session's statements (see {@code PhaseTimes}). */
  public static final class Timings {
    public long parse;
    public long validate;
    public long convert;
    public long optimise;
    public long build;
    public long execute;
  }
}

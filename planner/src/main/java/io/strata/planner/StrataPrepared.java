package io.strata.planner;

import io.strata.parser.ast.SqlCreateTrigger;
import io.strata.parser.ast.SqlDropTrigger;
import io.strata.parser.ast.SqlReindex;
import io.strata.parser.ast.SqlSetAsOf;
import io.strata.parser.ast.SqlTransactionControl;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.calcite.Plan;
import io.strata.planner.calcite.Planner;
import io.strata.planner.catalog.Catalog;
import io.strata.planner.catalog.CheckDef;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.ddl.DdlExecutor;
import io.strata.planner.ddl.DdlHooks;
import io.strata.planner.eval.Values;
import io.strata.planner.exec.ExecContext;
import io.strata.planner.exec.Operator;
import io.strata.planner.exec.PlanBuilder;
import io.strata.planner.table.StorageOperators;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A prepared statement of a session. Queries and DML keep their plan while the catalog generation
 * stays the same, so re-execution skips parsing and planning; the engine shares plans between
 * sessions by text and generation.
 *
 * <p>Invariant: a plan is immutable and may be shared; operators hold run state, so an operator
 * tree belongs to one statement and one execution at a time. An execution takes the statement's
 * idle tree if it was built from the current plan (or builds one), and hands it back as the idle
 * tree only once drained or closed (a streamed query's when its result ends); a failed execution
 * drops its tree. Two executions therefore
 * never share an operator, and re-execution skips building the tree and compiling its expressions.
 */
final class StrataPrepared implements Prepared {
  private enum Kind { QUERY, DML, EXPLAIN, DDL, TRANSACTION, SET_AS_OF }

  private static final List<ColumnMeta> EXPLAIN_COLUMNS = List.of(
      new ColumnMeta("PLAN", "PLAN", "", Types.VARCHAR, "VARCHAR", 0, 0, false));

  private final StrataSession session;
  private final String sql;
  private final SqlNode node;
  private final Kind kind;
  private final boolean asOf;
  /** AS OF operands with parameters: the versions are known only at execution. */
  private final boolean asOfResolvedPerExecution;
  private SqlNode unplanned;
  /** An INSERT of literal rows planned by its shape, or null (see {@link LiteralInsert}). */
  private LiteralInsert lifted;
  /** For AS OF plans: which statement parameter each plan parameter takes; null = the same. */
  private List<Integer> planParams;
  /** {@link #planParams} takes the statement's parameters in order (0, 1, 2…). */
  private boolean planParamsInOrder;
  private Plan plan;
  private long planGeneration = -1;
  private boolean planShared;
  /** The operator tree of the last successful execution, free for the next one; or null. */
  private OperatorTree idle;

  /** An operator tree, the plan it was built from, and its storage operators (generated keys). */
  private record OperatorTree(Plan plan, Operator root, StorageOperators storage) {}

  StrataPrepared(StrataSession session, String sql, SqlNode node) {
    this.session = session;
    this.sql = sql;
    this.node = node;
    this.kind = classify(node);
    boolean planned = kind == Kind.QUERY || kind == Kind.DML || kind == Kind.EXPLAIN;
    this.asOf = planned && AsOf.present(node);
    this.asOfResolvedPerExecution = asOf && !AsOf.literalOperands(node);
    this.unplanned = node;
    this.lifted = kind == Kind.DML && !asOf ? LiteralInsert.of(node) : null;
    if (planned && !asOfResolvedPerExecution) {
      try (StrataSession.Stmt stmt = session.begin(false)) {
        plan(stmt, List.of());
        stmt.finish();
      }
    }
  }

  private static Kind classify(SqlNode node) {
    if (node instanceof SqlTransactionControl) {
      return Kind.TRANSACTION;
    }
    if (node instanceof SqlSetAsOf) {
      return Kind.SET_AS_OF;
    }
    if (node instanceof SqlExplain) {
      return Kind.EXPLAIN;
    }
    if (node instanceof SqlDdl || node instanceof SqlCreateTrigger || node instanceof SqlDropTrigger
        || node instanceof SqlReindex) {
      return Kind.DDL;
    }
    SqlKind k = node.getKind();
    if (k == SqlKind.INSERT || k == SqlKind.UPDATE || k == SqlKind.DELETE || k == SqlKind.MERGE) {
      return Kind.DML;
    }
    if (k.belongsTo(SqlKind.QUERY) || k == SqlKind.ORDER_BY || k == SqlKind.WITH
        || k == SqlKind.VALUES) {
      return Kind.QUERY;
    }
    if (node.getKind().belongsTo(SqlKind.DDL)) {
      return Kind.DDL;
    }
    throw new StrataException(Reason.UNSUPPORTED, "statement not supported: " + k);
  }

  @Override
  public String sql() {
    return sql;
  }

  @Override
  public boolean returnsRows() {
    return kind == Kind.QUERY || kind == Kind.EXPLAIN;
  }

  @Override
  public List<ColumnMeta> columns() {
    if (kind == Kind.EXPLAIN) {
      return EXPLAIN_COLUMNS;
    }
    return kind == Kind.QUERY && plan != null ? plan.columns() : List.of();
  }

  @Override
  public List<ParamMeta> parameters() {
    if (lifted != null) {
      return List.of(); // the parameters are the statement's own literals
    }
    if (plan != null) {
      return plan.params();
    }
    // an AS OF statement with parameters is planned at execution, once the version is known;
    // until then its parameters are counted but not typed
    List<ParamMeta> untyped = new ArrayList<>();
    for (int i = dynamicParamCount(node); i > 0; i--) {
      untyped.add(new ParamMeta(Types.OTHER, "ANY", 0, 0));
    }
    return untyped;
  }

  private static int dynamicParamCount(SqlNode node) {
    int[] max = {0};
    node.accept(new org.apache.calcite.sql.util.SqlShuttle() {
      @Override
      public SqlNode visit(org.apache.calcite.sql.SqlDynamicParam param) {
        max[0] = Math.max(max[0], param.getIndex() + 1);
        return param;
      }
    });
    return max[0];
  }

  // ------------------------------------------------------------------ planning

  /** The plan to run, planning the statement as written once its literals do not fit the shape. */
  private Plan plan(StrataSession.Stmt stmt, List<?> params) {
    Plan p = planFor(stmt, params);
    if (lifted != null && !lifted.fits(p.paramTypes())) {
      return planAsWritten(stmt, params);
    }
    return p;
  }

  private Plan planAsWritten(StrataSession.Stmt stmt, List<?> params) {
    lifted = null;
    plan = null;
    return planFor(stmt, params);
  }

  private Plan planFor(StrataSession.Stmt stmt, List<?> params) {
    Catalog catalog = stmt.catalog;
    long gen = catalog.generation();
    boolean shareable = !stmt.catalogPrivate && !asOfResolvedPerExecution;
    if (plan != null && planShared && shareable && planGeneration == gen) {
      return plan;
    }
    String key = gen + "\u0000" + (lifted != null ? lifted.shapeKey() : sql);
    if (shareable) {
      Plan cached = session.engine.cachedPlan(key);
      if (cached != null) {
        install(cached, gen, true);
        return cached;
      }
    }
    SqlNode n = unplanned != null ? unplanned : StrataSession.parse(sql);
    unplanned = null;
    if (lifted != null) {
      n = LiteralInsert.parameterized((org.apache.calcite.sql.SqlInsert) n);
    }
    Planner planner = session.planner(stmt);
    planParams = null;
    if (asOf) {
      n = AsOf.rewrite(n, e -> evalConstant(stmt, e, params), session.engine, new ArrayList<>());
      n = renumberRemainingParams(n);
    }
    if (n instanceof org.apache.calcite.sql.SqlUpdate u) {
      lastAssignmentWins(u);
    }
    Plan p = planner.plan(n);
    if (shareable) {
      session.engine.cachePlan(key, p);
    }
    install(p, gen, shareable);
    return p;
  }

  /**
   * The AS OF rewrite consumed the parameters of its operands; number the rest from 0 and remember
   * which statement parameter each one takes ({@link #planParams}).
   */
  private SqlNode renumberRemainingParams(SqlNode n) {
    List<Integer> sources = new ArrayList<>();
    SqlNode out = n.accept(new org.apache.calcite.sql.util.SqlShuttle() {
      @Override
      public SqlNode visit(org.apache.calcite.sql.SqlDynamicParam param) {
        sources.add(param.getIndex());
        return new org.apache.calcite.sql.SqlDynamicParam(sources.size() - 1,
            param.getParserPosition());
      }
    });
    planParams = sources;
    boolean identity = true;
    for (int i = 0; i < sources.size(); i++) {
      identity &= sources.get(i) == i;
    }
    planParamsInOrder = identity;
    return out;
  }

  /** The statement's parameter values in the order the current plan numbers them. */
  private List<?> planParamValues(List<?> params) {
    if (planParams == null || params == null
        || planParamsInOrder && params.size() == planParams.size()) {
      return params;
    }
    List<Object> out = new ArrayList<>(planParams.size());
    for (int source : planParams) {
      if (source >= params.size()) {
        throw new StrataException(Reason.BAD_PARAMETER, "no value for parameter " + (source + 1));
      }
      out.add(params.get(source));
    }
    return out;
  }

  /** {@code UPDATE t SET x = 1, x = 2} assigns 2, as in SQLite: keep each column's last value. */
  private static void lastAssignmentWins(org.apache.calcite.sql.SqlUpdate u) {
    SqlNodeList targets = u.getTargetColumnList();
    SqlNodeList sources = u.getSourceExpressionList();
    java.util.Map<String, Integer> last = new java.util.HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      last.put(targets.get(i).toString().toUpperCase(java.util.Locale.ROOT), i);
    }
    if (last.size() == targets.size()) {
      return;
    }
    SqlNodeList t = new SqlNodeList(targets.getParserPosition());
    SqlNodeList v = new SqlNodeList(sources.getParserPosition());
    for (int i = 0; i < targets.size(); i++) {
      if (last.get(targets.get(i).toString().toUpperCase(java.util.Locale.ROOT)) == i) {
        t.add(targets.get(i));
        v.add(sources.get(i));
      }
    }
    u.setOperand(1, t);
    u.setOperand(2, v);
  }

  private void install(Plan p, long gen, boolean shared) {
    plan = p;
    planGeneration = gen;
    planShared = shared;
  }

  /** Evaluates a constant expression (AS OF operands) with the statement's parameters. */
  private Object evalConstant(StrataSession.Stmt stmt, SqlNode expr, List<?> params) {
    // the operand is planned on its own, so its parameters are renumbered from 0 and given
    // just their own values
    List<Object> own = new ArrayList<>();
    SqlNode renumbered = expr.accept(new org.apache.calcite.sql.util.SqlShuttle() {
      @Override
      public SqlNode visit(org.apache.calcite.sql.SqlDynamicParam param) {
        if (param.getIndex() >= params.size()) {
          throw new StrataException(Reason.BAD_PARAMETER, "no value for parameter "
              + (param.getIndex() + 1) + " of the AS OF clause");
        }
        own.add(params.get(param.getIndex()));
        return new org.apache.calcite.sql.SqlDynamicParam(own.size() - 1, param.getParserPosition());
      }
    });
    if (renumbered instanceof org.apache.calcite.sql.SqlDynamicParam) {
      return normalize(own.get(0)); // a bare ? has no type to validate; its value is the operand
    }
    SqlSelect select = new SqlSelect(SqlParserPos.ZERO, null, SqlNodeList.of(renumbered), null,
        null, null, null, null, null, null, null, null, null);
    Plan p = session.planner(stmt).plan(select);
    Operator op = PlanBuilder.build(p.rel(), new StorageOperators(t -> List.of()));
    ExecContext ctx = new ExecContext(convertParams(own, p), stmt.scope);
    List<Object[]> rows = StrataSession.drain(op, ctx);
    return rows.isEmpty() ? null : rows.get(0)[0];
  }

  // ------------------------------------------------------------------ execution

  @Override
  public Result execute(List<?> params) {
    session.checkOpen();
    session.enterStatement();
    try {
      return switch (kind) {
        case TRANSACTION -> transaction((SqlTransactionControl) node);
        case SET_AS_OF -> setAsOf((SqlSetAsOf) node, params);
        case DDL -> ddl();
        default -> run(params);
      };
    } finally {
      session.exitStatement();
    }
  }

  private Result transaction(SqlTransactionControl t) {
    String sp = t.savepoint() == null ? null
        : t.savepoint().names.get(t.savepoint().names.size() - 1);
    switch (t.kind()) {
      case BEGIN -> session.beginTransaction(t.readOnly());
      case COMMIT -> session.commit();
      case ROLLBACK -> session.rollback();
      case SAVEPOINT -> session.savepoint(sp);
      case RELEASE -> session.releaseSavepoint(sp);
      case ROLLBACK_TO -> session.rollbackToSavepoint(sp);
      default -> throw new StrataException(Reason.UNSUPPORTED, t.kind() + " is not supported");
    }
    return CountResult.of(0);
  }

  private Result setAsOf(SqlSetAsOf s, List<?> params) {
    if (s.kind() == SqlSetAsOf.Kind.LATEST) {
      session.setAsOfVersion(OptionalLong.empty());
      return CountResult.of(0);
    }
    long version;
    OptionalLong previous = session.asOfVersion();
    session.setAsOfVersion(OptionalLong.empty());
    try (StrataSession.Stmt stmt = session.begin(false)) {
      Object v = evalConstant(stmt, s.expression(), params);
      version = s.kind() == SqlSetAsOf.Kind.VERSION
          ? AsOf.version(session.engine, v) : AsOf.versionAt(session.engine, v);
      stmt.finish();
    } catch (RuntimeException e) {
      session.setAsOfVersion(previous);
      throw e;
    }
    session.setAsOfVersion(OptionalLong.of(version));
    return CountResult.of(0);
  }

  private Result ddl() {
    if (node instanceof SqlReindex) {
      // indexes are maintained with every write, so there is nothing to rebuild
      return CountResult.of(0);
    }
    if (node instanceof SqlCreateTrigger || node instanceof SqlDropTrigger) {
      throw new StrataException(Reason.UNSUPPORTED, "triggers are not supported");
    }
    try (StrataSession.Stmt stmt = session.begin(true)) {
      DdlExecutor ddl = new DdlExecutor(stmt.writer(), stmt.catalog, sql, hooks(stmt));
      long n = ddl.execute(node);
      session.catalogChanged(stmt);
      stmt.finish();
      return CountResult.of(n);
    }
  }

  private DdlHooks hooks(StrataSession.Stmt stmt) {
    return new DdlHooks() {
      @Override
      public void validateCheck(Catalog catalog, TableDef table, String conditionSql) {
        RexNode e = session.planner(stmt, catalog).rowExpression(checkSelect(table, conditionSql));
        if (e.getType().getSqlTypeName() != org.apache.calcite.sql.type.SqlTypeName.BOOLEAN) {
          throw new StrataException(Reason.TYPE_MISMATCH, "CHECK (" + conditionSql
              + ") is not a condition");
        }
      }

      @Override
      public RelDataType validateQuery(Catalog catalog, String querySql) {
        return session.planner(stmt, catalog).rowType(StrataSession.parse(querySql));
      }

      @Override
      public long insertFromQuery(Catalog catalog, TableDef table, String querySql) {
        return runDml(stmt, catalog, "INSERT INTO " + quote(table.name()) + " " + querySql);
      }

      @Override
      public long fillColumn(Catalog catalog, TableDef table, String column, String valueSql) {
        return runDml(stmt, catalog, "UPDATE " + quote(table.name()) + " SET " + quote(column)
            + " = (" + valueSql + ")");
      }
    };
  }

  /** Plans and runs a DML statement of a DDL statement against the catalog it is building. */
  private long runDml(StrataSession.Stmt stmt, Catalog catalog, String dmlSql) {
    Plan p = session.planner(stmt, catalog).plan(StrataSession.parse(dmlSql));
    StorageOperators ops = new StorageOperators(t -> checks(stmt, catalog, t));
    Operator op = PlanBuilder.build(p.rel(), ops);
    List<Object[]> rows = StrataSession.drain(op, new ExecContext(new Object[0], stmt.scope));
    return ((Number) rows.get(0)[0]).longValue();
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static SqlNode checkSelect(TableDef table, String conditionSql) {
    return StrataSession.parse("SELECT (" + conditionSql + ") FROM " + quote(table.name()));
  }

  private List<RexNode> checks(StrataSession.Stmt stmt, Catalog catalog, TableDef table) {
    List<RexNode> out = new ArrayList<>();
    for (CheckDef c : table.checks()) {
      out.add(session.planner(stmt, catalog).rowExpression(checkSelect(table, c.sql())));
    }
    return out;
  }

  private Result run(List<?> params) {
    StrataSession.Stmt stmt = session.begin(kind == Kind.DML, true);
    boolean handedOff = false;
    try {
      if (kind == Kind.EXPLAIN) {
        List<Object[]> rows = new ArrayList<>();
        for (String line : Planner.explain(plan(stmt, params).rel())) {
          rows.add(new Object[] {line});
        }
        stmt.finish();
        return new RowsResult(EXPLAIN_COLUMNS, rows);
      }
      Bound b = bind(stmt, params);
      Plan p = b.plan();
      OperatorTree tree = treeFor(stmt, p);
      if (kind == Kind.QUERY && stmt.owned && !(stmt.txn instanceof io.strata.storage.WriteTxn)) {
        Result r = stream(stmt, p, tree, b.values());
        handedOff = true;
        return r;
      }
      List<Object[]> rows = drain(stmt, tree, b.values());
      Result result;
      if (kind == Kind.DML) {
        List<Object[]> keys = new ArrayList<>(tree.storage().generatedKeys());
        result = new CountResult(dmlCount(rows), new RowsResult(keyColumns(keys), keys));
      } else {
        result = new RowsResult(p.columns(), rows);
      }
      idle = tree;
      stmt.finish();
      return result;
    } finally {
      if (!handedOff) {
        session.doneRunning();
        stmt.close();
      }
    }
  }

  /**
   * A DML batch inside a transaction runs as one engine statement that plans, binds and executes
   * once per parameter set, with each set's savepoint taken and ended as for a statement of its
   * own; outside one (autocommit: a commit per set) and for other statements, one execution each.
   */
  @Override
  public BatchResult executeBatch(List<? extends List<?>> paramSets) {
    if (kind != Kind.DML || session.autoCommit() && !session.inTransaction()
        || session.asOfVersion().isPresent()) {
      return Prepared.super.executeBatch(paramSets);
    }
    session.checkOpen();
    session.enterStatement();
    List<Object[]> keys = new ArrayList<>();
    try (StrataSession.Stmt stmt = session.begin(true, true)) {
      long[] counts = new long[paramSets.size()];
      for (int i = 0; i < counts.length; i++) {
        try {
          Bound b = bind(stmt, paramSets.get(i));
          OperatorTree tree = treeFor(stmt, b.plan());
          counts[i] = dmlCount(drain(stmt, tree, b.values()));
          keys.addAll(tree.storage().generatedKeys());
          idle = tree;
          stmt.rowDone();
        } catch (RuntimeException e) {
          stmt.rowFailed();
          stmt.finish();
          throw new BatchFailure(e, new BatchResult(java.util.Arrays.copyOf(counts, i),
              keyColumns(keys), keys));
        }
      }
      stmt.finish();
      return new BatchResult(counts, keyColumns(keys), keys);
    } finally {
      session.doneRunning();
      session.exitStatement();
    }
  }

  /** A plan and one execution's parameter values, converted to the plan's types. */
  private record Bound(Plan plan, Object[] values) {}

  private Bound bind(StrataSession.Stmt stmt, List<?> params) {
    Plan p = plan(stmt, params);
    if (lifted == null) {
      return new Bound(p, convertParams(planParamValues(params), p));
    }
    if (params != null && !params.isEmpty()) {
      throw new StrataException(Reason.BAD_PARAMETER, "statement has 0 parameters but "
          + params.size() + " values were given");
    }
    try {
      return new Bound(p, convertParams(lifted.values(), p));
    } catch (StrataException e) {
      // a literal the plan of its shape cannot take: the statement as written decides
      p = planAsWritten(stmt, params);
      return new Bound(p, convertParams(planParamValues(params), p));
    }
  }

  /** The idle operator tree when it runs this plan, else a new one. */
  private OperatorTree treeFor(StrataSession.Stmt stmt, Plan p) {
    OperatorTree tree = idle;
    idle = null;
    if (tree == null || tree.plan() != p) {
      Catalog catalog = stmt.catalog;
      StorageOperators storageOps = new StorageOperators(t -> checks(stmt, catalog, t));
      long t0 = System.nanoTime();
      tree = new OperatorTree(p, PlanBuilder.build(p.rel(), storageOps), storageOps);
      session.timings.build += System.nanoTime() - t0;
    }
    return tree;
  }

  private List<Object[]> drain(StrataSession.Stmt stmt, OperatorTree tree, Object[] values) {
    long t0 = System.nanoTime();
    ExecContext ctx = session.newContext(values, stmt.scope);
    List<Object[]> rows = StrataSession.drain(tree.root(), ctx);
    session.timings.execute += System.nanoTime() - t0;
    return rows;
  }

  private static long dmlCount(List<Object[]> rows) {
    return rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).longValue();
  }

  /** Rows a streamed query computes during execution, before the caller reads any. */
  private static final int FIRST_ROWS = 1024;

  /**
   * Runs the query until it ends or has {@link #FIRST_ROWS} rows, so errors and time limits
   * strike during execution as for any statement. A query that ended returns its rows; one that
   * did not hands its open operator tree, with the statement and its snapshot, to a result that
   * produces the remaining rows as they are read, and the statement ends when that result does.
   */
  private Result stream(StrataSession.Stmt stmt, Plan p, OperatorTree tree, Object[] values) {
    long t0 = System.nanoTime();
    ExecContext ctx = session.newContext(values, stmt.scope);
    Operator root = tree.root();
    List<Object[]> first = new ArrayList<>();
    root.open(ctx);
    Object[] r = null;
    try {
      while (first.size() < FIRST_ROWS && (r = root.next()) != null) {
        first.add(r);
      }
    } catch (RuntimeException e) {
      root.close();
      throw e;
    } finally {
      session.timings.execute += System.nanoTime() - t0;
    }
    if (r == null) {
      root.close();
      session.doneRunning();
      stmt.finish();
      stmt.close();
      idle = tree;
      return new RowsResult(p.columns(), first);
    }
    StreamingResult[] self = new StreamingResult[1];
    self[0] = new StreamingResult(p.columns(), root, first, clean -> {
      session.doneRunning(ctx);
      session.untrack(self[0]);
      try {
        stmt.finish();
      } finally {
        stmt.close();
        if (clean) {
          idle = tree; // drained or closed, so free for the next execution
        }
      }
    });
    session.track(self[0]);
    return self[0];
  }

  /** Columns of generated-key results, by key width (the widths seen are few and small). */
  private static final java.util.concurrent.ConcurrentMap<Integer, List<ColumnMeta>> KEY_COLUMNS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static List<ColumnMeta> keyColumns(List<Object[]> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return KEY_COLUMNS.computeIfAbsent(keys.get(0).length, width -> {
      List<ColumnMeta> cols = new ArrayList<>();
      for (int i = 0; i < width; i++) {
        cols.add(new ColumnMeta("KEY" + (i + 1), "KEY" + (i + 1), "", Types.OTHER, "OTHER", 0, 0,
            true));
      }
      return List.copyOf(cols);
    });
  }

  /** Checks the count and converts JDBC-style values to the validated parameter types. */
  static Object[] convertParams(List<?> params, Plan p) {
    int n = p.paramTypes().size();
    if (params == null) {
      params = List.of();
    }
    if (params.size() != n) {
      throw new StrataException(Reason.BAD_PARAMETER, "statement has " + n
          + " parameters but " + params.size() + " values were given");
    }
    Object[] out = new Object[n];
    for (int i = 0; i < n; i++) {
      Object v = normalize(params.get(i));
      if (v != null) {
        checkIntegerRange(v, p.paramTypes().get(i), i);
        try {
          v = Values.convert(v, p.paramTypes().get(i));
        } catch (StrataException e) {
          throw new StrataException(Reason.BAD_PARAMETER, "parameter " + (i + 1) + ": "
              + e.getMessage(), e);
        } catch (RuntimeException e) {
          throw new StrataException(Reason.BAD_PARAMETER, "parameter " + (i + 1)
              + " cannot be converted to " + p.params().get(i).typeName() + ": " + v, e);
        }
      }
      out[i] = v;
    }
    return out;
  }

  /** Calcite's {@code INT_TYPES} is a list, and this test runs for every bound value. */
  private static final java.util.Set<SqlTypeName> INTEGER_TYPES =
      java.util.EnumSet.copyOf(SqlTypeName.INT_TYPES);

  /** A value bound to an integer parameter must fit 64 bits; conversion alone would clamp it. */
  private static void checkIntegerRange(Object v, RelDataType type, int index) {
    if (!INTEGER_TYPES.contains(type.getSqlTypeName())) {
      return;
    }
    boolean fits;
    if (v instanceof java.math.BigDecimal bd) {
      fits = bd.toBigInteger().bitLength() < 64;
    } else if (v instanceof java.math.BigInteger bi) {
      fits = bi.bitLength() < 64;
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      fits = d >= -0x1p63 && d < 0x1p63;
    } else {
      return;
    }
    if (!fits) {
      throw new StrataException(Reason.NUMERIC_OUT_OF_RANGE, "parameter " + (index + 1) + ": value "
          + v + " is out of range for a 64-bit integer");
    }
  }

  private static Object normalize(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Instant t) {
      return LocalDateTime.ofInstant(t, ZoneId.systemDefault());
    }
    if (v instanceof java.math.BigInteger b) {
      return new BigDecimal(b);
    }
    if (v instanceof Long || v instanceof Double || v instanceof BigDecimal || v instanceof String
        || v instanceof Boolean || v instanceof java.time.LocalDate
        || v instanceof java.time.LocalTime || v instanceof LocalDateTime || v instanceof byte[]
        || v == null) {
      return v;
    }
    throw new StrataException(Reason.BAD_PARAMETER, "unsupported parameter value type "
        + v.getClass().getName());
  }
}

package io.strata.parser;

import io.strata.parser.SqlBaseParser.*;
import io.strata.parser.ast.SqlAlterTable;
import io.strata.parser.ast.SqlAsOfTable;
import io.strata.parser.ast.SqlColumnDeclaration;
import io.strata.parser.ast.SqlCreateIndex;
import io.strata.parser.ast.SqlCreateTable;
import io.strata.parser.ast.SqlCreateTrigger;
import io.strata.parser.ast.SqlCreateView;
import io.strata.parser.ast.SqlDropIndex;
import io.strata.parser.ast.SqlDropTable;
import io.strata.parser.ast.SqlDropTrigger;
import io.strata.parser.ast.SqlDropView;
import io.strata.parser.ast.SqlReindex;
import io.strata.parser.ast.SqlSetAsOf;
import io.strata.parser.ast.SqlTableConstraint;
import io.strata.parser.ast.SqlTransactionControl;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlInsertKeyword;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one visitor: turns a {@code SqlBase} parse tree into Calcite {@code SqlNode}s, one method
 * per labelled alternative, every node positioned at the tokens it came from.
 *
 * <p>An instance serves one parse (it numbers the {@code ?} parameters of each statement in
 * order of appearance, from 0) and is not thread-safe. Constructs that Calcite spells differently are normalised here:
 * simple CASE becomes searched CASE (as Calcite's own parser does), ORDER BY / LIMIT / OFFSET /
 * FETCH wrap the query in {@code SqlOrderBy}, {@code x IN ()} folds to FALSE (and
 * {@code NOT IN ()} to TRUE), INSERT OR REPLACE / REPLACE INTO / UPSERT INTO are
 * {@code SqlInsert} with the UPSERT keyword.
 */
final class SqlNodeBuilder extends SqlBaseBaseVisitor<SqlNode> {
  private static final int MAX_NUMBER_LENGTH = 1000;

  private final CharStream input;
  private int parameterCount;

  SqlNodeBuilder(CharStream input) {
    this.input = input;
  }

  // ---------------------------------------------------------------- entry points

  SqlNodeList script(ScriptContext ctx) {
    List<StatementContext> statements = ctx.statement();
    List<SqlNode> nodes = new ArrayList<>(statements.size());
    for (StatementContext statement : statements) {
      parameterCount = 0; // each statement numbers its own parameters from 0
      nodes.add(statement.accept(this));
    }
    return new SqlNodeList(nodes, pos(ctx));
  }

  SqlNode singleStatement(SingleStatementContext ctx) {
    return ctx.statement().accept(this);
  }

  // ---------------------------------------------------------------- statements

  @Override public SqlNode visitQueryStatement(QueryStatementContext ctx) {
    return ctx.query().accept(this);
  }

  @Override public SqlNode visitExplain(ExplainContext ctx) {
    SqlNode explicandum = ctx.statement().accept(this);
    SqlExplainLevel detail = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    if (ctx.explainDetail() instanceof ExcludingAttributesContext) {
      detail = SqlExplainLevel.NO_ATTRIBUTES;
    } else if (ctx.explainDetail() instanceof IncludingAllAttributesContext) {
      detail = SqlExplainLevel.ALL_ATTRIBUTES;
    }
    SqlExplain.Depth depth = SqlExplain.Depth.PHYSICAL;
    if (ctx.explainDepth() instanceof WithTypeContext) {
      depth = SqlExplain.Depth.TYPE;
    } else if (ctx.explainDepth() instanceof WithoutImplementationContext) {
      depth = SqlExplain.Depth.LOGICAL;
    }
    SqlExplainFormat format = SqlExplainFormat.TEXT;
    if (ctx.explainFormat() instanceof XmlFormatContext) {
      format = SqlExplainFormat.XML;
    } else if (ctx.explainFormat() instanceof JsonFormatContext) {
      format = SqlExplainFormat.JSON;
    } else if (ctx.explainFormat() instanceof DotFormatContext) {
      format = SqlExplainFormat.DOT;
    }
    SqlParserPos pos = pos(ctx);
    return new SqlExplain(pos, explicandum, detail.symbol(pos), depth.symbol(pos),
        format.symbol(pos), parameterCount);
  }

  @Override public SqlNode visitInsert(InsertContext ctx) {
    SqlParserPos pos = pos(ctx);
    SqlNodeList keywords = new SqlNodeList(pos);
    if (ctx.INSERT() == null || ctx.REPLACE() != null) {
      keywords.add(SqlInsertKeyword.UPSERT.symbol(pos(ctx.start)));
    }
    SqlNodeList columns = ctx.columnList() == null ? null : columnList(ctx.columnList());
    return new SqlInsert(pos, keywords, qualifiedName(ctx.qualifiedName()),
        ctx.query().accept(this), columns);
  }

  @Override public SqlNode visitUpdate(UpdateContext ctx) {
    SqlParserPos pos = pos(ctx);
    SqlNodeList targets = new SqlNodeList(pos);
    SqlNodeList values = new SqlNodeList(pos);
    for (AssignmentContext assignment : ctx.assignment()) {
      targets.add(qualifiedName(assignment.qualifiedName()));
      values.add(assignment.expression().accept(this));
    }
    return new SqlUpdate(pos, qualifiedName(ctx.qualifiedName()), targets, values,
        optional(ctx.where), null, ctx.identifier() == null ? null : identifier(ctx.identifier()));
  }

  @Override public SqlNode visitDelete(DeleteContext ctx) {
    return new SqlDelete(pos(ctx), qualifiedName(ctx.qualifiedName()), optional(ctx.where), null,
        ctx.identifier() == null ? null : identifier(ctx.identifier()));
  }

  @Override public SqlNode visitCreateTable(CreateTableContext ctx) {
    List<SqlColumnDeclaration> columns = new ArrayList<>();
    List<SqlTableConstraint> constraints = new ArrayList<>();
    for (TableElementContext element : ctx.tableElement()) {
      if (element instanceof ColumnElementContext) {
        columns.add(columnDefinition(((ColumnElementContext) element).columnDefinition()));
      } else {
        constraints.add((SqlTableConstraint)
            ((ConstraintElementContext) element).tableConstraint().accept(this));
      }
    }
    if (columns.isEmpty()) {
      throw SqlParseErrors.at(ctx.LPAREN().getSymbol(), "a table needs at least one column");
    }
    return new SqlCreateTable(pos(ctx), qualifiedName(ctx.qualifiedName()),
        ctx.ifNotExists() != null, columns, constraints, null);
  }

  @Override public SqlNode visitCreateTableAsSelect(CreateTableAsSelectContext ctx) {
    return new SqlCreateTable(pos(ctx), qualifiedName(ctx.qualifiedName()),
        ctx.ifNotExists() != null, List.of(), List.of(), ctx.query().accept(this));
  }

  @Override public SqlNode visitDropTable(DropTableContext ctx) {
    return new SqlDropTable(pos(ctx), qualifiedName(ctx.qualifiedName()), ctx.ifExists() != null,
        ctx.dropBehavior() instanceof CascadeContext);
  }

  @Override public SqlNode visitCreateIndex(CreateIndexContext ctx) {
    List<SqlIdentifier> columns = new ArrayList<>();
    List<Boolean> descending = new ArrayList<>();
    for (IndexColumnContext column : ctx.indexColumn()) {
      columns.add(identifier(column.identifier()));
      descending.add(column.DESC() != null);
    }
    return new SqlCreateIndex(pos(ctx), qualifiedName(ctx.name), qualifiedName(ctx.table),
        ctx.UNIQUE() != null, ctx.ifNotExists() != null, columns, descending);
  }

  @Override public SqlNode visitDropIndex(DropIndexContext ctx) {
    return new SqlDropIndex(pos(ctx), qualifiedName(ctx.qualifiedName()), ctx.ifExists() != null,
        ctx.dropBehavior() instanceof CascadeContext);
  }

  @Override public SqlNode visitCreateView(CreateViewContext ctx) {
    QueryContext query = ctx.query();
    String text = input.getText(
        Interval.of(query.start.getStartIndex(), query.stop.getStopIndex()));
    return new SqlCreateView(pos(ctx), qualifiedName(ctx.qualifiedName()),
        ctx.ifNotExists() != null,
        ctx.columnList() == null ? null : columnList(ctx.columnList()), query.accept(this), text);
  }

  @Override public SqlNode visitDropView(DropViewContext ctx) {
    return new SqlDropView(pos(ctx), qualifiedName(ctx.qualifiedName()), ctx.ifExists() != null,
        ctx.dropBehavior() instanceof CascadeContext);
  }

  @Override public SqlNode visitAddColumn(AddColumnContext ctx) {
    return SqlAlterTable.addColumn(pos(ctx), qualifiedName(ctx.qualifiedName()),
        columnDefinition(ctx.columnDefinition()));
  }

  @Override public SqlNode visitDropColumn(DropColumnContext ctx) {
    return SqlAlterTable.dropColumn(pos(ctx), qualifiedName(ctx.qualifiedName()),
        identifier(ctx.identifier()));
  }

  @Override public SqlNode visitRenameColumn(RenameColumnContext ctx) {
    return SqlAlterTable.renameColumn(pos(ctx), qualifiedName(ctx.qualifiedName()),
        identifier(ctx.from), identifier(ctx.to));
  }

  @Override public SqlNode visitRenameTable(RenameTableContext ctx) {
    return SqlAlterTable.renameTable(pos(ctx), qualifiedName(ctx.qualifiedName()),
        identifier(ctx.identifier()));
  }

  @Override public SqlNode visitCreateTrigger(CreateTriggerContext ctx) {
    SqlNodeList body = new SqlNodeList(pos(ctx.BEGIN().getSymbol()));
    for (StatementContext statement : ctx.statement()) {
      body.add(statement.accept(this));
    }
    SqlCreateTrigger.Timing timing = ctx.timing != null && ctx.timing.getType() == SqlBaseLexer.AFTER
        ? SqlCreateTrigger.Timing.AFTER : SqlCreateTrigger.Timing.BEFORE;
    SqlCreateTrigger.Event event = ctx.event.getType() == SqlBaseLexer.INSERT
        ? SqlCreateTrigger.Event.INSERT
        : ctx.event.getType() == SqlBaseLexer.UPDATE
            ? SqlCreateTrigger.Event.UPDATE : SqlCreateTrigger.Event.DELETE;
    return new SqlCreateTrigger(pos(ctx), qualifiedName(ctx.name), ctx.ifNotExists() != null,
        timing, event, qualifiedName(ctx.table), body);
  }

  @Override public SqlNode visitDropTrigger(DropTriggerContext ctx) {
    return new SqlDropTrigger(pos(ctx), qualifiedName(ctx.qualifiedName()),
        ctx.ifExists() != null, false);
  }

  @Override public SqlNode visitReindex(ReindexContext ctx) {
    return new SqlReindex(pos(ctx),
        ctx.qualifiedName() == null ? null : qualifiedName(ctx.qualifiedName()));
  }

  @Override public SqlNode visitBeginTransaction(BeginTransactionContext ctx) {
    return transaction(ctx, SqlTransactionControl.Kind.BEGIN, null, false);
  }

  @Override public SqlNode visitStartTransaction(StartTransactionContext ctx) {
    return transaction(ctx, SqlTransactionControl.Kind.BEGIN, null, ctx.ONLY() != null);
  }

  @Override public SqlNode visitCommit(CommitContext ctx) {
    return transaction(ctx, SqlTransactionControl.Kind.COMMIT, null, false);
  }

  @Override public SqlNode visitRollback(RollbackContext ctx) {
    return transaction(ctx, SqlTransactionControl.Kind.ROLLBACK, null, false);
  }

  @Override public SqlNode visitRollbackToSavepoint(RollbackToSavepointContext ctx) {
    return transaction(ctx, SqlTransactionControl.Kind.ROLLBACK_TO, ctx.identifier(), false);
  }

  @Override public SqlNode visitSavepoint(SavepointContext ctx) {
    return transaction(ctx, SqlTransactionControl.Kind.SAVEPOINT, ctx.identifier(), false);
  }

  @Override public SqlNode visitReleaseSavepoint(ReleaseSavepointContext ctx) {
    return transaction(ctx, SqlTransactionControl.Kind.RELEASE, ctx.identifier(), false);
  }

  private SqlNode transaction(ParserRuleContext ctx, SqlTransactionControl.Kind kind,
      @Nullable IdentifierContext savepoint, boolean readOnly) {
    return new SqlTransactionControl(pos(ctx), kind,
        savepoint == null ? null : identifier(savepoint), readOnly);
  }

  @Override public SqlNode visitSetAsOfVersion(SetAsOfVersionContext ctx) {
    return new SqlSetAsOf(pos(ctx), SqlSetAsOf.Kind.VERSION, ctx.valueExpression().accept(this));
  }

  @Override public SqlNode visitSetAsOfTimestamp(SetAsOfTimestampContext ctx) {
    return new SqlSetAsOf(pos(ctx), SqlSetAsOf.Kind.TIMESTAMP,
        ctx.valueExpression().accept(this));
  }

  @Override public SqlNode visitSetAsOfLatest(SetAsOfLatestContext ctx) {
    return new SqlSetAsOf(pos(ctx), SqlSetAsOf.Kind.LATEST, null);
  }

  // ---------------------------------------------------------------- DDL pieces

  private SqlColumnDeclaration columnDefinition(ColumnDefinitionContext ctx) {
    boolean notNull = false;
    boolean primaryKey = false;
    boolean unique = false;
    SqlNode defaultValue = null;
    SqlNode check = null;
    for (ColumnConstraintContext constraint : ctx.columnConstraint()) {
      if (constraint instanceof NotNullConstraintContext) {
        notNull = true;
      } else if (constraint instanceof PrimaryKeyConstraintContext) {
        primaryKey = true;
      } else if (constraint instanceof UniqueConstraintContext) {
        unique = true;
      } else if (constraint instanceof DefaultConstraintContext) {
        if (defaultValue != null) {
          throw SqlParseErrors.at(constraint.start, "column has more than one DEFAULT");
        }
        defaultValue = ((DefaultConstraintContext) constraint).valueExpression().accept(this);
      } else if (constraint instanceof CheckConstraintContext) {
        SqlNode condition = ((CheckConstraintContext) constraint).expression().accept(this);
        check = check == null ? condition
            : SqlStdOperatorTable.AND.createCall(pos(constraint), check, condition);
      }
      // NULL (explicitly nullable) is the default and needs no flag.
    }
    return new SqlColumnDeclaration(pos(ctx), identifier(ctx.identifier()), type(ctx.type()),
        notNull, primaryKey, unique, defaultValue, check);
  }

  @Override public SqlNode visitPrimaryKeyTableConstraint(PrimaryKeyTableConstraintContext ctx) {
    return new SqlTableConstraint(pos(ctx), SqlTableConstraint.Kind.PRIMARY_KEY,
        optionalIdentifier(ctx.identifier()), columnList(ctx.columnList()), null, null, null);
  }

  @Override public SqlNode visitUniqueTableConstraint(UniqueTableConstraintContext ctx) {
    return new SqlTableConstraint(pos(ctx), SqlTableConstraint.Kind.UNIQUE,
        optionalIdentifier(ctx.identifier()), columnList(ctx.columnList()), null, null, null);
  }

  @Override public SqlNode visitCheckTableConstraint(CheckTableConstraintContext ctx) {
    return new SqlTableConstraint(pos(ctx), SqlTableConstraint.Kind.CHECK,
        optionalIdentifier(ctx.identifier()), new SqlNodeList(pos(ctx)),
        ctx.expression().accept(this), null, null);
  }

  @Override public SqlNode visitForeignKeyTableConstraint(ForeignKeyTableConstraintContext ctx) {
    return new SqlTableConstraint(pos(ctx), SqlTableConstraint.Kind.FOREIGN_KEY,
        optionalIdentifier(ctx.identifier()), columnList(ctx.columnList(0)), null,
        qualifiedName(ctx.qualifiedName()),
        ctx.columnList().size() > 1 ? columnList(ctx.columnList(1)) : null);
  }

  private SqlDataTypeSpec type(TypeContext ctx) {
    String name = identifierText(ctx.identifier());
    if (ctx.PRECISION() != null) {
      name += " PRECISION";
    } else if (ctx.VARYING() != null) {
      name += " VARYING";
    }
    int precision = ctx.precision == null ? -1 : smallInt(ctx.precision);
    int scale = ctx.scale == null ? -1 : smallInt(ctx.scale);
    SqlDataTypeSpec spec = DataTypes.spec(name, precision, scale, pos(ctx));
    if (spec == null) {
      throw SqlParseErrors.at(ctx.start, ctx.precision == null
          ? "unknown data type '" + name + "'"
          : "data type '" + name + "' does not take these arguments");
    }
    return spec;
  }

  private static int smallInt(Token token) {
    String text = token.getText();
    if (text.length() > 9) {
      throw SqlParseErrors.at(token, "type argument " + SqlParseErrors.quote(text)
          + " is too large");
    }
    return Integer.parseInt(text);
  }

  // ---------------------------------------------------------------- queries

  @Override public SqlNode visitQuery(QueryContext ctx) {
    return withQuery(ctx, ctx.with(), ctx.queryNoWith().accept(this));
  }

  @Override public SqlNode visitSubquery(SubqueryContext ctx) {
    return withQuery(ctx, ctx.with(), orderedQuery(ctx, ctx.subqueryTerm().accept(this),
        ctx.orderBy(), ctx.limitClause()));
  }

  @Override public SqlNode visitQueryNoWith(QueryNoWithContext ctx) {
    return orderedQuery(ctx, ctx.queryTerm().accept(this), ctx.orderBy(), ctx.limitClause());
  }

  private SqlNode withQuery(ParserRuleContext ctx, @Nullable WithContext with, SqlNode body) {
    if (with == null) {
      return body;
    }
    SqlNodeList items = new SqlNodeList(pos(with));
    SqlLiteral recursive = SqlLiteral.createBoolean(with.RECURSIVE() != null, pos(with));
    for (NamedQueryContext named : with.namedQuery()) {
      items.add(new SqlWithItem(pos(named), identifier(named.identifier()),
          named.columnList() == null ? null : columnList(named.columnList()),
          named.query().accept(this), recursive));
    }
    return new SqlWith(pos(ctx), items, body);
  }

  private SqlNode orderedQuery(ParserRuleContext ctx, SqlNode term,
      @Nullable OrderByContext orderBy, @Nullable LimitClauseContext limit) {
    if (orderBy == null && limit == null) {
      return term;
    }
    SqlNodeList orderList = SqlNodeList.EMPTY;
    if (orderBy != null) {
      orderList = new SqlNodeList(pos(orderBy));
      for (SortItemContext item : orderBy.sortItem()) {
        orderList.add(sortItem(item));
      }
    }
    SqlNode offset = null;
    SqlNode fetch = null;
    if (limit instanceof LimitOffsetContext) {
      fetch = ((LimitOffsetContext) limit).limit.accept(this);
      offset = optional(((LimitOffsetContext) limit).offset);
    } else if (limit instanceof OffsetFetchContext) {
      offset = ((OffsetFetchContext) limit).offset.accept(this);
      fetch = fetchCount(((OffsetFetchContext) limit).FETCH(),
          ((OffsetFetchContext) limit).fetch);
    } else if (limit instanceof FetchOnlyContext) {
      fetch = fetchCount(((FetchOnlyContext) limit).FETCH(), ((FetchOnlyContext) limit).fetch);
    }
    return new SqlOrderBy(pos(ctx), term, orderList, offset, fetch);
  }

  /** {@code FETCH FIRST ROW ONLY} means one row. */
  private @Nullable SqlNode fetchCount(
      org.antlr.v4.runtime.tree.@Nullable TerminalNode fetchKeyword,
      @Nullable ExpressionContext count) {
    if (fetchKeyword == null) {
      return null;
    }
    return count != null ? count.accept(this)
        : SqlLiteral.createExactNumeric("1", pos(fetchKeyword.getSymbol()));
  }

  private SqlNode sortItem(SortItemContext ctx) {
    SqlNode node = ctx.expression().accept(this);
    SqlParserPos pos = pos(ctx);
    if (ctx.ordering != null && ctx.ordering.getType() == SqlBaseLexer.DESC) {
      node = SqlStdOperatorTable.DESC.createCall(pos, node);
    }
    if (ctx.nullOrdering != null) {
      node = (ctx.nullOrdering.getType() == SqlBaseLexer.FIRST
          ? SqlStdOperatorTable.NULLS_FIRST : SqlStdOperatorTable.NULLS_LAST)
          .createCall(pos, node);
    }
    return node;
  }

  @Override public SqlNode visitQueryTerm(QueryTermContext ctx) {
    return setOperations(ctx.intersectTerm(0).accept(this), ctx.setOperator(),
        ctx.intersectTerm());
  }

  @Override public SqlNode visitSubqueryTerm(SubqueryTermContext ctx) {
    return setOperations(ctx.subqueryIntersect().accept(this), ctx.setOperator(),
        ctx.intersectTerm().subList(0, ctx.intersectTerm().size()));
  }

  /** Folds {@code first op1 t1 op2 t2 ...} left-associatively (UNION and EXCEPT bind alike). */
  private SqlNode setOperations(SqlNode first, List<SetOperatorContext> operators,
      List<IntersectTermContext> terms) {
    int offset = terms.size() - operators.size();
    SqlNode result = first;
    for (int i = 0; i < operators.size(); i++) {
      SetOperatorContext operator = operators.get(i);
      boolean all = isAll(operator.setQuantifier());
      SqlOperator op = operator.operator.getType() == SqlBaseLexer.UNION
          ? (all ? SqlStdOperatorTable.UNION_ALL : SqlStdOperatorTable.UNION)
          : (all ? SqlStdOperatorTable.EXCEPT_ALL : SqlStdOperatorTable.EXCEPT);
      SqlNode right = terms.get(i + offset).accept(this);
      result = op.createCall(span(result, right), result, right);
    }
    return result;
  }

  @Override public SqlNode visitIntersectTerm(IntersectTermContext ctx) {
    return intersections(ctx.queryPrimary(0).accept(this), ctx.setQuantifier(),
        ctx.queryPrimary().subList(1, ctx.queryPrimary().size()));
  }

  @Override public SqlNode visitSubqueryIntersect(SubqueryIntersectContext ctx) {
    return intersections(ctx.simpleQuery().accept(this), ctx.setQuantifier(), ctx.queryPrimary());
  }

  private SqlNode intersections(SqlNode first, List<SetQuantifierContext> quantifiers,
      List<QueryPrimaryContext> rest) {
    // Quantifiers are optional, so match each to the INTERSECT it follows by position.
    SqlNode result = first;
    for (QueryPrimaryContext primary : rest) {
      SetQuantifierContext quantifier = null;
      for (SetQuantifierContext q : quantifiers) {
        if (q.start.getTokenIndex() == primary.start.getTokenIndex() - 1) {
          quantifier = q;
        }
      }
      SqlOperator op = isAll(quantifier)
          ? SqlStdOperatorTable.INTERSECT_ALL : SqlStdOperatorTable.INTERSECT;
      SqlNode right = primary.accept(this);
      result = op.createCall(span(result, right), result, right);
    }
    return result;
  }

  private static boolean isAll(@Nullable SetQuantifierContext quantifier) {
    return quantifier != null && quantifier.ALL() != null;
  }

  private static SqlParserPos span(SqlNode left, SqlNode right) {
    return left.getParserPosition().plus(right.getParserPosition());
  }

  @Override public SqlNode visitQueryPrimaryDefault(QueryPrimaryDefaultContext ctx) {
    return ctx.simpleQuery().accept(this);
  }

  @Override public SqlNode visitParenthesizedQuery(ParenthesizedQueryContext ctx) {
    return ctx.query().accept(this);
  }

  @Override public SqlNode visitSimpleSelect(SimpleSelectContext ctx) {
    return ctx.querySpecification().accept(this);
  }

  @Override public SqlNode visitInlineTable(InlineTableContext ctx) {
    List<RowValueContext> rows = ctx.rowValue();
    SqlNode[] nodes = new SqlNode[rows.size()];
    for (int i = 0; i < nodes.length; i++) {
      RowValueContext row = rows.get(i);
      nodes[i] = SqlStdOperatorTable.ROW.createCall(pos(row), expressions(row.expression()));
    }
    return SqlStdOperatorTable.VALUES.createCall(pos(ctx), nodes);
  }

  @Override public SqlNode visitQuerySpecification(QuerySpecificationContext ctx) {
    SqlParserPos pos = pos(ctx);
    SqlNodeList keywords = new SqlNodeList(pos);
    if (ctx.setQuantifier() != null) {
      keywords.add((ctx.setQuantifier().DISTINCT() != null
          ? SqlSelectKeyword.DISTINCT : SqlSelectKeyword.ALL).symbol(pos(ctx.setQuantifier())));
    }
    List<SelectItemContext> items = ctx.selectItem();
    List<SqlNode> selectList = new ArrayList<>(items.size());
    for (SelectItemContext item : items) {
      selectList.add(item.accept(this));
    }
    SqlNode from = null;
    for (RelationContext relation : ctx.relation()) {
      SqlNode right = relation.accept(this);
      from = from == null ? right : new SqlJoin(pos(relation), from,
          SqlLiteral.createBoolean(false, SqlParserPos.ZERO),
          JoinType.COMMA.symbol(SqlParserPos.ZERO), right,
          JoinConditionType.NONE.symbol(SqlParserPos.ZERO), null);
    }
    SqlNodeList groupBy = null;
    if (ctx.groupBy() != null) {
      groupBy = new SqlNodeList(expressionList(ctx.groupBy().expression()), pos(ctx.groupBy()));
    }
    return new SqlSelect(pos, keywords, new SqlNodeList(selectList, pos(items.get(0))), from,
        optional(ctx.where), groupBy, optional(ctx.having), null, null, null, null, null, null);
  }

  @Override public SqlNode visitSelectSingle(SelectSingleContext ctx) {
    SqlNode expression = ctx.expression().accept(this);
    if (ctx.identifier() == null) {
      return expression;
    }
    return SqlStdOperatorTable.AS.createCall(pos(ctx), expression, identifier(ctx.identifier()));
  }

  @Override public SqlNode visitSelectQualifiedAll(SelectQualifiedAllContext ctx) {
    List<IdentifierContext> parts = ctx.qualifiedName().identifier();
    List<String> names = new ArrayList<>(parts.size() + 1);
    List<SqlParserPos> positions = new ArrayList<>(parts.size() + 1);
    for (IdentifierContext part : parts) {
      names.add(identifierText(part));
      positions.add(identifierPos(part));
    }
    names.add("");
    positions.add(pos(ctx.ASTERISK().getSymbol()));
    return SqlIdentifier.star(names, pos(ctx), positions);
  }

  @Override public SqlNode visitSelectAll(SelectAllContext ctx) {
    return SqlIdentifier.star(pos(ctx));
  }

  // ---------------------------------------------------------------- FROM

  @Override public SqlNode visitRelationDefault(RelationDefaultContext ctx) {
    return ctx.aliasedRelation().accept(this);
  }

  @Override public SqlNode visitCrossJoin(CrossJoinContext ctx) {
    return new SqlJoin(pos(ctx), ctx.left.accept(this),
        SqlLiteral.createBoolean(false, SqlParserPos.ZERO),
        JoinType.CROSS.symbol(pos(ctx.CROSS().getSymbol())), ctx.right.accept(this),
        JoinConditionType.NONE.symbol(SqlParserPos.ZERO), null);
  }

  @Override public SqlNode visitJoin(JoinContext ctx) {
    SqlNode left = ctx.left.accept(this);
    SqlNode right = ctx.right.accept(this);
    JoinCriteriaContext criteria = ctx.joinCriteria();
    SqlParserPos criteriaPos = pos(criteria);
    SqlLiteral conditionType;
    SqlNode condition;
    if (criteria instanceof JoinOnContext) {
      conditionType = JoinConditionType.ON.symbol(criteriaPos);
      condition = ((JoinOnContext) criteria).expression().accept(this);
    } else {
      conditionType = JoinConditionType.USING.symbol(criteriaPos);
      condition = columnList(((JoinUsingContext) criteria).columnList());
    }
    return new SqlJoin(pos(ctx), left, SqlLiteral.createBoolean(false, SqlParserPos.ZERO),
        joinType(ctx.joinType()).symbol(pos(ctx.JOIN().getSymbol())), right, conditionType,
        condition);
  }

  @Override public SqlNode visitNaturalJoin(NaturalJoinContext ctx) {
    return new SqlJoin(pos(ctx), ctx.left.accept(this),
        SqlLiteral.createBoolean(true, pos(ctx.NATURAL().getSymbol())),
        joinType(ctx.joinType()).symbol(pos(ctx.JOIN().getSymbol())), ctx.right.accept(this),
        JoinConditionType.NONE.symbol(SqlParserPos.ZERO), null);
  }

  private static JoinType joinType(JoinTypeContext ctx) {
    if (ctx instanceof LeftJoinContext) {
      return JoinType.LEFT;
    } else if (ctx instanceof RightJoinContext) {
      return JoinType.RIGHT;
    } else if (ctx instanceof FullJoinContext) {
      return JoinType.FULL;
    }
    return JoinType.INNER;
  }

  @Override public SqlNode visitAliasedRelation(AliasedRelationContext ctx) {
    SqlNode relation = ctx.relationPrimary().accept(this);
    if (ctx.identifier() == null) {
      return relation;
    }
    List<SqlNode> operands = new ArrayList<>();
    operands.add(relation);
    operands.add(identifier(ctx.identifier()));
    if (ctx.columnList() != null) {
      operands.addAll(columnList(ctx.columnList()));
    }
    return SqlStdOperatorTable.AS.createCall(pos(ctx), operands);
  }

  @Override public SqlNode visitTableName(TableNameContext ctx) {
    return qualifiedName(ctx.qualifiedName());
  }

  @Override public SqlNode visitAsOfVersion(AsOfVersionContext ctx) {
    return new SqlAsOfTable(pos(ctx), qualifiedName(ctx.qualifiedName()),
        SqlAsOfTable.Kind.VERSION, ctx.valueExpression().accept(this));
  }

  @Override public SqlNode visitAsOfTimestamp(AsOfTimestampContext ctx) {
    return new SqlAsOfTable(pos(ctx), qualifiedName(ctx.qualifiedName()),
        SqlAsOfTable.Kind.TIMESTAMP, ctx.valueExpression().accept(this));
  }

  @Override public SqlNode visitForSystemTime(ForSystemTimeContext ctx) {
    return new SqlAsOfTable(pos(ctx), qualifiedName(ctx.qualifiedName()),
        SqlAsOfTable.Kind.SYSTEM_TIME, ctx.valueExpression().accept(this));
  }

  @Override public SqlNode visitSubqueryRelation(SubqueryRelationContext ctx) {
    return ctx.subquery().accept(this);
  }

  @Override public SqlNode visitParenthesizedRelation(ParenthesizedRelationContext ctx) {
    return ctx.relation().accept(this);
  }

  // ---------------------------------------------------------------- boolean expressions

  @Override public SqlNode visitValueBoolean(ValueBooleanContext ctx) {
    return ctx.valueExpression().accept(this);
  }

  @Override public SqlNode visitBetween(BetweenContext ctx) {
    boolean not = ctx.NOT() != null;
    SqlOperator op = ctx.SYMMETRIC() != null
        ? (not ? SqlStdOperatorTable.SYMMETRIC_NOT_BETWEEN : SqlStdOperatorTable.SYMMETRIC_BETWEEN)
        : (not ? SqlStdOperatorTable.NOT_BETWEEN : SqlStdOperatorTable.BETWEEN);
    return op.createCall(pos(ctx), ctx.expression().accept(this),
        ctx.lower.accept(this), ctx.upper.accept(this));
  }

  @Override public SqlNode visitInSubquery(InSubqueryContext ctx) {
    return (ctx.NOT() != null ? SqlStdOperatorTable.NOT_IN : SqlStdOperatorTable.IN)
        .createCall(pos(ctx), ctx.expression().accept(this),
            ctx.subquery().accept(this));
  }

  @Override public SqlNode visitInList(InListContext ctx) {
    List<ExpressionContext> operands = ctx.expression();
    SqlNode left = operands.get(0).accept(this);
    List<ExpressionContext> items = operands.subList(1, operands.size());
    if (items.isEmpty()) {
      // SQLite's reading: nothing is a member of the empty list, not even NULL.
      return SqlLiteral.createBoolean(ctx.NOT() != null, pos(ctx));
    }
    return (ctx.NOT() != null ? SqlStdOperatorTable.NOT_IN : SqlStdOperatorTable.IN)
        .createCall(pos(ctx), left,
            new SqlNodeList(expressionList(items), pos(ctx.LPAREN().getSymbol())));
  }

  @Override public SqlNode visitLike(LikeContext ctx) {
    SqlOperator op = ctx.NOT() != null ? SqlStdOperatorTable.NOT_LIKE : SqlStdOperatorTable.LIKE;
    SqlNode value = ctx.expression().accept(this);
    SqlNode pattern = ctx.pattern.accept(this);
    return ctx.escape == null ? op.createCall(pos(ctx), value, pattern)
        : op.createCall(pos(ctx), value, pattern, ctx.escape.accept(this));
  }

  @Override public SqlNode visitComparison(ComparisonContext ctx) {
    SqlOperator op;
    switch (((org.antlr.v4.runtime.tree.TerminalNode) ctx.comparisonOperator().getChild(0))
        .getSymbol().getType()) {
    case SqlBaseLexer.EQ:
      op = SqlStdOperatorTable.EQUALS;
      break;
    case SqlBaseLexer.NEQ:
      op = SqlStdOperatorTable.NOT_EQUALS;
      break;
    case SqlBaseLexer.LT:
      op = SqlStdOperatorTable.LESS_THAN;
      break;
    case SqlBaseLexer.LTE:
      op = SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
      break;
    case SqlBaseLexer.GT:
      op = SqlStdOperatorTable.GREATER_THAN;
      break;
    default:
      op = SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
    }
    return op.createCall(pos(ctx), ctx.expression().accept(this),
        ctx.valueExpression().accept(this));
  }

  @Override public SqlNode visitDistinctFrom(DistinctFromContext ctx) {
    return (ctx.NOT() != null
        ? SqlStdOperatorTable.IS_NOT_DISTINCT_FROM : SqlStdOperatorTable.IS_DISTINCT_FROM)
        .createCall(pos(ctx), ctx.expression().accept(this),
            ctx.valueExpression().accept(this));
  }

  @Override public SqlNode visitNullPredicate(NullPredicateContext ctx) {
    return (ctx.NOT() != null ? SqlStdOperatorTable.IS_NOT_NULL : SqlStdOperatorTable.IS_NULL)
        .createCall(pos(ctx), ctx.expression().accept(this));
  }

  @Override public SqlNode visitLogicalNot(LogicalNotContext ctx) {
    return SqlStdOperatorTable.NOT.createCall(pos(ctx), ctx.expression().accept(this));
  }

  @Override public SqlNode visitAnd(AndContext ctx) {
    return SqlStdOperatorTable.AND.createCall(pos(ctx), ctx.expression(0).accept(this),
        ctx.expression(1).accept(this));
  }

  @Override public SqlNode visitOr(OrContext ctx) {
    return SqlStdOperatorTable.OR.createCall(pos(ctx), ctx.expression(0).accept(this),
        ctx.expression(1).accept(this));
  }

  // ---------------------------------------------------------------- value expressions

  @Override public SqlNode visitArithmeticUnary(ArithmeticUnaryContext ctx) {
    return (ctx.operator.getType() == SqlBaseLexer.MINUS
        ? SqlStdOperatorTable.UNARY_MINUS : SqlStdOperatorTable.UNARY_PLUS)
        .createCall(pos(ctx), ctx.valueExpression().accept(this));
  }

  @Override public SqlNode visitArithmeticBinary(ArithmeticBinaryContext ctx) {
    SqlOperator op;
    switch (ctx.operator.getType()) {
    case SqlBaseLexer.ASTERISK:
      op = SqlStdOperatorTable.MULTIPLY;
      break;
    case SqlBaseLexer.SLASH:
      op = SqlStdOperatorTable.DIVIDE;
      break;
    case SqlBaseLexer.PERCENT:
      op = SqlStdOperatorTable.PERCENT_REMAINDER;
      break;
    case SqlBaseLexer.CONCAT:
      op = SqlStdOperatorTable.CONCAT;
      break;
    case SqlBaseLexer.PLUS:
      op = SqlStdOperatorTable.PLUS;
      break;
    default:
      op = SqlStdOperatorTable.MINUS;
    }
    return op.createCall(pos(ctx), ctx.valueExpression(0).accept(this),
        ctx.valueExpression(1).accept(this));
  }

  // ---------------------------------------------------------------- primaries

  @Override public SqlNode visitNullLiteral(NullLiteralContext ctx) {
    return SqlLiteral.createNull(pos(ctx.start));
  }

  @Override public SqlNode visitIntegerLiteral(IntegerLiteralContext ctx) {
    return SqlLiteral.createExactNumeric(number(ctx.start), pos(ctx.start));
  }

  @Override public SqlNode visitDecimalLiteral(DecimalLiteralContext ctx) {
    return SqlLiteral.createExactNumeric(number(ctx.start), pos(ctx.start));
  }

  @Override public SqlNode visitDoubleLiteral(DoubleLiteralContext ctx) {
    return SqlLiteral.createApproxNumeric(number(ctx.start), pos(ctx.start));
  }

  /**
   * The text of a numeric literal, refused beyond {@link #MAX_NUMBER_LENGTH} characters: no SQL
   * type holds such a number, and converting it costs time quadratic in its length.
   */
  private static String number(Token token) {
    String text = token.getText();
    if (text.length() > MAX_NUMBER_LENGTH) {
      throw SqlParseErrors.at(token, "numeric literal is longer than " + MAX_NUMBER_LENGTH
          + " characters");
    }
    return text;
  }

  @Override public SqlNode visitStringLiteral(StringLiteralContext ctx) {
    return SqlLiteral.createCharString(unquote(ctx.start.getText(), '\''), pos(ctx.start));
  }

  @Override public SqlNode visitBinaryLiteral(BinaryLiteralContext ctx) {
    String text = ctx.start.getText();
    String hex = text.substring(2, text.length() - 1);
    if (hex.length() % 2 != 0) {
      throw SqlParseErrors.at(ctx.start, "binary literal needs an even number of hex digits");
    }
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0) {
        throw SqlParseErrors.at(ctx.start, "binary literal has a character that is not a hex digit");
      }
    }
    return SqlLiteral.createBinaryString(hex, pos(ctx.start));
  }

  @Override public SqlNode visitBooleanLiteral(BooleanLiteralContext ctx) {
    return SqlLiteral.createBoolean(ctx.TRUE() != null, pos(ctx.start));
  }

  @Override public SqlNode visitDatetimeLiteral(DatetimeLiteralContext ctx) {
    String value = unquote(ctx.STRING().getText(), '\'');
    SqlParserPos pos = pos(ctx);
    String kind = ctx.kind.getText().toUpperCase(java.util.Locale.ROOT);
    try {
      switch (ctx.kind.getType()) {
      case SqlBaseLexer.DATE:
        return SqlParserUtil.parseDateLiteral(value, pos);
      case SqlBaseLexer.TIME:
        return SqlParserUtil.parseTimeLiteral(value, pos);
      default:
        return SqlParserUtil.parseTimestampLiteral(value, pos);
      }
    } catch (RuntimeException e) {
      throw SqlParseErrors.at(ctx.STRING().getSymbol(), "invalid " + kind + " literal "
          + SqlParseErrors.quote(value));
    }
  }

  @Override public SqlNode visitParameter(ParameterContext ctx) {
    return new SqlDynamicParam(parameterCount++, pos(ctx.start));
  }

  @Override public SqlNode visitStarCall(StarCallContext ctx) {
    return function(ctx.qualifiedName()).createCall(null, pos(ctx),
        SqlIdentifier.star(pos(ctx.ASTERISK().getSymbol())));
  }

  @Override public SqlNode visitFunctionCall(FunctionCallContext ctx) {
    SqlLiteral quantifier = null;
    if (ctx.setQuantifier() != null) {
      quantifier = (ctx.setQuantifier().DISTINCT() != null
          ? SqlSelectKeyword.DISTINCT : SqlSelectKeyword.ALL).symbol(pos(ctx.setQuantifier()));
    }
    return function(ctx.qualifiedName()).createCall(quantifier, pos(ctx),
        expressions(ctx.expression()));
  }

  /** A placeholder the validator resolves against its operator table, as Calcite's parser does. */
  private SqlOperator function(QualifiedNameContext name) {
    return new SqlUnresolvedFunction(qualifiedName(name), null, null, null, null,
        SqlFunctionCategory.USER_DEFINED_FUNCTION);
  }

  @Override public SqlNode visitCast(CastContext ctx) {
    return SqlStdOperatorTable.CAST.createCall(pos(ctx), ctx.expression().accept(this),
        type(ctx.type()));
  }

  @Override public SqlNode visitSimpleCase(SimpleCaseContext ctx) {
    return caseExpression(ctx, ctx.operand.accept(this), ctx.whenClause(), ctx.elseValue);
  }

  @Override public SqlNode visitSearchedCase(SearchedCaseContext ctx) {
    return caseExpression(ctx, null, ctx.whenClause(), ctx.elseValue);
  }

  private SqlNode caseExpression(ParserRuleContext ctx, @Nullable SqlNode operand,
      List<WhenClauseContext> whens, @Nullable ExpressionContext elseValue) {
    SqlParserPos pos = pos(ctx);
    SqlNodeList conditions = new SqlNodeList(pos);
    SqlNodeList results = new SqlNodeList(pos);
    for (WhenClauseContext when : whens) {
      conditions.add(when.condition.accept(this));
      results.add(when.result.accept(this));
    }
    return SqlCase.createSwitched(pos, operand, conditions, results, optional(elseValue));
  }

  @Override public SqlNode visitExists(ExistsContext ctx) {
    return SqlStdOperatorTable.EXISTS.createCall(pos(ctx), ctx.subquery().accept(this));
  }

  @Override public SqlNode visitScalarSubquery(ScalarSubqueryContext ctx) {
    return ctx.subquery().accept(this);
  }

  @Override public SqlNode visitParenthesized(ParenthesizedContext ctx) {
    return ctx.expression().accept(this);
  }

  @Override public SqlNode visitRowConstructor(RowConstructorContext ctx) {
    return SqlStdOperatorTable.ROW.createCall(pos(ctx), expressions(ctx.expression()));
  }

  @Override public SqlNode visitColumnReference(ColumnReferenceContext ctx) {
    return qualifiedName(ctx.qualifiedName());
  }

  // ---------------------------------------------------------------- names and helpers

  SqlIdentifier qualifiedName(QualifiedNameContext ctx) {
    List<IdentifierContext> parts = ctx.identifier();
    if (parts.size() == 1) {
      return identifier(parts.get(0));
    }
    List<String> names = new ArrayList<>(parts.size());
    List<SqlParserPos> positions = new ArrayList<>(parts.size());
    for (IdentifierContext part : parts) {
      names.add(identifierText(part));
      positions.add(identifierPos(part));
    }
    return new SqlIdentifier(names, null, pos(ctx), positions);
  }

  private SqlIdentifier identifier(IdentifierContext ctx) {
    SqlParserPos pos = identifierPos(ctx);
    // Calcite reads quoting from the component positions.
    return ctx instanceof QuotedIdentifierContext
        ? new SqlIdentifier(List.of(identifierText(ctx)), null, pos, List.of(pos))
        : new SqlIdentifier(identifierText(ctx), pos);
  }

  private @Nullable SqlIdentifier optionalIdentifier(@Nullable IdentifierContext ctx) {
    return ctx == null ? null : identifier(ctx);
  }

  /** Unquoted identifiers keep their spelling; quoted ones lose the quotes and the doubling. */
  private static String identifierText(IdentifierContext ctx) {
    String text = ctx.start.getText();
    return ctx instanceof QuotedIdentifierContext ? unquote(text, '"') : text;
  }

  private static SqlParserPos identifierPos(IdentifierContext ctx) {
    SqlParserPos pos = pos(ctx.start);
    return ctx instanceof QuotedIdentifierContext ? pos.withQuoting(true) : pos;
  }

  private SqlNodeList columnList(ColumnListContext ctx) {
    List<IdentifierContext> names = ctx.identifier();
    List<SqlNode> nodes = new ArrayList<>(names.size());
    for (IdentifierContext name : names) {
      nodes.add(identifier(name));
    }
    return new SqlNodeList(nodes, pos(ctx));
  }

  private SqlNode[] expressions(List<ExpressionContext> contexts) {
    SqlNode[] nodes = new SqlNode[contexts.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = contexts.get(i).accept(this);
    }
    return nodes;
  }

  private List<SqlNode> expressionList(List<ExpressionContext> contexts) {
    List<SqlNode> nodes = new ArrayList<>(contexts.size());
    for (ExpressionContext context : contexts) {
      nodes.add(context.accept(this));
    }
    return nodes;
  }

  private @Nullable SqlNode optional(@Nullable ParserRuleContext ctx) {
    return ctx == null ? null : ctx.accept(this);
  }

  /** Strips the enclosing quotes and undoubles the inner ones. */
  static String unquote(String text, char quote) {
    String body = text.substring(1, text.length() - 1);
    return body.indexOf(quote) < 0 ? body
        : body.replace(new String(new char[] {quote, quote}), String.valueOf(quote));
  }

  static SqlParserPos pos(Token token) {
    int column = token.getCharPositionInLine() + 1;
    int length = Math.max(1, token.getStopIndex() - token.getStartIndex() + 1);
    return new SqlParserPos(token.getLine(), column, token.getLine(), column + length - 1);
  }

  static SqlParserPos pos(ParserRuleContext ctx) {
    Token start = ctx.start;
    Token stop = ctx.stop;
    if (stop == null || stop.getTokenIndex() < start.getTokenIndex()) {
      return pos(start);
    }
    int stopLength = Math.max(1, stop.getStopIndex() - stop.getStartIndex() + 1);
    return new SqlParserPos(start.getLine(), start.getCharPositionInLine() + 1, stop.getLine(),
        stop.getCharPositionInLine() + stopLength);
  }
}

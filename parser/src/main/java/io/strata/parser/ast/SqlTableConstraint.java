package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A table-level constraint of CREATE TABLE: {@code [CONSTRAINT name] PRIMARY KEY (cols)},
 * {@code UNIQUE (cols)}, {@code CHECK (expr)} or {@code FOREIGN KEY (cols) REFERENCES t [(cols)]}.
 *
 * <p>Invariant: {@link #columns()} is non-empty for PRIMARY_KEY, UNIQUE and FOREIGN_KEY and empty
 * for CHECK; {@link #check()} is non-null exactly for CHECK; {@link #referencedTable()} is
 * non-null exactly for FOREIGN_KEY.
 */
public final class SqlTableConstraint extends SqlCall {
  /** What the constraint requires. */
  public enum Kind { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY }

  private static final SqlOperator PRIMARY_KEY =
      new SqlSpecialOperator("PRIMARY KEY", SqlKind.PRIMARY_KEY);
  private static final SqlOperator UNIQUE = new SqlSpecialOperator("UNIQUE", SqlKind.UNIQUE);
  private static final SqlOperator CHECK = new SqlSpecialOperator("CHECK", SqlKind.CHECK);
  private static final SqlOperator FOREIGN_KEY =
      new SqlSpecialOperator("FOREIGN KEY", SqlKind.FOREIGN_KEY);

  private final Kind kind;
  private final @Nullable SqlIdentifier name;
  private final SqlNodeList columns;
  private final @Nullable SqlNode check;
  private final @Nullable SqlIdentifier referencedTable;
  private final @Nullable SqlNodeList referencedColumns;

  public SqlTableConstraint(SqlParserPos pos, Kind kind, @Nullable SqlIdentifier name,
      SqlNodeList columns, @Nullable SqlNode check, @Nullable SqlIdentifier referencedTable,
      @Nullable SqlNodeList referencedColumns) {
    super(pos);
    this.kind = kind;
    this.name = name;
    this.columns = columns;
    this.check = check;
    this.referencedTable = referencedTable;
    this.referencedColumns = referencedColumns;
  }

  public Kind kind() {
    return kind;
  }

  /** The name given with CONSTRAINT, or null. */
  public @Nullable SqlIdentifier name() {
    return name;
  }

  /** Constrained columns ({@code SqlIdentifier}s); empty for CHECK. */
  public SqlNodeList columns() {
    return columns;
  }

  public @Nullable SqlNode check() {
    return check;
  }

  public @Nullable SqlIdentifier referencedTable() {
    return referencedTable;
  }

  /** Referenced columns of a FOREIGN KEY, or null when the referenced primary key is meant. */
  public @Nullable SqlNodeList referencedColumns() {
    return referencedColumns;
  }

  @Override public SqlOperator getOperator() {
    switch (kind) {
    case PRIMARY_KEY:
      return PRIMARY_KEY;
    case UNIQUE:
      return UNIQUE;
    case CHECK:
      return CHECK;
    default:
      return FOREIGN_KEY;
    }
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, columns, check, referencedTable, referencedColumns);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (name != null) {
      writer.keyword("CONSTRAINT");
      name.unparse(writer, 0, 0);
    }
    writer.keyword(getOperator().getName());
    if (kind == Kind.CHECK) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      check.unparse(writer, 0, 0);
      writer.endList(frame);
      return;
    }
    Unparse.parenthesized(writer, columns);
    if (kind == Kind.FOREIGN_KEY) {
      writer.keyword("REFERENCES");
      referencedTable.unparse(writer, 0, 0);
      if (referencedColumns != null) {
        Unparse.parenthesized(writer, referencedColumns);
      }
    }
  }
}

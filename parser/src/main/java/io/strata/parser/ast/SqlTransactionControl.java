package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A transaction statement: {@code BEGIN [TRANSACTION]}, {@code START TRANSACTION [READ ONLY]},
 * {@code COMMIT}, {@code ROLLBACK}, {@code SAVEPOINT x}, {@code RELEASE [SAVEPOINT] x},
 * {@code ROLLBACK TO [SAVEPOINT] x}.
 *
 * <p>Invariant: {@link #savepoint()} is non-null exactly for SAVEPOINT, RELEASE and ROLLBACK_TO;
 * {@link #readOnly()} is true only for BEGIN.
 */
public final class SqlTransactionControl extends SqlCall {
  /** Which transaction statement. */
  public enum Kind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO }

  private static final SqlOperator BEGIN = new SqlSpecialOperator("BEGIN", SqlKind.OTHER);
  private static final SqlOperator COMMIT = new SqlSpecialOperator("COMMIT", SqlKind.COMMIT);
  private static final SqlOperator ROLLBACK =
      new SqlSpecialOperator("ROLLBACK", SqlKind.ROLLBACK);
  private static final SqlOperator SAVEPOINT =
      new SqlSpecialOperator("SAVEPOINT", SqlKind.OTHER);
  private static final SqlOperator RELEASE =
      new SqlSpecialOperator("RELEASE SAVEPOINT", SqlKind.OTHER);
  private static final SqlOperator ROLLBACK_TO =
      new SqlSpecialOperator("ROLLBACK TO SAVEPOINT", SqlKind.ROLLBACK);

  private final Kind kind;
  private final @Nullable SqlIdentifier savepoint;
  private final boolean readOnly;

  public SqlTransactionControl(SqlParserPos pos, Kind kind, @Nullable SqlIdentifier savepoint,
      boolean readOnly) {
    super(pos);
    this.kind = kind;
    this.savepoint = savepoint;
    this.readOnly = readOnly;
  }

  public Kind kind() {
    return kind;
  }

  public @Nullable SqlIdentifier savepoint() {
    return savepoint;
  }

  /** True for {@code START TRANSACTION READ ONLY}. */
  public boolean readOnly() {
    return readOnly;
  }

  @Override public SqlOperator getOperator() {
    switch (kind) {
    case BEGIN:
      return BEGIN;
    case COMMIT:
      return COMMIT;
    case ROLLBACK:
      return ROLLBACK;
    case SAVEPOINT:
      return SAVEPOINT;
    case RELEASE:
      return RELEASE;
    default:
      return ROLLBACK_TO;
    }
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(Unparse.symbol(kind), savepoint, Unparse.flag(readOnly));
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (kind == Kind.BEGIN) {
      writer.keyword(readOnly ? "START TRANSACTION READ ONLY" : "BEGIN");
      return;
    }
    writer.keyword(getOperator().getName());
    if (savepoint != null) {
      savepoint.unparse(writer, 0, 0);
    }
  }
}

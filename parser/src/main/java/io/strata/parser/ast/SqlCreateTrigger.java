package io.strata.parser.ast;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * SQLite's {@code CREATE TRIGGER name [BEFORE | AFTER] (INSERT | UPDATE | DELETE) ON t
 * BEGIN stmt; ... END}. Parsed so that scripts written for SQLite (the sqllogictest suite) read;
 * the engine decides whether it runs it.
 */
public final class SqlCreateTrigger extends SqlCreate {
  /** When the trigger fires relative to the row change. */
  public enum Timing { BEFORE, AFTER }

  /** The row change that fires it. */
  public enum Event { INSERT, UPDATE, DELETE }

  public static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TRIGGER", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final Timing timing;
  private final Event event;
  private final SqlIdentifier table;
  private final SqlNodeList body;

  public SqlCreateTrigger(SqlParserPos pos, SqlIdentifier name, boolean ifNotExists,
      Timing timing, Event event, SqlIdentifier table, SqlNodeList body) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = name;
    this.timing = timing;
    this.event = event;
    this.table = table;
    this.body = body;
  }

  public SqlIdentifier name() {
    return name;
  }

  public Timing timing() {
    return timing;
  }

  public Event event() {
    return event;
  }

  public SqlIdentifier table() {
    return table;
  }

  /** The statements between BEGIN and END. */
  public SqlNodeList body() {
    return body;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Unparse.flag(ifNotExists), Unparse.symbol(timing),
        Unparse.symbol(event), table, body);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE TRIGGER");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.keyword(timing.name());
    writer.keyword(event.name());
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    writer.keyword("BEGIN");
    for (SqlNode statement : body) {
      statement.unparse(writer, 0, 0);
      writer.print(";");
    }
    writer.keyword("END");
  }
}

package io.strata.parser;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.sql.SqlDialect;

/**
 * The Calcite dialect whose output Strata's grammar reads back: double-quoted identifiers,
 * single-quoted strings with {@code ''} escapes (never {@code U&'...'} or charset prefixes),
 * {@code OFFSET ... ROWS FETCH NEXT ... ROWS ONLY}.
 *
 * <p>{@code StrataSqlParser.parse(node.toSqlString(StrataSqlDialect.DEFAULT).getSql())} yields a
 * tree equal ({@code equalsDeep}) to {@code node}.
 */
public final class StrataSqlDialect extends SqlDialect {
  public static final StrataSqlDialect DEFAULT = new StrataSqlDialect();

  private StrataSqlDialect() {
    super(EMPTY_CONTEXT
        .withDatabaseProductName("Strata")
        .withIdentifierQuoteString("\"")
        .withUnquotedCasing(Casing.UNCHANGED)
        .withQuotedCasing(Casing.UNCHANGED)
        .withCaseSensitive(false));
  }

  @Override public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
    buf.append('\'').append(val.replace("'", "''")).append('\'');
  }
}

package io.strata.shell;

import java.util.Set;
import java.util.TreeSet;

/** SQL words the shell completes and highlights, Strata's time-travel words included. */
final class SqlKeywords {
  static final Set<String> ALL = new TreeSet<>(Set.of(
      "ADD", "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "AVG", "BEGIN", "BETWEEN", "BIGINT",
      "BINARY", "BOOLEAN", "BY", "CASE", "CAST", "CHAR", "CHECK", "COALESCE", "COLUMN", "COMMIT",
      "CONSTRAINT", "COUNT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIMESTAMP", "DATE",
      "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DOUBLE", "DROP", "ELSE", "END",
      "EXCEPT", "EXISTS", "EXPLAIN", "FALSE", "FOR", "FOREIGN", "FROM", "FULL", "GROUP", "HAVING",
      "IF", "IN", "INDEX", "INNER", "INSERT", "INT", "INTEGER", "INTERSECT", "INTO", "IS", "JOIN",
      "KEY", "LATEST", "LEFT", "LIKE", "LIMIT", "MAX", "MIN", "NOT", "NULL", "NULLIF", "OF",
      "OFFSET", "ON", "OR", "ORDER", "OUTER", "PLAN", "PRIMARY", "REAL", "REFERENCES", "RELEASE",
      "RIGHT", "ROLLBACK", "SAVEPOINT", "SELECT", "SET", "SMALLINT", "SUM", "SYSTEM_TIME",
      "TABLE", "THEN", "TIME", "TIMESTAMP", "TRANSACTION", "TRUE", "UNION", "UNIQUE", "UPDATE",
      "USING", "VALUES", "VARCHAR", "VERSION", "VIEW", "WHEN", "WHERE", "WITH"));

  private SqlKeywords() {}

  static boolean isKeyword(String word) {
    return ALL.contains(word.toUpperCase(java.util.Locale.ROOT));
  }
}

package io.strata.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact text of the error for typical mistakes: position, offending token and what was
 * expected. A change in these messages is a change users see.
 */
class ParseErrorMessagesTest {
  static Stream<Arguments> mistakes() {
    String[][] cases = {
        {"SELECT * FROM",
         "line 1:14: mismatched input '<EOF>'. Expecting: <identifier>, '('"},
        {"SELECT * FROM WHERE a = 1",
         "line 1:15: mismatched input 'WHERE'. Expecting: <identifier>, '('"},
        {"SELECT a, FROM t",
         "line 1:11: mismatched input 'FROM'. Expecting: <expression>, '*'"},
        {"SELECT a,, b FROM t",
         "line 1:10: mismatched input ','. Expecting: <expression>, '*'"},
        {"SELECT a FROM t,",
         "line 1:17: mismatched input '<EOF>'. Expecting: <identifier>, '('"},
        {"SELECT 'abc FROM t",
         "line 1:8: unterminated string literal"},
        {"SELECT \"abc FROM t",
         "line 1:8: unterminated quoted identifier"},
        {"SELECT * FROM t /* comment",
         "line 1:17: unterminated comment"},
        {"SELECT a # b FROM t",
         "line 1:10: unexpected character '#'"},
        {"SELCT * FROM t",
         "line 1:1: mismatched input 'SELCT'. Expecting: 'ALTER', 'BEGIN', 'COMMIT', 'CREATE', 'DELETE', 'DROP', 'EXPLAIN', 'INSERT', 'REINDEX', 'RELEASE', 'REPLACE', 'ROLLBACK', ..."},
        {"SELECT * FORM t",
         "line 1:10: mismatched input 'FORM'. Expecting: 'EXCEPT', 'FETCH', 'FROM', 'GROUP', 'HAVING', 'INTERSECT', 'LIMIT', 'OFFSET', 'ORDER', 'UNION', 'WHERE', ',', ..."},
        {"SELECT * FROM t WHER a = 1",
         "line 1:22: mismatched input 'a'. Expecting: 'CROSS', 'EXCEPT', 'FETCH', 'FULL', 'GROUP', 'HAVING', 'INNER', 'INTERSECT', 'JOIN', 'LEFT', 'LIMIT', 'NATURAL', ..."},
        {"SELECT * FROM t ORDER a",
         "line 1:23: mismatched input 'a'. Expecting: 'BY'"},
        {"SELECT * FROM t GROUP a",
         "line 1:23: mismatched input 'a'. Expecting: 'BY'"},
        {"SELECT * FROM t WHERE",
         "line 1:22: mismatched input '<EOF>'. Expecting: <expression>"},
        {"SELECT * FROM t WHERE a =",
         "line 1:26: mismatched input '<EOF>'. Expecting: <expression>"},
        {"SELECT (1 + 2 FROM t",
         "line 1:15: mismatched input 'FROM'. Expecting: 'AND', 'BETWEEN', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', ')', '*', '+', '-', ..."},
        {"SELECT 1 + 2) FROM t",
         "line 1:13: mismatched input ')'. Expecting: <identifier>, 'AND', 'AS', 'BETWEEN', 'EXCEPT', 'FETCH', 'FROM', 'GROUP', 'HAVING', 'IN', 'INTERSECT', 'IS', ..."},
        {"SELECT COUNT(* FROM t",
         "line 1:16: mismatched input 'FROM'. Expecting: ')'"},
        {"SELECT CASE WHEN a THEN 1 FROM t",
         "line 1:27: mismatched input 'FROM'. Expecting: 'AND', 'BETWEEN', 'ELSE', 'END', 'IN', 'IS', 'LIKE', 'NOT', 'OR', 'WHEN', '%', '*', ..."},
        {"SELECT CAST(a INTEGER) FROM t",
         "line 1:15: mismatched input 'INTEGER'. Expecting: 'AND', 'AS', 'BETWEEN', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', '*', '+', '-', ..."},
        {"SELECT * FROM t WHERE a BETWEEN 1",
         "line 1:34: mismatched input '<EOF>'. Expecting: 'AND', '%', '*', '+', '-', '/', '||'"},
        {"SELECT * FROM t WHERE a IN (1, 2",
         "line 1:33: mismatched input '<EOF>'. Expecting: 'AND', 'BETWEEN', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', ')', '*', '+', ',', ..."},
        {"SELECT * FROM t WHERE a NOT NULL",
         "line 1:29: mismatched input 'NULL'. Expecting: 'BETWEEN', 'IN', 'LIKE'"},
        {"SELECT 1 SELECT 2",
         "line 1:10: mismatched input 'SELECT'. Expecting: <identifier>, 'AND', 'AS', 'BETWEEN', 'EXCEPT', 'FETCH', 'FROM', 'GROUP', 'HAVING', 'IN', 'INTERSECT', 'IS', ..."},
        {"SELECT * FROM t UNION",
         "line 1:22: mismatched input '<EOF>'. Expecting: 'ALL', 'DISTINCT', 'SELECT', 'VALUES', '('"},
        {"WITH x AS SELECT 1 SELECT * FROM x",
         "line 1:11: mismatched input 'SELECT'. Expecting: '('"},
        {"SELECT * FROM a JOIN b",
         "line 1:23: mismatched input '<EOF>'. Expecting: <identifier>, 'AS', 'ON', 'USING', '.'"},
        {"SELECT * FROM a LEFT JOIN b USING a",
         "line 1:35: mismatched input 'a'. Expecting: '('"},
        {"SELECT * FROM t LIMIT",
         "line 1:22: mismatched input '<EOF>'. Expecting: <expression>"},
        {"INSERT t VALUES (1)",
         "line 1:8: mismatched input 't'. Expecting: 'INTO', 'OR'"},
        {"INSERT INTO t VALUES (1, 2",
         "line 1:27: mismatched input '<EOF>'. Expecting: 'AND', 'BETWEEN', 'IN', 'IS', 'LIKE', 'NOT', 'OR', '%', ')', '*', '+', ',', ..."},
        {"INSERT INTO t (a, b VALUES (1, 2)",
         "line 1:21: mismatched input 'VALUES'. Expecting: ')', ','"},
        {"UPDATE t SET WHERE a = 1",
         "line 1:14: mismatched input 'WHERE'. Expecting: <identifier>"},
        {"UPDATE t a = 1",
         "line 1:12: mismatched input '='. Expecting: 'SET'"},
        {"DELETE t WHERE a = 1",
         "line 1:8: mismatched input 't'. Expecting: 'FROM'"},
        {"CREATE TABLE t ()",
         "line 1:17: mismatched input ')'. Expecting: <identifier>, 'CHECK', 'CONSTRAINT', 'FOREIGN', 'PRIMARY', 'UNIQUE'"},
        {"CREATE TABLE t (a INTEGER,)",
         "line 1:27: mismatched input ')'. Expecting: <identifier>, 'CHECK', 'CONSTRAINT', 'FOREIGN', 'PRIMARY', 'UNIQUE'"},
        {"CREATE TABLE t (a FOO)",
         "line 1:19: unknown data type 'FOO'"},
        {"CREATE TABLE t (a VARCHAR(x))",
         "line 1:27: mismatched input 'x'. Expecting: <integer>"},
        {"CREATE TABLE t (a INTEGER(5))",
         "line 1:19: data type 'INTEGER' does not take these arguments"},
        {"CREATE TABLE (a INTEGER)",
         "line 1:14: mismatched input '('. Expecting: <identifier>"},
        {"CREATE INDEX ON t (a)",
         "line 1:14: mismatched input 'ON'. Expecting: <identifier>"},
        {"DROP TABLE",
         "line 1:11: mismatched input '<EOF>'. Expecting: <identifier>"},
        {"DROP TABEL t",
         "line 1:6: mismatched input 'TABEL'. Expecting: 'INDEX', 'TABLE', 'TRIGGER', 'VIEW'"},
        {"SELECT * FROM t AS OF 3",
         "line 1:23: mismatched input '3'. Expecting: 'TIMESTAMP', 'VERSION'"},
        {"SELECT * FROM t AS OF VERSION",
         "line 1:30: mismatched input '<EOF>'. Expecting: <expression>"},
        {"SET AS OF",
         "line 1:10: mismatched input '<EOF>'. Expecting: 'LATEST', 'TIMESTAMP', 'VERSION'"},
        {"ROLLBACK TO",
         "line 1:12: mismatched input '<EOF>'. Expecting: <identifier>"},
        {"SELECT DATE 'not a date'",
         "line 1:13: invalid DATE literal 'not a date'"},
        {"SELECT X'ABC'",
         "line 1:8: binary literal needs an even number of hex digits"},
        {"SELECT X'GG'",
         "line 1:8: binary literal has a character that is not a hex digit"},
        {"SELECT a\nFROM t\nWHERE a = 1\n  AND b =\nORDER BY 1",
         "line 5:1: mismatched input 'ORDER'. Expecting: <expression>"},
        {"SELECT a FROM t WHERE a = 1 ORDER BY a LIMIT 1 junk",
         "line 1:48: mismatched input 'junk'. Expecting: 'AND', 'BETWEEN', 'IN', 'IS', 'LIKE', 'NOT', 'OFFSET', 'OR', '%', '*', '+', '-', ..."},
    };
    return Stream.of(cases).map(c -> Arguments.of(c[0], c[1]));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void message(String sql, String expected) {
    SqlParseException e = assertThrows(SqlParseException.class, () -> StrataSqlParser.parse(sql));
    assertEquals(expected, e.getMessage());
    assertEquals(expected, "line " + e.line() + ":" + e.column() + ": " + e.detail());
  }
}

package io.strata.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parse, unparse with {@link StrataSqlDialect}, parse again: the two trees must be equal. The
 * corpus covers every construct of the grammar.
 */
class RoundTripTest {
  static List<String> corpus() {
    return List.of(
        // SELECT list, DISTINCT / ALL, aliases, stars
        "SELECT a, b AS x, c y, *, t.*, s.t.* FROM t",
        "SELECT DISTINCT a FROM t",
        "SELECT ALL a FROM t",
        "SELECT 1",
        "SELECT \"Quoted Name\", \"with \"\"quotes\"\"\" FROM \"T\"",
        "SELECT MixedCase, lower_case FROM Tab",
        // FROM: comma joins, joins, subqueries
        "SELECT * FROM a, b, c",
        "SELECT * FROM a JOIN b ON a.x = b.x",
        "SELECT * FROM a INNER JOIN b ON a.x = b.x",
        "SELECT * FROM a LEFT JOIN b ON a.x = b.x LEFT OUTER JOIN c ON c.y = b.y",
        "SELECT * FROM a RIGHT OUTER JOIN b USING (x, y)",
        "SELECT * FROM a FULL JOIN b ON TRUE",
        "SELECT * FROM a CROSS JOIN b",
        "SELECT * FROM a NATURAL JOIN b",
        "SELECT * FROM a NATURAL LEFT JOIN b",
        "SELECT * FROM a, b JOIN c ON b.x = c.x",
        "SELECT * FROM (SELECT 1 AS one) AS s",
        "SELECT * FROM (SELECT 1) s (one)",
        "SELECT * FROM a AS x (p, q)",
        "SELECT * FROM (a JOIN b ON a.x = b.x) JOIN c ON c.y = a.y",
        "SELECT * FROM a JOIN (b JOIN c ON b.x = c.x) ON a.x = b.x",
        // WHERE, GROUP BY, HAVING, ORDER BY, LIMIT
        "SELECT a, COUNT(*) FROM t WHERE b > 1 GROUP BY a HAVING COUNT(*) > 2",
        "SELECT a FROM t GROUP BY a, b + 1",
        "SELECT a AS x FROM t ORDER BY x, 2 DESC, a + 1 ASC NULLS FIRST, b DESC NULLS LAST",
        "SELECT a FROM t ORDER BY a LIMIT 10",
        "SELECT a FROM t LIMIT 10 OFFSET 5",
        "SELECT a FROM t OFFSET 5 ROWS",
        "SELECT a FROM t OFFSET 5 ROWS FETCH NEXT 3 ROWS ONLY",
        "SELECT a FROM t FETCH FIRST 3 ROWS ONLY",
        "SELECT a FROM t FETCH FIRST ROW ONLY",
        "SELECT a FROM t ORDER BY a LIMIT ?",
        // set operations
        "SELECT a FROM t UNION SELECT b FROM u",
        "SELECT a FROM t UNION ALL SELECT b FROM u",
        "SELECT a FROM t UNION DISTINCT SELECT b FROM u",
        "SELECT a FROM t INTERSECT SELECT b FROM u",
        "SELECT a FROM t INTERSECT ALL SELECT b FROM u",
        "SELECT a FROM t EXCEPT SELECT b FROM u",
        "SELECT a FROM t EXCEPT ALL SELECT b FROM u",
        "SELECT a FROM t UNION SELECT b FROM u INTERSECT SELECT c FROM v",
        "SELECT a FROM t EXCEPT SELECT b FROM u UNION SELECT c FROM v",
        "SELECT a FROM t UNION (SELECT b FROM u EXCEPT SELECT c FROM v)",
        "(SELECT a FROM t UNION SELECT b FROM u) INTERSECT SELECT c FROM v",
        "SELECT a FROM t UNION SELECT b FROM u ORDER BY 1 LIMIT 2",
        "(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u ORDER BY b LIMIT 1)",
        // WITH, VALUES
        "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
        "WITH x (a, b) AS (SELECT 1, 2), y AS (SELECT * FROM x) SELECT * FROM x, y",
        "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT n FROM r",
        "VALUES (1, 'a'), (2, 'b')",
        "VALUES ROW(1, 2)",
        "SELECT * FROM (VALUES (1), (2)) AS v (x)",
        // subqueries
        "SELECT (SELECT MAX(b) FROM u WHERE u.a = t.a) FROM t",
        "SELECT * FROM t WHERE a IN (SELECT b FROM u)",
        "SELECT * FROM t WHERE a NOT IN (SELECT b FROM u)",
        "SELECT * FROM t WHERE a IN (1, 2, 3) AND b NOT IN ('x', 'y')",
        "SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a)",
        "SELECT * FROM t WHERE NOT EXISTS (SELECT * FROM u)",
        // expressions
        "SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END FROM t",
        "SELECT CASE WHEN a > 1 THEN 1 END FROM t",
        "SELECT CAST(a AS INTEGER), CAST(b AS VARCHAR(10)), CAST(c AS DECIMAL(10, 2)) FROM t",
        "SELECT CAST(a AS REAL), CAST(a AS DOUBLE), CAST(a AS FLOAT), CAST(a AS BIGINT) FROM t",
        "SELECT CAST(a AS TEXT), CAST(a AS BOOLEAN), CAST(a AS DATE), CAST(a AS TIMESTAMP) FROM t",
        "SELECT * FROM t WHERE a BETWEEN 1 AND 10 AND b NOT BETWEEN c AND d + 1",
        "SELECT * FROM t WHERE a BETWEEN SYMMETRIC 10 AND 1",
        "SELECT * FROM t WHERE a LIKE 'x%' AND b NOT LIKE '_y' AND c LIKE 'a!%' ESCAPE '!'",
        "SELECT * FROM t WHERE a IS NULL OR b IS NOT NULL",
        "SELECT * FROM t WHERE a IS DISTINCT FROM b AND c IS NOT DISTINCT FROM d",
        "SELECT COALESCE(a, b, 0), NULLIF(a, 0) FROM t",
        "SELECT - a, + b, - + - 26, - - a, + + 44, - (- 1) FROM t",
        "SELECT a || b || 'c', a + b * c - d / e % f FROM t",
        "SELECT (a + b) * c, a - (b - c), a / (b * c), - (a + b) FROM t",
        "SELECT * FROM t WHERE NOT a = 1 AND (b = 2 OR c = 3) OR NOT (d <> 4)",
        "SELECT * FROM t WHERE a = 1 AND b != 2 AND c < 3 AND d <= 4 AND e > 5 AND f >= 6",
        "SELECT * FROM t WHERE (a = b) = (c = d)",
        "SELECT * FROM t WHERE a = b BETWEEN c AND d",
        "SELECT * FROM t WHERE (a IS NULL) IS NULL",
        "SELECT NOT NULL IS NULL, NOT a BETWEEN 1 AND 2 FROM t",
        "SELECT COUNT(*), COUNT(a), COUNT(DISTINCT a), SUM(ALL a), AVG(a), MIN(a), MAX(a) FROM t",
        "SELECT abs(a), lower(b), my_schema.my_fn(a, b), now() FROM t",
        "SELECT 1, 12345678901234567890, 1.5, .5, 1., 1e5, 1.5E-3, 2E+10 FROM t",
        "SELECT 'it''s', '', 'multi\nline', 'ünïcödé' FROM t",
        "SELECT NULL, TRUE, FALSE, X'CAFE', x''",
        "SELECT DATE '2026-11-25', TIME '10:00:00', TIMESTAMP '2026-11-25 10:00:00.123'",
        "SELECT * FROM t WHERE a = ? AND b IN (?, ?)",
        "SELECT ROW(1, 2)",
        // DDL
        "CREATE TABLE t (a INTEGER, b INT, c BIGINT, d SMALLINT, e REAL, f DOUBLE, g FLOAT)",
        "CREATE TABLE t (a DECIMAL(10, 2), b NUMERIC, c VARCHAR(20), d CHAR(3), e TEXT, f BOOLEAN)",
        "CREATE TABLE t (a DATE, b TIME, c TIMESTAMP, d BLOB, e VARBINARY(16), f DOUBLE PRECISION)",
        "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, name VARCHAR(10) NOT NULL UNIQUE)",
        "CREATE TABLE t (a INTEGER DEFAULT 0, b VARCHAR(5) DEFAULT 'x' CHECK (b <> ''), c INTEGER DEFAULT -1)",
        "CREATE TABLE t (a INTEGER, b INTEGER, PRIMARY KEY (a, b), UNIQUE (b), CHECK (a < b))",
        "CREATE TABLE t (a INTEGER, CONSTRAINT pk PRIMARY KEY (a), CONSTRAINT ck CHECK (a > 0))",
        "CREATE TABLE t (a INTEGER, FOREIGN KEY (a) REFERENCES u (b), FOREIGN KEY (a) REFERENCES v)",
        "CREATE TABLE t AS SELECT a, b FROM u WHERE a > 1",
        "CREATE TABLE IF NOT EXISTS t AS SELECT 1 AS one",
        "DROP TABLE t",
        "DROP TABLE IF EXISTS s.t CASCADE",
        "CREATE INDEX i ON t (a)",
        "CREATE UNIQUE INDEX IF NOT EXISTS i ON t (a DESC, b ASC, c)",
        "DROP INDEX i",
        "DROP INDEX IF EXISTS i",
        "CREATE VIEW v AS SELECT a FROM t",
        "CREATE VIEW IF NOT EXISTS v (x, y) AS SELECT a, b FROM t UNION SELECT 1, 2",
        "DROP VIEW v",
        "DROP VIEW IF EXISTS v CASCADE",
        "ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT 1",
        "ALTER TABLE t ADD d VARCHAR(3)",
        "ALTER TABLE t DROP COLUMN c",
        "ALTER TABLE t DROP c",
        "ALTER TABLE t RENAME COLUMN a TO b",
        "ALTER TABLE t RENAME TO u",
        "CREATE TRIGGER tr BEFORE UPDATE ON t BEGIN SELECT 1; DELETE FROM u; END",
        "DROP TRIGGER tr",
        "REINDEX i",
        "REINDEX",
        // DML
        "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
        "INSERT INTO t (a, b) VALUES (?, ?)",
        "INSERT INTO t SELECT * FROM u",
        "INSERT INTO t (a) WITH x AS (SELECT 1) SELECT * FROM x",
        "INSERT OR REPLACE INTO t VALUES (1, 'x')",
        "REPLACE INTO t VALUES (1, 'x')",
        "UPDATE t SET a = 1",
        "UPDATE t SET a = a + 1, b = 'x' WHERE c IS NULL",
        "UPDATE t AS x SET a = 1 WHERE x.b = 2",
        "DELETE FROM t",
        "DELETE FROM t WHERE a IN (SELECT b FROM u)",
        "DELETE FROM t x WHERE x.a = 1",
        // transactions
        "BEGIN", "BEGIN TRANSACTION", "START TRANSACTION", "START TRANSACTION READ ONLY",
        "START TRANSACTION READ WRITE", "COMMIT", "COMMIT WORK", "ROLLBACK", "SAVEPOINT s1",
        "RELEASE SAVEPOINT s1", "RELEASE s1", "ROLLBACK TO SAVEPOINT s1", "ROLLBACK TO s1",
        // time travel
        "SELECT * FROM t AS OF VERSION 3",
        "SELECT * FROM t AS OF VERSION 3 AS x",
        "SELECT * FROM t AS OF VERSION 3 x JOIN t AS OF VERSION 4 y ON x.id = y.id",
        "SELECT * FROM t AS OF TIMESTAMP '2026-11-25 10:00:00'",
        "SELECT * FROM t AS OF TIMESTAMP TIMESTAMP '2026-11-25 10:00:00' AS old",
        "SELECT * FROM t FOR SYSTEM_TIME AS OF TIMESTAMP '2026-11-25 10:00:00'",
        "SELECT * FROM t FOR SYSTEM_TIME AS OF ? AS x, u",
        "SELECT * FROM t WHERE a IN (SELECT a FROM t AS OF VERSION ? + 1)",
        "SET AS OF VERSION 42", "SET AS OF TIMESTAMP '2026-11-25 10:00:00'", "SET AS OF LATEST",
        // EXPLAIN
        "EXPLAIN SELECT * FROM t",
        "EXPLAIN INSERT INTO t VALUES (1)",
        "EXPLAIN PLAN FOR SELECT 1",
        "EXPLAIN PLAN EXCLUDING ATTRIBUTES WITHOUT IMPLEMENTATION AS JSON FOR SELECT 1",
        "EXPLAIN PLAN INCLUDING ALL ATTRIBUTES WITH TYPE AS XML FOR SELECT 1",
        // comments and keywords as names
        "SELECT a -- trailing comment\n FROM /* block\ncomment */ t",
        "SELECT version, timestamp, date, text, key, first, last FROM view",
        "CREATE TABLE index (version INTEGER, key TEXT)");
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void roundTrips(String sql) {
    SqlNode first = StrataSqlParser.parseStatement(sql);
    String unparsed = first.toSqlString(StrataSqlDialect.DEFAULT).getSql();
    SqlNode second;
    try {
      second = StrataSqlParser.parseStatement(unparsed);
    } catch (SqlParseException e) {
      throw new AssertionError("unparsed form does not parse: " + unparsed, e);
    }
    assertTrue(first.equalsDeep(second, Litmus.IGNORE),
        () -> "trees differ\n  sql:      " + sql + "\n  unparsed: " + unparsed
            + "\n  reparsed: " + second.toSqlString(StrataSqlDialect.DEFAULT).getSql());
  }
}

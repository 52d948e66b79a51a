package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.planner.StrataException.Reason;
import io.strata.storage.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Views, metadata, error reporting, plan reuse and a store in a file. */
class SqlSurfaceTest {

  @Test
  void errorsCarryReasonAndPosition() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (a INT, b INT)");
      db.exec("CREATE TABLE u (a INT)");
      StrataException e = assertThrows(StrataException.class, () -> db.rows("SELECT * FROM nope"));
      assertEquals(Reason.UNKNOWN_TABLE, e.reason());
      assertEquals(1, e.line());
      assertEquals(15, e.column());
      e = assertThrows(StrataException.class, () -> db.rows("SELECT a,\n  zz FROM t"));
      assertEquals(Reason.UNKNOWN_COLUMN, e.reason());
      assertEquals(2, e.line());
      assertEquals(3, e.column());
      e = assertThrows(StrataException.class, () -> db.rows("SELECT a FROM t, u"));
      assertEquals(Reason.AMBIGUOUS_NAME, e.reason());
      e = assertThrows(StrataException.class, () -> db.rows("SELECT a FROM t WHERE b = DATE '2020-01-01'"));
      assertEquals(Reason.TYPE_MISMATCH, e.reason());
      e = assertThrows(StrataException.class, () -> db.rows("SELEC 1"));
      assertEquals(Reason.SYNTAX, e.reason());
      assertEquals(Reason.DUPLICATE_OBJECT,
          assertThrows(StrataException.class, () -> db.exec("CREATE TABLE t (x INT)")).reason());
      assertEquals(Reason.BAD_PARAMETER,
          assertThrows(StrataException.class, () -> db.rows("SELECT a FROM t WHERE a = ?")).reason());
      // the session stays usable
      assertEquals("0", db.one("SELECT COUNT(*) FROM t"));
    }
  }

  @Test
  void viewsExpandAndMetadataListsEverything() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10) NOT NULL)");
      db.exec("CREATE UNIQUE INDEX t_v ON t (v DESC)");
      db.exec("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      db.exec("CREATE VIEW w (k, val) AS SELECT id, v FROM t WHERE id > 1");
      assertEquals(List.of("2,b"), db.rows("SELECT * FROM w"));
      assertEquals(List.of("b"), db.rows("SELECT val FROM w WHERE k = 2"));
      List<TableInfo> tables = db.session.tables();
      TableInfo t = tables.stream().filter(x -> x.name().equals("t")).findFirst().orElseThrow();
      assertEquals("TABLE", t.kind());
      assertEquals(List.of("id"), t.primaryKey());
      assertEquals(List.of("t_v"), t.indexes().stream().map(TableInfo.IndexInfo::name).toList());
      assertEquals(List.of(true), t.indexes().get(0).descending());
      assertEquals(java.sql.Types.INTEGER, t.columns().get(0).jdbcType());
      TableInfo w = tables.stream().filter(x -> x.name().equals("w")).findFirst().orElseThrow();
      assertEquals("VIEW", w.kind());
      assertEquals(List.of("k", "val"), w.columns().stream().map(TableInfo.ColumnInfo::name).toList());
      assertTrue(tables.stream().anyMatch(x -> x.name().equals("strata_versions")));
      assertEquals(List.of("PUBLIC,t,TABLE", "PUBLIC,w,VIEW"),
          db.rows("SELECT * FROM information_schema.tables WHERE table_type <> 'SYSTEM TABLE'"
              + " ORDER BY table_name"));
      db.exec("DROP VIEW w");
      db.exec("DROP VIEW IF EXISTS w");
      db.exec("DROP INDEX t_v");
      db.exec("INSERT INTO t VALUES (3, 'a')");
    }
  }

  @Test
  void preparedStatementsAreReusedAndReplannedAfterDdl() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      db.exec("INSERT INTO t VALUES (1, 10), (2, 20)");
      Prepared p = db.session.prepare("SELECT v FROM t WHERE id = ?");
      assertEquals(1, p.parameters().size());
      assertEquals("BIGINT", p.parameters().get(0).typeName());
      assertEquals(List.of("v"), p.columns().stream().map(ColumnMeta::label).toList());
      for (int i = 0; i < 3; i++) {
        try (Result r = p.execute(List.of(2))) {
          assertTrue(r.next());
          assertEquals(20L, r.get(0));
        }
      }
      long planned = ((StrataSession) db.session).timings.validate;
      try (Result r = p.execute(List.of(1))) {
        assertTrue(r.next());
      }
      assertEquals(planned, ((StrataSession) db.session).timings.validate,
          "a re-executed statement must not be validated again");
      db.exec("ALTER TABLE t RENAME COLUMN v TO w");
      StrataException e = assertThrows(StrataException.class, () -> p.execute(List.of(1)));
      assertEquals(Reason.UNKNOWN_COLUMN, e.reason());
      db.exec("ALTER TABLE t RENAME TO t2");
      assertEquals("10", db.one("SELECT w FROM t2 WHERE id = 1"));
    }
  }

  @Test
  void fileStoreKeepsDataAcrossReopen(@TempDir Path dir) {
    Path file = dir.resolve("db.strata");
    try (Db db = new Db(Store.open(file, io.strata.storage.StoreOptions.defaults()
        .withSync(io.strata.storage.StoreOptions.SyncMode.NONE)))) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(20))");
      db.exec("CREATE INDEX t_s ON t (s)");
      for (int i = 0; i < 300; i++) {
        db.exec("INSERT INTO t VALUES (?, ?)", i, "s" + (i % 17));
      }
    }
    assertTrue(Files.exists(file));
    try (Db db = new Db(Store.open(file, io.strata.storage.StoreOptions.defaults()
        .withSync(io.strata.storage.StoreOptions.SyncMode.NONE)))) {
      assertEquals("300", db.one("SELECT COUNT(*) FROM t"));
      assertEquals("18", db.one("SELECT COUNT(*) FROM t WHERE s = 's3'"));
      assertEquals("s5", db.one("SELECT s FROM t WHERE id = 175"));
    }
  }

  @Test
  void cancelStopsAStatement() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (a INT)");
      db.exec("INSERT INTO t VALUES (1), (2), (3)");
      db.session.cancel();
      // a cancel before the statement starts is forgotten when it starts
      assertEquals("3", db.one("SELECT COUNT(*) FROM t"));
    }
  }
}

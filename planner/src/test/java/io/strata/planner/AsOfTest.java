package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.planner.StrataException.Reason;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AsOfTest {

  @Test
  void tableLevelVersionsAndSchemaOfThatTime() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      db.exec("INSERT INTO t VALUES (1, 10)");
      long v1 = db.store.latestVersion();
      db.exec("UPDATE t SET v = 20 WHERE id = 1");
      db.exec("ALTER TABLE t ADD COLUMN extra VARCHAR(5)");
      db.exec("INSERT INTO t VALUES (2, 30, 'x')");
      assertEquals(List.of("1,10"), db.rows("SELECT * FROM t AS OF VERSION " + v1));
      assertEquals(List.of("1,20,NULL", "2,30,x"), db.rows("SELECT * FROM t ORDER BY id"));
      // the column added later is unknown at v1
      StrataException e = assertThrows(StrataException.class,
          () -> db.rows("SELECT extra FROM t AS OF VERSION " + v1));
      assertEquals(Reason.UNKNOWN_COLUMN, e.reason());
      // now against then in one query
      assertEquals(List.of("1,20,10"), db.rows("SELECT n.id, n.v, o.v FROM t n JOIN t AS OF VERSION "
          + v1 + " o ON n.id = o.id"));
      assertEquals(List.of("1,10"),
          db.rows("SELECT id, v FROM t FOR SYSTEM_TIME AS OF TIMESTAMP '"
              + commitTime(db, v1).toString().replace('T', ' ') + "'"));
    }
  }

  @Test
  void preparedAsOfStatementsTakeParameters() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, v INT)");
      db.exec("INSERT INTO t VALUES (1, 10), (2, 20)");
      long v1 = db.store.latestVersion();
      db.exec("UPDATE t SET v = 11 WHERE id = 1");
      Prepared byKey = db.session.prepare("SELECT v FROM t AS OF VERSION " + v1 + " WHERE id = ?");
      // a literal version is resolved at prepare time: the plan is made once and types its ?
      assertEquals(1, byKey.parameters().size());
      assertEquals(java.sql.Types.BIGINT, byKey.parameters().get(0).jdbcType());
      assertEquals(List.of("10"), Db.rows(db.session, byKey.sql(), 1L));
      Prepared byVersion = db.session.prepare("SELECT v FROM t AS OF VERSION ? WHERE id = ?");
      assertEquals(2, byVersion.parameters().size());
      assertEquals(List.of("10"), Db.rows(db.session, byVersion.sql(), v1, 1L));
      assertEquals(List.of("11"), Db.rows(db.session, byVersion.sql(), v1 + 1, 1L));
    }
  }

  private static LocalDateTime commitTime(Db db, long v) {
    return LocalDateTime.ofInstant(db.store.version(v).orElseThrow().commitTime(),
        ZoneId.systemDefault()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  @Test
  void droppedTableIsReadableWhereItExisted() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE gone (a INT)");
      db.exec("INSERT INTO gone VALUES (1), (2)");
      long v = db.store.latestVersion();
      db.exec("DROP TABLE gone");
      assertEquals(Reason.UNKNOWN_TABLE,
          assertThrows(StrataException.class, () -> db.rows("SELECT * FROM gone")).reason());
      assertEquals("2", db.one("SELECT COUNT(*) FROM gone AS OF VERSION " + v));
    }
  }

  @Test
  void versionsOutsideTheRetainedRangeAreErrors() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (a INT)");
      long latest = db.store.latestVersion();
      StrataException e = assertThrows(StrataException.class,
          () -> db.rows("SELECT * FROM t AS OF VERSION " + (latest + 5)));
      assertEquals(Reason.VERSION_NOT_AVAILABLE, e.reason());
      assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
      e = assertThrows(StrataException.class,
          () -> db.rows("SELECT * FROM t AS OF TIMESTAMP '1999-01-01 00:00:00'"));
      assertEquals(Reason.VERSION_NOT_AVAILABLE, e.reason());
      e = assertThrows(StrataException.class,
          () -> db.rows("SELECT * FROM t AS OF TIMESTAMP '2999-01-01 00:00:00'"));
      assertEquals(Reason.VERSION_NOT_AVAILABLE, e.reason());
    }
  }

  @Test
  void sessionLevelAsOfIsReadOnly() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (a INT)");
      db.exec("INSERT INTO t VALUES (1)");
      long v = db.store.latestVersion();
      db.exec("INSERT INTO t VALUES (2)");
      db.exec("SET AS OF VERSION " + v);
      assertEquals(OptionalLong.of(v), db.session.asOfVersion());
      assertEquals("1", db.one("SELECT COUNT(*) FROM t"));
      StrataException e = assertThrows(StrataException.class,
          () -> db.exec("INSERT INTO t VALUES (3)"));
      assertEquals(Reason.READ_ONLY, e.reason());
      db.exec("SET AS OF LATEST");
      assertEquals("2", db.one("SELECT COUNT(*) FROM t"));
      db.session.setAsOfVersion(OptionalLong.of(v));
      assertEquals("1", db.one("SELECT COUNT(*) FROM t"));
      db.session.setAsOfVersion(OptionalLong.empty());
    }
  }

  @Test
  void versionsSystemTableRecordsWhatChanged() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (a INT)");
      db.exec("INSERT INTO t VALUES (1)");
      List<String> notes = db.rows("SELECT note FROM strata_versions ORDER BY version");
      assertTrue(notes.contains("CREATE TABLE t"), notes.toString());
      assertTrue(notes.contains("INSERT t"), notes.toString());
      assertEquals("t,a,BIGINT", db.one("SELECT table_name, column_name, data_type"
          + " FROM information_schema.columns").replace("INTEGER", "BIGINT"));
    }
  }
}

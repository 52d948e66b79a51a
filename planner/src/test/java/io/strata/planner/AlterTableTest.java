package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.planner.StrataException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ALTER TABLE ADD COLUMN: existing rows, defaults, constraints and the versions before it. */
class AlterTableTest {

  @Test
  void addColumnWithDefaultFillsTheRowsAlreadyThere() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY, a INT)");
      db.exec("INSERT INTO t VALUES (1, 10), (2, 20)");
      long before = Long.parseLong(db.one("SELECT MAX(version) FROM strata_versions"));
      db.exec("ALTER TABLE t ADD COLUMN status VARCHAR(8) NOT NULL DEFAULT 'new'");
      db.exec("ALTER TABLE t ADD COLUMN score INT DEFAULT 2 * 21");
      db.exec("INSERT INTO t (id, a) VALUES (3, 30)");
      db.exec("INSERT INTO t VALUES (4, 40, 'old', NULL)");
      assertEquals(List.of("1,10,new,42", "2,20,new,42", "3,30,new,42", "4,40,old,NULL"),
          db.rows("SELECT id, a, status, score FROM t ORDER BY id"));
      // the version before the ALTER has neither the column nor its values
      assertEquals(Reason.UNKNOWN_COLUMN, assertThrows(StrataException.class,
          () -> db.rows("SELECT status FROM t AS OF VERSION " + before)).reason());
      assertEquals(List.of("1,10", "2,20"),
          db.rows("SELECT * FROM t AS OF VERSION " + before + " ORDER BY id"));
    }
  }

  @Test
  void addColumnChecksTheExistingRows() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INT PRIMARY KEY)");
      db.exec("INSERT INTO t VALUES (1)");
      assertEquals(Reason.NOT_NULL_VIOLATION, assertThrows(StrataException.class,
          () -> db.exec("ALTER TABLE t ADD COLUMN n INT NOT NULL")).reason());
      assertEquals(Reason.CHECK_VIOLATION, assertThrows(StrataException.class,
          () -> db.exec("ALTER TABLE t ADD COLUMN c INT DEFAULT -1 CHECK (c >= 0)")).reason());
      assertEquals(Reason.NOT_NULL_VIOLATION, assertThrows(StrataException.class,
          () -> db.exec("ALTER TABLE t ADD COLUMN d INT NOT NULL DEFAULT NULL")).reason());
      // each failed ALTER left the table as it was
      assertEquals(List.of("1"), db.rows("SELECT * FROM t"));
      db.exec("ALTER TABLE t ADD COLUMN c INT DEFAULT 5 CHECK (c >= 0)");
      assertEquals(List.of("1,5"), db.rows("SELECT * FROM t"));
    }
  }
}

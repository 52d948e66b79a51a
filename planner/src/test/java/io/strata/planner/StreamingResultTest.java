package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.planner.StrataException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Large autocommit query results are read as the caller advances, from their own snapshot. */
class StreamingResultTest {
  private static final int ROWS = 5000;

  private static Db filled() {
    Db db = new Db();
    db.exec("CREATE TABLE t (id INT PRIMARY KEY, d VARCHAR(12))");
    db.exec("BEGIN");
    for (int i = 1; i <= ROWS; i++) {
      db.exec("INSERT INTO t VALUES (?, ?)", i, i == 3000 ? "not a date" : "2026-01-01");
    }
    db.exec("COMMIT");
    return db;
  }

  @Test
  void aResultKeepsReadingItsSnapshotWhileOthersWrite() {
    try (Db db = filled()) {
      Prepared p = db.session.prepare("SELECT id FROM t ORDER BY id");
      try (Result r = p.execute(List.of())) {
        for (int i = 1; i <= 2000; i++) {
          assertTrue(r.next());
          assertEquals((long) i, r.get(0));
        }
        // other statements of the session, and the same statement again, run meanwhile
        db.exec("DELETE FROM t WHERE id > 10");
        assertEquals("10", db.one("SELECT COUNT(*) FROM t"));
        try (Result again = p.execute(List.of())) {
          int n = 0;
          while (again.next()) {
            n++;
          }
          assertEquals(10, n);
        }
        int seen = 2000;
        while (r.next()) {
          assertEquals((long) ++seen, r.get(0));
        }
        assertEquals(ROWS, seen);
      }
    }
  }

  @Test
  void anErrorPastTheFirstRowsEndsTheStatementAndTheSessionGoesOn() {
    try (Db db = filled()) {
      try (Result r = db.session.execute("SELECT id, CAST(d AS DATE) FROM t", List.of())) {
        StrataException e = assertThrows(StrataException.class, () -> {
          while (r.next()) {
            r.get(1);
          }
        });
        assertEquals(Reason.INVALID_DATETIME, e.reason());
        assertFalse(r.next());
      }
      assertEquals(String.valueOf(ROWS), db.one("SELECT COUNT(*) FROM t"));
    }
  }

  @Test
  void closingTheSessionClosesItsOpenResults() {
    Db db = filled();
    Result r = db.session.execute("SELECT id FROM t", List.of());
    assertTrue(r.next());
    db.session.close();
    assertEquals(Reason.CLOSED, assertThrows(StrataException.class, r::next).reason());
    db.close();
  }
}

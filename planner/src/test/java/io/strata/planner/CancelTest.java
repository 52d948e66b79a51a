package io.strata.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strata.planner.StrataException.Reason;
import java.util.AbstractList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session.cancel(): honoured in every phase of a running statement, ignored when idle. */
class CancelTest {

  @Test
  void cancelDuringParseOrPlanStopsTheStatement() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
      StrataSession s = (StrataSession) db.session;
      // the statement has begun (as on entry to execute) but is not parsed yet when cancel arrives
      s.enterStatement();
      try {
        s.cancel();
        StrataException e = assertThrows(StrataException.class,
            () -> s.execute("INSERT INTO t VALUES (1)", List.of()));
        assertEquals(Reason.CANCELLED, e.reason());
      } finally {
        s.exitStatement();
      }
      assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM t"));
    }
  }

  @Test
  void cancelWhileBindingParametersStopsTheStatement() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
      Prepared p = db.session.prepare("INSERT INTO t VALUES (?)");
      List<Object> cancelling = new AbstractList<>() {
        @Override
        public Object get(int i) {
          db.session.cancel();
          return 1;
        }

        @Override
        public int size() {
          return 1;
        }
      };
      StrataException e = assertThrows(StrataException.class, () -> p.execute(cancelling));
      assertEquals(Reason.CANCELLED, e.reason());
      assertEquals(List.of("0"), db.rows("SELECT COUNT(*) FROM t"));
      assertEquals(1, p.execute(List.of(2)).updateCount());
    }
  }

  @Test
  void cancelWithNoStatementRunningIsIgnored() {
    try (Db db = new Db()) {
      db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
      db.session.cancel();
      assertEquals(1, db.exec("INSERT INTO t VALUES (1)"));
      Prepared p = db.session.prepare("SELECT COUNT(*) FROM t");
      db.session.cancel();
      try (Result r = p.execute(List.of())) {
        r.next();
        assertEquals(1L, ((Number) r.get(0)).longValue());
      }
    }
  }
}

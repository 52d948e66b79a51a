package io.strata.tests.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JDBI 3.55.0: binding, generated keys, batches, transactions with savepoints, map results. */
class JdbiTest {
  @TempDir
  Path dir;

  @Test
  void fluentApiEndToEnd() {
    Jdbi jdbi = Jdbi.create("jdbc:strata:" + dir.resolve("jdbi.db") + ";keepAlive=true");
    // no declared primary key: the engine's row id is the generated key
    jdbi.useHandle(h -> h.execute("CREATE TABLE book (title VARCHAR(60) NOT NULL, price DECIMAL(8,2), published DATE)"));

    long first = jdbi.withHandle(h -> h.createUpdate("INSERT INTO book (title, price, published) VALUES (:t, :p, :d)")
        .bind("t", "Dune").bind("p", new BigDecimal("9.99")).bind("d", LocalDate.of(1965, 8, 1))
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    assertTrue(first > 0);

    List<Long> ids = jdbi.withHandle(h -> {
      PreparedBatch batch = h.prepareBatch("INSERT INTO book (title, price, published) VALUES (:t, :p, :d)");
      // a batch binds each name with one type on every row, so the nulls are typed
      batch.bind("t", "Emma").bind("p", new BigDecimal("5.00")).bindByType("d", null, LocalDate.class).add();
      batch.bind("t", "Ulysses").bindByType("p", null, BigDecimal.class).bind("d", LocalDate.of(1922, 2, 2)).add();
      return batch.executePreparedBatch("id").mapTo(Long.class).list();
    });
    assertEquals(2, ids.size());
    assertTrue(ids.get(0) > first && ids.get(1) > ids.get(0), ids.toString());

    jdbi.useTransaction(TransactionIsolationLevel.SERIALIZABLE, h -> {
      h.execute("UPDATE book SET price = 1 WHERE title = 'Dune'");
      h.savepoint("before_delete");
      h.execute("DELETE FROM book");
      assertEquals(0, h.createQuery("SELECT COUNT(*) FROM book").mapTo(Integer.class).one());
      h.rollbackToSavepoint("before_delete");
    });

    List<Map<String, Object>> rows = jdbi.withHandle(h ->
        h.createQuery("SELECT title, price, published FROM book ORDER BY title").mapToMap().list());
    assertEquals(3, rows.size());
    assertEquals("Dune", rows.get(0).get("title"));
    assertEquals(0, new BigDecimal("1").compareTo((BigDecimal) rows.get(0).get("price")));
    assertNull(rows.get(1).get("published"));
    assertNull(rows.get(2).get("price"));
    LocalDate d = jdbi.withHandle(h -> h.createQuery("SELECT published FROM book WHERE title = :t")
        .bind("t", "Ulysses").mapTo(LocalDate.class).one());
    assertEquals(LocalDate.of(1922, 2, 2), d);
  }
}

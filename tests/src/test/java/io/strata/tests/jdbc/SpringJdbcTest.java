package io.strata.tests.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring JDBC 7.0.10 with no container: templates, SimpleJdbcInsert, transactions and error translation. */
class SpringJdbcTest {
  @TempDir
  Path dir;

  private JdbcTemplate jdbc;
  private JdbcTransactionManager tm;

  @BeforeEach
  void setUp() {
    // keepAlive: DriverManagerDataSource opens a connection per operation; the store stays open between them
    DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:strata:" + dir.resolve("spring.db") + ";keepAlive=true");
    jdbc = new JdbcTemplate(ds);
    tm = new JdbcTransactionManager(ds);
    // no declared primary key: the engine's row id is the generated key
    jdbc.execute("CREATE TABLE account (owner VARCHAR(40) NOT NULL UNIQUE, balance DECIMAL(12,2) NOT NULL, opened DATE)");
  }

  @Test
  void templatesAndSimpleJdbcInsertWithGeneratedKeys() {
    SimpleJdbcInsert insert = new SimpleJdbcInsert(jdbc).withTableName("account").usingGeneratedKeyColumns("id");
    Number ada = insert.executeAndReturnKey(Map.of("owner", "ada", "balance", new BigDecimal("100.00"),
        "opened", LocalDate.of(2026, 1, 2)));
    Number bob = insert.executeAndReturnKey(Map.of("owner", "bob", "balance", new BigDecimal("5.50")));
    assertNotNull(ada);
    assertTrue(bob.longValue() > ada.longValue());
    int[] counts = jdbc.batchUpdate("UPDATE account SET balance = balance + ? WHERE owner = ?",
        List.of(new Object[] {new BigDecimal("1.00"), "ada"}, new Object[] {new BigDecimal("2.00"), "bob"}));
    assertEquals(List.of(1, 1), java.util.Arrays.stream(counts).boxed().toList());
    assertEquals(new BigDecimal("101.00"),
        jdbc.queryForObject("SELECT balance FROM account WHERE owner = ?", BigDecimal.class, "ada"));
    List<Map<String, Object>> rows = jdbc.queryForList("SELECT owner, opened FROM account ORDER BY owner");
    assertEquals(2, rows.size());
    assertEquals(LocalDate.of(2026, 1, 2), ((java.sql.Date) rows.get(0).get("opened")).toLocalDate());
  }

  @Test
  void transactionTemplateCommitsRollsBackAndNests() {
    TransactionTemplate tt = new TransactionTemplate(tm);
    tt.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
    tt.executeWithoutResult(s -> jdbc.update("INSERT INTO account (owner, balance) VALUES ('a', 1)"));
    assertThrows(IllegalStateException.class, () -> tt.executeWithoutResult(s -> {
      jdbc.update("INSERT INTO account (owner, balance) VALUES ('b', 1)");
      throw new IllegalStateException("abort");
    }));
    assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class));

    TransactionTemplate nested = new TransactionTemplate(tm);
    nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    tt.executeWithoutResult(outer -> {
      jdbc.update("INSERT INTO account (owner, balance) VALUES ('c', 1)");
      nested.executeWithoutResult(inner -> {
        jdbc.update("INSERT INTO account (owner, balance) VALUES ('d', 1)");
        inner.setRollbackOnly();
      });
    });
    assertEquals(List.of("a", "c"), jdbc.queryForList("SELECT owner FROM account ORDER BY owner", String.class));

    TransactionTemplate readOnly = new TransactionTemplate(tm);
    readOnly.setReadOnly(true);
    Integer seen = readOnly.execute(s -> jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class));
    assertEquals(2, seen);
    org.springframework.dao.DataAccessException ro = assertThrows(org.springframework.dao.DataAccessException.class,
        () -> readOnly.executeWithoutResult(s -> jdbc.update("INSERT INTO account (owner, balance) VALUES ('e', 1)")));
    assertEquals("25006", ((java.sql.SQLException) ro.getCause()).getSQLState());
    assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class));
  }

  @Test
  void exceptionTranslation() {
    jdbc.update("INSERT INTO account (owner, balance) VALUES ('ada', 1)");
    assertThrows(DuplicateKeyException.class,
        () -> jdbc.update("INSERT INTO account (owner, balance) VALUES ('ada', 2)"));
    assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("SELEC owner FROM account"));
    assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("SELECT owner FROM no_such_table"));
    assertThrows(DataIntegrityViolationException.class,
        () -> jdbc.update("INSERT INTO account (owner) VALUES ('nobalance')"));
  }

  @Test
  void writeConflictIsAConcurrencyFailure() {
    jdbc.update("INSERT INTO account (owner, balance) VALUES ('ada', 10)");
    TransactionTemplate tt = new TransactionTemplate(tm);
    TransactionTemplate other = new TransactionTemplate(tm);
    other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    RuntimeException e = assertThrows(RuntimeException.class, () -> tt.executeWithoutResult(s -> {
      BigDecimal seen = jdbc.queryForObject("SELECT balance FROM account WHERE owner = 'ada'", BigDecimal.class);
      // another connection commits a change to the same row after this transaction's snapshot
      other.executeWithoutResult(s2 -> jdbc.update("UPDATE account SET balance = balance + 1 WHERE owner = 'ada'"));
      jdbc.update("UPDATE account SET balance = ? WHERE owner = 'ada'", seen.add(BigDecimal.TEN));
    }));
    assertInstanceOf(ConcurrencyFailureException.class, e, e.toString());
    assertEquals(new BigDecimal("11.00"),
        jdbc.queryForObject("SELECT balance FROM account WHERE owner = 'ada'", BigDecimal.class),
        "first committer wins; the lost update was refused");
  }
}

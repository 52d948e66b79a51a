package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.storage.Store;
import io.strata.storage.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverConnectTest {
  @TempDir
  Path dir;

  @Test
  void driverManagerFindsTheDriverThroughServiceLoading() throws SQLException {
    Driver d = DriverManager.getDriver("jdbc:strata:mem:x");
    assertInstanceOf(StrataDriver.class, d);
  }

  @Test
  void fileDatabaseIsSharedAndClosedWithItsLastConnection() throws Exception {
    String url = Db.fileUrl(dir);
    String key = "file:" + Database.canonical(dir.resolve("db.strata"));
    try (Connection a = Db.open(url); Connection b = Db.open("jdbc:strata:file:" + dir.resolve("./db.strata"))) {
      Db.exec(a, "CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(20))", "INSERT INTO t VALUES (1, 'one')");
      assertEquals(1, Db.count(b, "t"), "a second connection to the same file sees the commit");
      JdbcConnection ja = a.unwrap(JdbcConnection.class);
      JdbcConnection jb = b.unwrap(JdbcConnection.class);
      assertTrue(ja.db == jb.db, "one Database (store and engine) per canonical path");
      assertTrue(Database.isOpen(key));
    }
    assertFalse(Database.isOpen(key), "closing the last connection closes the store");
    assertTrue(Files.size(dir.resolve("db.strata")) > 0);
    try (Store store = Store.open(dir.resolve("db.strata"))) {
      Verifier.Report report = Verifier.check(store);
      assertTrue(report.versions() >= 3, report.toString());
    }
    try (Connection c = Db.open(url)) {
      assertEquals(1, Db.count(c, "t"), "the data survived closing and reopening the file");
    }
  }

  @Test
  void memoryDatabaseLivesWhileAConnectionIsOpen() throws SQLException {
    String url = Db.memUrl();
    try (Connection a = Db.open(url)) {
      Db.exec(a, "CREATE TABLE t (id INTEGER PRIMARY KEY)", "INSERT INTO t VALUES (1)");
      try (Connection b = Db.open(url)) {
        assertEquals(1, Db.count(b, "t"));
      }
      assertEquals(1, Db.count(a, "t"));
    }
    try (Connection c = Db.open(url)) {
      SQLException e = assertThrows(SQLException.class, () -> Db.count(c, "t"));
      assertEquals("42P01", e.getSQLState(), "the database was dropped with its last connection");
    }
  }

  @Test
  void keepAliveKeepsAMemoryDatabase() throws SQLException {
    String url = Db.memUrl();
    try (Connection a = Db.open(url + ";keepAlive=true")) {
      Db.exec(a, "CREATE TABLE t (id INTEGER PRIMARY KEY)", "INSERT INTO t VALUES (1)");
    }
    try (Connection b = Db.open(url)) {
      assertEquals(1, Db.count(b, "t"));
    }
  }

  @Test
  void privateMemoryDatabasesAreSeparate() throws SQLException {
    try (Connection a = Db.open("jdbc:strata:mem:"); Connection b = Db.open("jdbc:strata:mem:")) {
      Db.exec(a, "CREATE TABLE t (id INTEGER PRIMARY KEY)");
      assertThrows(SQLException.class, () -> Db.count(b, "t"));
    }
  }

  @Test
  void createFalseFailsForAMissingFile() {
    SQLException e = assertThrows(SQLException.class,
        () -> Db.open("jdbc:strata:" + dir.resolve("missing.db") + ";create=false"));
    assertInstanceOf(SQLNonTransientConnectionException.class, e);
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("missing.db")));
  }

  @Test
  void unknownPropertiesAreRejectedUserAndPasswordAccepted() throws SQLException {
    SQLException e = assertThrows(SQLException.class, () -> Db.open(Db.memUrl() + ";DB_CLOSE_DELAY=-1"));
    assertTrue(e.getMessage().contains("DB_CLOSE_DELAY"), e.getMessage());
    try (Connection c = DriverManager.getConnection(Db.memUrl(), "sa", "secret")) {
      assertTrue(c.isValid(1));
    }
    Properties p = new Properties();
    p.setProperty("readOnly", "true");
    try (Connection c = DriverManager.getConnection(Db.memUrl(), p)) {
      assertTrue(c.isReadOnly());
    }
  }

  @Test
  void aLaterConnectionAskingForOtherStoreOptionsIsTold() throws SQLException {
    String url = Db.fileUrl(dir);
    try (Connection a = Db.open(url + ";sync=none")) {
      SQLException e = assertThrows(SQLException.class, () -> Db.open(url + ";sync=full"));
      assertTrue(e.getMessage().contains("sync"), e.getMessage());
      try (Connection b = Db.open(url)) {
        assertTrue(b.isValid(0), "not naming the option joins the open database");
      }
    }
  }

  @Test
  void closedConnectionSays08003() throws SQLException {
    Connection c = Db.open(Db.memUrl());
    c.close();
    c.close();
    assertTrue(c.isClosed());
    assertFalse(c.isValid(0));
    SQLException e = assertThrows(SQLException.class, c::createStatement);
    assertEquals("08003", e.getSQLState());
  }

  @Test
  void networkTimeoutSchemaAndCatalog() throws SQLException {
    try (Connection c = Db.open(Db.memUrl())) {
      c.setNetworkTimeout(Runnable::run, 1234);
      assertEquals(1234, c.getNetworkTimeout());
      assertEquals("PUBLIC", c.getSchema());
      c.setSchema("public");
      assertEquals("3F000", assertThrows(SQLException.class, () -> c.setSchema("nope")).getSQLState());
      c.setCatalog("ignored");
      assertEquals(null, c.getCatalog());
    }
  }
}

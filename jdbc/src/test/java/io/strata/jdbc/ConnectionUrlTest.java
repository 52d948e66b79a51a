package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.storage.StoreOptions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionUrlTest {

  @Test
  void absolutePath() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse("jdbc:strata:/tmp/x/db.strata", null);
    assertEquals(ConnectionUrl.Kind.FILE, u.kind);
    assertEquals(Paths.get("/tmp/x/db.strata"), u.path);
  }

  @Test
  void filePrefixRelativeIsResolvedAgainstWorkingDirectory() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse("jdbc:strata:file:data/db", null);
    assertEquals(ConnectionUrl.Kind.FILE, u.kind);
    assertEquals(Paths.get("data/db").toAbsolutePath().normalize(), u.path);
    ConnectionUrl abs = ConnectionUrl.parse("jdbc:strata:file:/var/db", null);
    assertEquals(Path.of("/var/db"), abs.path);
  }

  @Test
  void homeDirectory() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse("jdbc:strata:~/db1", null);
    assertEquals(Paths.get(System.getProperty("user.home"), "db1").normalize(), u.path);
  }

  @Test
  void memoryNamedAndPrivate() throws SQLException {
    ConnectionUrl named = ConnectionUrl.parse("jdbc:strata:mem:orders;keepAlive=true", null);
    assertEquals(ConnectionUrl.Kind.MEM, named.kind);
    assertEquals("orders", named.memName);
    assertTrue(named.bool(DriverProperty.KEEP_ALIVE));
    ConnectionUrl priv = ConnectionUrl.parse("jdbc:strata:mem:", null);
    assertEquals("", priv.memName);
    assertFalse(Database.key(priv).equals(Database.key(ConnectionUrl.parse("jdbc:strata:mem:", null))),
        "each private in-memory database has a key of its own");
  }

  @Test
  void propertiesFromUrlAndInfoUrlWins() throws SQLException {
    Properties info = new Properties();
    info.setProperty("sync", "none");
    info.setProperty("readOnly", "true");
    info.setProperty("user", "sa");
    info.setProperty("password", "");
    ConnectionUrl u = ConnectionUrl.parse("jdbc:strata:mem:a;READONLY=false;retention=last:5", info);
    assertFalse(u.bool(DriverProperty.READ_ONLY), "keys are case-insensitive and the URL wins");
    StoreOptions o = u.storeOptions();
    assertEquals(StoreOptions.SyncMode.NONE, o.sync());
    assertEquals(StoreOptions.Retention.keepLast(5), o.retention());
  }

  @Test
  void retentionDuration() throws SQLException {
    StoreOptions o = ConnectionUrl.parse("jdbc:strata:mem:a;retention=P7D", null).storeOptions();
    assertEquals(StoreOptions.Retention.keepFor(Duration.ofDays(7)), o.retention());
    assertEquals(StoreOptions.Retention.keepAll(),
        ConnectionUrl.parse("jdbc:strata:mem:a", null).storeOptions().retention());
  }

  @Test
  void unknownKeysAreRejectedByName() {
    SQLException e = assertThrows(SQLException.class,
        () -> ConnectionUrl.parse("jdbc:strata:mem:a;cache_size=10;AUTO_SERVER=TRUE", null));
    assertTrue(e instanceof SQLNonTransientConnectionException);
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'cache_size'"), e.getMessage());
    assertTrue(e.getMessage().contains("'AUTO_SERVER'"), e.getMessage());
    Properties info = new Properties();
    info.setProperty("bogus", "1");
    SQLException e2 = assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:strata:mem:a", info));
    assertTrue(e2.getMessage().contains("'bogus'"), e2.getMessage());
  }

  @Test
  void badValuesAreRejected() {
    assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:strata:mem:a;sync=sometimes", null));
    assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:strata:mem:a;retention=forever", null));
    assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:strata:mem:a;readOnly=maybe", null));
    assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:strata:mem:a;pageSize=1000", null));
    assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:strata:mem:a;asOf=yesterday", null));
    assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:strata:mem:a;noequals", null));
    assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:strata:", null));
    assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:h2:mem:a", null));
  }

  @Test
  void asOfVersionOrTimestamp() throws SQLException {
    assertEquals(new ConnectionUrl.AsOf(42, null), ConnectionUrl.parse("jdbc:strata:mem:a;asOf=42", null).asOf());
    assertEquals(new ConnectionUrl.AsOf(7, null), ConnectionUrl.parseAsOf("v7", "x"));
    assertEquals(Instant.parse("2026-11-25T10:00:00Z"),
        ConnectionUrl.parse("jdbc:strata:mem:a;asOf=2026-11-25T10:00:00Z", null).asOf().time());
    Instant local = LocalDateTime.of(2026, 11, 25, 10, 0, 1, 500_000_000).atZone(ZoneId.systemDefault()).toInstant();
    assertEquals(local, ConnectionUrl.parseAsOf("'2026-11-25 10:00:01.5'", "x").time());
    assertNull(ConnectionUrl.parse("jdbc:strata:mem:a", null).asOf());
  }

  @Test
  void propertyInfoListsEveryKnownProperty() throws SQLException {
    DriverPropertyInfo[] info = new StrataDriver().getPropertyInfo("jdbc:strata:mem:a;sync=none", null);
    assertEquals(DriverProperty.values().length, info.length);
    DriverPropertyInfo sync = Arrays.stream(info).filter(i -> i.name.equals("sync")).findFirst().orElseThrow();
    assertEquals("none", sync.value);
    assertEquals(2, sync.choices.length);
    for (String k : new String[] {"asOf", "readOnly", "sync", "retention", "create", "keepAlive", "user", "password"}) {
      assertTrue(Arrays.stream(info).anyMatch(i -> i.name.equals(k) && i.description != null), k);
    }
    // an unparseable URL still lists the properties
    assertEquals(DriverProperty.values().length, new StrataDriver().getPropertyInfo("jdbc:strata:x;zzz=1", null).length);
  }

  @Test
  void acceptsOnlyStrataUrls() {
    StrataDriver d = new StrataDriver();
    assertTrue(d.acceptsURL("jdbc:strata:mem:x"));
    assertTrue(d.acceptsURL("JDBC:STRATA:/x"));
    assertFalse(d.acceptsURL("jdbc:h2:mem:x"));
    assertFalse(d.acceptsURL(null));
  }
}

package io.strata.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:strata:} driver. Registered with {@link DriverManager} when loaded (and found
 * through {@code META-INF/services/java.sql.Driver}), so a jar on the class path is all it takes.
 */
public final class StrataDriver implements Driver {
  static final int MAJOR = 0;
  static final int MINOR = 1;
  static final String NAME = "Strata JDBC Driver";

  static {
    try {
      DriverManager.registerDriver(new StrataDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Opens a connection, or returns null for a URL that is not {@code jdbc:strata:}. */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionUrl parsed = ConnectionUrl.parse(url, info);
    Database db = Database.acquire(parsed);
    try {
      return new JdbcConnection(parsed, db);
    } catch (SQLException | RuntimeException e) {
      db.release();
      throw e instanceof SQLException s ? s : SqlStates.map(e, false);
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionUrl.accepts(url);
  }

  /** Every property the driver knows, with its current value from the URL or {@code info}. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Map<DriverProperty, String> given = Map.of();
    if (acceptsURL(url)) {
      try {
        given = ConnectionUrl.parse(url, info).props;
      } catch (SQLException e) {
        // a tool asks what it may set before the URL is complete: list the properties anyway
      }
    }
    DriverProperty[] all = DriverProperty.values();
    DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
    for (int i = 0; i < all.length; i++) {
      out[i] = all[i].info(given.get(all[i]));
    }
    return out;
  }

  @Override
  public int getMajorVersion() {
    return MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return MINOR;
  }

  /** Not yet: the driver does not pass the full JDBC compliance suite, and SQL-92 entry is partial. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("the driver does not log through java.util.logging", SqlStates.UNSUPPORTED);
  }

  static String version() {
    String v = StrataDriver.class.getPackage() != null ? StrataDriver.class.getPackage().getImplementationVersion() : null;
    return v != null ? v : MAJOR + "." + MINOR + ".0-SNAPSHOT";
  }
}

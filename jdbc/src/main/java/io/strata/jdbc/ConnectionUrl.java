package io.strata.jdbc;

import io.strata.storage.StorageException;
import io.strata.storage.StoreOptions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:strata:} URL with its properties, validated.
 *
 * <p>Forms: {@code jdbc:strata:/abs/path}, {@code jdbc:strata:file:path} (relative to the working
 * directory unless absolute; {@code ~} is the user's home), {@code jdbc:strata:mem:name} (an
 * in-memory database shared by every connection that names it; {@code jdbc:strata:mem:} alone is a
 * private one). Properties follow as {@code ;key=value} and may also come from {@link Properties};
 * the URL wins where both give a key.
 */
final class ConnectionUrl {
  static final String PREFIX = "jdbc:strata:";

  private static final DateTimeFormatter LOCAL_TIMESTAMP = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral(' ').optionalEnd()
      .optionalStart().appendLiteral('T').optionalEnd()
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .optionalEnd()
      .toFormatter(Locale.ROOT);

  /** Where the database lives. */
  enum Kind { FILE, MEM }

  final String url;
  final Kind kind;
  /** The file, for {@link Kind#FILE}. */
  final Path path;
  /** The name, for {@link Kind#MEM}; "" for a private database. */
  final String memName;
  final Map<DriverProperty, String> props;

  private ConnectionUrl(String url, Kind kind, Path path, String memName, Map<DriverProperty, String> props) {
    this.url = url;
    this.kind = kind;
    this.path = path;
    this.memName = memName;
    this.props = props;
  }

  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** Parses and validates; throws 08001 naming the bad part. */
  static ConnectionUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw SqlStates.connectionFailure("not a Strata URL (expected jdbc:strata:...): " + url);
    }
    Map<DriverProperty, String> props = new EnumMap<>(DriverProperty.class);
    StringBuilder unknown = new StringBuilder();
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        put(props, key, info.getProperty(key), unknown);
      }
    }
    String rest = url.substring(PREFIX.length());
    String[] parts = rest.split(";", -1);
    String location = parts[0].trim();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw SqlStates.connectionFailure("malformed property '" + part + "' in " + url
            + " (expected ;key=value)");
      }
      put(props, part.substring(0, eq), part.substring(eq + 1).trim(), unknown);
    }
    if (unknown.length() > 0) {
      throw SqlStates.connectionFailure("unknown connection propert" + (unknown.indexOf(",") >= 0 ? "ies " : "y ")
          + unknown + "; known: " + knownKeys());
    }
    ConnectionUrl parsed;
    if (location.regionMatches(true, 0, "mem:", 0, 4)) {
      parsed = new ConnectionUrl(url, Kind.MEM, null, location.substring(4).trim(), props);
    } else {
      String p = location.regionMatches(true, 0, "file:", 0, 5) ? location.substring(5).trim() : location;
      if (p.isEmpty()) {
        throw SqlStates.connectionFailure("no database path in " + url
            + " (use jdbc:strata:/path/to/db, jdbc:strata:file:path or jdbc:strata:mem:name)");
      }
      if (p.equals("~") || p.startsWith("~/")) {
        p = System.getProperty("user.home") + p.substring(1);
      }
      Path path;
      try {
        path = Paths.get(p).toAbsolutePath().normalize();
      } catch (RuntimeException e) {
        throw SqlStates.connectionFailure("bad database path '" + p + "': " + e.getMessage());
      }
      parsed = new ConnectionUrl(url, Kind.FILE, path, null, props);
    }
    parsed.validate();
    return parsed;
  }

  private static void put(Map<DriverProperty, String> props, String key, String value, StringBuilder unknown) {
    DriverProperty p = DriverProperty.byKey(key);
    if (p == null) {
      if (unknown.length() > 0) {
        unknown.append(", ");
      }
      unknown.append('\'').append(key.trim()).append('\'');
      return;
    }
    props.put(p, value == null ? "" : value.trim());
  }

  private static String knownKeys() {
    StringBuilder sb = new StringBuilder();
    for (DriverProperty p : DriverProperty.values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(p.key);
    }
    return sb.toString();
  }

  /** Checks every value now so a bad one fails before any file is touched. */
  private void validate() throws SQLException {
    bool(DriverProperty.READ_ONLY);
    bool(DriverProperty.CREATE);
    bool(DriverProperty.KEEP_ALIVE);
    storeOptions();
    if (props.containsKey(DriverProperty.AS_OF)) {
      asOf();
    }
  }

  String get(DriverProperty p) {
    String v = props.get(p);
    return v != null ? v : p.defaultValue;
  }

  boolean isSet(DriverProperty p) {
    return props.containsKey(p);
  }

  boolean bool(DriverProperty p) throws SQLException {
    String v = get(p);
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equals("1") || v.isEmpty()) {
      return true;
    }
    if (v.equalsIgnoreCase("false") || v.equalsIgnoreCase("no") || v.equals("0")) {
      return false;
    }
    throw SqlStates.connectionFailure("bad value '" + v + "' for " + p.key + ": expected true or false");
  }

  /** The store options the properties ask for (the defaults where unset). */
  StoreOptions storeOptions() throws SQLException {
    StoreOptions o = StoreOptions.defaults();
    String sync = get(DriverProperty.SYNC);
    if (sync.equalsIgnoreCase("full")) {
      o = o.withSync(StoreOptions.SyncMode.FULL);
    } else if (sync.equalsIgnoreCase("none")) {
      o = o.withSync(StoreOptions.SyncMode.NONE);
    } else {
      throw SqlStates.connectionFailure("bad value '" + sync + "' for sync: expected full or none");
    }
    try {
      o = o.withRetention(StoreOptions.Retention.parse(get(DriverProperty.RETENTION)));
    } catch (StorageException e) {
      throw SqlStates.connectionFailure("bad value for retention: " + e.getMessage());
    }
    String ps = get(DriverProperty.PAGE_SIZE);
    try {
      o = o.withPageSize(Integer.parseInt(ps));
    } catch (NumberFormatException | StorageException e) {
      throw SqlStates.connectionFailure("bad value '" + ps + "' for pageSize: expected a power of two"
          + " from 4096 to 65536");
    }
    return o;
  }

  /** The asOf property: a version number or an instant. */
  AsOf asOf() throws SQLException {
    String v = get(DriverProperty.AS_OF);
    if (v == null) {
      return null;
    }
    return parseAsOf(v, "asOf");
  }

  /** Parses a version number, an ISO-8601 instant, or a local timestamp in the JVM time zone. */
  static AsOf parseAsOf(String text, String what) throws SQLException {
    String v = text.trim();
    if (v.length() >= 2 && v.charAt(0) == '\'' && v.charAt(v.length() - 1) == '\'') {
      v = v.substring(1, v.length() - 1).trim();
    }
    if (v.regionMatches(true, 0, "v", 0, 1) && v.length() > 1 && v.substring(1).chars().allMatch(Character::isDigit)) {
      v = v.substring(1);
    }
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      try {
        return new AsOf(Long.parseLong(v), null);
      } catch (NumberFormatException e) {
        throw SqlStates.connectionFailure("bad version '" + text + "' for " + what);
      }
    }
    try {
      return new AsOf(-1, Instant.parse(v));
    } catch (DateTimeParseException e) {
      // fall through: a local timestamp
    }
    try {
      return new AsOf(-1, LocalDateTime.parse(v, LOCAL_TIMESTAMP).atZone(ZoneId.systemDefault()).toInstant());
    } catch (DateTimeParseException e) {
      throw SqlStates.connectionFailure("bad value '" + text + "' for " + what + ": expected a version"
          + " number, an ISO-8601 instant (2026-11-25T10:00:00Z) or a timestamp (2026-11-25 10:00:00)");
    }
  }

  /** A version ({@code version >= 0}) or a point in time. */
  record AsOf(long version, Instant time) {}
}

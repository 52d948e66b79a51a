package io.strata.jdbc;

import java.sql.DriverPropertyInfo;
import java.util.Locale;

/** The connection properties the driver understands; any other key is rejected. */
enum DriverProperty {
  AS_OF("asOf", null, null,
      "Read-only connection at this version: a version number, or a timestamp (ISO-8601 instant"
          + " such as 2026-11-25T10:00:00Z, or 'yyyy-MM-dd HH:mm:ss[.f]' in the JVM time zone)"),
  READ_ONLY("readOnly", "false", new String[] {"true", "false"}, "Open the connection read-only"),
  SYNC("sync", "full", new String[] {"full", "none"},
      "How commits reach the disk: full (fsync before commit returns) or none (survives a process"
          + " crash, may lose recent commits on power loss). Fixed by the first connection to a file"),
  RETENTION("retention", "all", null,
      "Which versions stay readable: all, last:N, or an ISO-8601 duration such as P7D. Fixed by"
          + " the first connection to a file"),
  CREATE("create", "true", new String[] {"true", "false"},
      "false: fail when the database file does not exist"),
  KEEP_ALIVE("keepAlive", "false", new String[] {"true", "false"},
      "true: keep the database open after its last connection closes, until the JVM exits"
          + " (for mem: databases, keeps their contents)"),
  PAGE_SIZE("pageSize", "4096", null,
      "Page size in bytes for a new database file (a power of two from 4096 to 65536)"),
  USER("user", null, null, "Accepted and ignored: an embedded database needs no login"),
  PASSWORD("password", null, null, "Accepted and ignored: an embedded database needs no login");

  final String key;
  final String defaultValue;
  final String[] choices;
  final String description;

  DriverProperty(String key, String defaultValue, String[] choices, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.choices = choices;
    this.description = description;
  }

  /** The property for a key (case-insensitive), or null. */
  static DriverProperty byKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (DriverProperty p : values()) {
      if (p.key.toLowerCase(Locale.ROOT).equals(k)) {
        return p;
      }
    }
    return null;
  }

  DriverPropertyInfo info(String currentValue) {
    DriverPropertyInfo info = new DriverPropertyInfo(key, currentValue != null ? currentValue : defaultValue);
    info.description = description;
    info.choices = choices;
    info.required = false;
    return info;
  }
}

package io.strata.shell;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Table and column names of the open database, for completion. Read lazily through
 * {@link DatabaseMetaData} and kept until {@link #invalidate()} (called after DDL, {@code .open},
 * {@code .import} and {@code .asof}).
 */
final class CatalogNames {
  /** Schemas whose tables are the engine's own, not the user's. */
  static final Set<String> SYSTEM_SCHEMAS = Set.of("INFORMATION_SCHEMA", "PG_CATALOG", "SYS");

  private final Supplier<Connection> connection;
  private volatile Map<String, List<String>> tables; // table -> columns; null when stale

  CatalogNames(Supplier<Connection> connection) {
    this.connection = connection;
  }

  void invalidate() {
    tables = null;
  }

  /** User tables and views, each with its columns, in name order. */
  Map<String, List<String>> tables() {
    Map<String, List<String>> t = tables;
    if (t == null) {
      t = load();
      tables = t;
    }
    return t;
  }

  private Map<String, List<String>> load() {
    Map<String, List<String>> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Connection c = connection.get();
    if (c == null) {
      return result;
    }
    try {
      DatabaseMetaData md = c.getMetaData();
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          if (isUserTable(rs.getString("TABLE_SCHEM"), rs.getString("TABLE_TYPE"))) {
            result.put(rs.getString("TABLE_NAME"), new ArrayList<>());
          }
        }
      }
      try (ResultSet rs = md.getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          List<String> cols = result.get(rs.getString("TABLE_NAME"));
          if (cols != null && !isSystemSchema(rs.getString("TABLE_SCHEM"))) {
            String col = rs.getString("COLUMN_NAME");
            if (!cols.contains(col)) {
              cols.add(col);
            }
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      // Completion is a convenience: a driver without metadata just completes keywords.
    }
    return result;
  }

  /** All column names of all tables, without duplicates. */
  Set<String> columns() {
    Set<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    tables().values().forEach(all::addAll);
    return all;
  }

  static boolean isSystemSchema(String schema) {
    return schema != null && SYSTEM_SCHEMAS.contains(schema.toUpperCase(Locale.ROOT));
  }

  static boolean isUserTable(String schema, String type) {
    if (isSystemSchema(schema)) {
      return false;
    }
    String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
    return !t.contains("SYSTEM");
  }
}

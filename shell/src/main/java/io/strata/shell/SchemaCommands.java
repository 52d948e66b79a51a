package io.strata.shell;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code .tables}, {@code .schema} and {@code .indexes}, answered from {@link DatabaseMetaData}
 * so that they work the same on any driver.
 */
final class SchemaCommands {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** A user table or view as the metadata names it. */
  record TableRef(String schema, String name, String type) {}

  private SchemaCommands() {}

  /** User tables and views, in name order. */
  static List<TableRef> userTables(Shell shell) throws SQLException {
    List<TableRef> out = new ArrayList<>();
    DatabaseMetaData md = shell.connection().getMetaData();
    try (ResultSet rs = md.getTables(null, null, "%", null)) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        String type = rs.getString("TABLE_TYPE");
        if (CatalogNames.isUserTable(schema, type)) {
          out.add(new TableRef(schema, rs.getString("TABLE_NAME"), type));
        }
      }
    }
    out.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
    return out;
  }

  /** The user table named {@code name}: exact match first, then ignoring case; null if none. */
  static TableRef find(Shell shell, String name) throws SQLException {
    List<TableRef> all = userTables(shell);
    for (TableRef t : all) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    for (TableRef t : all) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }

  static boolean tables(Shell shell, String pattern, String where) {
    if (!open(shell, where)) {
      return false;
    }
    try {
      Pattern like = pattern == null ? null : likePattern(pattern);
      ResultTable t = new ResultTable(List.of("name", "type"), new boolean[2]);
      for (TableRef ref : userTables(shell)) {
        if (like == null || like.matcher(ref.name()).matches()) {
          t.rows.add(new String[] {ref.name(), typeLabel(ref.type())});
        }
      }
      shell.print(t);
      return true;
    } catch (SQLException e) {
      shell.errorReport(e, null, where);
      return false;
    }
  }

  static boolean schema(Shell shell, String table, String where) {
    if (!open(shell, where)) {
      return false;
    }
    try {
      List<TableRef> refs;
      if (table == null) {
        refs = userTables(shell);
      } else {
        TableRef ref = find(shell, table);
        if (ref == null) {
          return DotCommands.fail(shell, where, "no such table: " + table);
        }
        refs = List.of(ref);
      }
      for (TableRef ref : refs) {
        shell.console.println(createStatement(shell.connection().getMetaData(), ref));
      }
      return true;
    } catch (SQLException e) {
      shell.errorReport(e, null, where);
      return false;
    }
  }

  static boolean indexes(Shell shell, String table, String where) {
    if (!open(shell, where)) {
      return false;
    }
    try {
      List<TableRef> refs;
      if (table == null) {
        refs = userTables(shell);
      } else {
        TableRef ref = find(shell, table);
        if (ref == null) {
          return DotCommands.fail(shell, where, "no such table: " + table);
        }
        refs = List.of(ref);
      }
      DatabaseMetaData md = shell.connection().getMetaData();
      ResultTable t = new ResultTable(List.of("index", "table", "unique", "columns"),
          new boolean[4]);
      for (TableRef ref : refs) {
        for (Index ix : indexes(md, ref).values()) {
          t.rows.add(new String[] {ix.name, ref.name(), ix.unique ? "yes" : "no",
              String.join(", ", ix.columns)});
        }
      }
      shell.print(t);
      return true;
    } catch (SQLException e) {
      shell.errorReport(e, null, where);
      return false;
    }
  }

  private static boolean open(Shell shell, String where) {
    return shell.connection() != null || DotCommands.fail(shell, where, "no database is open");
  }

  /** A CREATE TABLE statement (and CREATE INDEX statements) rebuilt from metadata. */
  static String createStatement(DatabaseMetaData md, TableRef ref) throws SQLException {
    boolean view = ref.type() != null && ref.type().toUpperCase(Locale.ROOT).contains("VIEW");
    StringBuilder sb = new StringBuilder(view ? "CREATE VIEW " : "CREATE TABLE ");
    sb.append(quote(ref.name())).append(" (");
    List<String> parts = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, ref.schema(), escape(md, ref.name()), "%")) {
      while (rs.next()) {
        if (!ref.name().equals(rs.getString("TABLE_NAME"))) {
          continue;
        }
        String col = "  " + quote(rs.getString("COLUMN_NAME"));
        if (!view) {
          col += " " + typeName(rs);
          if (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) {
            col += " NOT NULL";
          }
          String def = rs.getString("COLUMN_DEF");
          if (def != null && !def.isBlank()) {
            col += " DEFAULT " + def;
          }
        }
        parts.add(col);
      }
    }
    List<String> pk = view ? List.of() : primaryKey(md, ref);
    if (!pk.isEmpty()) {
      parts.add("  PRIMARY KEY (" + String.join(", ", pk.stream().map(SchemaCommands::quote)
          .toList()) + ")");
    }
    sb.append('\n').append(String.join(",\n", parts)).append("\n)");
    if (view) {
      sb.append(" AS ...");
    }
    sb.append(';');
    if (!view) {
      for (Index ix : indexes(md, ref).values()) {
        if (ix.unique && ix.columns.equals(pk)) {
          continue; // the primary key's own index
        }
        sb.append('\n').append(ix.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
            .append(quote(ix.name)).append(" ON ").append(quote(ref.name())).append(" (")
            .append(String.join(", ", ix.columns.stream().map(SchemaCommands::quote).toList()))
            .append(");");
      }
    }
    return sb.toString();
  }

  private static String typeName(ResultSet rs) throws SQLException {
    String type = rs.getString("TYPE_NAME");
    int size = rs.getInt("COLUMN_SIZE");
    boolean hasSize = !rs.wasNull() && size > 0 && size < 1_000_000;
    String upper = type == null ? "" : type.toUpperCase(Locale.ROOT);
    if (upper.contains("(")) {
      return type;
    }
    if (hasSize && (upper.contains("CHAR") || upper.contains("BINARY"))) {
      return type + "(" + size + ")";
    }
    if (hasSize && (upper.equals("DECIMAL") || upper.equals("NUMERIC"))) {
      int scale = rs.getInt("DECIMAL_DIGITS");
      return type + "(" + size + (scale > 0 ? ", " + scale : "") + ")";
    }
    return type;
  }

  static List<String> primaryKey(DatabaseMetaData md, TableRef ref) throws SQLException {
    Map<Integer, String> cols = new TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, ref.schema(), ref.name())) {
      while (rs.next()) {
        cols.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
      }
    } catch (SQLException e) {
      return List.of(); // a driver without key metadata still shows the columns
    }
    return new ArrayList<>(cols.values());
  }

  private static final class Index {
    final String name;
    final boolean unique;
    final List<String> columns = new ArrayList<>();

    Index(String name, boolean unique) {
      this.name = name;
      this.unique = unique;
    }
  }

  private static Map<String, Index> indexes(DatabaseMetaData md, TableRef ref)
      throws SQLException {
    Map<String, Index> out = new LinkedHashMap<>();
    Map<String, Map<Integer, String>> cols = new LinkedHashMap<>();
    try (ResultSet rs = md.getIndexInfo(null, ref.schema(), ref.name(), false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        out.computeIfAbsent(name, n -> {
          try {
            return new Index(n, !rs.getBoolean("NON_UNIQUE"));
          } catch (SQLException e) {
            return new Index(n, false);
          }
        });
        cols.computeIfAbsent(name, n -> new TreeMap<>())
            .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
      }
    }
    for (Map.Entry<String, Map<Integer, String>> e : cols.entrySet()) {
      out.get(e.getKey()).columns.addAll(e.getValue().values());
    }
    return out;
  }

  private static String typeLabel(String type) {
    if (type == null) {
      return "table";
    }
    String t = type.toLowerCase(Locale.ROOT);
    return t.equals("base table") ? "table" : t;
  }

  /** An identifier as SQL text: bare when plain, else in double quotes. */
  static String quote(String name) {
    return PLAIN_NAME.matcher(name).matches() ? name : '"' + name.replace("\"", "\"\"") + '"';
  }

  /** Escapes LIKE wildcards in a metadata pattern argument. */
  private static String escape(DatabaseMetaData md, String name) throws SQLException {
    String esc = md.getSearchStringEscape();
    if (esc == null || esc.isEmpty()) {
      return name;
    }
    return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  /** A LIKE pattern as a case-insensitive regular expression. */
  static Pattern likePattern(String like) {
    StringBuilder re = new StringBuilder();
    for (char c : like.toCharArray()) {
      switch (c) {
        case '%' -> re.append(".*");
        case '_' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
  }
}

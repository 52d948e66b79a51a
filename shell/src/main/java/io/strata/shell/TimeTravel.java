package io.strata.shell;

import io.strata.jdbc.StrataConnection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The time-travel commands: {@code .versions} reads the {@code strata_versions} system table,
 * {@code .asof} pins the session through {@link StrataConnection} (or, on another driver, with
 * {@code SET AS OF …}), and {@code .diff} compares two versions of a table with
 * {@code AS OF VERSION} queries and {@code EXCEPT}. On a database without time travel each says
 * so in one line.
 */
final class TimeTravel {
  static final int DEFAULT_VERSIONS = 20;

  private TimeTravel() {}

  static boolean versions(Shell shell, List<String> args, String where) {
    int limit = DEFAULT_VERSIONS;
    if (args.size() > 1) {
      return DotCommands.fail(shell, where, "usage: .versions [N]");
    }
    if (args.size() == 1) {
      try {
        limit = Integer.parseInt(args.get(0));
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit <= 0) {
        return DotCommands.fail(shell, where, "usage: .versions [N] (N a positive number)");
      }
    }
    if (shell.connection() == null) {
      return DotCommands.fail(shell, where, "no database is open");
    }
    String sql = "SELECT * FROM strata_versions ORDER BY version DESC LIMIT " + limit;
    ResultTable t;
    try (Statement st = shell.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      t = ResultTable.read(rs);
    } catch (SQLException e) {
      return notAvailable(shell, where, ".versions", e);
    }
    shell.print(t);
    return true;
  }

  static boolean asOf(Shell shell, String line, List<String> args, String where) {
    StrataConnection sc = shell.strata();
    if (args.isEmpty()) {
      String label = shell.asOfLabel();
      String latest = "";
      if (sc != null) {
        try {
          latest = " (the latest is v" + sc.currentVersion() + ")";
        } catch (SQLException e) {
          latest = "";
        }
      }
      shell.console.println((label == null ? "Reading the latest version"
          : "Reading as of " + label) + latest + ".");
      return true;
    }
    String target = line.strip().substring(line.strip().indexOf(' ') + 1).strip();
    if ((target.startsWith("'") && target.endsWith("'") && target.length() > 1)
        || (target.startsWith("\"") && target.endsWith("\"") && target.length() > 1)) {
      target = target.substring(1, target.length() - 1);
    }
    boolean latest = target.equalsIgnoreCase("latest") || target.equalsIgnoreCase("now");
    boolean version = target.matches("(?i)v?\\d+");
    boolean timestamp = target.matches(
        "\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?(Z|[+-]\\d{2}:\\d{2})?");
    if (!latest && !version && !timestamp) {
      return DotCommands.fail(shell, where,
          "usage: .asof VERSION | 'YYYY-MM-DD[ HH:MM[:SS]]' | latest");
    }
    if (sc != null) {
      try {
        if (latest) {
          sc.clearAsOf();
        } else {
          sc.setAsOf(timestamp && target.length() == 10 ? target + " 00:00:00" : target);
        }
        shell.catalog.invalidate();
        return true;
      } catch (SQLException e) {
        shell.errorReport(e, null, where);
        return false;
      }
    }
    String sql;
    if (latest) {
      sql = "SET AS OF LATEST";
    } else if (version) {
      sql = "SET AS OF VERSION " + target.replaceFirst("(?i)^v", "");
    } else {
      sql = "SET AS OF TIMESTAMP '" + target.replace('T', ' ') + "'";
    }
    return shell.runSql(sql, where);
  }

  static boolean diff(Shell shell, List<String> args, String where) {
    if (args.size() != 3) {
      return DotCommands.fail(shell, where, "usage: .diff TABLE V1 V2");
    }
    if (shell.connection() == null) {
      return DotCommands.fail(shell, where, "no database is open");
    }
    String table = args.get(0);
    String v1 = version(args.get(1));
    String v2 = version(args.get(2));
    if (v1 == null || v2 == null) {
      return DotCommands.fail(shell, where, "versions are numbers (or 'latest'): .diff TABLE V1 V2");
    }
    String name = SchemaCommands.quote(table);
    String removed = "SELECT * FROM " + name + asOfClause(v1) + " EXCEPT SELECT * FROM " + name
        + asOfClause(v2);
    String added = "SELECT * FROM " + name + asOfClause(v2) + " EXCEPT SELECT * FROM " + name
        + asOfClause(v1);
    ResultTable minus;
    ResultTable plus;
    String sql = removed;
    try (Statement st = shell.connection().createStatement()) {
      try (ResultSet rs = st.executeQuery(removed)) {
        minus = ResultTable.read(rs);
      }
      sql = added;
      try (ResultSet rs = st.executeQuery(added)) {
        plus = ResultTable.read(rs);
      }
    } catch (SQLException e) {
      if (isUnsupported(e)) {
        return notAvailable(shell, where, ".diff", e);
      }
      shell.errorReport(e, sql, where);
      return false;
    }
    List<String> names = new ArrayList<>();
    names.add("change");
    names.addAll(plus.names);
    boolean[] numeric = new boolean[names.size()];
    System.arraycopy(plus.numeric, 0, numeric, 1, plus.numeric.length);
    ResultTable out = new ResultTable(names, numeric);
    for (String[] r : minus.rows) {
      out.rows.add(prefixed("-", r));
    }
    for (String[] r : plus.rows) {
      out.rows.add(prefixed("+", r));
    }
    out.rows.sort(rowOrder(numeric, keyColumns(shell, table, names)));
    shell.print(out);
    shell.console.println(minus.rows.size() + " removed, " + plus.rows.size() + " added between "
        + label(v1) + " and " + label(v2) + ".");
    return true;
  }

  private static String version(String s) {
    if (s.equalsIgnoreCase("latest")) {
      return "latest";
    }
    String v = s.replaceFirst("(?i)^v", "");
    return v.matches("\\d+") ? v : null;
  }

  private static String asOfClause(String v) {
    return v.equals("latest") ? "" : " AS OF VERSION " + v;
  }

  private static String label(String v) {
    return v.equals("latest") ? "latest" : "v" + v;
  }

  private static String[] prefixed(String change, String[] row) {
    String[] r = new String[row.length + 1];
    r[0] = change;
    System.arraycopy(row, 0, r, 1, row.length);
    return r;
  }

  /**
   * Rows by primary key, a removal before the addition that replaces it (an updated row shows as
   * a {@code -} and a {@code +} line together), then by the other values; numbers sort as numbers.
   */
  private static Comparator<String[]> rowOrder(boolean[] numeric, List<Integer> key) {
    return (a, b) -> {
      for (int c : key) {
        int cmp = compare(a[c], b[c], numeric[c]);
        if (cmp != 0) {
          return cmp;
        }
      }
      if (!a[0].equals(b[0])) {
        return a[0].equals("-") ? -1 : 1;
      }
      for (int c = 1; c < a.length; c++) {
        int cmp = compare(a[c], b[c], numeric[c]);
        if (cmp != 0) {
          return cmp;
        }
      }
      return 0;
    };
  }

  /** Positions in {@code names} of the table's primary key columns (empty if unknown). */
  private static List<Integer> keyColumns(Shell shell, String table, List<String> names) {
    List<Integer> key = new ArrayList<>();
    try {
      SchemaCommands.TableRef ref = SchemaCommands.find(shell, table);
      if (ref == null) {
        return key;
      }
      for (String col : SchemaCommands.primaryKey(shell.connection().getMetaData(), ref)) {
        for (int i = 1; i < names.size(); i++) {
          if (names.get(i).equalsIgnoreCase(col)) {
            key.add(i);
          }
        }
      }
    } catch (SQLException e) {
      key.clear(); // without key metadata rows sort by all their values
    }
    return key;
  }

  private static int compare(String x, String y, boolean numeric) {
    if (x == null || y == null) {
      return x == null ? (y == null ? 0 : -1) : 1;
    }
    if (numeric) {
      try {
        return new java.math.BigDecimal(x).compareTo(new java.math.BigDecimal(y));
      } catch (NumberFormatException e) {
        // fall through to text order
      }
    }
    return x.compareTo(y);
  }

  /** Whether the failure means the database lacks time travel, rather than a wrong argument. */
  private static boolean isUnsupported(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String msg = ErrorReport.firstLine(e.getMessage()).toUpperCase(Locale.ROOT);
    boolean syntax = state.startsWith("42") && (msg.contains("SYNTAX") || msg.contains(" AS OF")
        || msg.contains("EXCEPT"));
    return state.startsWith("0A") || syntax;
  }

  private static boolean notAvailable(Shell shell, String where, String cmd, SQLException e) {
    return DotCommands.fail(shell, where, cmd + " is not available on this database: ["
        + e.getSQLState() + "] " + ErrorReport.firstLine(e.getMessage()));
  }
}


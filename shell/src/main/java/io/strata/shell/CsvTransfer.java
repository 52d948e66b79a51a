package io.strata.shell;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code .import FILE TABLE} and {@code .export TABLE|QUERY FILE}: CSV with a header row, NULL as
 * an unquoted empty field and the empty string as {@code ""} (see {@link Csv}).
 *
 * <p>An import runs in one transaction: either every row is loaded or none is. A missing table is
 * created with one VARCHAR column per header field; into an existing table values are converted
 * to the column types on the client, so the driver receives typed parameters.
 */
final class CsvTransfer {
  private CsvTransfer() {}

  static boolean importCsv(Shell shell, List<String> args, String where) {
    if (args.size() != 2) {
      return DotCommands.fail(shell, where, "usage: .import FILE.csv TABLE");
    }
    Connection conn = shell.connection();
    if (conn == null) {
      return DotCommands.fail(shell, where, "no database is open");
    }
    String file = args.get(0);
    String table = args.get(1);
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      return DotCommands.fail(shell, where, "bad file name " + file);
    }
    String sql = null;
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      Csv.Parser csv = new Csv.Parser(r);
      List<String> first = csv.next();
      if (first == null) {
        return DotCommands.fail(shell, where, file + " is empty");
      }
      SchemaCommands.TableRef ref = SchemaCommands.find(shell, table);
      List<String> columns = new ArrayList<>();
      List<Integer> types = new ArrayList<>();
      boolean firstIsData = false;
      if (ref == null) {
        for (String h : first) {
          if (h == null || h.isBlank()) {
            return DotCommands.fail(shell, where, "the header of " + file + " has an empty name");
          }
          columns.add(h);
          types.add(Types.VARCHAR);
        }
      } else {
        List<String[]> tableCols = columns(conn.getMetaData(), ref);
        List<String> header = matchHeader(first, tableCols);
        firstIsData = header == null;
        for (String[] c : tableCols) {
          if (header == null || header.contains(c[0])) {
            columns.add(c[0]);
            types.add(Integer.parseInt(c[1]));
          }
        }
        if (header != null) {
          // keep the file's column order
          List<String> ordered = new ArrayList<>(header);
          List<Integer> orderedTypes = new ArrayList<>();
          for (String h : ordered) {
            orderedTypes.add(types.get(columns.indexOf(h)));
          }
          columns = ordered;
          types = orderedTypes;
        }
      }
      boolean autoCommit = conn.getAutoCommit();
      conn.setAutoCommit(false);
      long rows = 0;
      try {
        if (ref == null) {
          sql = "CREATE TABLE " + SchemaCommands.quote(table) + " ("
              + String.join(", ", columns.stream()
                  .map(c -> SchemaCommands.quote(c) + " VARCHAR").toList()) + ")";
          try (Statement st = conn.createStatement()) {
            st.execute(sql);
          }
        }
        String target = ref == null ? SchemaCommands.quote(table) : SchemaCommands.quote(ref.name());
        sql = "INSERT INTO " + target + " ("
            + String.join(", ", columns.stream().map(SchemaCommands::quote).toList())
            + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
          List<String> record = firstIsData ? first : csv.next();
          long line = firstIsData ? 1 : csv.line();
          while (record != null) {
            if (record.size() != columns.size()) {
              throw new ImportError(file + ":" + line + ": expected " + columns.size()
                  + " fields, found " + record.size());
            }
            for (int i = 0; i < record.size(); i++) {
              try {
                ps.setObject(i + 1, convert(record.get(i), types.get(i)));
              } catch (RuntimeException e) {
                throw new ImportError(file + ":" + line + ": column " + columns.get(i)
                    + ": cannot read '" + record.get(i) + "' as " + typeLabel(types.get(i)));
              }
            }
            ps.executeUpdate();
            rows++;
            line = csv.line();
            record = csv.next();
          }
        }
        conn.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        conn.rollback();
        throw e;
      } finally {
        conn.setAutoCommit(autoCommit);
        shell.catalog.invalidate();
      }
      shell.console.println("Imported " + rows + (rows == 1 ? " row" : " rows") + " into "
          + table + ".");
      return true;
    } catch (ImportError e) {
      return DotCommands.fail(shell, where, e.getMessage() + " (nothing imported)");
    } catch (IOException e) {
      return DotCommands.fail(shell, where, "cannot import " + file + ": "
          + DotCommands.describe(e));
    } catch (SQLException e) {
      shell.errorReport(e, sql, where);
      return false;
    }
  }

  static boolean exportCsv(Shell shell, String line, List<String> args, String where) {
    if (args.size() < 2) {
      return DotCommands.fail(shell, where, "usage: .export TABLE|QUERY FILE.csv");
    }
    Connection conn = shell.connection();
    if (conn == null) {
      return DotCommands.fail(shell, where, "no database is open");
    }
    String file = args.get(args.size() - 1);
    String sql;
    try {
      String source;
      if (args.size() == 2) {
        source = args.get(0);
      } else {
        // An unquoted query: the raw text between the command word and the file name.
        String body = line.strip().substring(line.strip().indexOf(' ') + 1);
        int cut = body.lastIndexOf(file);
        source = body.substring(0, cut < 0 ? body.length() : cut).strip();
      }
      if (source.endsWith(";")) {
        source = source.substring(0, source.length() - 1).strip();
      }
      if (source.chars().noneMatch(Character::isWhitespace)) {
        SchemaCommands.TableRef ref = SchemaCommands.find(shell, source);
        if (ref == null) {
          return DotCommands.fail(shell, where, "no such table: " + source);
        }
        sql = "SELECT * FROM " + SchemaCommands.quote(ref.name());
      } else {
        sql = source;
      }
    } catch (SQLException e) {
      shell.errorReport(e, null, where);
      return false;
    }
    long rows = 0;
    try (Statement st = conn.createStatement();
        BufferedWriter w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
      try (ResultSet rs = st.executeQuery(sql)) {
        ResultTable header = ResultTable.header(rs);
        w.write(Csv.record(header.names.toArray(new String[0])));
        w.write("\r\n");
        while (rs.next()) {
          w.write(Csv.record(ResultTable.readRow(rs, header.columns())));
          w.write("\r\n");
          rows++;
        }
      }
    } catch (SQLException e) {
      shell.errorReport(e, sql, where);
      return false;
    } catch (IOException | InvalidPathException e) {
      return DotCommands.fail(shell, where, "cannot write " + file + ": "
          + DotCommands.describe(e));
    }
    shell.console.println("Exported " + rows + (rows == 1 ? " row" : " rows") + " to " + file
        + ".");
    return true;
  }

  /** An import stopped by bad input; the transaction is rolled back. */
  private static final class ImportError extends RuntimeException {
    ImportError(String message) {
      super(message);
    }
  }

  /** {name, java.sql.Types code} per column of the table, in table order. */
  private static List<String[]> columns(DatabaseMetaData md, SchemaCommands.TableRef ref)
      throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (ResultSet rs = md.getColumns(null, ref.schema(), ref.name(), "%")) {
      while (rs.next()) {
        if (ref.name().equals(rs.getString("TABLE_NAME"))) {
          out.add(new String[] {rs.getString("COLUMN_NAME"),
              String.valueOf(rs.getInt("DATA_TYPE"))});
        }
      }
    }
    return out;
  }

  /**
   * The table's column names in the order of the header when every header field names a column
   * of the table; null when the first record is data.
   */
  private static List<String> matchHeader(List<String> first, List<String[]> tableCols) {
    List<String> names = new ArrayList<>();
    for (String h : first) {
      String match = null;
      for (String[] c : tableCols) {
        if (h != null && c[0].equalsIgnoreCase(h.strip())) {
          match = c[0];
          break;
        }
      }
      if (match == null || names.contains(match)) {
        return null;
      }
      names.add(match);
    }
    return names;
  }

  /** A CSV field as the Java value JDBC expects for a column type; null stays null. */
  static Object convert(String v, int type) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    switch (type) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
        return s.isEmpty() ? null : Long.parseLong(s);
      case Types.REAL, Types.FLOAT, Types.DOUBLE:
        return s.isEmpty() ? null : Double.parseDouble(s);
      case Types.DECIMAL, Types.NUMERIC:
        return s.isEmpty() ? null : new BigDecimal(s);
      case Types.BOOLEAN, Types.BIT:
        if (s.isEmpty()) {
          return null;
        }
        String b = s.toLowerCase(Locale.ROOT);
        if (b.equals("true") || b.equals("1") || b.equals("t") || b.equals("yes")) {
          return Boolean.TRUE;
        }
        if (b.equals("false") || b.equals("0") || b.equals("f") || b.equals("no")) {
          return Boolean.FALSE;
        }
        throw new IllegalArgumentException(v);
      case Types.DATE:
        return s.isEmpty() ? null : java.sql.Date.valueOf(LocalDate.parse(s));
      case Types.TIME:
        return s.isEmpty() ? null : java.sql.Time.valueOf(LocalTime.parse(s));
      case Types.TIMESTAMP:
        return s.isEmpty() ? null : java.sql.Timestamp.valueOf(LocalDateTime.parse(s.replace(' ', 'T')));
      default:
        return v;
    }
  }

  private static String typeLabel(int type) {
    for (java.lang.reflect.Field f : Types.class.getFields()) {
      try {
        if (f.getInt(null) == type) {
          return f.getName();
        }
      } catch (IllegalAccessException e) {
        break;
      }
    }
    return "type " + type;
  }
}

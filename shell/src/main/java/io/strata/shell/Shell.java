package io.strata.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import io.strata.jdbc.StrataConnection;
import java.util.List;
import java.util.OptionalLong;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One shell session over one JDBC connection: runs SQL statements and dot commands, prints their
 * results in the current {@link OutputMode}, and remembers whether anything failed (the exit
 * code) and the session-level AS OF (the prompt).
 *
 * <p>It is used by one thread, except {@link #cancel()}, which the Ctrl-C handler calls from
 * another: the statement in flight is published in a volatile field for that reason.
 */
final class Shell implements AutoCloseable {
  static final String PROMPT = "strata";
  private static final Pattern SET_AS_OF =
      Pattern.compile("(?is)^\\s*SET\\s+AS\\s+OF\\s+(.*?)\\s*$");
  private static final int MAX_READ_DEPTH = 16;
  private static final int CANCEL_REPEATS = 20;
  private static final long CANCEL_REPEAT_MS = 250;
  /** Statements whose update count counts rows (others, such as DDL, just say OK). */
  private static final Pattern ROW_CHANGES =
      Pattern.compile("(?i)^\\s*(INSERT|UPDATE|DELETE|MERGE|UPSERT|WITH)\\b");

  final Settings settings = new Settings();
  final CatalogNames catalog = new CatalogNames(this::connection);
  final boolean interactive;
  /** Messages, timings and (unless {@code .output} redirects them) results. */
  final PrintWriter console;
  private final PrintWriter errors;
  private PrintWriter out;
  private String outputFile;

  private Connection conn;
  private String url;
  private volatile Statement running;
  private volatile boolean cancelled;
  private String asOf; // label of the session AS OF, null for the latest version
  private boolean bail;
  private boolean failed;
  private boolean quit;
  private int readDepth;

  Shell(Connection conn, String url, PrintWriter console, PrintWriter errors, boolean interactive) {
    this.conn = conn;
    this.url = url;
    this.console = console;
    this.errors = errors;
    this.out = console;
    this.interactive = interactive;
    settings.mode = interactive ? OutputMode.BOX : OutputMode.TABLE;
  }

  Connection connection() {
    return conn;
  }

  String url() {
    return url;
  }

  void setBail(boolean on) {
    bail = on;
  }

  /** Whether any statement or command has failed in this session. */
  boolean failed() {
    return failed;
  }

  /** Whether {@code .quit} was given. */
  boolean quitRequested() {
    return quit;
  }

  void markFailed() {
    failed = true;
  }

  void requestQuit() {
    quit = true;
  }

  /** The primary prompt: {@code strata>}, or {@code strata@v42>} under a session AS OF. */
  String prompt() {
    String label = asOfLabel();
    return PROMPT + (label == null ? "" : "@" + label) + "> ";
  }

  /**
   * The session AS OF as the prompt shows it, null when reading the latest version. A Strata
   * connection says which version it is pinned to (however it was set); for other drivers the
   * shell follows the {@code SET AS OF} statements it ran.
   */
  String asOfLabel() {
    StrataConnection sc = strata();
    if (sc != null) {
      try {
        OptionalLong v = sc.asOfVersion();
        return v.isPresent() ? "v" + v.getAsLong() : null;
      } catch (SQLException e) {
        return asOf;
      }
    }
    return asOf;
  }

  /** The connection's Strata interface, or null for another driver. */
  StrataConnection strata() {
    Connection c = conn;
    if (c == null) {
      return null;
    }
    try {
      return c.isWrapperFor(StrataConnection.class) ? c.unwrap(StrataConnection.class) : null;
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  /** The continuation prompt, as wide as the primary one. */
  String continuationPrompt() {
    return " ".repeat(Math.max(0, prompt().length() - 5)) + "...> ";
  }

  /**
   * Stops the running statement, if any; called from the Ctrl-C handler. A cancel that reaches
   * a driver while the statement is still being prepared may be dropped when execution starts,
   * so it is repeated a few times while that same statement keeps running.
   */
  void cancel() {
    Statement st = running;
    if (st == null) {
      return;
    }
    cancelled = true;
    if (!cancel(st)) {
      return;
    }
    Thread repeat = new Thread(() -> {
      for (int i = 0; i < CANCEL_REPEATS && running == st; i++) {
        try {
          Thread.sleep(CANCEL_REPEAT_MS);
        } catch (InterruptedException e) {
          return;
        }
        if (running == st && !cancel(st)) {
          return;
        }
      }
    }, "strata-cancel");
    repeat.setDaemon(true);
    repeat.start();
  }

  private boolean cancel(Statement st) {
    try {
      st.cancel();
      return true;
    } catch (SQLException | RuntimeException e) {
      if (running == st) {
        errors.println("Could not cancel: " + ErrorReport.firstLine(e.getMessage()));
        errors.flush();
      }
      return false;
    }
  }

  /**
   * Runs a script (a file, {@code -c} text or standard input) to its end, to {@code .quit}, or
   * with {@code --bail} to its first error. Returns false if anything in it failed.
   */
  boolean runScript(Reader reader, String name) throws IOException {
    if (readDepth >= MAX_READ_DEPTH) {
      error("Error: .read nested more than " + MAX_READ_DEPTH + " deep (" + name + ")");
      return false;
    }
    readDepth++;
    try {
      BufferedReader in = new BufferedReader(reader);
      ScriptSplitter splitter = new ScriptSplitter();
      boolean ok = true;
      String line;
      while ((line = in.readLine()) != null) {
        for (ScriptSplitter.Unit u : splitter.add(line)) {
          ok &= run(u, name);
          if (quit || (bail && !ok)) {
            return ok;
          }
        }
      }
      ScriptSplitter.Unit last = splitter.finish();
      if (last != null) {
        ok &= run(last, name);
      }
      return ok;
    } finally {
      readDepth--;
    }
  }

  /** Runs what was typed at the prompt: one or more complete statements, or a dot command. */
  boolean runInput(String buffer) {
    ScriptSplitter splitter = new ScriptSplitter();
    boolean ok = true;
    for (String line : buffer.split("\n", -1)) {
      for (ScriptSplitter.Unit u : splitter.add(line)) {
        ok &= run(u, null);
        if (quit) {
          return ok;
        }
      }
    }
    ScriptSplitter.Unit last = splitter.finish();
    if (last != null) {
      ok &= run(last, null);
    }
    return ok;
  }

  private boolean run(ScriptSplitter.Unit u, String script) {
    String where = script == null ? null : script + ":" + u.line();
    boolean ok = u.command() ? DotCommands.run(this, u.text(), where) : runSql(u.text(), where);
    if (!ok) {
      failed = true;
    }
    return ok;
  }

  /** Runs one SQL statement and prints its results. */
  boolean runSql(String sql, String where) {
    if (conn == null) {
      error("Error: no database is open (use .open PATH)");
      return false;
    }
    long start = System.nanoTime();
    boolean changedCatalog = false;
    try (Statement st = conn.createStatement()) {
      cancelled = false;
      running = st;
      boolean isResult = st.execute(sql);
      while (true) {
        if (isResult) {
          try (ResultSet rs = st.getResultSet()) {
            print(rs);
          }
        } else {
          int n = st.getUpdateCount();
          if (n == -1) {
            break;
          }
          changedCatalog = true;
          if (interactive) {
            console.println(n == 0 && !ROW_CHANGES.matcher(sql).find() ? "OK"
                : n == 1 ? "(1 row affected)" : "(" + n + " rows affected)");
          }
        }
        isResult = st.getMoreResults();
      }
    } catch (SQLException e) {
      running = null;
      errorReport(e, sql, where);
      return false;
    } finally {
      running = null;
      if (changedCatalog) {
        catalog.invalidate();
      }
    }
    noteAsOf(sql);
    timer(start);
    return true;
  }

  /** Prints a failed statement: one line with the SQLState, then a caret under the position. */
  void errorReport(SQLException e, String sql, String where) {
    List<String> lines = ErrorReport.format(e, sql, where);
    if (cancelled) {
      lines.set(0, lines.get(0) + " (cancelled)");
      cancelled = false;
    }
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i);
      errors.println(i == 0 && settings.color ? "\u001b[1;31m" + s + "\u001b[0m" : s);
    }
    errors.flush();
  }

  void error(String message) {
    errors.println(settings.color ? "\u001b[1;31m" + message + "\u001b[0m" : message);
    errors.flush();
  }

  /** Prints a result set in the current mode, followed by its row count where the mode has one. */
  void print(ResultSet rs) throws SQLException {
    ResultTable header = ResultTable.header(rs);
    Renderer r = renderer();
    r.begin(header);
    while (rs.next()) {
      r.row(ResultTable.readRow(rs, header.columns()));
    }
    r.end();
    footer(r);
  }

  /** Prints an already materialised result like {@link #print(ResultSet)}. */
  void print(ResultTable table) {
    Renderer r = renderer();
    r.begin(table);
    for (String[] row : table.rows) {
      r.row(row);
    }
    r.end();
    footer(r);
  }

  private void footer(Renderer r) {
    if (r.footer()) {
      out.println(r.count == 1 ? "(1 row)" : "(" + r.count + " rows)");
    }
    out.flush();
  }

  private Renderer renderer() {
    Settings s = settings;
    if (out != console) {
      s = copyForFile(settings);
    }
    return Renderer.of(s.mode, s, out);
  }

  private static Settings copyForFile(Settings settings) {
    Settings s = new Settings();
    s.mode = settings.mode;
    s.headers = settings.headers;
    s.nullValue = settings.nullValue;
    s.color = false;
    return s;
  }

  private void timer(long start) {
    if (settings.timer) {
      double ms = (System.nanoTime() - start) / 1e6;
      console.println(String.format(Locale.ROOT, "Run Time: %.3f ms", ms));
      console.flush();
    }
  }

  /** Follows {@code SET AS OF …} typed as SQL so that the prompt shows it. */
  private void noteAsOf(String sql) {
    Matcher m = SET_AS_OF.matcher(sql);
    if (!m.matches()) {
      return;
    }
    String target = m.group(1).replaceAll("\\s+", " ");
    String upper = target.toUpperCase(Locale.ROOT);
    if (upper.equals("LATEST")) {
      asOf = null;
    } else if (upper.matches("VERSION \\d+")) {
      asOf = "v" + target.substring(8);
    } else if (upper.startsWith("TIMESTAMP ")) {
      asOf = target.substring(10).replace("'", "");
    } else {
      asOf = target;
    }
    catalog.invalidate();
  }

  /** Sends results to a file ({@code .output file}) or back to the console ({@code null}). */
  void redirect(PrintWriter file, String name) {
    if (out != console) {
      out.close();
    }
    out = file == null ? console : file;
    outputFile = name;
  }

  String outputFile() {
    return outputFile;
  }

  /** Replaces the connection ({@code .open}); the session AS OF does not carry over. */
  void reconnect(Connection next, String nextUrl) {
    closeConnection();
    conn = next;
    url = nextUrl;
    asOf = null;
    catalog.invalidate();
  }

  private void closeConnection() {
    if (conn != null) {
      try {
        conn.close();
      } catch (SQLException e) {
        error("Error closing " + url + ": " + ErrorReport.firstLine(e.getMessage()));
      }
      conn = null;
    }
  }

  @Override
  public void close() {
    redirect(null, null);
    closeConnection();
    console.flush();
  }
}

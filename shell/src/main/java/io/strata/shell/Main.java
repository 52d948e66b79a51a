package io.strata.shell;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Entry point of {@code strata}. Exit status: 0 when everything ran, 1 when a statement or
 * command failed or the database could not be opened, 2 for a bad command line.
 *
 * <p>Non-interactive runs ({@code -c}, {@code -f}, or standard input that is not a terminal)
 * never build a JLine terminal. Whether standard input is a terminal comes from the launcher
 * ({@code -Dstrata.stdin.tty}), falling back to {@link System#console()}.
 */
public final class Main {
  /** The database opened when none is named: a file in the working directory. */
  public static final String DEFAULT_DATABASE = "strata.db";
  static final String URL_PREFIX = "jdbc:strata:";

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the shell and returns its exit status. */
  static int run(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("strata: " + e.getMessage());
      err.println(Options.USAGE);
      return 2;
    }
    if (options.help) {
      out.println(Options.USAGE);
      out.flush();
      return 0;
    }
    boolean interactive = options.scripts.isEmpty() && stdinIsTerminal();
    String url = urlFor(options.database == null ? DEFAULT_DATABASE : options.database);
    Connection conn;
    try {
      conn = DriverManager.getConnection(url);
    } catch (SQLException e) {
      err.println("Error" + (e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]")
          + ": cannot open " + url + ": " + ErrorReport.firstLine(e.getMessage()));
      return 1;
    }
    if (interactive) {
      return runInteractive(conn, url, options);
    }
    try (Shell shell = new Shell(conn, url, out, err, false)) {
      configure(shell, options);
      shell.settings.width = () -> Integer.getInteger("strata.columns", 0);
      if (options.scripts.isEmpty()) {
        runOne(shell, new Options.Script(false, "-"), err);
      }
      for (Options.Script s : options.scripts) {
        boolean ok = runOne(shell, s, err);
        if (shell.quitRequested() || (!ok && options.bail)) {
          break;
        }
      }
      out.flush();
      return shell.failed() ? 1 : 0;
    }
  }

  private static boolean runOne(Shell shell, Options.Script s, PrintWriter err) {
    try {
      if (s.inline()) {
        return shell.runScript(new StringReader(s.text()), null);
      }
      if (s.text().equals("-")) {
        return shell.runScript(new InputStreamReader(System.in, StandardCharsets.UTF_8), "stdin");
      }
      try (Reader r = Files.newBufferedReader(Path.of(s.text()), StandardCharsets.UTF_8)) {
        return shell.runScript(r, s.text());
      }
    } catch (IOException | RuntimeException e) {
      err.println("Error: cannot read " + s.text() + ": " + DotCommands.describe(e));
      shell.markFailed();
      return false;
    }
  }

  private static int runInteractive(Connection conn, String url, Options options) {
    try (Terminal terminal = TerminalBuilder.builder().system(true).name("strata").build()) {
      String home = System.getenv("HOME");
      if (home == null || home.isBlank()) {
        home = System.getProperty("user.home");
      }
      Path history = Path.of(home, ".strata_history");
      try (Shell shell = Interactive.newShell(terminal, conn, url)) {
        configure(shell, options);
        new Interactive(shell, terminal, history).run();
        return 0;
      }
    } catch (IOException e) {
      System.err.println("strata: cannot open the terminal: " + e.getMessage());
      return 1;
    }
  }

  private static void configure(Shell shell, Options options) {
    shell.setBail(options.bail);
    if (options.mode != null) {
      shell.settings.mode = options.mode;
    }
    if (options.noHeaders) {
      shell.settings.headers = false;
    }
  }

  /** A JDBC URL for a database argument: a {@code jdbc:} URL as is, else a Strata file path. */
  static String urlFor(String database) {
    if (database.startsWith("jdbc:")) {
      return database;
    }
    return URL_PREFIX + Path.of(database).toAbsolutePath().normalize();
  }

  private static boolean stdinIsTerminal() {
    String fromLauncher = System.getProperty("strata.stdin.tty");
    if (fromLauncher != null) {
      return Boolean.parseBoolean(fromLauncher);
    }
    return System.console() != null;
  }
}

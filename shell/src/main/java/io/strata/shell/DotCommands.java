package io.strata.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dot commands ({@code .tables}, {@code .mode csv}, …) and their psql-style aliases
 * ({@code \dt}, {@code \d t}). A command takes one line; its arguments are separated by blanks
 * and may be quoted with {@code '} or {@code "}.
 */
final class DotCommands {
  static final String HELP = String.join("\n",
      ".asof VERSION|TIMESTAMP|latest  Read the database as of a past version (the prompt shows it)",
      ".diff TABLE V1 V2         Rows of TABLE removed (-) and added (+) between two versions",
      ".export TABLE|QUERY FILE  Write a table or query result to a CSV file (with a header)",
      ".headers on|off           Show column names",
      ".help                     This list",
      ".import FILE TABLE        Load a CSV file (header row first) into TABLE, creating it if needed",
      ".indexes [TABLE]          List indexes",
      ".mode [MODE]              Output mode: box, table, csv, json, markdown, line",
      ".nullvalue TEXT           How NULL is shown (default NULL)",
      ".open PATH|URL            Close this database and open another",
      ".output [FILE]            Send results to FILE, or back to the screen",
      ".quit                     Leave (also .exit, \\q, Ctrl-D)",
      ".read FILE                Run the statements in FILE",
      ".schema [TABLE]           Show CREATE statements",
      ".tables [PATTERN]         List tables and views (PATTERN as in LIKE)",
      ".timer on|off             Show how long each statement took",
      ".versions [N]             The N most recent versions (default 20)",
      "\\dt \\d [TABLE] \\di \\x \\q \\?  psql-style aliases",
      "SQL statements end with ';' and may span lines. Ctrl-C cancels a running statement.");

  private DotCommands() {}

  /** Runs one command line; false if it failed. */
  static boolean run(Shell shell, String line, String where) {
    List<String> words;
    try {
      words = split(line);
    } catch (IllegalArgumentException e) {
      return fail(shell, where, e.getMessage());
    }
    if (words.isEmpty()) {
      return true;
    }
    String name = words.get(0).toLowerCase(Locale.ROOT);
    List<String> args = words.subList(1, words.size());
    try {
      switch (name) {
        case ".help", "\\?", "\\h":
          shell.console.println(HELP);
          return true;
        case ".quit", ".exit", "\\q":
          shell.requestQuit();
          return true;
        case ".tables", "\\dt":
          return SchemaCommands.tables(shell, args.isEmpty() ? null : args.get(0), where);
        case "\\d":
          return args.isEmpty()
              ? SchemaCommands.tables(shell, null, where)
              : SchemaCommands.schema(shell, args.get(0), where);
        case ".schema":
          return SchemaCommands.schema(shell, args.isEmpty() ? null : args.get(0), where);
        case ".indexes", ".indices", "\\di":
          return SchemaCommands.indexes(shell, args.isEmpty() ? null : args.get(0), where);
        case ".mode":
          return mode(shell, args, where);
        case "\\x":
          shell.settings.mode =
              shell.settings.mode == OutputMode.LINE ? defaultMode(shell) : OutputMode.LINE;
          shell.console.println("Output mode is " + shell.settings.mode.label() + ".");
          return true;
        case ".headers":
          return onOff(shell, args, where, ".headers", v -> shell.settings.headers = v);
        case ".timer", "\\timing":
          return onOff(shell, args, where, ".timer", v -> shell.settings.timer = v);
        case ".nullvalue":
          if (args.size() != 1) {
            return fail(shell, where, "usage: .nullvalue TEXT");
          }
          shell.settings.nullValue = args.get(0);
          return true;
        case ".read", "\\i":
          return read(shell, args, where);
        case ".import":
          return CsvTransfer.importCsv(shell, args, where);
        case ".export":
          return CsvTransfer.exportCsv(shell, line, args, where);
        case ".output", "\\o":
          return output(shell, args, where);
        case ".open", "\\c":
          return open(shell, args, where);
        case ".versions":
          return TimeTravel.versions(shell, args, where);
        case ".asof":
          return TimeTravel.asOf(shell, line, args, where);
        case ".diff":
          return TimeTravel.diff(shell, args, where);
        default:
          return fail(shell, where, "unknown command " + words.get(0) + " (try .help)");
      }
    } finally {
      shell.console.flush();
    }
  }

  static boolean fail(Shell shell, String where, String message) {
    shell.error("Error" + (where == null ? "" : " (" + where + ")") + ": " + message);
    return false;
  }

  private static OutputMode defaultMode(Shell shell) {
    return shell.interactive ? OutputMode.BOX : OutputMode.TABLE;
  }

  private static boolean mode(Shell shell, List<String> args, String where) {
    if (args.isEmpty()) {
      shell.console.println("Output mode is " + shell.settings.mode.label()
          + " (choices: " + OutputMode.choices() + ").");
      return true;
    }
    OutputMode m = OutputMode.parse(args.get(0));
    if (m == null || args.size() > 1) {
      return fail(shell, where, "usage: .mode " + OutputMode.choices().replace(", ", "|"));
    }
    shell.settings.mode = m;
    return true;
  }

  private static boolean onOff(Shell shell, List<String> args, String where, String cmd,
      java.util.function.Consumer<Boolean> set) {
    String v = args.size() == 1 ? args.get(0).toLowerCase(Locale.ROOT) : "";
    switch (v) {
      case "on", "yes", "true", "1" -> set.accept(true);
      case "off", "no", "false", "0" -> set.accept(false);
      default -> {
        return fail(shell, where, "usage: " + cmd + " on|off");
      }
    }
    return true;
  }

  private static boolean read(Shell shell, List<String> args, String where) {
    if (args.size() != 1) {
      return fail(shell, where, "usage: .read FILE");
    }
    Path file;
    try {
      file = Path.of(args.get(0));
    } catch (InvalidPathException e) {
      return fail(shell, where, "bad file name " + args.get(0));
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return shell.runScript(r, args.get(0));
    } catch (IOException e) {
      return fail(shell, where, "cannot read " + args.get(0) + ": " + describe(e));
    }
  }

  private static boolean output(Shell shell, List<String> args, String where) {
    if (args.isEmpty() || args.get(0).equals("stdout")) {
      shell.redirect(null, null);
      return true;
    }
    if (args.size() != 1) {
      return fail(shell, where, "usage: .output [FILE]");
    }
    try {
      PrintWriter w = new PrintWriter(
          Files.newBufferedWriter(Path.of(args.get(0)), StandardCharsets.UTF_8));
      shell.redirect(w, args.get(0));
      return true;
    } catch (IOException | InvalidPathException e) {
      return fail(shell, where, "cannot write " + args.get(0) + ": " + describe(e));
    }
  }

  private static boolean open(Shell shell, List<String> args, String where) {
    if (args.size() != 1) {
      return fail(shell, where, "usage: .open PATH|jdbc:URL");
    }
    String url = Main.urlFor(args.get(0));
    try {
      Connection c = DriverManager.getConnection(url);
      shell.reconnect(c, url);
      shell.console.println("Opened " + url);
      return true;
    } catch (SQLException e) {
      shell.errorReport(e, null, where);
      return false;
    }
  }

  static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Splits a command line at blanks; quotes group words and are removed. */
  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder sb = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          if (i + 1 < line.length() && line.charAt(i + 1) == quote) {
            sb.append(c);
            i++;
          } else {
            quote = 0;
          }
        } else {
          sb.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (sb != null) {
          words.add(sb.toString());
          sb = null;
        }
      } else {
        if (sb == null) {
          sb = new StringBuilder();
        }
        if (c == '\'' || c == '"') {
          quote = c;
        } else {
          sb.append(c);
        }
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unterminated quote in command");
    }
    if (sb != null) {
      words.add(sb.toString());
    }
    return words;
  }
}

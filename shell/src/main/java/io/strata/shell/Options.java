package io.strata.shell;

import java.util.ArrayList;
import java.util.List;

/** The command line: {@code strata [DB] [-c SQL]… [-f FILE]… [--bail] [--mode M]}. */
final class Options {
  static final String USAGE = String.join("\n",
      "usage: strata [DB] [-c SQL]... [-f FILE]... [--bail] [--mode MODE]",
      "  DB           database file (default ./strata.db) or a jdbc: URL",
      "  -c SQL       run SQL statements and dot commands, then exit (repeatable)",
      "  -f FILE      run a script file, then exit (repeatable; - reads standard input)",
      "  --bail       stop at the first statement that fails",
      "  --mode MODE  output mode: box, table, csv, json, markdown, line",
      "  --no-headers leave out column names",
      "  -h, --help   this text",
      "Without -c or -f, statements are read from standard input when it is not a terminal,",
      "else interactively. The exit status is 1 when any statement failed.");

  /** A script to run: {@code -c} text or a {@code -f} file name. */
  record Script(boolean inline, String text) {}

  String database;
  final List<Script> scripts = new ArrayList<>();
  boolean bail;
  OutputMode mode;
  boolean noHeaders;
  boolean help;

  /** Parses arguments; throws IllegalArgumentException with a message for bad ones. */
  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-c", "--command" -> o.scripts.add(new Script(true, value(args, ++i, a)));
        case "-f", "--file" -> o.scripts.add(new Script(false, value(args, ++i, a)));
        case "--bail", "-bail" -> o.bail = true;
        case "--no-headers" -> o.noHeaders = true;
        case "--mode", "-m" -> o.mode = mode(value(args, ++i, a));
        case "-h", "--help", "-help" -> o.help = true;
        default -> {
          if (a.startsWith("--mode=")) {
            o.mode = mode(a.substring("--mode=".length()));
          } else if (a.startsWith("-") && a.length() > 1) {
            throw new IllegalArgumentException("unknown option " + a);
          } else if (o.database != null) {
            throw new IllegalArgumentException("more than one database given: " + o.database
                + ", " + a);
          } else {
            o.database = a;
          }
        }
      }
    }
    return o;
  }

  private static OutputMode mode(String name) {
    OutputMode m = OutputMode.parse(name);
    if (m == null) {
      throw new IllegalArgumentException("unknown mode '" + name + "' (choices: "
          + OutputMode.choices() + ")");
    }
    return m;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}

package io.strata.shell;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats a failed statement: one line with the SQLState and the first line of the message, then,
 * when the position is known, the offending line of the statement with a caret under it.
 *
 * <p>The position comes from the message: Strata writes {@code line L:C} or {@code line L, column
 * C} (1-based); engines that
 * echo the statement with a {@code [*]} marker (H2) give it as the text before the marker.
 */
final class ErrorReport {
  private static final Pattern LINE_COL =
      Pattern.compile("\\bline (\\d+)(?::|, column )(\\d+)");
  /** Longest statement line shown whole; longer lines are cut around the caret. */
  static final int MAX_SHOWN = 100;

  private ErrorReport() {}

  /** The lines to print for {@code e} raised by {@code sql}; {@code where} may be null. */
  static List<String> format(SQLException e, String sql, String where) {
    List<String> lines = new ArrayList<>();
    String state = e.getSQLState();
    String message = firstLine(e.getMessage());
    StringBuilder head = new StringBuilder("Error");
    if (state != null && !state.isEmpty()) {
      head.append(" [").append(state).append(']');
    }
    if (where != null) {
      head.append(" (").append(where).append(')');
    }
    head.append(": ").append(message);
    lines.add(head.toString());
    int[] pos = sql == null ? null : position(e.getMessage(), sql);
    if (pos != null) {
      String[] sqlLines = sql.split("\n", -1);
      if (pos[0] >= 1 && pos[0] <= sqlLines.length) {
        String text = sqlLines[pos[0] - 1].replace('\t', ' ').replace("\r", "");
        int col = Math.min(Math.max(pos[1], 1), text.length() + 1) - 1;
        int from = 0;
        if (text.length() > MAX_SHOWN) {
          from = Math.max(0, Math.min(col - MAX_SHOWN / 2, text.length() - MAX_SHOWN));
          text = text.substring(from, Math.min(text.length(), from + MAX_SHOWN));
          col -= from;
        }
        lines.add("  " + text);
        lines.add("  " + " ".repeat(Text.width(text.substring(0, Math.min(col, text.length()))))
            + "^");
      }
    }
    return lines;
  }

  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "unknown error";
    }
    String m = message.strip();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl).strip();
    // some engines end the first line with a label for the statement echoed below it
    return m.replaceFirst(";?\\s*SQL statement:$", "");
  }

  /** {line, column}, both 1-based, or null when the message does not say. */
  static int[] position(String message, String sql) {
    if (message == null) {
      return null;
    }
    Matcher m = LINE_COL.matcher(message);
    if (m.find()) {
      try {
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
      } catch (NumberFormatException e) {
        return null;
      }
    }
    int marker = message.indexOf("[*]");
    if (marker >= 0) {
      int quote = message.lastIndexOf('"', marker);
      if (quote >= 0) {
        String before = unescape(message.substring(quote + 1, marker));
        int at = sql.indexOf(before);
        if (at < 0 && !before.isEmpty()) {
          return null;
        }
        return lineColumn(sql, Math.max(at, 0) + before.length());
      }
    }
    return null;
  }

  /** Undoes {@code \\000a}-style escapes that some engines use when echoing a statement. */
  private static String unescape(String s) {
    Matcher m = Pattern.compile("\\\\([0-9a-fA-F]{4})").matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(
          String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    return m.appendTail(sb).toString();
  }

  static int[] lineColumn(String sql, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}

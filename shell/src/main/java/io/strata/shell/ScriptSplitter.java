package io.strata.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts input text into units the shell runs one at a time: SQL statements ending at a {@code ;}
 * outside quotes and comments, and dot commands ({@code .tables}, {@code \dt}), which take one
 * whole line and are only recognised where no statement has started.
 *
 * <p>Feed it lines with {@link #add}; it returns the units completed by that line and keeps the
 * unfinished rest. {@link #pending()} says whether a statement is still open (the continuation
 * prompt), and {@link #isComplete} answers the same question for a whole buffer without state.
 */
final class ScriptSplitter {

  /** One runnable piece of input and the 1-based line where it starts. */
  record Unit(String text, int line, boolean command) {}

  private final StringBuilder buf = new StringBuilder();
  private int bufLine;
  private int lineNo;
  // Lexical state carried across lines.
  private char quote; // ' or " or 0
  private boolean blockComment;

  /** Adds one line (without its terminator) and returns the units it completes. */
  List<Unit> add(String line) {
    lineNo++;
    List<Unit> out = new ArrayList<>();
    boolean between = quote == 0 && !blockComment && isBlankSql(buf.toString());
    if (between) {
      buf.setLength(0); // drop comments between statements
      bufLine = lineNo;
      if (isCommandLine(line)) {
        out.add(new Unit(line.strip(), lineNo, true));
        return out;
      }
    }
    int start = 0;
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (blockComment) {
        if (c == '*' && i + 1 < n && line.charAt(i + 1) == '/') {
          blockComment = false;
          i++;
        }
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0; // a doubled quote closes and reopens: same result
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '-' && i + 1 < n && line.charAt(i + 1) == '-') {
        break; // the rest of the line is a comment
      } else if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
        blockComment = true;
        i++;
      } else if (c == ';') {
        buf.append(line, start, i);
        String text = buf.toString();
        if (!isBlankSql(text)) {
          out.add(new Unit(text, bufLine, false));
        }
        buf.setLength(0);
        start = i + 1;
        bufLine = lineNo;
      }
    }
    buf.append(line, start, n).append('\n');
    return out;
  }

  /** Whether an unfinished statement is waiting for more lines. */
  boolean pending() {
    return quote != 0 || blockComment || !isBlankSql(buf.toString());
  }

  /** The unfinished statement at end of input, if any (a script may omit the last {@code ;}). */
  Unit finish() {
    String text = buf.toString();
    buf.setLength(0);
    quote = 0;
    blockComment = false;
    return isBlankSql(text) ? null : new Unit(text.stripTrailing(), bufLine, false);
  }

  /**
   * Whether a buffer typed at the prompt can run as it is: it is blank, a dot command, or every
   * statement in it is closed by {@code ;}.
   */
  static boolean isComplete(String buffer) {
    ScriptSplitter s = new ScriptSplitter();
    for (String line : buffer.split("\n", -1)) {
      s.add(line);
    }
    return !s.pending();
  }

  static boolean isCommandLine(String line) {
    String t = line.stripLeading();
    return t.startsWith(".") || t.startsWith("\\");
  }

  /** Whether text holds nothing but whitespace and comments. */
  static boolean isBlankSql(String text) {
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int nl = text.indexOf('\n', i);
        if (nl < 0) {
          return true;
        }
        i = nl;
        continue;
      }
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          return true;
        }
        i = end + 1;
        continue;
      }
      return false;
    }
    return true;
  }
}

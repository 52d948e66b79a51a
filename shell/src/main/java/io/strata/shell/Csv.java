package io.strata.shell;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, with one extension that keeps NULL apart from the empty string: an empty field
 * without quotes is NULL, a quoted empty field {@code ""} is the empty string.
 */
final class Csv {
  private Csv() {}

  /** One field, quoted when it must be (or when it is the empty string). */
  static String field(String v) {
    if (v == null) {
      return "";
    }
    if (v.isEmpty()) {
      return "\"\"";
    }
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote && (Character.isWhitespace(v.charAt(0))
        || Character.isWhitespace(v.charAt(v.length() - 1)))) {
      quote = true;
    }
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  static String record(String[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(values[i]));
    }
    return sb.toString();
  }

  /** Reads records one at a time; quoted fields may span lines. */
  static final class Parser {
    private final Reader in;
    private int peeked = -2;
    private long line = 1;

    Parser(Reader in) {
      this.in = in;
    }

    /** The line where the next record starts (1-based). */
    long line() {
      return line;
    }

    /** The next record, or null at end of input. Blank lines are skipped. */
    List<String> next() throws IOException {
      int c = peek();
      while (c == '\n' || c == '\r') {
        read();
        c = peek();
      }
      if (c < 0) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      while (true) {
        fields.add(readField());
        c = read();
        if (c == ',') {
          continue;
        }
        if (c == '\r' && peek() == '\n') {
          read();
        }
        return fields; // end of line or of input
      }
    }

    private String readField() throws IOException {
      if (peek() == '"') {
        long startLine = line;
        read();
        StringBuilder sb = new StringBuilder();
        while (true) {
          int c = read();
          if (c < 0) {
            throw new IOException("unterminated quoted field starting on line " + startLine);
          }
          if (c == '"') {
            if (peek() == '"') {
              read();
              sb.append('"');
            } else {
              int next = peek();
              if (next >= 0 && next != ',' && next != '\n' && next != '\r') {
                throw new IOException("unexpected character after closing quote on line " + line);
              }
              return sb.toString();
            }
          } else {
            sb.append((char) c);
          }
        }
      }
      StringBuilder sb = new StringBuilder();
      while (true) {
        int c = peek();
        if (c < 0 || c == ',' || c == '\n' || c == '\r') {
          return sb.length() == 0 ? null : sb.toString();
        }
        sb.append((char) read());
      }
    }

    private int peek() throws IOException {
      if (peeked == -2) {
        peeked = in.read();
      }
      return peeked;
    }

    private int read() throws IOException {
      int c = peek();
      peeked = -2;
      if (c == '\n') {
        line++;
      }
      return c;
    }
  }
}

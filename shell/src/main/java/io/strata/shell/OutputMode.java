package io.strata.shell;

import java.util.Locale;

/** How query results are printed ({@code .mode}). */
enum OutputMode {
  /** Unicode box drawing, the interactive default. */
  BOX,
  /** ASCII {@code +---+} grid, the default when not interactive. */
  TABLE,
  /** RFC 4180 CSV; NULL is an empty field, an empty string is {@code ""}. */
  CSV,
  /** A JSON array of objects, one per row. */
  JSON,
  /** A GitHub-flavoured Markdown table. */
  MARKDOWN,
  /** One {@code column = value} line per column, rows separated by a blank line. */
  LINE;

  static OutputMode parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String choices() {
    StringBuilder sb = new StringBuilder();
    for (OutputMode m : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(m.label());
    }
    return sb.toString();
  }
}

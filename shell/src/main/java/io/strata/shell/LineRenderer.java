package io.strata.shell;

import java.io.PrintWriter;

/** One {@code name = value} line per column, rows separated by a blank line: for wide rows. */
final class LineRenderer extends Renderer {
  private int nameWidth;

  LineRenderer(Settings settings, PrintWriter out) {
    super(settings, out);
  }

  @Override
  void begin(ResultTable header) {
    super.begin(header);
    for (String name : header.names) {
      nameWidth = Math.max(nameWidth, Text.width(name));
    }
  }

  @Override
  void row(String[] row) {
    if (count > 0) {
      out.println();
    }
    super.row(row);
    for (int c = 0; c < row.length; c++) {
      String v = row[c] == null ? nullText(settings.nullValue) : row[c];
      out.println(Text.pad(header.names.get(c), nameWidth, true) + " = " + v);
    }
  }

  @Override
  boolean footer() {
    return true;
  }
}

package io.strata.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Box, ASCII table and Markdown output. Columns are sized to their widest value; when the result
 * is wider than {@link Settings#width}, the widest columns are cut (with an ellipsis) until it
 * fits, and a hint suggests {@code .mode line} if even that is not enough.
 *
 * <p>Memory stays bounded: columns are sized from the first {@link #SIZING_ROWS} rows; a longer
 * result prints those and then streams the rest in the same widths, cutting wider values.
 */
final class GridRenderer extends Renderer {
  /** Columns are never cut below this many terminal columns. */
  static final int MIN_WIDTH = 4;
  /** Rows held to size the columns before printing starts. */
  static final int SIZING_ROWS = 1000;

  private final OutputMode mode;
  private final List<String[]> rows = new ArrayList<>();
  private int[] widths; // set once printing has started
  private boolean fits = true;

  GridRenderer(OutputMode mode, Settings settings, PrintWriter out) {
    super(settings, out);
    this.mode = mode;
  }

  @Override
  void row(String[] row) {
    super.row(row);
    if (widths != null) {
      out.println(line(row, widths, false));
      return;
    }
    rows.add(row);
    if (rows.size() >= SIZING_ROWS) {
      start();
    }
  }

  @Override
  boolean footer() {
    return mode != OutputMode.MARKDOWN;
  }

  /** Sizes the columns from the rows held so far, prints the top and those rows. */
  private void start() {
    int n = header.columns();
    boolean headers = settings.headers || mode == OutputMode.MARKDOWN;
    int[] w = new int[n];
    for (int c = 0; c < n; c++) {
      w[c] = headers ? Text.width(cell(header.names.get(c))) : 1;
      if (mode == OutputMode.MARKDOWN) {
        w[c] = Math.max(w[c], 3);
      }
    }
    for (String[] r : rows) {
      for (int c = 0; c < n; c++) {
        w[c] = Math.max(w[c], Text.width(shown(r[c])));
      }
    }
    fits = fit(w, settings.width.getAsInt());
    boolean box = mode == OutputMode.BOX;
    if (mode != OutputMode.MARKDOWN) {
      out.println(rule(w, box ? "┌" : "+", box ? "┬" : "+", box ? "┐" : "+", box ? "─" : "-"));
    }
    if (headers) {
      out.println(line(header.names.toArray(new String[0]), w, true));
      if (mode == OutputMode.MARKDOWN) {
        StringBuilder sb = new StringBuilder("|");
        for (int c = 0; c < n; c++) {
          String dashes = Text.repeat("-", w[c]);
          sb.append(' ')
              .append(header.numeric[c] ? dashes.substring(1) + ":" : dashes)
              .append(" |");
        }
        out.println(sb);
      } else {
        out.println(rule(w, box ? "├" : "+", box ? "┼" : "+", box ? "┤" : "+", box ? "─" : "-"));
      }
    }
    for (String[] r : rows) {
      out.println(line(r, w, false));
    }
    rows.clear();
    widths = w;
  }

  @Override
  void end() {
    if (widths == null) {
      start();
    }
    boolean box = mode == OutputMode.BOX;
    if (mode != OutputMode.MARKDOWN) {
      out.println(rule(widths, box ? "└" : "+", box ? "┴" : "+", box ? "┘" : "+",
          box ? "─" : "-"));
    }
    if (!fits) {
      out.println("(wider than the terminal: try .mode line)");
    }
    super.end();
  }

  /** Shrinks the widest columns until the grid fits {@code max}; false if it still does not. */
  static boolean fit(int[] w, int max) {
    if (max <= 0) {
      return true;
    }
    int budget = max - (3 * w.length + 1);
    long sum = 0;
    for (int x : w) {
      sum += x;
    }
    while (sum > budget) {
      int widest = 0;
      for (int c = 1; c < w.length; c++) {
        if (w[c] > w[widest]) {
          widest = c;
        }
      }
      if (w[widest] <= MIN_WIDTH) {
        return false;
      }
      w[widest]--;
      sum--;
    }
    return true;
  }

  private String shown(String v) {
    return v == null ? settings.nullValue : cell(v);
  }

  private String cell(String v) {
    String s = Text.oneLine(v);
    return mode == OutputMode.MARKDOWN ? s.replace("|", "\\|") : s;
  }

  private String line(String[] values, int[] w, boolean isHeader) {
    String bar = mode == OutputMode.BOX ? "│" : "|";
    StringBuilder sb = new StringBuilder(bar);
    for (int c = 0; c < w.length; c++) {
      String v = values[c];
      String text = Text.truncate(v == null ? settings.nullValue : cell(v), w[c]);
      String padded = Text.pad(text, w[c], !isHeader && header.numeric[c]);
      sb.append(' ').append(v == null && !isHeader ? nullText(padded) : padded).append(' ');
      sb.append(bar);
    }
    return sb.toString();
  }

  private static String rule(int[] w, String left, String mid, String right, String fill) {
    StringBuilder sb = new StringBuilder(left);
    for (int c = 0; c < w.length; c++) {
      sb.append(Text.repeat(fill, w[c] + 2)).append(c + 1 < w.length ? mid : right);
    }
    return sb.toString();
  }
}

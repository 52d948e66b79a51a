package io.strata.shell;

import java.io.PrintWriter;

/** A JSON array with one object per row; numeric columns print as JSON numbers, NULL as null. */
final class JsonRenderer extends Renderer {
  JsonRenderer(Settings settings, PrintWriter out) {
    super(settings, out);
  }

  @Override
  void row(String[] row) {
    out.print(count == 0 ? "[" : ",\n ");
    super.row(row);
    StringBuilder sb = new StringBuilder("{");
    for (int c = 0; c < row.length; c++) {
      if (c > 0) {
        sb.append(',');
      }
      quote(sb, header.names.get(c)).append(':');
      String v = row[c];
      if (v == null) {
        sb.append("null");
      } else if (header.numeric[c] && isJsonNumber(v)) {
        sb.append(v);
      } else if (v.equals("true") || v.equals("false")) {
        sb.append(v);
      } else {
        quote(sb, v);
      }
    }
    out.print(sb.append('}'));
  }

  @Override
  void end() {
    out.println(count == 0 ? "[]" : "]");
    super.end();
  }

  static boolean isJsonNumber(String v) {
    return v.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  }

  static StringBuilder quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }
}

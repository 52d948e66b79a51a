package io.strata.shell;

import org.jline.utils.WCWidth;

/** Display-width arithmetic for terminal columns (wide CJK characters count two). */
final class Text {
  static final String ELLIPSIS = "…";

  private Text() {}

  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += Math.max(0, WCWidth.wcwidth(cp));
      i += Character.charCount(cp);
    }
    return w;
  }

  /** {@code s} cut to at most {@code max} columns, ending in an ellipsis when cut. */
  static String truncate(String s, int max) {
    if (width(s) <= max) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = Math.max(0, WCWidth.wcwidth(cp));
      if (w + cw > max - 1) {
        break;
      }
      sb.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    return sb.append(ELLIPSIS).toString();
  }

  static String repeat(String s, int n) {
    return n <= 0 ? "" : s.repeat(n);
  }

  /** Pads to {@code w} columns, on the left when {@code right} (numbers), else on the right. */
  static String pad(String s, int w, boolean right) {
    String fill = repeat(" ", w - width(s));
    return right ? fill + s : s + fill;
  }

  /** Control characters made visible so that one value stays on one line of a grid. */
  static String oneLine(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0) {
      return s;
    }
    return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}

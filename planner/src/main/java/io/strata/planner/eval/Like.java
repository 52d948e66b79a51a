package io.strata.planner.eval;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;

/**
 * SQL LIKE as SQLite does it: {@code %} matches any sequence, {@code _} any one character, and
 * ASCII letters match regardless of case (other characters match exactly). An optional escape
 * character makes the following {@code %}, {@code _} or escape character literal.
 *
 * <p>A pattern is compiled to an int array: a non-negative entry is a character (ASCII letters
 * lower-cased), {@link #ANY_ONE} and {@link #ANY_SEQ} are the wildcards.
 */
final class Like {

  private Like() {}

  private static final int ANY_ONE = -1;
  private static final int ANY_SEQ = -2;

  static int[] compile(String pattern, Character escape) {
    int[] out = new int[pattern.length()];
    int n = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != null && c == escape) {
        if (i + 1 >= pattern.length()) {
          throw new StrataException(Reason.DATA, "LIKE pattern ends with the escape character");
        }
        out[n++] = fold(pattern.charAt(++i));
      } else if (c == '%') {
        if (n == 0 || out[n - 1] != ANY_SEQ) {
          out[n++] = ANY_SEQ;
        }
      } else if (c == '_') {
        out[n++] = ANY_ONE;
      } else {
        out[n++] = fold(c);
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static int fold(char c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  /** Greedy match with backtracking to the last {@code %}: O(|s|·|p|) at worst. */
  static boolean matches(int[] p, String s) {
    int pi = 0;
    int si = 0;
    int starP = -1;
    int starS = 0;
    int n = s.length();
    int m = p.length;
    while (si < n) {
      if (pi < m && (p[pi] == ANY_ONE || p[pi] == fold(s.charAt(si)))) {
        pi++;
        si++;
      } else if (pi < m && p[pi] == ANY_SEQ) {
        starP = pi++;
        starS = si;
      } else if (starP >= 0) {
        pi = starP + 1;
        si = ++starS;
      } else {
        return false;
      }
    }
    while (pi < m && p[pi] == ANY_SEQ) {
      pi++;
    }
    return pi == m;
  }

  static Character escapeChar(Object esc) {
    if (esc == null) {
      return null;
    }
    String e = Values.toText(esc);
    if (e.length() != 1) {
      throw new StrataException(Reason.DATA, "LIKE escape must be a single character: '" + e + "'");
    }
    return e.charAt(0);
  }

  /** LIKE with a constant pattern, compiled once. */
  static final class ConstPattern extends Evaluator {
    private final Evaluator subject;
    private final int[] pattern;
    private final boolean negated;

    ConstPattern(Evaluator subject, int[] pattern, boolean negated) {
      this.subject = subject;
      this.pattern = pattern;
      this.negated = negated;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object v = subject.eval(row, bs);
      if (v == null) {
        return null;
      }
      return matches(pattern, Values.toText(v)) != negated ? Boolean.TRUE : Boolean.FALSE;
    }
  }

  /** LIKE with a pattern (or escape) computed per row. */
  static final class DynamicPattern extends Evaluator {
    private final Evaluator subject;
    private final Evaluator pattern;
    private final Evaluator escape;
    private final boolean negated;

    DynamicPattern(Evaluator subject, Evaluator pattern, Evaluator escape, boolean negated) {
      this.subject = subject;
      this.pattern = pattern;
      this.escape = escape;
      this.negated = negated;
    }

    @Override
    public Object eval(Object[] row, Bindings bs) {
      Object v = subject.eval(row, bs);
      Object p = pattern.eval(row, bs);
      if (v == null || p == null) {
        return null;
      }
      Character esc = null;
      if (escape != null) {
        Object e = escape.eval(row, bs);
        if (e == null) {
          return null;
        }
        esc = escapeChar(e);
      }
      boolean m = matches(compile(Values.toText(p), esc), Values.toText(v));
      return m != negated ? Boolean.TRUE : Boolean.FALSE;
    }
  }
}

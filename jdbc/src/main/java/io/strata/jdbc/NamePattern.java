package io.strata.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A DatabaseMetaData name pattern: {@code %} any run, {@code _} one character, {@code \} escapes;
 * null or "%" matches everything. Filtering tries an exact match first and falls back to a
 * case-insensitive one when nothing matches exactly, so {@code getColumns(.., "person", ..)} finds
 * a table stored as {@code PERSON}, as users expect from an engine whose unquoted names are
 * case-insensitive.
 */
final class NamePattern {
  private final Pattern exact;
  private final Pattern ignoreCase;

  private NamePattern(String pattern) {
    if (pattern == null || pattern.equals("%")) {
      exact = null;
      ignoreCase = null;
      return;
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    exact = Pattern.compile(re.toString(), Pattern.DOTALL);
    ignoreCase = Pattern.compile(re.toString(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  static NamePattern of(String pattern) {
    return new NamePattern(pattern);
  }

  /** Items whose name matches exactly, or case-insensitively if none matches exactly. */
  <T> List<T> filter(List<T> items, Function<T, String> name) {
    if (exact == null) {
      return items;
    }
    List<T> out = new ArrayList<>();
    for (T t : items) {
      if (exact.matcher(name.apply(t)).matches()) {
        out.add(t);
      }
    }
    if (out.isEmpty()) {
      for (T t : items) {
        if (ignoreCase.matcher(name.apply(t)).matches()) {
          out.add(t);
        }
      }
    }
    return out;
  }

  boolean matchesAny(String name) {
    return exact == null || exact.matcher(name).matches() || ignoreCase.matcher(name).matches();
  }

  static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}

package io.strata.tests.slt;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Turns an engine error or a comparison failure into a short category so that failures of the
 * same kind count together: quoted names, numbers and SQL echoed back by the engine are removed.
 */
final class FailureCategory {
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
  private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final int MAX = 150;

  private FailureCategory() {
  }

  /** Category of a query or statement that raised {@code t}. */
  static String ofException(Throwable t) {
    String state = t instanceof SQLException s && s.getSQLState() != null
        ? " [" + s.getSQLState() + "]" : "";
    String name = t.getClass().getSimpleName();
    return "error: " + name + state + ": " + normalize(t.getMessage());
  }

  /** Category of a query that ran but whose answer differs (the runner's own wording). */
  static String ofMismatch(String runnerMessage) {
    if (runnerMessage == null) {
      return "wrong result";
    }
    if (runnerMessage.startsWith("Expected ") && runnerMessage.contains(" rows, got ")) {
      return "wrong result: wrong number of values";
    }
    if (runnerMessage.startsWith("Hash of data")) {
      return "wrong result: values differ (hashed result)";
    }
    if (runnerMessage.startsWith("Output differs")) {
      return "wrong result: values differ";
    }
    return "wrong result: " + normalize(runnerMessage);
  }

  static String normalize(String message) {
    if (message == null) {
      return "(no message)";
    }
    String m = message;
    // Engines echo the statement back; the statement is not part of the reason.
    for (String cut : new String[] {"; SQL statement:", " in statement [", "\n"}) {
      int i = m.indexOf(cut);
      if (i >= 0) {
        m = m.substring(0, i);
      }
    }
    m = QUOTED.matcher(m).replaceAll("?");
    m = NUMBER.matcher(m).replaceAll("N");
    m = SPACES.matcher(m).replaceAll(" ").trim();
    if (m.length() > MAX) {
      m = m.substring(0, MAX) + "…";
    }
    return m.isEmpty() ? "(no message)" : m;
  }
}

package io.strata.shell;

import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: dot commands at the start of a line; elsewhere SQL keywords, table names,
 * column names, and {@code table.column} after a table name and a dot. Names come from
 * {@link CatalogNames}, which the shell refreshes after DDL.
 */
final class SqlCompleter implements Completer {
  static final List<String> COMMANDS = List.of(".asof", ".diff", ".exit", ".export", ".headers",
      ".help", ".import", ".indexes", ".mode", ".nullvalue", ".open", ".output", ".quit", ".read",
      ".schema", ".tables", ".timer", ".versions", "\\d", "\\di", "\\dt", "\\q", "\\x");

  private final CatalogNames catalog;

  SqlCompleter(CatalogNames catalog) {
    this.catalog = catalog;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    boolean firstWord = line.wordIndex() == 0 && line.line().indexOf('\n') < 0;
    if (firstWord && (word.startsWith(".") || word.startsWith("\\"))) {
      for (String c : COMMANDS) {
        candidates.add(new Candidate(c, c, "commands", null, " ", null, true));
      }
      return;
    }
    String firstOfLine = line.words().isEmpty() ? "" : line.words().get(0);
    if (line.wordIndex() > 0 && (firstOfLine.startsWith(".") || firstOfLine.startsWith("\\"))) {
      // arguments of a dot command: table names
      for (String t : catalog.tables().keySet()) {
        candidates.add(new Candidate(t, t, "tables", null, " ", null, true));
      }
      return;
    }
    Map<String, List<String>> tables = catalog.tables();
    int dot = word.lastIndexOf('.');
    if (dot > 0) {
      String table = word.substring(0, dot);
      List<String> cols = tables.get(table);
      if (cols != null) {
        for (String c : cols) {
          String v = table + "." + c;
          candidates.add(new Candidate(v, c, "columns", null, null, null, true));
        }
      }
      return;
    }
    for (String k : SqlKeywords.ALL) {
      candidates.add(new Candidate(k, k, "keywords", null, null, null, true));
    }
    for (String t : tables.keySet()) {
      candidates.add(new Candidate(t, t, "tables", null, null, null, true));
    }
    for (String c : catalog.columns()) {
      candidates.add(new Candidate(c, c, "columns", null, null, null, true));
    }
  }
}

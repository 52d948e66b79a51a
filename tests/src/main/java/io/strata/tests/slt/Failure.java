package io.strata.tests.slt;

/**
 * One query that did not return the expected answer.
 *
 * @param file the file's resource path, e.g. {@code test/select1.test}
 * @param ordinal the query's 1-based position among the file's queries run under the
 *     postgresql policy; with the file it identifies the query in a baseline
 * @param sql the query text
 * @param category the normalized reason, shared by failures of the same kind
 * @param detail the engine's message or the runner's comparison output
 */
public record Failure(String file, int ordinal, String sql, String category, String detail) {

  /** The query's identity in a baseline: {@code file#ordinal}. */
  public String key() {
    return file + "#" + ordinal;
  }
}

package io.strata.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.parser.SqlParseException;
import io.strata.parser.StrataSqlParser;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNodeList;
import org.junit.jupiter.api.Test;

/**
 * Every statement and query of the whole sqllogictest suite (622 files, postgresql policy) parses
 * into exactly one Strata statement.
 */
class SltParseTest {
  private static final int SUITE_FILES = 622;

  @Test
  void everyStatementOfTheSuiteParses() {
    List<String> files = SltCorpus.files();
    assertEquals(SUITE_FILES, files.size(), "files in the suite jar");
    long[] counts = new long[2];
    List<String> failures = new ArrayList<>();
    long start = System.nanoTime();
    SltCorpus.forEach(files, (file, sqls) -> {
      for (SltCorpus.Sql sql : sqls) {
        counts[sql.query() ? 1 : 0]++;
        try {
          SqlNodeList statements = StrataSqlParser.parse(sql.text());
          if (statements.size() != 1) {
            failures.add(file + ": " + statements.size() + " statements in: " + sql.text());
          }
        } catch (SqlParseException e) {
          failures.add(file + ": " + e.getMessage() + " in: " + sql.text());
        }
      }
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("sqllogictest suite: %d files, %d statements + %d queries = %d parsed,"
        + " %d failures, %.1f s%n", files.size(), counts[0], counts[1], counts[0] + counts[1],
        failures.size(), seconds);
    assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first ones:\n"
        + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    assertTrue(counts[0] + counts[1] > 5_000_000, "the suite holds over five million queries");
  }
}

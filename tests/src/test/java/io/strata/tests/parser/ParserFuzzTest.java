package io.strata.tests.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.parser.SqlParseException;
import io.strata.parser.StrataSqlParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input, the parser returns a tree or throws {@link SqlParseException}: never
 * another exception or error, never a hang. Inputs are mutations of sqllogictest statements,
 * random bytes and characters, and pathological nesting and sizes.
 *
 * <p>Seeded; the seed is printed and can be fixed with {@code -Dfuzz.seed=N}. The number of
 * inputs is {@code -Dfuzz.count=N} (at least 100,000 by default).
 */
class ParserFuzzTest {
  private static final String[] FRAGMENTS = {
      "(", ")", ",", ";", "'", "\"", "*", "-", "+", "/", "%", "||", "=", "<>", "!=", "<", ">=",
      ".", "?", "--", "/*", "*/", " ", "\n", "SELECT", "FROM", "WHERE", "AND", "OR", "NOT",
      "NULL", "IN", "BETWEEN", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS", "OF",
      "VERSION", "TIMESTAMP", "FOR", "SYSTEM_TIME", "JOIN", "ON", "UNION", "EXCEPT", "INTERSECT",
      "ORDER", "BY", "GROUP", "HAVING", "LIMIT", "VALUES", "INSERT", "INTO", "CREATE", "TABLE",
      "INDEX", "VIEW", "DROP", "ALTER", "ADD", "COLUMN", "EXISTS", "DISTINCT", "ALL", "1", "1.5",
      "1e5", "x'00'", "col0", "tab1", "COUNT", "IS", "LIKE", "ESCAPE", "WITH", "BEGIN",
      "COMMIT", "ROLLBACK", "EXPLAIN", "SET", "DATE '2026-01-01'", "\u00e9", "\uD83D\uDE00"};

  @Test
  void fuzzedInputsRaiseOnlySqlParseException() {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    int count = Integer.getInteger("fuzz.count", 100_000);
    System.out.println("ParserFuzzTest seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
    Random random = new Random(seed);
    List<String> corpus = new ArrayList<>();
    for (String file : List.of("test/select1.test", "test/select4.test", "test/select5.test",
        "test/evidence/slt_lang_createtrigger.test", "test/index/view/10/slt_good_0.test",
        "test/index/between/10/slt_good_0.test", "test/random/expr/slt_good_0.test",
        "test/random/aggregates/slt_good_0.test", "test/random/groupby/slt_good_0.test")) {
      for (SltCorpus.Sql sql : SltCorpus.load(file)) {
        corpus.add(sql.text());
      }
    }
    assertTrue(corpus.size() > 1000, "fuzz corpus");
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
      for (int i = 0; i < count; i++) {
        String input = switch (random.nextInt(10)) {
          case 0 -> randomBytes(random);
          case 1 -> randomFragments(random);
          default -> mutate(corpus.get(random.nextInt(corpus.size())), random);
        };
        outcomes[check(input, seed, i)]++;
      }
    }, "a fuzzed input hung the parser (seed " + seed + ")");
    System.out.printf("ParserFuzzTest: %d inputs, %d parsed, %d rejected%n", count, outcomes[0],
        outcomes[1]);
    assertEquals(count, outcomes[0] + outcomes[1]);
  }

  @Test
  void pathologicalInputsRaiseOnlySqlParseException() {
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    String literal = "x".repeat(10 * 1024 * 1024);
    List<String> inputs = List.of(
        "SELECT " + deep,
        "SELECT " + "(".repeat(10_000),
        "SELECT * FROM " + "(".repeat(10_000) + "t" + ")".repeat(10_000),
        "SELECT " + "- ".repeat(10_000) + "1",
        "SELECT " + "NOT ".repeat(10_000) + "TRUE",
        "SELECT " + "CASE WHEN a THEN ".repeat(5_000) + "1" + " END".repeat(5_000),
        "SELECT " + "(SELECT ".repeat(5_000) + "1" + ")".repeat(5_000),
        "SELECT a FROM t WHERE " + "a = 1 AND ".repeat(20_000) + "TRUE",
        "SELECT " + "1 + ".repeat(50_000) + "1",
        "SELECT '" + literal + "'",
        "SELECT '" + literal,
        "SELECT \"" + literal + "\" FROM t",
        "SELECT 1 /* " + literal,
        "SELECT " + "9".repeat(1_000_000),
        "INSERT INTO t VALUES " + "(1, 'a'), ".repeat(100_000) + "(2, 'b')");
    assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
      for (int i = 0; i < inputs.size(); i++) {
        check(inputs.get(i), -1, i);
      }
    });
  }

  /** Parses {@code input}; returns 0 if it parsed, 1 if it raised SqlParseException. */
  private static int check(String input, long seed, int index) {
    try {
      StrataSqlParser.parse(input);
      return 0;
    } catch (SqlParseException e) {
      assertTrue(e.line() >= 1 && e.column() >= 1, "position of " + e.getMessage());
      assertTrue(e.getMessage().startsWith("line " + e.line() + ":" + e.column() + ": "),
          e.getMessage());
      return 1;
    } catch (Throwable t) {
      throw new AssertionError("input " + index + " (seed " + seed + ") raised " + t + ": "
          + abbreviate(input), t);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
  }

  private static String randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(200)];
    random.nextBytes(bytes);
    return random.nextBoolean() ? new String(bytes, StandardCharsets.ISO_8859_1)
        : new String(bytes, StandardCharsets.UTF_8);
  }

  private static String randomFragments(Random random) {
    StringBuilder b = new StringBuilder();
    int n = 1 + random.nextInt(40);
    for (int i = 0; i < n; i++) {
      b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]).append(' ');
    }
    return b.toString();
  }

  /** One to three edits: delete, duplicate, insert, replace or swap a stretch, or truncate. */
  private static String mutate(String sql, Random random) {
    StringBuilder b = new StringBuilder(sql);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && b.length() > 0; e++) {
      int at = random.nextInt(b.length());
      int len = Math.min(b.length() - at, 1 + random.nextInt(12));
      switch (random.nextInt(6)) {
        case 0 -> b.delete(at, at + len);
        case 1 -> b.insert(at, b.substring(at, at + len));
        case 2 -> b.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 3 -> b.replace(at, at + len, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 4 -> {
          int other = random.nextInt(b.length());
          char c = b.charAt(at);
          b.setCharAt(at, b.charAt(other));
          b.setCharAt(other, c);
        }
        default -> b.setLength(at);
      }
    }
    return b.toString();
  }
}

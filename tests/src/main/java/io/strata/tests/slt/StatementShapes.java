package io.strata.tests.slt;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;

/**
 * How often the suite's queries repeat once their literals are taken out: what a plan cache keyed
 * by statement shape (literals lifted out as parameters) could reuse. A shape is the query text
 * with every quoted string and every unsigned number replaced by {@code ?}; a query whose shape
 * was seen before in the same file (each file runs on a fresh database) could take that plan.
 */
public final class StatementShapes {
  private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?\\b");

  private StatementShapes() {
  }

  /** The query text with its literals replaced by {@code ?}. */
  static String shapeOf(String sql) {
    return NUMBER.matcher(STRING.matcher(sql).replaceAll("?")).replaceAll("?");
  }

  /** Counts per directory of the given files (the runner's postgresql policy applies). */
  public static String report(List<String> files) {
    Map<String, long[]> byDir = new TreeMap<>();
    for (String file : files) {
      long[] counts = byDir.computeIfAbsent(FileResult.directoryOf(file), d -> new long[3]);
      // each file runs on a fresh database, whose plan cache starts empty
      Map<String, Boolean> shapes = new HashMap<>();
      SltTestFile parsed = SuiteFiles.parse(file);
      for (ISqlTestOperation op : parsed.fileContents) {
        SqlTestQuery q = op.as(SqlTestQuery.class);
        if (q == null) {
          continue;
        }
        counts[0]++;
        if (shapes.put(shapeOf(q.getQuery()), Boolean.TRUE) != null) {
          counts[1]++;
        } else {
          counts[2]++;
        }
      }
    }
    StringBuilder out = new StringBuilder("| directory | queries | distinct shapes | queries "
        + "whose shape was seen before |\n|---|---:|---:|---:|\n");
    long[] total = new long[3];
    for (Map.Entry<String, long[]> e : byDir.entrySet()) {
      long[] c = e.getValue();
      out.append(row(e.getKey(), c));
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
    }
    out.append(row("**total**", total));
    return out.toString();
  }

  private static String row(String name, long[] c) {
    return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d (%.1f%%) |%n", name, c[0], c[2],
        c[1], c[0] == 0 ? 0.0 : 100.0 * c[1] / c[0]);
  }
}

package io.strata.planner.exec;

import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.tools.RelBuilder;

/**
 * Operator-level throughput over in-memory rows (no storage, no planning): GROUP BY, a filtered
 * global SUM and a hash join over 1M rows. Not a unit test; run by command:
 *
 * <pre>
 * mvn -q -B -o -pl planner -am test-compile
 * java -Xmx3g -cp planner/target/classes:planner/target/test-classes:&lt;planner class path&gt; \
 *     io.strata.planner.exec.ExecBench [rows] [rounds]
 * </pre>
 * Prints the median of the rounds after the first (warm-up) half, in ms and ns per input row.
 */
public final class ExecBench {
  private ExecBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Object[][] rows = new Object[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = new Object[] {(long) i, (long) (i % 1000), (double) (i % 97), "name" + (i % 5000)};
    }
    Object[][] dim = new Object[1000][];
    for (int i = 0; i < dim.length; i++) {
      dim[i] = new Object[] {(long) i, "d" + i};
    }
    TestDb db = new TestDb()
        .table("T", new String[] {"ID BIGINT", "K BIGINT", "V DOUBLE", "S VARCHAR"}, rows)
        .table("D", new String[] {"ID BIGINT", "N VARCHAR"}, dim);
    RelBuilder b = db.builder();
    RelNode groupLong = b.scan("T")
        .aggregate(b.groupKey("K"), b.sum(b.field("V")), b.countStar("C")).build();
    RelNode groupString = b.scan("T").aggregate(b.groupKey("S"), b.countStar("C")).build();
    RelNode rangeSum = b.scan("T")
        .filter(b.and(b.greaterThanOrEqual(b.field("ID"), b.literal(1000)),
            b.lessThan(b.field("ID"), b.literal(n - 1000))))
        .aggregate(b.groupKey(), b.sum(b.field("V"))).build();
    b.scan("T").scan("D");
    b.join(JoinRelType.INNER, b.equals(b.field(2, 0, "K"), b.field(2, 1, "ID")));
    RelNode join = b.project(b.field("V"), b.field("N"))
        .aggregate(b.groupKey(), b.countStar("C")).build();
    report("GROUP BY bigint, 1000 groups", db, groupLong, n, rounds);
    report("GROUP BY varchar, 5000 groups", db, groupString, n, rounds);
    report("filtered SUM (range)", db, rangeSum, n, rounds);
    report("hash join 1M x 1000", db, join, n, rounds);
  }

  private static void report(String name, TestDb db, RelNode rel, int n, int rounds) {
    long[] t = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      List<Object[]> out = db.run(rel);
      t[r] = System.nanoTime() - t0;
      if (out.isEmpty()) {
        throw new AssertionError(name + ": no result");
      }
    }
    long[] warm = java.util.Arrays.copyOfRange(t, rounds / 2, rounds);
    java.util.Arrays.sort(warm);
    long median = warm[warm.length / 2];
    System.out.printf("%-32s %8.1f ms %8.1f ns/row%n", name, median / 1e6, (double) median / n);
  }
}

package io.strata.tests.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code docs/benchmarks-engines.md} from the figures of a run. */
final class BenchReport {
  /** A Strata configuration and the anchor it is compared with. */
  record Pair(Target strata, Target anchor) {
    String label() {
      return anchor.label + " vs " + strata.label;
    }
  }

  /** The comparisons: same durability where it matters, same mode always. */
  static final List<Pair> PAIRS = List.of(
      new Pair(Target.STRATA_FULL, Target.SQLITE_FILE),
      new Pair(Target.STRATA_FULL, Target.SQLITE_JOURNAL),
      new Pair(Target.STRATA_NONE, Target.H2_FILE),
      new Pair(Target.STRATA_NONE, Target.HSQLDB_FILE),
      new Pair(Target.STRATA_FULL, Target.HSQLDB_VERSIONED),
      new Pair(Target.STRATA_MEM, Target.H2_MEM),
      new Pair(Target.STRATA_MEM, Target.HSQLDB_MEM),
      new Pair(Target.STRATA_MEM, Target.SQLITE_MEM));

  private BenchReport() {
  }

  static final String HOW_TO_RUN = """
      ## How to run

      From the repository root:

      ```
      # quick run (N = 100,000, other counts scaled, 3 repetitions): a few minutes
      mvn -B -o -pl tests -am -Pbench process-test-classes -Dbench.args="--quick"
      # the full run (N = 1,000,000, 3 repetitions); writes this file
      mvn -B -o -pl tests -am -Pbench process-test-classes -Dbench.args="--reps 3"
      # a subset
      mvn -B -o -pl tests -am -Pbench process-test-classes \\
          -Dbench.args="--quick --targets strata-none,h2-file --workloads W3,W4 --out /tmp/b.md"
      # the CI smoke test (tiny N, checks that every workload runs and answers correctly)
      mvn -B -o -pl tests -am test -Dtest=BenchSmokeTest -Dsurefire.failIfNoSpecifiedTests=false
      ```

      Targets: strata-full, strata-none, strata-mem, h2-file, h2-mem, hsqldb-file,
      hsqldb-versioned, hsqldb-mem, sqlite-file, sqlite-journal, sqlite-mem. Other options: `--n ROWS`,
      `--child-xmx 3g`, `--timeout SECONDS` per child JVM. Each child's stderr is kept in
      `tests/target/bench/<target>-rep<k>.log`.

      Every workload checks its answers (row counts, each looked-up value, each range sum, the
      group and join totals, the sums before and after the updates, the AS OF values), so an
      engine that returns a wrong answer gets an error instead of a figure.

      """;

  static String render(Figures f, List<Target> targets, String command, String context,
      String sizes) {
    StringBuilder out = new StringBuilder();
    out.append("# Benchmarks: Strata against H2, HSQLDB and SQLite\n\n");
    out.append("Command:\n\n```\n").append(command).append("\n```\n\n");
    out.append(context).append("\n\n").append(sizes).append("\n\n");
    out.append(HOW_TO_RUN);

    out.append("## Engines and settings\n\n| target | version | what a commit guarantees |\n"
        + "|---|---|---|\n");
    for (Target t : targets) {
      out.append("| ").append(t.label).append(" | ")
          .append(f.versions().getOrDefault(t, "(did not start)")).append(" | ")
          .append(t.durability).append(" |\n");
    }
    out.append('\n');

    out.append("## Ratios\n\nEach cell is Strata's figure against the anchor's, as a speed-up: "
        + "for rates Strata / anchor, for times anchor / Strata, so **> 1 means Strata is "
        + "faster**. For amounts (errors, file growth) it is Strata / anchor, so < 1 means "
        + "Strata has less. Medians over the repetitions; `–` where a side has no figure.\n\n");
    List<Pair> pairs = new ArrayList<>();
    for (Pair p : PAIRS) {
      if (targets.contains(p.strata()) && targets.contains(p.anchor())) {
        pairs.add(p);
      }
    }
    out.append("| workload | metric |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (Pair p : pairs) {
      out.append(' ').append(p.strata().label).append(" vs ").append(p.anchor().label)
          .append(" |");
      rule.append("---:|");
    }
    out.append('\n').append(rule).append('\n');
    for (Figures.Metric m : f.metrics()) {
      StringBuilder row = new StringBuilder("| " + m.workload() + " | " + m.name() + " |");
      boolean any = false;
      for (Pair p : pairs) {
        List<Double> s = f.values(m, p.strata());
        List<Double> a = f.values(m, p.anchor());
        String cell = "–";
        if (!s.isEmpty() && !a.isEmpty()) {
          double ms = Figures.median(s);
          double ma = Figures.median(a);
          double r = m.kind() == 'H' ? ms / ma : m.kind() == 'L' ? ma / ms : ms / ma;
          if (Double.isFinite(r) && !(ms == 0 && ma == 0)) {
            cell = String.format(Locale.ROOT, "%.2f", r);
            any = true;
          } else if (ms == 0 && ma == 0) {
            cell = "0 = 0";
            any = true;
          }
        }
        row.append(' ').append(cell).append(" |");
      }
      if (any) {
        out.append(row).append('\n');
      }
    }
    out.append('\n');

    out.append("## Figures\n\nMedian [min – max] over the repetitions, each repetition a fresh "
        + "JVM and a fresh database per target.\n\n");
    for (Workload w : Workload.values()) {
      List<Figures.Metric> ms = new ArrayList<>();
      for (Figures.Metric m : f.metrics()) {
        if (m.workload() == w) {
          ms.add(m);
        }
      }
      List<Target> ts = new ArrayList<>();
      for (Target t : targets) {
        boolean has = ms.stream().anyMatch(m -> !f.values(m, t).isEmpty())
            || f.errors().getOrDefault(t, Map.of()).containsKey(w);
        if (has) {
          ts.add(t);
        }
      }
      if (ts.isEmpty()) {
        continue;
      }
      out.append("### ").append(w).append(": ").append(w.description).append("\n\n| target |");
      for (Figures.Metric m : ms) {
        out.append(' ').append(m.name()).append(" |");
      }
      out.append("\n|---|").append("---:|".repeat(ms.size())).append('\n');
      for (Target t : ts) {
        out.append("| ").append(t.label).append(" |");
        for (Figures.Metric m : ms) {
          List<Double> v = f.values(m, t);
          out.append(' ').append(v.isEmpty() ? "–" : String.format(Locale.ROOT, "%s [%s – %s]",
              num(Figures.median(v)), num(Collections.min(v)), num(Collections.max(v))))
              .append(" |");
        }
        out.append('\n');
      }
      for (Target t : ts) {
        List<String> errs = f.errors().getOrDefault(t, Map.of()).get(w);
        if (errs != null) {
          out.append("\n").append(t.label).append(" failed ").append(errs.size())
              .append(" time(s): `").append(errs.get(0).replace("`", "'")).append("`\n");
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String num(double v) {
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}

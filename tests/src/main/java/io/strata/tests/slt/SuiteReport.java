package io.strata.tests.slt;

import io.strata.planner.PhaseTimes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the Markdown report of one or more engine runs over the same files: totals side by side,
 * per directory, and the top failure categories with an example each.
 */
public final class SuiteReport {
  private static final int TOP = 15;

  private SuiteReport() {
  }

  static final String HOW_TO_RUN = """
      ## How to run

      From the repository root (add `-Dslt.xmx=4g` for the whole suite):

      ```
      # the whole suite, Strata and H2 one after the other, each on all cores; writes this file
      mvn -B -o -pl tests -am -Pslt process-test-classes -Dslt.args="--engines strata,h2"
      # one directory (or file) of the suite, any engines (strata, h2, hsqldb, sqlite)
      mvn -B -o -pl tests -am -Pslt process-test-classes \\
          -Dslt.args="--engines strata,h2 --dir index/between --out /tmp/slt.md"
      # the CI gate subset only
      mvn -B -o -pl tests -am -Pslt process-test-classes -Dslt.args="--gate --out /tmp/gate.md"
      # the CI gate itself (JUnit; fails on a query that fails but is not in the baseline)
      mvn -B -o -pl tests -am test -Dtest=SltGateTest -Dsurefire.failIfNoSpecifiedTests=false
      # regenerate a gate baseline after a fix (it should only shrink; keep the cap of 50)
      mvn -B -o -pl tests -am test -Dtest=SltGateTest -Dsurefire.failIfNoSpecifiedTests=false \\
          -Dslt.gate.engine=strata -Dslt.gate.update=true -Dslt.gate.maxQueries=50
      # a long run on a shared machine: one thread, lowest priority, in the background
      nohup nice -n 19 mvn -B -o -pl tests -am -Pslt process-test-classes \\
          -Dslt.args="--engines strata,h2 --threads 1 --max-queries-per-file 500 \\
          --out /tmp/slt.md --log-dir /tmp/slt-log" > /tmp/slt.log 2>&1 &
      ```

      Other options: `--threads N` (default: all cores), `--query-timeout S` (60: the watchdog
      cancels the statement, and stops the file if the engine ignores the cancel),
      `--file-timeout S` (600), `--log-dir DIR` (failure log per engine, with up to 10
      examples per category; default `tests/target/slt`), `--max-queries-per-file K` (run each
      file only up to its K-th query; its statements before that point all run),
      `--baseline-out FILE` (also write the run's failures as a gate baseline), `--shapes`
      (run nothing; count how often the selected files' queries repeat within a file once their
      literals are lifted out, which bounds what a plan cache by statement shape can reuse).

      """;

  /** Counts of a group of files. */
  private static final class Row {
    int files;
    long queries;
    long passed;
    long failed;
    long notRun;
    long wall;
    long cpu;
    long statements;
    long execute;
    long fetch;
    /** Sums of the engine's phases, over the files that reported them. */
    final long[] phases = new long[6];
    boolean hasPhases;

    void add(FileResult r) {
      files++;
      queries += r.queries();
      passed += r.passed();
      failed += r.failed();
      notRun += r.notRun();
      wall += r.wallNanos();
      cpu += r.cpuNanos();
      statements += r.split().statements();
      execute += r.split().execute();
      fetch += r.split().fetch();
      PhaseTimes p = r.split().engine();
      if (p != null) {
        hasPhases = true;
        long[] each = {p.parse(), p.validate(), p.convert(), p.optimise(), p.build(), p.execute()};
        for (int i = 0; i < each.length; i++) {
          phases[i] += each[i];
        }
      }
    }

    String share(long part) {
      return wall == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / wall);
    }

    String pct() {
      return queries == 0 ? "–" : String.format(Locale.ROOT, "%.3f%%", 100.0 * passed / queries);
    }

    String qps(long nanos) {
      return nanos == 0 ? "–" : String.format(Locale.ROOT, "%,.0f", queries / (nanos / 1e9));
    }
  }

  /** The report as Markdown. {@code command} and {@code context} are printed as given. */
  public static String render(List<EngineRun> runs, String command, String context) {
    StringBuilder out = new StringBuilder();
    out.append("# sqllogictest\n\n");
    out.append("The SQLite sqllogictest suite as packaged in `net.hydromatic:sql-logic-test:0.3` "
        + "(622 files), with the runner's `postgresql` skipif/onlyif policy, its result check "
        + "(`I` values read with `getLong`, `T` with `getString`, `R` with `getDouble`; rows "
        + "sorted per the file's sort mode; MD5 of the values past the hash threshold) and a "
        + "fresh in-memory database per file. The expected answers are SQLite's.\n\n");
    out.append("Command:\n\n```\n").append(command).append("\n```\n\n");
    out.append(context).append("\n\n");
    out.append("Columns: `not run` are queries never executed because a `statement ok` failed "
        + "earlier in the file or the file hit its time limit; `pass %` is passed / all queries. "
        + "`time s` is the sum of the files' times (open database to close), so with several "
        + "threads it exceeds the run's elapsed time; `q/s` is queries / `time s` (per thread); "
        + "`cpu s` is the CPU time of the threads that ran the files.\n\n");

    out.append(HOW_TO_RUN);
    out.append("## Totals\n\n");
    out.append("| engine | version | threads | files | queries | passed | failed | not run | "
        + "pass % | elapsed s | time s | q/s | cpu s | q/cpu-s |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (EngineRun run : runs) {
      Row t = new Row();
      run.files().forEach(t::add);
      out.append(String.format(Locale.ROOT,
          "| %s | %s | %d | %d | %,d | %,d | %,d | %,d | %s | %.1f | %.1f | %s | %.1f | %s |%n",
          run.engine().label, run.version(), run.threads(), t.files, t.queries, t.passed,
          t.failed, t.notRun, t.pct(), run.wallNanos() / 1e9, t.wall / 1e9, t.qps(t.wall),
          t.cpu / 1e9, t.qps(t.cpu)));
    }
    out.append('\n');

    out.append("## Where the time goes\n\nShares of the files' time (`time s`) as seen through "
        + "JDBC: running the files' statements (CREATE, INSERT, DELETE…), `executeQuery` "
        + "(parse, plan, open), fetching and checking the rows (lazily produced rows are "
        + "computed here), and the rest (opening and closing the database, the harness).\n\n");
    out.append("| engine | statements | executeQuery | fetch + check | rest |\n"
        + "|---|---:|---:|---:|---:|\n");
    for (EngineRun run : runs) {
      Row t = new Row();
      run.files().forEach(t::add);
      out.append("| ").append(run.engine().label).append(" | ").append(t.share(t.statements))
          .append(" | ").append(t.share(t.execute)).append(" | ").append(t.share(t.fetch))
          .append(" | ").append(t.share(t.wall - t.statements - t.execute - t.fetch))
          .append(" |\n");
    }
    out.append('\n');
    appendPhases(out, runs);

    List<Map<String, Row>> byDir = new ArrayList<>();
    for (EngineRun run : runs) {
      Map<String, Row> m = new TreeMap<>();
      for (FileResult r : run.files()) {
        m.computeIfAbsent(r.directory(), k -> new Row()).add(r);
      }
      byDir.add(m);
    }
    if (runs.size() > 1) {
      out.append("## Per directory, side by side\n\n| directory | files | queries |");
      StringBuilder rule = new StringBuilder("|---|---:|---:|");
      for (EngineRun run : runs) {
        out.append(' ').append(run.engine().label).append(" pass % | ")
            .append(run.engine().label).append(" q/s |");
        rule.append("---:|---:|");
      }
      out.append('\n').append(rule).append('\n');
      for (String dir : byDir.get(0).keySet()) {
        Row first = byDir.get(0).get(dir);
        out.append(String.format(Locale.ROOT, "| %s | %d | %,d |", dir, first.files,
            first.queries));
        for (Map<String, Row> m : byDir) {
          Row r = m.get(dir);
          out.append(' ').append(r == null ? "–" : r.pct()).append(" | ")
              .append(r == null ? "–" : r.qps(r.wall)).append(" |");
        }
        out.append('\n');
      }
      out.append('\n');
    }

    for (int i = 0; i < runs.size(); i++) {
      EngineRun run = runs.get(i);
      out.append("## ").append(run.engine().label).append(": per directory\n\n");
      out.append("| directory | files | queries | passed | failed | not run | pass % | time s "
          + "| q/s |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      Row total = new Row();
      for (Map.Entry<String, Row> e : byDir.get(i).entrySet()) {
        Row r = e.getValue();
        out.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %,d | %s | %.1f "
                + "| %s |%n", e.getKey(), r.files, r.queries, r.passed, r.failed, r.notRun,
            r.pct(), r.wall / 1e9, r.qps(r.wall)));
      }
      run.files().forEach(total::add);
      out.append(String.format(Locale.ROOT, "| **total** | %d | %,d | %,d | %,d | %,d | %s | "
              + "%.1f | %s |%n%n", total.files, total.queries, total.passed, total.failed,
          total.notRun, total.pct(), total.wall / 1e9, total.qps(total.wall)));

      List<CategoryTally.Entry> cats = run.categories().entries();
      long lost = total.failed + total.notRun;
      out.append("### ").append(run.engine().label).append(": top failure categories\n\n");
      if (cats.isEmpty()) {
        out.append("No failures.\n\n");
        continue;
      }
      out.append(String.format(Locale.ROOT, "%d categories; %,d queries failed or not run. "
          + "Top %d:%n%n", cats.size(), lost, Math.min(TOP, cats.size())));
      out.append("| # | category | queries | share | example |\n|---:|---|---:|---:|---|\n");
      for (int c = 0; c < Math.min(TOP, cats.size()); c++) {
        CategoryTally.Entry e = cats.get(c);
        out.append(String.format(Locale.ROOT, "| %d | %s | %,d | %.1f%% | `%s`: `%s` |%n",
            c + 1, cell(e.category(), 200), e.count(), 100.0 * e.count() / lost,
            e.where(), cell(e.example(), 220)));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * The engines' own account of where their statements' time goes, as shares of the files' time
   * (for engines that give one). What the phases leave of the time spent in JDBC calls is the
   * engine's other work (DDL, literal INSERTs, commits, rows produced while being fetched) and the
   * driver's.
   */
  private static void appendPhases(StringBuilder out, List<EngineRun> runs) {
    List<String> lines = new ArrayList<>();
    for (EngineRun run : runs) {
      Row t = new Row();
      run.files().forEach(t::add);
      if (!t.hasPhases) {
        continue;
      }
      long phases = 0;
      StringBuilder line = new StringBuilder("| ").append(run.engine().label).append(" |");
      for (long p : t.phases) {
        phases += p;
        line.append(' ').append(t.share(p)).append(" |");
      }
      long jdbc = t.statements + t.execute + t.fetch;
      line.append(' ').append(t.share(jdbc - phases)).append(" | ")
          .append(t.share(t.wall - jdbc)).append(String.format(Locale.ROOT, " | %.0f |",
              (t.wall / 1e3) / Math.max(1, t.queries)));
      lines.add(line.toString());
    }
    if (lines.isEmpty()) {
      return;
    }
    out.append("### Inside the engine, per phase\n\nThe engine's own timing of its statements "
        + "(queries and the files' statements alike), as shares of the files' time: parse the "
        + "text, validate, convert to relational algebra, optimise, build the operator tree "
        + "(compiling its expressions), run the operators. Statements whose plan is reused skip "
        + "the first four. `other in JDBC calls` is the rest of the time spent inside JDBC calls "
        + "(DDL, commits, literal INSERTs, rows produced while fetched, the driver), `harness` "
        + "what is left of the files' time; `µs/query` is the files' time per query.\n\n");
    out.append("| engine | parse | validate | convert | optimise | build | execute | "
        + "other in JDBC calls | harness | µs/query |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    lines.forEach(l -> out.append(l).append('\n'));
    out.append('\n');
  }

  /** The failure log: every category with up to {@link CategoryTally#SAMPLES} examples. */
  public static String failureLog(EngineRun run) {
    StringBuilder out = new StringBuilder();
    out.append("Failures of ").append(run.version()).append('\n');
    Map<String, Long> order = new LinkedHashMap<>();
    for (CategoryTally.Entry e : run.categories().entries()) {
      order.put(e.category(), e.count());
    }
    for (Map.Entry<String, Long> e : order.entrySet()) {
      out.append("\n== ").append(e.getValue()).append(" × ").append(e.getKey()).append('\n');
      for (String[] s : run.categories().samples(e.getKey())) {
        out.append("  ").append(s[1]).append(": ").append(s[0]).append('\n');
        if (!s[2].isEmpty()) {
          out.append("    ").append(s[2].replace("\n", "\n    ")).append('\n');
        }
      }
    }
    return out.toString();
  }

  static String cell(String s, int max) {
    String t = s.replace("|", "\\|").replace("`", "'").replace("\n", " ");
    return t.length() > max ? t.substring(0, max) + "…" : t;
  }
}

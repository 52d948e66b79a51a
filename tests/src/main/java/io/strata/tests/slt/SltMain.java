package io.strata.tests.slt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line: runs the suite, or directories of it, on one or more engines (one after the
 * other, each in parallel across files) and writes the Markdown report and a failure log per
 * engine.
 *
 * <pre>
 * SltMain [--engines strata,h2] [--dir DIR]... [--gate] [--threads N]
 *         [--query-timeout S] [--file-timeout S] [--out FILE] [--log-dir DIR] [--shapes]
 * </pre>
 * {@code DIR} is a directory of the suite such as {@code index/between} or {@code random} or a
 * single file ({@code select1.test}); without {@code --dir} the whole suite runs. With
 * {@code --shapes} nothing runs: it prints how often the files' queries repeat once their literals
 * are taken out ({@link StatementShapes}).
 */
public final class SltMain {
  private SltMain() {
  }

  public static void main(String[] args) throws IOException {
    List<SltEngine> engines = new ArrayList<>(List.of(SltEngine.STRATA, SltEngine.H2));
    Set<String> dirs = new LinkedHashSet<>();
    boolean gate = false;
    int threads = Runtime.getRuntime().availableProcessors();
    long queryTimeout = 60;
    long fileTimeout = 600;
    Path out = Path.of("docs/sqllogictest.md");
    Path logDir = Path.of("tests/target/slt");
    int maxQueries = 0;
    Path baselineOut = null;
    boolean shapes = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--engines" -> {
          engines.clear();
          for (String e : args[++i].split(",")) {
            engines.add(SltEngine.byId(e.trim()));
          }
        }
        case "--dir" -> dirs.add(args[++i]);
        case "--gate" -> gate = true;
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--query-timeout" -> queryTimeout = Long.parseLong(args[++i]);
        case "--file-timeout" -> fileTimeout = Long.parseLong(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--log-dir" -> logDir = Path.of(args[++i]);
        case "--max-queries-per-file" -> maxQueries = Integer.parseInt(args[++i]);
        case "--baseline-out" -> baselineOut = Path.of(args[++i]);
        case "--shapes" -> shapes = true;
        default -> {
          System.err.println("unknown argument " + args[i] + "\nusage: SltMain [--engines "
              + "strata,h2,hsqldb,sqlite] [--dir DIR]... [--gate] [--threads N] "
              + "[--query-timeout S] [--file-timeout S] [--out FILE] [--log-dir DIR] "
              + "[--max-queries-per-file K] [--baseline-out FILE] [--shapes]");
          System.exit(2);
        }
      }
    }
    SuiteFiles suite = SuiteFiles.load();
    Set<String> files = new LinkedHashSet<>();
    if (gate) {
      files.addAll(suite.gateSubset());
    }
    for (String d : dirs) {
      files.addAll(suite.under(d));
    }
    if (files.isEmpty()) {
      files.addAll(suite.all());
    }
    List<String> list = new ArrayList<>(files);
    if (shapes) {
      System.out.print(StatementShapes.report(list));
      return;
    }
    SuiteRunner.Settings settings = new SuiteRunner.Settings(threads, queryTimeout, fileTimeout,
        baselineOut != null, System.out, maxQueries);
    List<EngineRun> runs = new ArrayList<>();
    Files.createDirectories(logDir);
    for (SltEngine e : engines) {
      System.out.printf("== %s: %d files, %d threads%n", e.label, list.size(), threads);
      EngineRun run = SuiteRunner.run(e, list, suite, settings);
      runs.add(run);
      if (baselineOut != null) {
        // With several engines, one file per engine: NAME-<engine>.txt.
        Path b = engines.size() == 1 ? baselineOut : baselineOut.resolveSibling(
            baselineOut.getFileName().toString().replace(".txt", "-" + e.id + ".txt"));
        Baseline base = Baseline.of(run.files()).withMaxQueriesPerFile(maxQueries);
        try (java.io.Writer w = Files.newBufferedWriter(b)) {
          base.write(w, Baseline.header(run, maxQueries, base.size()));
        }
        System.out.println("baseline written to " + b);
      }
      Path log = logDir.resolve(e.id + "-failures.txt");
      Files.writeString(log, SuiteReport.failureLog(run));
      System.out.printf("== %s: %,d queries, %,d passed (%.3f%%), %,d failed, %,d not run, "
              + "%.1f s; failure log %s%n", e.label, run.queries(), run.passed(),
          100.0 * run.passed() / Math.max(1, run.queries()), run.failed(), run.notRun(),
          run.wallNanos() / 1e9, log);
    }
    String capped = maxQueries > 0 ? ", each file up to its query " + maxQueries : "";
    String scope = gate && dirs.isEmpty() ? "the CI gate subset"
        : dirs.isEmpty() ? "the whole suite" : String.join(", ", dirs);
    String context = String.format("Run of %s (%d files%s), %s UTC. Machine: %d cores (%s %s), "
            + "Java %s, max heap %d MB. Limits: %d s per query, %d s per file.", scope,
        list.size(), capped, Instant.now().truncatedTo(ChronoUnit.SECONDS),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.arch"), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, queryTimeout, fileTimeout);
    String command = "mvn -B -o -pl tests -am -Pslt process-test-classes -Dslt.args=\""
        + String.join(" ", args) + "\"";
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, SuiteReport.render(runs, command, context));
    System.out.println("report written to " + out.toAbsolutePath());
  }
}

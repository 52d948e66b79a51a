package io.strata.tests.slt;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CI gate: runs the fixed subset ({@link SuiteFiles#gateSubset()}) on an engine and compares
 * its failures with the checked-in baseline {@code slt/gate-baseline-<engine>.txt}. It fails when
 * a query that passes in the baseline fails now, and lists the queries that pass now but are
 * still in the baseline.
 *
 * <p>{@code -Dslt.gate.engine=h2} picks another engine; {@code -Dslt.gate.update=true} rewrites
 * the baseline from this run (run it after a fix to shrink the list). Each file runs up to the
 * query cap recorded in the baseline ({@code -Dslt.gate.maxQueries=K} when updating; 0 runs
 * whole files): the cap keeps the gate within a few minutes of CI time on a slow engine.
 */
class SltGateTest {
  private static final String DEFAULT_ENGINE = "strata";

  @Test
  void failuresOfTheGateSubsetAreAllInTheBaseline() throws IOException {
    SltEngine engine = SltEngine.byId(System.getProperty("slt.gate.engine", DEFAULT_ENGINE));
    SuiteFiles suite = SuiteFiles.load();
    List<String> files = suite.gateSubset();
    String resource = "slt/gate-baseline-" + engine.id + ".txt";
    boolean update = Boolean.getBoolean("slt.gate.update");
    Baseline baseline = null;
    int cap = Integer.getInteger("slt.gate.maxQueries", 0);
    if (!update) {
      InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
      assertNotNull(in, "no baseline " + resource + " for " + engine.id
          + "; generate it with -Dslt.gate.update=true");
      try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        baseline = Baseline.read(r);
      }
      cap = baseline.maxQueriesPerFile();
    }
    SuiteRunner.Settings settings = new SuiteRunner.Settings(
        Runtime.getRuntime().availableProcessors(), 60, 600, true, null, cap);
    EngineRun run = SuiteRunner.run(engine, files, suite, settings);
    Baseline current = Baseline.of(run.files()).withMaxQueriesPerFile(cap);
    System.out.printf("sqllogictest gate on %s: %d files, %,d queries, %,d passed, %,d failed, "
            + "%,d not run, %.1f s%n", run.version(), files.size(), run.queries(), run.passed(),
        run.failed(), run.notRun(), run.wallNanos() / 1e9);

    if (update) {
      Path out = Path.of("src/test/resources", resource);
      try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        current.write(w, Baseline.header(run, cap, current.size()));
      }
      System.out.println("baseline written to " + out.toAbsolutePath());
      return;
    }

    Baseline.Comparison c = baseline.compare(current);
    System.out.printf("baseline: %,d failing; still failing %,d, newly passing %,d, regressions "
        + "%,d%n", baseline.size(), c.stillFailing(), c.newlyPassing().size(),
        c.regressions().size());
    if (!c.newlyPassing().isEmpty()) {
      System.out.println("Newly passing (remove them from the baseline with "
          + "-Dslt.gate.update=true):");
      c.newlyPassing().stream().limit(50).forEach(k -> System.out.println("  " + k));
    }
    Map<String, Failure> byKey = new HashMap<>();
    run.files().forEach(f -> f.failures().forEach(x -> byKey.put(x.key(), x)));
    StringBuilder msg = new StringBuilder();
    msg.append(c.regressions().size()).append(" queries that pass in the baseline fail now:\n");
    for (String k : c.regressions().subList(0, Math.min(30, c.regressions().size()))) {
      Failure f = byKey.get(k);
      msg.append("  ").append(k).append(": ")
          .append(f == null ? current.category(k) : f.category() + "\n    " + f.sql())
          .append('\n');
    }
    assertTrue(c.ok(), msg.toString());
  }
}

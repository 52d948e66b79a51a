package io.strata.tests.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole benchmark at a tiny size, one repetition: every target in its own JVM, every
 * workload, every answer checked. It proves the harness works, not how fast anything is: the
 * anchors must run every workload without an error; Strata (file, sync=full) must produce, for
 * every workload, a figure or an error that the report shows.
 */
class BenchSmokeTest {
  static final List<Target> ANCHORS = List.of(Target.H2_FILE, Target.HSQLDB_FILE,
      Target.HSQLDB_VERSIONED, Target.SQLITE_FILE, Target.H2_MEM, Target.HSQLDB_MEM,
      Target.SQLITE_MEM);
  static final List<Target> TARGETS = java.util.stream.Stream.concat(
      java.util.stream.Stream.of(Target.STRATA_FULL), ANCHORS.stream()).toList();

  @Test
  void everyTargetRunsEveryWorkloadWithCheckedAnswers() throws Exception {
    Sizes tiny = new Sizes(2_000, 50, 500, 10, 200, 200, 0.3, 10);
    BenchMain.Plan plan = new BenchMain.Plan(tiny, 1, TARGETS, EnumSet.allOf(Workload.class),
        "512m", 300, Path.of("target/bench-smoke"));
    Figures f = BenchMain.run(plan, System.out);

    String md = BenchReport.render(f, TARGETS, "cmd", "context", BenchMain.describe(plan));
    for (Target t : ANCHORS) {
      assertEquals(Map.of(), f.errors().getOrDefault(t, Map.of()), t + ": workloads that failed");
    }
    for (Target t : TARGETS) {
      assertTrue(f.versions().containsKey(t), t + " did not report its version");
      Map<Workload, List<String>> errors = f.errors().getOrDefault(t, Map.of());
      for (Workload w : t.workloads()) {
        boolean figure = f.metrics().stream().anyMatch(m -> m.workload() == w
            && !f.values(m, t).isEmpty());
        assertTrue(figure || errors.containsKey(w), t + " has neither figure nor error for " + w);
        if (errors.containsKey(w)) {
          assertTrue(md.contains(t.label + " failed "), t + "'s failure is not in the report");
        }
      }
    }
    for (Workload w : Workload.values()) {
      assertTrue(md.contains("### " + w + ": "), w + " missing from the report");
    }
    assertTrue(md.contains("| SQLite file | SQLite 3."), md);
    assertFalse(md.contains("(did not start)"), md);
  }
}

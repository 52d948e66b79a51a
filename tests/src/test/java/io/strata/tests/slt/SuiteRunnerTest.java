package io.strata.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parallel runner, its watchdog and the report over small files. */
class SuiteRunnerTest {

  @Test
  void watchdogCancelsARunawayQueryAndTheFileGoesOn() {
    SuiteRunner.Settings s = new SuiteRunner.Settings(1, 1, 60, true, null);
    EngineRun run = SuiteRunner.run(SltEngine.H2, List.of("slt/selftest/slow-h2.test"),
        SuiteFiles.load(), s);
    FileResult r = run.files().get(0);
    assertEquals(2, r.queries());
    assertEquals(1, r.passed());
    assertEquals(1, r.failed());
    assertTrue(r.failures().get(0).category().startsWith("timeout"), r.failures().toString());
    assertTrue(r.wallNanos() < 30_000_000_000L, "cancel took " + r.wallNanos() / 1e9 + " s");
  }

  @Test
  void runsFilesInParallelAndReportsSideBySide() {
    List<String> files = List.of("slt/selftest/basic.test", "slt/selftest/stops.test",
        "test/select1.test");
    SuiteRunner.Settings s = new SuiteRunner.Settings(2, 60, 600, true, null);
    SuiteFiles suite = SuiteFiles.load();
    EngineRun sqlite = SuiteRunner.run(SltEngine.SQLITE, files, suite, s);
    EngineRun h2 = SuiteRunner.run(SltEngine.H2, files, suite, s);
    assertEquals(1008, sqlite.queries());
    assertEquals(1000 + 3 + 1, sqlite.passed());
    assertEquals(2, sqlite.failed());
    assertEquals(2, sqlite.notRun());
    assertEquals(files.get(2), sqlite.files().get(2).file());
    List<CategoryTally.Entry> cats = sqlite.categories().entries();
    assertEquals(3, cats.size(), cats.toString());
    assertTrue(cats.get(0).category().startsWith("file stopped"), cats.toString());
    assertEquals(2, cats.get(0).count());

    String md = SuiteReport.render(List.of(sqlite, h2), "cmd", "context");
    assertTrue(md.contains("| SQLite | SQLite 3."), md);
    assertTrue(md.contains("| slt/selftest | 2 | 8 | 50.000% |"), md);
    assertTrue(md.contains("wrong result: values differ"), md);
    assertTrue(md.contains("SQLite pass % | SQLite q/s | H2 pass % | H2 q/s |"), md);
  }

  @Test
  void strataReportsWhereItsTimeGoesPerPhase() {
    SuiteRunner.Settings s = new SuiteRunner.Settings(1, 60, 600, true, null);
    EngineRun strata = SuiteRunner.run(SltEngine.STRATA, List.of("slt/selftest/basic.test"),
        SuiteFiles.load(), s);
    io.strata.planner.PhaseTimes p = strata.files().get(0).split().engine();
    assertTrue(p != null && p.parse() > 0 && p.validate() > 0 && p.optimise() > 0
        && p.execute() > 0, String.valueOf(p));
    assertTrue(p.total() <= strata.files().get(0).wallNanos(), "phases fit in the file's time");
    String md = SuiteReport.render(List.of(strata), "cmd", "context");
    assertTrue(md.contains("### Inside the engine, per phase"), md);
    assertTrue(md.matches("(?s).*\\| Strata \\| [0-9.]+% \\| [0-9.]+% \\|.*"), md);
  }
}

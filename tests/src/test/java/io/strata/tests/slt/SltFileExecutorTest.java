package io.strata.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs small hand-written files through the executor on the anchor engines. */
class SltFileExecutorTest {

  private static FileResult run(SltEngine engine, String file) {
    return new SltFileExecutor(SuiteFiles.quietOptions(), engine)
        .run(SuiteFiles.parse(file), file);
  }

  @ParameterizedTest
  @EnumSource(value = SltEngine.class, names = {"SQLITE", "H2", "HSQLDB"})
  void countsPassesMismatchesAndErrors(SltEngine engine) {
    FileResult r = run(engine, "slt/selftest/basic.test");
    // The skipif-postgresql query is not part of the file under the policy.
    assertEquals(5, r.queries());
    assertEquals(3, r.passed(), () -> r.failures().toString());
    assertEquals(2, r.failed());
    assertEquals(0, r.notRun());
    assertNull(r.abort());
    Failure mismatch = r.failures().get(0);
    assertEquals(2, mismatch.ordinal());
    assertEquals("slt/selftest/basic.test#2", mismatch.key());
    assertEquals("wrong result: values differ", mismatch.category());
    assertTrue(mismatch.detail().contains("Expected"), mismatch.detail());
    Failure error = r.failures().get(1);
    assertEquals(3, error.ordinal());
    assertTrue(error.category().startsWith("error: "), error.category());
    assertEquals("SELECT nosuchcolumn FROM t1", error.sql());
    assertTrue(r.wallNanos() > 0);
  }

  @ParameterizedTest
  @EnumSource(value = SltEngine.class, names = {"SQLITE", "H2", "HSQLDB"})
  void failingStatementStopsTheFileAndCountsTheRestAsNotRun(SltEngine engine) {
    FileResult r = run(engine, "slt/selftest/stops.test");
    assertEquals(3, r.queries());
    assertEquals(1, r.passed());
    assertEquals(0, r.failed());
    assertEquals(2, r.notRun());
    assertTrue(r.abort().startsWith("file stopped: statement failed: error: "), r.abort());
    assertEquals("INSERT INTO nosuchtable VALUES(1)", r.abortExample());
  }

  @ParameterizedTest
  @EnumSource(value = SltEngine.class, names = {"SQLITE", "H2", "HSQLDB"})
  void eachFileGetsAnEmptyDatabase(SltEngine engine) {
    // basic.test creates t1; a second run fails at once if the database were shared.
    assertEquals(3, run(engine, "slt/selftest/basic.test").passed());
    assertEquals(3, run(engine, "slt/selftest/basic.test").passed());
  }

  @org.junit.jupiter.api.Test
  void aQueryCapEndsTheFileAtThatQuery() {
    FileResult r = new SltFileExecutor(SuiteFiles.quietOptions(), SltEngine.SQLITE, 3)
        .run(SuiteFiles.parse("slt/selftest/basic.test"), "basic");
    assertEquals(3, r.queries());
    assertEquals(1, r.passed());
    assertEquals(2, r.failed());
    assertEquals(0, r.notRun());
  }

  @org.junit.jupiter.api.Test
  void dropViewRewriteMatchesTheRunner() {
    assertEquals("DROP VIEW IF EXISTS v1 CASCADE", SltFileExecutor.rewriteDropView("DROP VIEW v1"));
    assertEquals("DROP VIEW IF EXISTS v1 CASCADE",
        SltFileExecutor.rewriteDropView("DROP VIEW IF EXISTS v1"));
    assertEquals("DROP TABLE t1", SltFileExecutor.rewriteDropView("DROP TABLE t1"));
  }
}

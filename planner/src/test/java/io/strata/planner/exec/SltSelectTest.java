package io.strata.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/**
 * The executor against sqllogictest's select files, planned by plain Calcite (see
 * {@link SltHarness}). By default the first 100 queries of select1.test run; the property
 * {@code strata.exec.slt} ("select1.test:1000,select2.test:1000") widens the run.
 */
class SltSelectTest {

  @Test
  void selectFiles() throws Exception {
    // the suite's files come from the net.hydromatic:sql-logic-test jar (test scope)
    assertNotNull(getClass().getClassLoader().getResource("test/select1.test"),
        "net.hydromatic:sql-logic-test is not on the test class path");
    String spec = System.getProperty("strata.exec.slt", "select1.test:100");
    int failed = 0;
    StringBuilder report = new StringBuilder();
    for (String part : spec.split(",")) {
      String[] fm = part.split(":");
      int max = fm.length > 1 ? Integer.parseInt(fm[1]) : Integer.MAX_VALUE;
      SltHarness.Tally t = SltHarness.runFile("test/" + fm[0], max);
      report.append(fm[0]).append(": ").append(t).append('\n');
      for (String f : t.failures.subList(0, Math.min(15, t.failures.size()))) {
        report.append("  ").append(f).append('\n');
      }
      failed += t.failed;
    }
    System.out.println(report);
    assertEquals(0, failed, report.toString());
  }
}

package io.strata.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteFilesTest {
  private final SuiteFiles suite = SuiteFiles.load();

  @Test
  void theJarHoldsTheWholeSuite() {
    assertEquals(622, suite.all().size());
    assertEquals(12, suite.under("evidence").size());
    assertEquals(List.of("test/select3.test"), suite.under("select3.test"));
    assertEquals(suite.under("index/in"), suite.under("test/index/in/"));
    assertThrows(IllegalArgumentException.class, () -> suite.under("no/such/dir"));
  }

  @Test
  void gateSubsetIsSelectOneToFiveAndTheFirstFileOfEveryLeafDirectory() {
    List<String> gate = suite.gateSubset();
    // 5 select files + 28 leaf directories under index/ + 4 under random/ + evidence/.
    assertEquals(38, gate.size(), gate.toString());
    assertEquals("test/select1.test", gate.get(0));
    assertTrue(gate.contains("test/index/between/1/slt_good_0.test"));
    assertTrue(gate.contains("test/random/expr/slt_good_0.test"));
    assertTrue(gate.contains("test/evidence/in1.test"));
    // index/view/10/slt_good_0.test has no queries, so its directory is represented by the next.
    assertFalse(gate.contains("test/index/view/10/slt_good_0.test"));
    assertTrue(gate.contains("test/index/view/10/slt_good_1.test"));
  }
}

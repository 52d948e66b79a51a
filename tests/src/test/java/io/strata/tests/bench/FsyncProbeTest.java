package io.strata.tests.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsyncProbeTest {

  @Test
  void measuresARateAndLeavesNoFileBehind(@TempDir Path dir) throws Exception {
    double rate = FsyncProbe.commitsPerSecond(dir, 2, 20);
    assertTrue(rate > 0 && Double.isFinite(rate), "rate " + rate);
    try (var files = Files.list(dir)) {
      assertTrue(files.findAny().isEmpty(), "probe file removed");
    }
  }
}

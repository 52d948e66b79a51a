package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A statement that runs out of heap fails with a SQLException (54000) and leaves its connection
 * usable, for reads and writes: run in a child JVM with a 64 MB heap, so that only the child runs
 * out. (A commit that runs out of heap is tested in storage, {@code CommitFailureTest}.)
 */
class OutOfMemoryTest {
  @Test
  void aStatementThatExhaustsTheHeapFailsWithASqlStateAndTheConnectionGoesOn() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), OutOfMemoryChild.class.getName())
        .redirectErrorStream(true).start();
    String out = read(child);
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child did not finish");
    List<String> lines = out.lines().filter(l -> l.startsWith("FAILED") || l.startsWith("COUNT")
        || l.startsWith("NO FAILURE")).toList();
    assertEquals(0, child.exitValue(), out);
    assertEquals(2, lines.size(), out);
    assertTrue(lines.get(0).startsWith("FAILED " + SqlStates.LIMIT_EXCEEDED + " "), out);
    assertEquals("COUNT 2", lines.get(1), out);
  }

  private static String read(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}

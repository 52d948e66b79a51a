package io.strata.tests.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's comparison: regressions fail it, newly passing queries are reported. */
class BaselineTest {

  private static FileResult file(String name, int queries, int notRun, int... failed) {
    List<Failure> fs = java.util.Arrays.stream(failed)
        .mapToObj(i -> new Failure(name, i, "SELECT " + i, "error: E" + i, "")).toList();
    return new FileResult(name, queries, queries - notRun - fs.size(), fs.size(), notRun,
        notRun > 0 ? "file stopped: statement failed: x" : null, null, fs, 1, 1,
        FileResult.TimeSplit.NONE);
  }

  @Test
  void failuresAndQueriesNeverRunAreBothInTheBaseline() {
    Baseline b = Baseline.of(List.of(file("a.test", 10, 3, 2, 5), file("b.test", 4, 0)));
    assertEquals(5, b.size());
    assertTrue(b.contains("a.test#2"));
    assertTrue(b.contains("a.test#5"));
    assertTrue(b.contains("a.test#8") && b.contains("a.test#9") && b.contains("a.test#10"));
    assertFalse(b.contains("a.test#7"));
    assertEquals("file stopped: statement failed: x", b.category("a.test#10"));
  }

  @Test
  void comparisonSeparatesRegressionsFromFixes() {
    Baseline base = Baseline.of(List.of(file("a.test", 10, 0, 2, 5)));
    Baseline now = Baseline.of(List.of(file("a.test", 10, 0, 5, 7)));
    Baseline.Comparison c = base.compare(now);
    assertEquals(List.of("a.test#7"), c.regressions());
    assertEquals(List.of("a.test#2"), c.newlyPassing());
    assertEquals(1, c.stillFailing());
    assertFalse(c.ok());
    assertTrue(base.compare(Baseline.of(List.of(file("a.test", 10, 0, 5)))).ok());
  }

  @Test
  void writeThenReadKeepsKeysInFileAndNumericOrder() throws IOException {
    Baseline b = Baseline.of(List.of(file("a.test", 20, 0, 10, 9), file("B.test", 3, 0, 1)));
    StringWriter w = new StringWriter();
    b.write(w, "header line 1\nheader line 2");
    String text = w.toString();
    assertTrue(text.startsWith("# header line 1\n# header line 2\n# max queries per file: 0\nB.test#1\t"),
        text);
    assertTrue(text.indexOf("a.test#9\t") < text.indexOf("a.test#10\t"), text);
    Baseline back = Baseline.read(new StringReader(text));
    assertEquals(3, back.size());
    assertTrue(back.compare(b).ok());
    assertTrue(back.compare(b).newlyPassing().isEmpty());
    assertEquals("error: E10", back.category("a.test#10"));
  }

  @Test
  void theQueryCapTravelsWithTheBaseline() throws IOException {
    StringWriter w = new StringWriter();
    Baseline.of(List.of(file("a.test", 50, 0, 3))).withMaxQueriesPerFile(50).write(w, "h");
    assertTrue(w.toString().contains("# max queries per file: 50\n"), w.toString());
    Baseline back = Baseline.read(new StringReader(w.toString()));
    assertEquals(50, back.maxQueriesPerFile());
    assertEquals(1, back.size());
    assertEquals(0, Baseline.read(new StringReader("a.test#1\tx\n")).maxQueriesPerFile());
  }

  @Test
  void malformedLinesAreRejected() {
    assertThrows(IOException.class, () -> Baseline.read(new StringReader("no key here\n")));
  }
}

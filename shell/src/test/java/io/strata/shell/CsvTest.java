package io.strata.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void fieldsAreQuotedOnlyWhenNeeded() {
    assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",,\"\",\"x\ny\",\" lead\"",
        Csv.record(new String[] {"a", "b,c", "say \"hi\"", null, "", "x\ny", " lead"}));
  }

  @Test
  void recordsRoundTripIncludingNullAndEmpty() throws IOException {
    String[] values = {"plain", "with,comma", "quote\"inside", null, "", "multi\nline", "日本"};
    String text = Csv.record(values) + "\r\n" + Csv.record(values) + "\n";
    Csv.Parser p = new Csv.Parser(new StringReader(text));
    assertEquals(Arrays.asList(values), p.next());
    assertEquals(3, p.line());
    assertEquals(Arrays.asList(values), p.next());
    assertNull(p.next());
  }

  @Test
  void blankLinesAreSkippedAndBadQuotingIsReported() throws IOException {
    Csv.Parser p = new Csv.Parser(new StringReader("a,b\n\n1,2"));
    assertEquals(List.of("a", "b"), p.next());
    assertEquals(List.of("1", "2"), p.next());
    assertNull(p.next());
    Csv.Parser bad = new Csv.Parser(new StringReader("x\n\"open"));
    assertEquals(List.of("x"), bad.next());
    IOException e = assertThrows(IOException.class, bad::next);
    assertEquals("unterminated quoted field starting on line 2", e.getMessage());
  }
}

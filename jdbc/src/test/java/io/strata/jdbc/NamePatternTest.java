package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamePatternTest {
  private static final List<String> NAMES = List.of("PERSON", "PERSONS", "Person", "ORDER_ITEM", "ORDERXITEM");

  private static List<String> match(String pattern) {
    return NamePattern.of(pattern).filter(NAMES, s -> s);
  }

  @Test
  void wildcardsAndEscapes() {
    assertEquals(NAMES, match(null));
    assertEquals(NAMES, match("%"));
    assertEquals(List.of("PERSON", "PERSONS"), match("PERS%"));
    assertEquals(List.of("ORDER_ITEM", "ORDERXITEM"), match("ORDER_ITEM"));
    assertEquals(List.of("ORDER_ITEM"), match("ORDER\\_ITEM"));
  }

  @Test
  void exactCaseFirstThenCaseInsensitive() {
    assertEquals(List.of("Person"), match("Person"));
    assertEquals(List.of("PERSON", "Person"), match("person"));
    assertEquals(List.of(), match("nobody"));
  }
}

package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small name map answers as a hash map, whether a name sits in the fields or the map. */
class SmallNameMapTest {
  @Test
  void answersAsAHashMap() {
    SmallNameMap<Integer> small = new SmallNameMap<>();
    Map<String, Integer> model = new HashMap<>();
    String[] names = {"t", "u", "t", "catalog", "u", "t", "index:t_a", "catalog"};
    for (int i = 0; i < names.length; i++) {
      assertEquals(model.get(names[i]), small.get(names[i]), "before put " + i);
      // a name equal to but not the same object as the one stored
      String name = new String(names[i]);
      small.put(name, i);
      model.put(name, i);
      for (String n : model.keySet()) {
        assertEquals(model.get(n), small.get(n), n + " after put " + i);
      }
    }
    assertNull(small.get("absent"));
  }
}

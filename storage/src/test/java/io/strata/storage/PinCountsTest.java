package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pin counts answer as a map of boxed counts would, through growth and removals. */
class PinCountsTest {
  @Test
  void countsAsAMapDoes() {
    long seed = System.nanoTime();
    System.out.println("PinCountsTest seed " + seed);
    Random r = new Random(seed);
    PinCounts pins = new PinCounts();
    Map<Long, Integer> model = new HashMap<>();
    List<Long> held = new ArrayList<>();
    for (int step = 0; step < 200_000; step++) {
      // versions from a window that drifts upwards, as readers' versions do, plus a few far ones
      long v = r.nextInt(10) == 0 ? r.nextInt(1 << 20) : step / 50 + r.nextInt(300);
      if (held.isEmpty() || r.nextInt(100) < 52 - held.size() / 40) {
        pins.add(v);
        model.merge(v, 1, Integer::sum);
        held.add(v);
      } else {
        long u = held.remove(r.nextInt(held.size()));
        int left = model.merge(u, -1, Integer::sum);
        if (left == 0) {
          model.remove(u);
        }
        assertEquals(left, pins.release(u), "release " + u + " at step " + step);
      }
      if (step % 1000 == 0) {
        for (long probe = 0; probe < step / 50 + 400; probe++) {
          assertEquals(model.getOrDefault(probe, 0), pins.get(probe), "count of " + probe);
        }
        for (long u : held) {
          assertEquals(model.get(u), pins.get(u), "count of held " + u);
        }
      }
      assertEquals(model.size(), pins.size(), "distinct versions at step " + step);
    }
    assertEquals(0, pins.release(Long.MAX_VALUE / 2), "a version never pinned");
  }
}

package io.strata.tests.slt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Failure counts by category, with the first failure seen of each as its example. A file stopped
 * by a failing statement counts once per query it never ran, under the statement's category.
 */
public final class CategoryTally {
  /** One category: how many queries it cost and one example. */
  public record Entry(String category, long count, String example, String where, String detail) {
  }

  /** Examples kept per category for the failure log. */
  static final int SAMPLES = 10;

  private final Map<String, long[]> counts = new HashMap<>();
  private final Map<String, List<String[]>> examples = new HashMap<>();

  synchronized void add(FileResult r) {
    for (Failure f : r.failures()) {
      add(f.category(), 1, f.sql(), f.key(), f.detail());
    }
    if (r.notRun() > 0) {
      add(r.abort() == null ? "not run" : r.abort(), r.notRun(),
          r.abortExample() == null ? "" : r.abortExample(), r.file(), "");
    }
  }

  private void add(String category, long n, String sql, String where, String detail) {
    counts.computeIfAbsent(category, k -> new long[1])[0] += n;
    List<String[]> ex = examples.computeIfAbsent(category, k -> new ArrayList<>());
    if (ex.size() < SAMPLES) {
      ex.add(new String[] {sql, where, detail});
    }
  }

  /** Up to {@link #SAMPLES} examples of a category: {sql, file#ordinal, detail}. */
  public synchronized List<String[]> samples(String category) {
    return List.copyOf(examples.getOrDefault(category, List.of()));
  }

  /** Categories by descending count. */
  public synchronized List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      String[] ex = examples.get(e.getKey()).get(0);
      out.add(new Entry(e.getKey(), e.getValue()[0], ex[0], ex[1], ex[2]));
    }
    out.sort(Comparator.comparingLong(Entry::count).reversed()
        .thenComparing(Entry::category));
    return out;
  }
}

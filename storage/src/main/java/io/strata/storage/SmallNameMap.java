package io.strata.storage;

import java.util.HashMap;
import java.util.Map;

/**
 * A map from tree name to V that holds its first entry in fields and makes a hash map only for a
 * second name. A transaction remembers its trees in these, and most transactions (a statement's
 * snapshot) touch one tree: a point lookup then allocates no map at all. Not thread-safe.
 */
final class SmallNameMap<V> {
  private String firstName;
  private V first;
  private Map<String, V> more;

  V get(String name) {
    if (name.equals(firstName)) {
      return first;
    }
    return more == null ? null : more.get(name);
  }

  void put(String name, V value) {
    if (firstName == null || name.equals(firstName)) {
      firstName = name;
      first = value;
      return;
    }
    if (more == null) {
      more = new HashMap<>();
    }
    more.put(name, value);
  }
}

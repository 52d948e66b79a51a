package io.strata.tests.storage;

import io.strata.storage.Store;
import io.strata.storage.StoreOptions;
import io.strata.storage.Tree;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The child of {@link KillTest}: commits numbered entries in a loop (fsync on) and prints
 * {@code ACK <version> <n>} after each commit returns, until it is killed.
 */
public final class KillChild {
  private KillChild() {}

  static byte[] key(long n) {
    return ("n" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The value committed for entry n (some large enough for overflow pages). */
  static byte[] value(long n) {
    int len = n % 11 == 0 ? 6000 + (int) (n % 5000) : 8 + (int) (n % 40);
    byte[] v = new byte[len];
    long x = n * 0x9E3779B97F4A7C15L + 1;
    for (int i = 0; i < len; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      v[i] = (byte) x;
    }
    return v;
  }

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    PrintStream out = System.out;
    try (Store store = Store.open(file, StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(5)))) {
      long next = store.view(r -> r.tree("kill").map(t -> {
        byte[] last = t.get("last".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return last == null ? 0L : ByteBuffer.wrap(last).getLong() + 1;
      }).orElse(0L));
      out.println("READY " + store.latestVersion());
      out.flush();
      while (true) {
        long n = next;
        long v = store.update(t -> {
          Tree tr = t.tree("kill").orElseGet(() -> t.createTree("kill"));
          tr.put(key(n), value(n));
          tr.put("last".getBytes(java.nio.charset.StandardCharsets.UTF_8), ByteBuffer.allocate(8).putLong(n).array());
          if (n % 3 == 0 && n > 10) {
            tr.put(key(n - 10), value(n - 10)); // rewrite an old entry: same value, new pages
          }
          t.describe("kill " + n);
        });
        out.println("ACK " + v + " " + n);
        out.flush();
        next++;
      }
    }
  }
}

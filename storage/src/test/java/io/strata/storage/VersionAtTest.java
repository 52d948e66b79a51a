package io.strata.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AS OF TIMESTAMP: the newest version at or before a time, found by bisecting commit times. */
class VersionAtTest {
  @TempDir
  Path dir;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * What versionAt must answer, from the live versions' commit times: the newest version at or
   * before t, unless the version after it was dropped (the state at t may then be that one).
   */
  static Optional<Long> expected(TreeMap<Long, Long> liveByTime, long latest, long t) {
    var e = liveByTime.floorEntry(t);
    if (e == null) {
      return Optional.empty();
    }
    long v = e.getValue();
    if (v != latest && !liveByTime.containsValue(v + 1)) {
      return Optional.empty();
    }
    return Optional.of(v);
  }

  static TreeMap<Long, Long> liveByTime(Store store) {
    TreeMap<Long, Long> m = new TreeMap<>();
    for (Version v : store.versions()) {
      m.put(History.nanos(v.commitTime()), v.id());
    }
    return m;
  }

  static void checkAgainstHistory(Store store, Random rnd) {
    TreeMap<Long, Long> live = liveByTime(store);
    long latest = store.latestVersion();
    List<Long> probes = new ArrayList<>();
    for (long t : live.keySet()) {
      probes.add(t);
      probes.add(t - 1);
      probes.add(t + 1);
    }
    long first = live.firstKey();
    long last = live.lastKey();
    for (int i = 0; i < 500; i++) {
      probes.add(first - 1000 + (long) (rnd.nextDouble() * (last - first + 2000)));
    }
    for (long t : probes) {
      Optional<Long> got = store.versionAt(History.instant(t)).map(Version::id);
      assertEquals(expected(live, latest, t), got, "versionAt(" + t + " ns)");
    }
  }

  @Test
  void bisectsCommitTimesAcrossTheGapsOfDroppedVersions() {
    long seed = System.nanoTime();
    System.out.println("VersionAtTest seed " + seed);
    Random rnd = new Random(seed);
    StoreOptions opts = StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(4));
    try (Store store = Store.inMemory(opts)) {
      store.update(t -> t.createTree("t"));
      for (int i = 0; i < 400; i++) {
        int n = i;
        store.update(t -> t.tree("t").orElseThrow().put(b("k" + rnd.nextInt(50)), b("v" + n)));
        if (rnd.nextInt(6) == 0) {
          // named snapshots keep scattered versions, whose neighbours retention drops
          store.pin("p" + i, store.latestVersion());
        }
        if (i % 100 == 99) {
          checkAgainstHistory(store, rnd);
        }
      }
      assertTrue(store.versions().size() > 40, "pins keep versions: " + store.versions().size());
      assertTrue(store.versionAt(Instant.EPOCH).isEmpty());
      assertEquals(store.latestVersion(), store.versionAt(Instant.now()).orElseThrow().id());
      Verifier.check(store);
    }
  }

  /**
   * A file written by the previous format (2) holds a time index: it is read as before, each of
   * its entries goes when retention drops its version, and the file then carries format 3.
   * The resource was made by the code of commit 8c2b8c9 (keep all, sync=none): version 1 creates
   * tree "t", versions 2 to 31 each put "k" + i → "v" + i (i = 0…29), version 32 pins version 5
   * as "five".
   */
  @Test
  void aFormatTwoFileKeepsAnsweringAndLosesItsTimeIndexWithItsVersions() throws Exception {
    Path f = dir.resolve("format2.strata");
    try (InputStream in = new GZIPInputStream(VersionAtTest.class.getResourceAsStream("/format2.strata.gz"))) {
      Files.copy(in, f);
    }
    assertEquals(2, formatOfNewestMeta(f));
    Random rnd = new Random(2);
    StoreOptions opts = StoreOptions.defaults().withRetention(StoreOptions.Retention.keepLast(3));
    try (Store store = Store.open(f, opts)) {
      assertEquals(33, store.versions().size());
      checkAgainstHistory(store, rnd);
      Verifier.check(store);
      Instant five = store.version(5).orElseThrow().commitTime();
      assertEquals(5, store.versionAt(five).orElseThrow().id());
      for (int i = 0; i < 3; i++) {
        store.update(t -> t.tree("t").orElseThrow().put(b("new"), b("x")));
      }
      // retention dropped versions 0-32 but 5 (pinned): their time entries went with them
      Verifier.check(store);
      assertEquals(List.of(5L, 33L, 34L, 35L), store.versions().stream().map(Version::id).toList());
      assertTrue(store.versionAt(five).isEmpty(), "version 6 was dropped, so the state at 5's time is unsure");
      checkAgainstHistory(store, rnd);
      try (ReadTxn r = store.read(5)) {
        assertArrayEquals(b("v3"), r.tree("t").orElseThrow().get(b("k3")));
        assertEquals(null, r.tree("t").orElseThrow().get(b("k4")));
      }
    }
    assertEquals(Meta.FORMAT, formatOfNewestMeta(f));
  }

  private static int formatOfNewestMeta(Path f) throws Exception {
    try (FilePageIO io = new FilePageIO(f, true)) {
      Object[] found = StoreImpl.readMetas(io);
      int slot = (Integer) found[1];
      byte[] page = new byte[Meta.SIZE];
      io.read((long) slot * ((Meta) found[0]).pageSize(), page);
      return PageFormat.getInt(page, 16);
    }
  }
}

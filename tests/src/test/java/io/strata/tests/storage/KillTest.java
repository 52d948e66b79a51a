package io.strata.tests.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.storage.ErrorCode;
import io.strata.storage.ReadTxn;
import io.strata.storage.StorageException;
import io.strata.storage.Store;
import io.strata.storage.Tree;
import io.strata.storage.Verifier;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a committing child JVM with SIGKILL at random moments, reopens the store and checks that
 * every commit the child saw acknowledged is there and the verifier is clean. The child holds the
 * OS lock, so opening the file meanwhile must fail with {@link ErrorCode#LOCKED}.
 *
 * <p>1,000 rounds: {@code mvn -pl tests -am test -Dtest=KillTest -Dsurefire.failIfNoSpecifiedTests=false -Dstrata.kill.rounds=1000}
 */
class KillTest {
  @TempDir
  Path dir;

  @Test
  void killDuringCommits() throws Exception {
    int rounds = Integer.getInteger("strata.kill.rounds", 50);
    long seed = Long.getLong("strata.kill.seed", System.nanoTime());
    System.out.println("KillTest seed " + seed + ", " + rounds + " rounds");
    Random rnd = new Random(seed);
    Path file = dir.resolve("kill.strata");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    long lastAckedN = -1;
    long lastAckedVersion = -1;
    int lockChecks = 0;
    for (int round = 0; round < rounds; round++) {
      Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-cp", cp,
          KillChild.class.getName(), file.toString()).redirectErrorStream(false).start();
      List<long[]> acks = new ArrayList<>();
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
          for (String line; (line = r.readLine()) != null; ) {
            String[] f = line.split(" ");
            if (f[0].equals("READY")) {
              ready.countDown();
            } else if (f[0].equals("ACK") && f.length == 3) {
              synchronized (acks) {
                acks.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
              }
            }
          }
        } catch (Exception e) {
          // the child was killed
        }
      });
      reader.start();
      boolean started = ready.await(60, TimeUnit.SECONDS);
      if (started && round % 10 == 0) {
        StorageException e = org.junit.jupiter.api.Assertions.assertThrows(StorageException.class, () -> Store.open(file));
        assertEquals(ErrorCode.LOCKED, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("locked by another process"), e.getMessage());
        lockChecks++;
      }
      Thread.sleep(rnd.nextInt(250));
      child.destroyForcibly();
      child.waitFor();
      reader.join();
      if (!started && child.exitValue() != 137 && child.exitValue() != 9) {
        String err = new String(child.getErrorStream().readAllBytes());
        throw new AssertionError("child failed to start: " + err);
      }
      synchronized (acks) {
        for (long[] a : acks) {
          assertTrue(a[0] > lastAckedVersion, "versions increase across acknowledgements");
          lastAckedVersion = a[0];
          lastAckedN = a[1];
        }
      }
      try (Store store = Store.open(file)) {
        assertTrue(store.latestVersion() >= lastAckedVersion,
            "round " + round + ": reopened at " + store.latestVersion() + " but " + lastAckedVersion + " was acknowledged");
        try (ReadTxn r = store.read()) {
          if (lastAckedN >= 0) {
            Tree t = r.tree("kill").orElseThrow();
            for (long n = 0; n <= lastAckedN; n++) {
              assertArrayEquals(KillChild.value(n), t.get(KillChild.key(n)), "entry " + n + " of round " + round);
            }
            assertTrue(t.size() >= lastAckedN + 2);
          }
        }
        Verifier.check(store);
      }
    }
    System.out.println("KillTest: " + rounds + " rounds, " + (lastAckedN + 1) + " acknowledged commits, "
        + lockChecks + " lock checks");
    assertTrue(lastAckedN > 0, "the child never committed");
  }
}

package io.strata.tests.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * What the disk allows a durable commit, with no database in the way: each "commit" overwrites
 * {@code pages} 4 KiB pages of a preallocated file and one meta page, then calls
 * {@code fdatasync} once, which is the least any engine that survives power loss must do. The
 * rate is the ceiling for one writer committing that many pages (Strata's small commit writes
 * about 12; a group commit of 8 such commits about 88).
 */
final class FsyncProbe {
  private static final int PAGE = 4096;
  private static final long FILE_BYTES = 64L << 20;

  private FsyncProbe() {
  }

  /** Commits per second for a commit of {@code pages} pages plus a meta page. */
  static double commitsPerSecond(Path dir, int pages, int commits) throws IOException {
    Path file = Files.createTempFile(dir, "fsync-probe-", ".bin");
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
      for (long at = 0; at < FILE_BYTES; at += zeros.capacity()) {
        zeros.clear();
        ch.write(zeros, at);
      }
      ch.force(true);
      ByteBuffer data = ByteBuffer.allocate(PAGE * pages);
      ByteBuffer meta = ByteBuffer.allocate(PAGE);
      long span = FILE_BYTES - 2L * PAGE - data.capacity();
      long t0 = System.nanoTime();
      for (int i = 0; i < commits; i++) {
        data.clear();
        ch.write(data, 2L * PAGE + (long) i * data.capacity() % span / PAGE * PAGE);
        meta.clear();
        ch.write(meta, (long) (i & 1) * PAGE);
        ch.force(false);
      }
      return commits / ((System.nanoTime() - t0) / 1e9);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** A Markdown table of the ceiling for a few commit sizes, measured in {@code dir}. */
  static String report(Path dir) throws IOException {
    StringBuilder out = new StringBuilder("| pages per commit (+ meta) | commits/s, one "
        + "fdatasync each |\n|---:|---:|\n");
    for (int pages : new int[] {1, 12, 88}) {
      commitsPerSecond(dir, pages, 200); // warm-up
      out.append(String.format(Locale.ROOT, "| %d | %,.0f |%n", pages,
          commitsPerSecond(dir, pages, 3000)));
    }
    return out.toString();
  }
}

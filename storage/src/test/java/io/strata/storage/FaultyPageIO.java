package io.strata.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A {@link PageIO} that remembers what is durable (written before the last sync) and what is not,
 * fails an operation at a chosen point, and afterwards builds the file a crash could leave behind:
 * unsynced writes dropped, reordered or torn.
 */
final class FaultyPageIO implements PageIO {
  enum Crash { KEEP_ALL, DROP, REORDER, TEAR }

  private record Op(long pos, byte[] bytes, long truncate) {}

  private final MemoryPageIO live = new MemoryPageIO();
  private byte[] durable = new byte[0];
  private final List<Op> unsynced = new ArrayList<>();
  /** The write that failed, if the fault hit a write (it may be torn onto the disk). */
  private Op failedWrite;
  long faultAt = Long.MAX_VALUE;
  long ops;
  boolean crashed;
  boolean failReads;
  boolean dead;

  private void tick(String what) {
    if (dead) {
      throw new StorageException(ErrorCode.IO, "process is gone");
    }
    if (crashed) {
      throw new StorageException(ErrorCode.IO, "device failed earlier");
    }
    if (++ops >= faultAt) {
      crashed = true;
      throw new StorageException(ErrorCode.IO, "injected fault at " + what + " (operation " + ops + ")");
    }
  }

  @Override
  public void read(long pos, byte[] dst) {
    if (failReads || dead) {
      throw new StorageException(ErrorCode.IO, "injected read fault at " + pos);
    }
    live.read(pos, dst);
  }

  @Override
  public void write(long pos, byte[] src) {
    try {
      tick("write@" + pos);
    } catch (StorageException e) {
      if (crashed && failedWrite == null) {
        failedWrite = new Op(pos, src.clone(), -1);
      }
      throw e;
    }
    live.write(pos, src);
    unsynced.add(new Op(pos, src.clone(), -1));
  }

  @Override
  public void sync() {
    tick("sync");
    durable = apply(durable, unsynced);
    unsynced.clear();
  }

  @Override
  public long size() {
    return live.size();
  }

  @Override
  public void truncate(long size) {
    tick("truncate");
    live.truncate(size);
    unsynced.add(new Op(-1, null, size));
  }

  @Override
  public void close() {}

  private static byte[] apply(byte[] image, List<Op> ops) {
    MemoryPageIO m = new MemoryPageIO(image);
    for (Op op : ops) {
      if (op.bytes() != null) {
        m.write(op.pos(), op.bytes());
      } else {
        m.truncate(op.truncate());
      }
    }
    return m.image();
  }

  /** What the process would see after restarting without an OS crash: every write so far. */
  byte[] liveImage() {
    return live.image();
  }

  /** What a power loss could leave: the durable image plus some of the unsynced writes. */
  byte[] crashImage(Crash mode, Random rnd) {
    List<Op> ops = new ArrayList<>(unsynced);
    switch (mode) {
      case KEEP_ALL -> { }
      case DROP -> ops.removeIf(o -> rnd.nextBoolean());
      case REORDER -> {
        ops.removeIf(o -> rnd.nextInt(3) == 0);
        Collections.shuffle(ops, rnd);
      }
      case TEAR -> {
        if (failedWrite != null) {
          ops.add(failedWrite);
        }
        if (!ops.isEmpty()) {
          int i = rnd.nextInt(ops.size());
          Op o = ops.get(i);
          if (o.bytes() != null && o.bytes().length > 1) {
            int len = o.bytes().length;
            // a sector boundary, any byte, or inside the first 128 bytes where page headers live
            int cut = switch (rnd.nextInt(3)) {
              case 0 -> 512 * (1 + rnd.nextInt(Math.max(1, len / 512 - 1)));
              case 1 -> 1 + rnd.nextInt(len - 1);
              default -> 1 + rnd.nextInt(Math.min(127, len - 1));
            };
            cut = Math.min(cut, o.bytes().length - 1);
            ops.set(i, new Op(o.pos(), Arrays.copyOf(o.bytes(), cut), -1));
            ops.subList(i + 1, ops.size()).clear();
          }
        }
      }
    }
    dead = true;
    return apply(durable, ops);
  }
}

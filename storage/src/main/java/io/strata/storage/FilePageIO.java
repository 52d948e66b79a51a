package io.strata.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@link PageIO} over a {@link FileChannel}, holding an exclusive OS lock on the file. */
final class FilePageIO implements PageIO {
  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;

  FilePageIO(Path path, boolean readOnly) {
    this.path = path;
    try {
      channel = readOnly
          ? FileChannel.open(path, StandardOpenOption.READ)
          : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
    } catch (IOException e) {
      throw new StorageException(ErrorCode.IO, "cannot open " + path + ": " + e, e);
    }
    FileLock l;
    try {
      l = channel.tryLock(0, Long.MAX_VALUE, readOnly);
    } catch (OverlappingFileLockException e) {
      l = null;
    } catch (IOException e) {
      closeQuietly();
      throw new StorageException(ErrorCode.IO, "cannot lock " + path + ": " + e, e);
    }
    if (l == null) {
      closeQuietly();
      throw new StorageException(ErrorCode.LOCKED,
          path + " is locked by another process (a Strata store allows one process at a time)");
    }
    lock = l;
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  @Override
  public void read(long pos, byte[] dst) {
    ByteBuffer buf = ByteBuffer.wrap(dst);
    try {
      while (buf.hasRemaining()) {
        int n = channel.read(buf, pos + buf.position());
        if (n < 0) {
          while (buf.hasRemaining()) {
            buf.put((byte) 0);
          }
        }
      }
    } catch (IOException e) {
      throw new StorageException(ErrorCode.IO, "read of " + path + " at " + pos + " failed: " + e, e);
    }
  }

  @Override
  public void write(long pos, byte[] src) {
    write(pos, src, 0, src.length);
  }

  @Override
  public void write(long pos, byte[] src, int off, int len) {
    ByteBuffer buf = ByteBuffer.wrap(src, off, len);
    try {
      while (buf.hasRemaining()) {
        channel.write(buf, pos + buf.position() - off);
      }
    } catch (IOException e) {
      throw new StorageException(ErrorCode.IO, "write of " + path + " at " + pos + " failed: " + e, e);
    }
  }

  @Override
  public void sync() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new StorageException(ErrorCode.IO, "fsync of " + path + " failed: " + e, e);
    }
  }

  @Override
  public long size() {
    try {
      return channel.size();
    } catch (IOException e) {
      throw new StorageException(ErrorCode.IO, "size of " + path + " failed: " + e, e);
    }
  }

  @Override
  public void truncate(long size) {
    try {
      if (size < channel.size()) {
        channel.truncate(size);
      }
    } catch (IOException e) {
      throw new StorageException(ErrorCode.IO, "truncate of " + path + " failed: " + e, e);
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new StorageException(ErrorCode.IO, "close of " + path + " failed: " + e, e);
    }
  }
}

package io.strata.storage;

import java.nio.charset.StandardCharsets;

/** The directory tree of a version: tree name (UTF-8) → u64 root page (0 = empty), u64 count. */
final class Directory {
  static final int MAX_NAME = 1024;

  private Directory() {}

  static byte[] key(String name) {
    byte[] k = name.getBytes(StandardCharsets.UTF_8);
    if (k.length > MAX_NAME) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT, "tree name longer than " + MAX_NAME + " bytes");
    }
    return k;
  }

  static String name(byte[] key) {
    return new String(key, StandardCharsets.UTF_8);
  }

  static byte[] value(long root, long count) {
    byte[] v = new byte[16];
    PageFormat.putLong(v, 0, root);
    PageFormat.putLong(v, 8, count);
    return v;
  }

  static long root(byte[] v) {
    return PageFormat.getLong(v, 0);
  }

  static long count(byte[] v) {
    return PageFormat.getLong(v, 8);
  }
}

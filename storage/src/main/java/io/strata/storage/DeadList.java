package io.strata.storage;

/**
 * Keys of the dead-list tree: (death, birth, page) → empty. An entry says that the commit at
 * version death replaced the page written at version birth, so exactly the versions in
 * [birth, death) need it. Invariant: every entry has a live (retained or read) version in
 * [birth, death); an entry whose range holds none is released to the free space.
 */
final class DeadList {
  private DeadList() {}

  static byte[] key(long death, long birth, long page) {
    byte[] k = new byte[24];
    PageFormat.putLong(k, 0, death);
    PageFormat.putLong(k, 8, birth);
    PageFormat.putLong(k, 16, page);
    return k;
  }

  static long death(byte[] k) {
    return PageFormat.getLong(k, 0);
  }

  static long birth(byte[] k) {
    return PageFormat.getLong(k, 8);
  }

  static long page(byte[] k) {
    return PageFormat.getLong(k, 16);
  }
}

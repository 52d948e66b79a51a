package io.strata.storage;

/**
 * An ordered map from byte[] keys to byte[] values (keys compare as unsigned bytes), seen through
 * one transaction. Writes through a tree of a read transaction fail with
 * {@link ErrorCode#READ_ONLY}. Keys are limited to {@link StoreOptions#maxKeySize()} bytes; values
 * may be up to {@link StoreOptions#MAX_VALUE_SIZE} bytes (large ones live in overflow pages).
 */
public interface Tree {

  String name();

  /**
   * The value stored under key, or null. The returned array may be shared with the store's page
   * cache: read it, never modify it.
   */
  byte[] get(byte[] key);

  /** Inserts or replaces. */
  void put(byte[] key, byte[] value);

  /**
   * Inserts when the key is absent and returns true; returns false, changing nothing, when it is
   * present. Cheaper than {@link #get} followed by {@link #put}.
   */
  boolean insert(byte[] key, byte[] value);

  /** Removes the key; returns whether it was present. */
  boolean delete(byte[] key);

  /** Number of entries, maintained by the tree (O(1)). */
  long size();

  /** A cursor over the whole tree, initially unpositioned. */
  default Cursor cursor() {
    return cursor(null, null);
  }

  /**
   * A cursor over keys in [from, toExclusive); a null bound is unbounded. Initially unpositioned:
   * call {@link Cursor#first()}, {@link Cursor#last()}, {@link Cursor#seek} or
   * {@link Cursor#seekFloor}. Writes to the tree during iteration invalidate the cursor.
   */
  Cursor cursor(byte[] from, byte[] toExclusive);
}

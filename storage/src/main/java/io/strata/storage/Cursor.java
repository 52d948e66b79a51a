package io.strata.storage;

/**
 * A position in a {@link Tree} within the cursor's key range. Every move returns whether the cursor
 * is now on an entry; when it returns false the cursor is not valid until repositioned.
 */
public interface Cursor extends AutoCloseable {

  /** Moves to the smallest key in range. */
  boolean first();

  /** Moves to the largest key in range. */
  boolean last();

  /** Moves to the smallest key in range that is &gt;= key. */
  boolean seek(byte[] key);

  /** Moves to the largest key in range that is &lt;= key. */
  boolean seekFloor(byte[] key);

  boolean next();

  boolean prev();

  boolean isValid();

  /** The current key; only while {@link #isValid()}. Shared with the page cache: do not modify. */
  byte[] key();

  /** The current value; only while {@link #isValid()}. Shared with the page cache: do not modify. */
  byte[] value();

  /**
   * Moves over up to {@code max} entries after the current one, as that many {@link #next()}
   * calls would, and puts each one's value in {@code out} from index 0; returns how many, fewer
   * only when the cursor has passed its last entry (it is then no longer valid). For scans that
   * want values alone. The values are shared as {@link #value()}'s are.
   */
  default int nextValues(byte[][] out, int max) {
    int n = 0;
    while (n < max && next()) {
      out[n++] = value();
    }
    return n;
  }

  @Override
  void close();
}

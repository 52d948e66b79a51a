package io.strata.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * Options fixed when a store is opened. The page size matters only when a file is created; an
 * existing file keeps its own.
 *
 * @param pageSize bytes per page, a power of two in [4096, 65536]
 * @param sync how commits reach the disk
 * @param retention which versions stay readable
 * @param strict verify the whole store after every commit (slow; for tests)
 * @param readOnly open without the ability to write
 */
public record StoreOptions(int pageSize, SyncMode sync, Retention retention, boolean strict, boolean readOnly) {

  public static final int DEFAULT_PAGE_SIZE = 4096;
  /** Smallest page size a store accepts. */
  public static final int MIN_PAGE_SIZE = 4096;
  /** Largest value a tree accepts. */
  public static final int MAX_VALUE_SIZE = 64 << 20;

  public StoreOptions {
    if (pageSize < MIN_PAGE_SIZE || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT,
          "page size must be a power of two between 4096 and 65536, not " + pageSize);
    }
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(retention, "retention");
  }

  public static StoreOptions defaults() {
    return new StoreOptions(DEFAULT_PAGE_SIZE, SyncMode.FULL, Retention.keepAll(), false, false);
  }

  /** Largest key a tree accepts (at least 2 KiB at any page size). */
  public int maxKeySize() {
    return maxKeySize(pageSize);
  }

  static int maxKeySize(int pageSize) {
    return Math.max(2048, pageSize / 2 - 64);
  }

  public StoreOptions withPageSize(int size) {
    return new StoreOptions(size, sync, retention, strict, readOnly);
  }

  public StoreOptions withSync(SyncMode mode) {
    return new StoreOptions(pageSize, mode, retention, strict, readOnly);
  }

  public StoreOptions withRetention(Retention policy) {
    return new StoreOptions(pageSize, sync, policy, strict, readOnly);
  }

  public StoreOptions withStrict(boolean on) {
    return new StoreOptions(pageSize, sync, retention, on, readOnly);
  }

  public StoreOptions withReadOnly(boolean on) {
    return new StoreOptions(pageSize, sync, retention, strict, on);
  }

  /** How a commit reaches the disk. */
  public enum SyncMode {
    /** fsync data pages, then the meta page, before commit returns: a returned commit survives power loss. */
    FULL,
    /**
     * Write pages and meta in order without fsync: a returned commit survives a process crash but
     * may be lost (never torn) on power loss.
     */
    NONE
  }

  /** Which versions stay readable. Named snapshots are kept regardless. */
  public record Retention(Kind kind, long lastN, Duration maxAge) {
    public enum Kind { ALL, LAST_N, MAX_AGE }

    public static Retention keepAll() {
      return new Retention(Kind.ALL, 0, null);
    }

    /** Keep the newest n versions (n &gt;= 1). */
    public static Retention keepLast(long n) {
      if (n < 1) {
        throw new StorageException(ErrorCode.INVALID_ARGUMENT, "keepLast needs n >= 1, not " + n);
      }
      return new Retention(Kind.LAST_N, n, null);
    }

    /** Keep versions committed within the given age (the latest is always kept). */
    public static Retention keepFor(Duration age) {
      if (age == null || age.isNegative()) {
        throw new StorageException(ErrorCode.INVALID_ARGUMENT, "keepFor needs a non-negative duration");
      }
      return new Retention(Kind.MAX_AGE, 0, age);
    }

    /** Parses "all", "last:N" or an ISO-8601 duration such as "P7D" / "PT1H". */
    public static Retention parse(String text) {
      String t = text.trim();
      if (t.equalsIgnoreCase("all")) {
        return keepAll();
      }
      if (t.regionMatches(true, 0, "last:", 0, 5)) {
        try {
          return keepLast(Long.parseLong(t.substring(5).trim()));
        } catch (NumberFormatException e) {
          throw new StorageException(ErrorCode.INVALID_ARGUMENT, "bad retention '" + text + "'");
        }
      }
      try {
        return keepFor(Duration.parse(t));
      } catch (RuntimeException e) {
        throw new StorageException(ErrorCode.INVALID_ARGUMENT,
            "bad retention '" + text + "': expected all, last:N or an ISO-8601 duration like P7D");
      }
    }
  }
}

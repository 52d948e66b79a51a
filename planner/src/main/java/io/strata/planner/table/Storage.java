package io.strata.planner.table;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.storage.StorageException;

/** Maps storage errors to engine errors. */
public final class Storage {
  private Storage() {}

  public static StrataException translate(StorageException e) {
    Reason r = switch (e.code()) {
      case CONFLICT -> Reason.SERIALIZATION_FAILURE;
      case READ_ONLY -> Reason.READ_ONLY;
      case VERSION_NOT_FOUND, VERSION_NOT_RETAINED -> Reason.VERSION_NOT_AVAILABLE;
      case KEY_TOO_LARGE, VALUE_TOO_LARGE, OUT_OF_MEMORY -> Reason.LIMIT_EXCEEDED;
      case CLOSED, TXN_CLOSED -> Reason.CLOSED;
      case INVALID_ARGUMENT -> Reason.INVALID_STATEMENT;
      default -> Reason.STORAGE;
    };
    String msg = e.code() == io.strata.storage.ErrorCode.CONFLICT
        ? "could not serialize: a concurrent transaction changed the same rows (" + e.getMessage() + ")"
        : e.getMessage();
    return new StrataException(r, msg, e);
  }
}

package io.strata.storage;

/** The one exception type of the storage layer; {@link #code()} says why. */
public class StorageException extends RuntimeException {
  private final ErrorCode code;

  public StorageException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public StorageException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}

package io.strata.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/** {@link Wrapper} for driver objects that wrap nothing: they unwrap only to what they are. */
interface SelfWrapper extends Wrapper {

  @Override
  default <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "not a wrapper for " + iface.getName());
  }

  @Override
  default boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}

/**
 * The embedded JDBC driver, {@code jdbc:strata:}. Public surface: {@link io.strata.jdbc.StrataDriver}
 * (registered through {@code META-INF/services/java.sql.Driver}) and {@link
 * io.strata.jdbc.StrataConnection}, the interface a {@link java.sql.Connection} unwraps to for
 * Strata-only features (versions, AS OF). Everything else is package-private: the java.sql
 * implementations over a planner {@code Session}, URL and property parsing, value conversions, and
 * {@code SqlStates}, the one place where engine and storage errors become SQLStates.
 */
package io.strata.jdbc;

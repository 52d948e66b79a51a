/**
 * {@code strata}, the SQL terminal: reads statements and dot commands from a JLine terminal, a
 * script or standard input, runs them through {@code java.sql} and prints the results.
 *
 * <p>The shell reaches the database only through JDBC (and SQL such as {@code SET AS OF} and the
 * {@code strata_versions} system table), so it runs unchanged against any driver; its tests use a
 * second engine for that reason. {@link io.strata.shell.Main} is the entry point.
 */
package io.strata.shell;

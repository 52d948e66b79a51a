/**
 * Driver compatibility suites: real JDBC clients (sqlline in a child JVM on the self-contained jar,
 * HikariCP, Spring JDBC, JDBI, jOOQ) run unmodified against {@code jdbc:strata:} and their outcomes
 * are asserted; plus the self-contained jar on its own, and the driver-overhead benchmark
 * ({@link io.strata.tests.jdbc.JdbcOverheadBench}, run by hand).
 */
package io.strata.tests.jdbc;

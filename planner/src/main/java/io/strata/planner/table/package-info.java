/**
 * Tables over storage trees: the physical operators that read them (full, primary-key range and
 * index range scans, system tables) and write them (INSERT, UPDATE, DELETE with constraint checks
 * and index maintenance), and the {@link io.strata.planner.table.StorageOperators} factory through
 * which the executor builds them.
 */
package io.strata.planner.table;

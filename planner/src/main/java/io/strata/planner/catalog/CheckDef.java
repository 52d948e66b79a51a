package io.strata.planner.catalog;

/**
 * A CHECK constraint of a table.
 *
 * @param name constraint name (generated when not given)
 * @param sql the condition as SQL text over the table's columns
 */
public record CheckDef(String name, String sql) {}

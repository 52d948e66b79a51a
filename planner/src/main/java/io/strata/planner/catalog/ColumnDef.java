package io.strata.planner.catalog;

/**
 * A column of a table.
 *
 * @param id stable id within its table: never reused, the slot of the column in stored rows
 * @param name the name as written
 * @param type its type
 * @param nullable false under NOT NULL or PRIMARY KEY
 * @param defaultSql the DEFAULT expression as SQL text, or null
 */
public record ColumnDef(int id, String name, ColumnType type, boolean nullable, String defaultSql) {}

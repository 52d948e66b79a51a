package io.strata.planner.catalog;

import java.util.List;

/**
 * A view, stored as its query text and expanded when used.
 *
 * @param id catalog id
 * @param name the name as written
 * @param sql the query text
 * @param columnNames explicit column names, or empty to take the query's
 */
public record ViewDef(long id, String name, String sql, List<String> columnNames) {}

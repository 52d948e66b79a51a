package io.strata.planner.ddl;

import io.strata.planner.catalog.Catalog;
import io.strata.planner.catalog.TableDef;
import org.apache.calcite.rel.type.RelDataType;

/** What DDL needs from the planner: validating expressions and queries against a catalog. */
public interface DdlHooks {

  /** Validates a CHECK condition (SQL text) over the table's columns; throws if invalid. */
  void validateCheck(Catalog catalog, TableDef table, String conditionSql);

  /** Validates a view query; returns its row type. */
  RelDataType validateQuery(Catalog catalog, String querySql);

  /** Runs {@code INSERT INTO table <querySql>} in the current transaction; returns the row count. */
  long insertFromQuery(Catalog catalog, TableDef table, String querySql);

  /**
   * Runs {@code UPDATE table SET column = (valueSql)} over every row in the current transaction
   * (ADD COLUMN with DEFAULT); returns the row count.
   */
  long fillColumn(Catalog catalog, TableDef table, String column, String valueSql);
}

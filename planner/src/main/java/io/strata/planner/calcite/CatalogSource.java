package io.strata.planner.calcite;

import io.strata.planner.catalog.Catalog;
import io.strata.planner.catalog.TableDef;

/** What the schema needs from the session: catalogs by version and table sizes. */
public interface CatalogSource {

  /** The catalog seen by the statement's transaction. */
  Catalog current();

  /**
   * The catalog of a committed version; fails with
   * {@link io.strata.planner.StrataException.Reason#VERSION_NOT_AVAILABLE} when the version does not
   * exist or is no longer retained.
   */
  Catalog at(long version);

  /** Estimated row count, for costing. */
  double rowCount(TableDef table, long version);
}

/**
 * The catalog: tables, columns (with stable ids), primary keys, indexes, views and CHECK
 * constraints, stored as entries of the {@code catalog} tree of the store. Because the catalog is
 * data in the versioned store, DDL is transactional and every version has the catalog of its time.
 * {@link io.strata.planner.catalog.Catalog} is an immutable snapshot; {@link
 * io.strata.planner.catalog.CatalogStore} reads and writes it inside a transaction.
 */
package io.strata.planner.catalog;

/**
 * DDL execution: CREATE/DROP TABLE, INDEX and VIEW and ALTER TABLE, applied to the catalog tree
 * and the data trees inside the caller's write transaction, so DDL commits, rolls back and is
 * versioned like any other change.
 */
package io.strata.planner.ddl;

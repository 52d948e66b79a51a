/**
 * Calcite wiring: the type system and validator settings for sqllogictest semantics, the schema
 * and tables over the catalog (with per-version sub-schemas {@code "$v42"} for AS OF), Strata's
 * scan relational expression with its access path (primary key or index ranges), the Hep rules
 * that choose it, and the planning pipeline validate → SqlToRel → Hep.
 */
package io.strata.planner.calcite;

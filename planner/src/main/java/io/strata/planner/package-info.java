/**
 * Planner: turns SQL text into results. Public surface: {@link io.strata.planner.Engine} (one per
 * store), {@link io.strata.planner.Session} (one per connection), {@link io.strata.planner.Prepared},
 * {@link io.strata.planner.Result}, the metadata records and {@link io.strata.planner.StrataException}.
 * Everything else (catalog, codecs, Calcite wiring, operators) is internal.
 */
package io.strata.planner;

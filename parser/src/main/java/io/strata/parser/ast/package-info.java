/**
 * Strata's own statement nodes: DDL, transaction control and time travel, as Calcite
 * {@code SqlCall} subclasses.
 *
 * <p>Every node has a {@code SqlSpecialOperator} carrying the closest {@code SqlKind}, public
 * accessors, an operand list that holds every field (flags as boolean literals, kinds as symbol
 * literals) so that {@code equalsDeep} compares whole statements, and an {@code unparse} that
 * writes SQL the Strata grammar accepts again.
 */
package io.strata.parser.ast;

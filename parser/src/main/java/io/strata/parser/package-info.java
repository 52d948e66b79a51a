/**
 * Strata's SQL front end: an ANTLR 4 grammar ({@code SqlBase.g4}) and one visitor that turns SQL
 * text into Apache Calcite {@code SqlNode} trees.
 *
 * <p>The public surface is {@link io.strata.parser.StrataSqlParser} (parse a script or one
 * statement), {@link io.strata.parser.SqlParseException} (the only error it raises) and
 * {@link io.strata.parser.StrataSqlDialect} (unparses trees into SQL this grammar accepts).
 * Strata-only statements live in {@link io.strata.parser.ast}; queries and DML use Calcite's own
 * node classes so that Calcite's validator resolves names and types. The classes generated from
 * the grammar ({@code SqlBaseLexer}, {@code SqlBaseParser}, ...) are public only because ANTLR
 * generates them so; nothing outside this package should use them.
 */
package io.strata.parser;

package io.strata.planner;

/**
 * One ? parameter, typed by the validator.
 *
 * @param jdbcType a {@link java.sql.Types} code
 * @param typeName SQL type name
 * @param precision precision or length, 0 if none
 * @param scale scale, 0 if none
 */
public record ParamMeta(int jdbcType, String typeName, int precision, int scale) {}

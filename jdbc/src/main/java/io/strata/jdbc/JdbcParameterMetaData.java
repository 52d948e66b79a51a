package io.strata.jdbc;

import io.strata.planner.ParamMeta;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/** The ? parameters of a prepared statement, as the validator typed them. */
final class JdbcParameterMetaData implements ParameterMetaData, SelfWrapper {
  private final List<ParamMeta> params;

  JdbcParameterMetaData(List<ParamMeta> params) {
    this.params = params;
  }

  private ParamMeta param(int i) throws SQLException {
    if (i < 1 || i > params.size()) {
      throw SqlStates.exception(SqlStates.INVALID_ARGUMENT, "parameter index " + i + " out of range 1.." + params.size());
    }
    return params.get(i - 1);
  }

  @Override
  public int getParameterCount() {
    return params.size();
  }

  @Override
  public int isNullable(int param) throws SQLException {
    param(param);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    return Conversions.isSigned(param(param).jdbcType());
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    return param(param).precision();
  }

  @Override
  public int getScale(int param) throws SQLException {
    return param(param).scale();
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    return param(param).jdbcType();
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return param(param).typeName();
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    return Conversions.className(param(param).jdbcType());
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    param(param);
    return parameterModeIn;
  }

}

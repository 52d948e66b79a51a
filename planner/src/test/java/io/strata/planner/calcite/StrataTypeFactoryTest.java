package io.strata.planner.calcite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The remembered answers are exactly Calcite's canonical types, asked for once or many times. */
class StrataTypeFactoryTest {
  private final JavaTypeFactoryImpl calcite = new JavaTypeFactoryImpl(StrataTypeSystem.INSTANCE);
  private final StrataTypeFactory strata = new StrataTypeFactory(StrataTypeSystem.INSTANCE);

  @Test
  void scalarTypesAreCalcitesCanonicalTypes() {
    for (int round = 0; round < 3; round++) {
      for (SqlTypeName n : new SqlTypeName[] {SqlTypeName.INTEGER, SqlTypeName.BIGINT,
          SqlTypeName.DOUBLE, SqlTypeName.BOOLEAN, SqlTypeName.VARCHAR, SqlTypeName.DECIMAL,
          SqlTypeName.DATE, SqlTypeName.TIMESTAMP}) {
        assertSame(calcite.createSqlType(n), strata.createSqlType(n), n.getName());
      }
      assertSame(calcite.createSqlType(SqlTypeName.VARCHAR, 16),
          strata.createSqlType(SqlTypeName.VARCHAR, 16));
      assertSame(calcite.createSqlType(SqlTypeName.CHAR, 3),
          strata.createSqlType(SqlTypeName.CHAR, 3));
      assertSame(calcite.createSqlType(SqlTypeName.DECIMAL, 10, 2),
          strata.createSqlType(SqlTypeName.DECIMAL, 10, 2));
      assertSame(calcite.createSqlType(SqlTypeName.DECIMAL, 10),
          strata.createSqlType(SqlTypeName.DECIMAL, 10));
    }
  }

  @Test
  void nullabilityTwinsAreCalcitesCanonicalTypes() {
    RelDataType varchar = strata.createSqlType(SqlTypeName.VARCHAR, 20);
    for (int round = 0; round < 3; round++) {
      RelDataType nullable = strata.createTypeWithNullability(varchar, true);
      assertTrue(nullable.isNullable());
      assertSame(calcite.createTypeWithNullability(varchar, true), nullable);
      RelDataType notNull = strata.createTypeWithNullability(nullable, false);
      assertFalse(notNull.isNullable());
      assertSame(varchar, notNull);
    }
  }

  @Test
  void manyDistinctPrecisionsStayCorrectPastTheCap() {
    for (int p = 1; p <= 10_000; p++) {
      assertSame(calcite.createSqlType(SqlTypeName.VARCHAR, p),
          strata.createSqlType(SqlTypeName.VARCHAR, p));
    }
    assertSame(calcite.createSqlType(SqlTypeName.VARCHAR, 9_999),
        strata.createSqlType(SqlTypeName.VARCHAR, 9_999));
  }
}

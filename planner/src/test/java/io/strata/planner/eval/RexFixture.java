package io.strata.planner.eval;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlTypeName;

/** Builds RexNodes over a test row type (BIGINT, DOUBLE, VARCHAR, DECIMAL, BOOLEAN, INTEGER). */
final class RexFixture {
  final RelDataTypeFactory tf = new JavaTypeFactoryImpl();
  final RexBuilder rb = new RexBuilder(tf);

  RelDataType type(SqlTypeName t) {
    return tf.createTypeWithNullability(tf.createSqlType(t), true);
  }

  /** Column i of the test row: 0 BIGINT, 1 DOUBLE, 2 VARCHAR, 3 DECIMAL(10,2), 4 BOOLEAN, 5 INTEGER. */
  RexNode col(int i) {
    RelDataType t;
    switch (i) {
      case 0:
        t = type(SqlTypeName.BIGINT);
        break;
      case 1:
        t = type(SqlTypeName.DOUBLE);
        break;
      case 2:
        t = tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.VARCHAR, 20), true);
        break;
      case 3:
        t = tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.DECIMAL, 10, 2), true);
        break;
      case 4:
        t = type(SqlTypeName.BOOLEAN);
        break;
      default:
        t = type(SqlTypeName.INTEGER);
        break;
    }
    return rb.makeInputRef(t, i);
  }

  RexNode i(long v) {
    return rb.makeExactLiteral(BigDecimal.valueOf(v), tf.createSqlType(SqlTypeName.INTEGER));
  }

  RexNode big(long v) {
    return rb.makeExactLiteral(BigDecimal.valueOf(v), tf.createSqlType(SqlTypeName.BIGINT));
  }

  RexNode d(double v) {
    return rb.makeApproxLiteral(new BigDecimal(v), tf.createSqlType(SqlTypeName.DOUBLE));
  }

  RexNode dec(String v) {
    return rb.makeExactLiteral(new BigDecimal(v));
  }

  RexNode s(String v) {
    return rb.makeLiteral(v);
  }

  RexNode nul(SqlTypeName t) {
    return rb.makeNullLiteral(type(t));
  }

  RexNode call(SqlOperator op, RexNode... args) {
    return rb.makeCall(op, args);
  }

  RexNode cast(SqlTypeName t, RexNode e) {
    return rb.makeCast(type(t), e, false, false);
  }

  static final Bindings NO_BINDINGS = new Bindings() {
    @Override
    public Object param(int index) {
      return null;
    }

    @Override
    public Object[] correl(int id) {
      return null;
    }

    @Override
    public LocalDateTime now() {
      return LocalDateTime.of(2024, 2, 29, 12, 30, 15);
    }
  };

  Object eval(RexNode e, Object... row) {
    return RexCompiler.compile(e).eval(row, NO_BINDINGS);
  }
}

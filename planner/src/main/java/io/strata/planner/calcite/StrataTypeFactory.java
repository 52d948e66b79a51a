package io.strata.planner.calcite;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type factory with the answers for scalar types remembered. Calcite builds a new type
 * object, renders its digest string and looks that up in its intern table on every request, even
 * for a type it has made a thousand times; planning one statement asks hundreds of times (6% of
 * planning in a sqllogictest profile). The answers are the canonical types Calcite returns, so
 * nothing else changes. Each table is capped, so unusual precisions cannot grow it without end.
 */
final class StrataTypeFactory extends JavaTypeFactoryImpl {
  private static final int MAX_ENTRIES = 4096;

  /** A scalar type request: name, precision and scale as given (-3 when the call had none). */
  private record SqlTypeKey(SqlTypeName name, int precision, int scale) {}

  /** A type compared by identity: canonical types are unique, and digests are dear to compare. */
  private static final class Same {
    final RelDataType type;

    Same(RelDataType type) {
      this.type = type;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Same s && s.type == type;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(type);
    }
  }

  private static final int ABSENT = -3;

  private final ConcurrentHashMap<SqlTypeKey, RelDataType> scalars = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Same, RelDataType> nullable = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Same, RelDataType> notNull = new ConcurrentHashMap<>();

  StrataTypeFactory(RelDataTypeSystem typeSystem) {
    super(typeSystem);
  }

  @Override
  public RelDataType createSqlType(SqlTypeName name) {
    return scalar(new SqlTypeKey(name, ABSENT, ABSENT), () -> super.createSqlType(name));
  }

  @Override
  public RelDataType createSqlType(SqlTypeName name, int precision) {
    return scalar(new SqlTypeKey(name, precision, ABSENT),
        () -> super.createSqlType(name, precision));
  }

  @Override
  public RelDataType createSqlType(SqlTypeName name, int precision, int scale) {
    return scalar(new SqlTypeKey(name, precision, scale),
        () -> super.createSqlType(name, precision, scale));
  }

  @Override
  public RelDataType createTypeWithNullability(RelDataType type, boolean nullability) {
    if (!(type instanceof BasicSqlType)) {
      return super.createTypeWithNullability(type, nullability);
    }
    ConcurrentHashMap<Same, RelDataType> table = nullability ? nullable : notNull;
    Same key = new Same(type);
    RelDataType known = table.get(key);
    if (known != null) {
      return known;
    }
    RelDataType made = super.createTypeWithNullability(type, nullability);
    if (table.size() < MAX_ENTRIES) {
      table.putIfAbsent(key, made);
    }
    return made;
  }

  private RelDataType scalar(SqlTypeKey key, Supplier<RelDataType> make) {
    RelDataType known = scalars.get(key);
    if (known != null) {
      return known;
    }
    RelDataType made = make.get();
    if (scalars.size() < MAX_ENTRIES) {
      scalars.putIfAbsent(key, made);
    }
    return made;
  }
}

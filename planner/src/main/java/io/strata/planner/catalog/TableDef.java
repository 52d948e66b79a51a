package io.strata.planner.catalog;

import io.strata.planner.codec.ValueType;
import java.util.List;
import java.util.Locale;

/**
 * A table. Its rows live in the tree {@code "t" + id}, keyed by the primary key columns, or by a
 * hidden 64-bit row id when there is no primary key; values are the whole row in
 * {@link io.strata.planner.codec.RowCodec} form with column ids as slots.
 *
 * @param id catalog id, stable across renames
 * @param name the name as written
 * @param columns columns in declaration order
 * @param primaryKey primary key column ids in key order; empty for a row-id table
 * @param checks CHECK constraints
 * @param nextColumnId the id the next added column gets
 */
public record TableDef(long id, String name, List<ColumnDef> columns, List<Integer> primaryKey,
    List<CheckDef> checks, int nextColumnId) {

  public String treeName() {
    return "t" + id;
  }

  public boolean hasRowId() {
    return primaryKey.isEmpty();
  }

  /** Position of the column with this name (case-insensitive), or -1. */
  public int columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(columnName)) {
        return i;
      }
    }
    return -1;
  }

  /** Position of the column with this id, or -1. */
  public int positionOfId(int columnId) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).id() == columnId) {
        return i;
      }
    }
    return -1;
  }

  public int[] columnIds() {
    int[] ids = new int[columns.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = columns.get(i).id();
    }
    return ids;
  }

  public ValueType[] valueTypes() {
    ValueType[] t = new ValueType[columns.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = columns.get(i).type().valueType();
    }
    return t;
  }

  public String upperName() {
    return name.toUpperCase(Locale.ROOT);
  }
}

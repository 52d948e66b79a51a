package io.strata.planner.catalog;

import java.util.List;

/**
 * A secondary index: a tree whose keys are the index columns followed by the row key of the
 * table, with empty values. UNIQUE constraints are unique indexes.
 *
 * @param id catalog id; the index tree is named {@code "i" + id}
 * @param name the name as written (generated for constraints)
 * @param tableId the indexed table
 * @param columnIds indexed column ids in key order
 * @param descending per column, whether it is sorted descending
 * @param unique whether two rows with the same non-null key are rejected
 */
public record IndexDef(long id, String name, long tableId, List<Integer> columnIds,
    List<Boolean> descending, boolean unique) {

  public String treeName() {
    return "i" + id;
  }
}

package io.strata.planner.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.calcite.tools.RelBuilder;
import org.junit.jupiter.api.Test;

/** UNION, INTERSECT and EXCEPT, ALL and DISTINCT, with duplicates and NULLs. */
class SetOpTest {

  private final TestDb db = new TestDb()
      .table("A", new String[] {"X BIGINT", "Y VARCHAR"},
          new Object[] {1L, "a"}, new Object[] {1L, "a"}, new Object[] {1L, "a"},
          new Object[] {2L, null}, new Object[] {2L, null}, new Object[] {null, null},
          new Object[] {3L, "c"})
      .table("B", new String[] {"X BIGINT", "Y VARCHAR"},
          new Object[] {1L, "a"}, new Object[] {2L, null}, new Object[] {2L, null},
          new Object[] {2L, null}, new Object[] {null, null}, new Object[] {4L, "d"})
      .table("C", new String[] {"X DOUBLE", "Y VARCHAR"},
          new Object[] {1.0, "a"}, new Object[] {null, null});

  private List<String> run(java.util.function.Consumer<RelBuilder> op, String... tables) {
    RelBuilder b = db.builder();
    for (String t : tables) {
      b.scan(t);
    }
    op.accept(b);
    return TestDb.sorted(db.run(b.build()));
  }

  @Test
  void union() {
    assertEquals(13, run(b -> b.union(true), "A", "B").size());
    assertEquals(List.of("[1, a]", "[2, null]", "[3, c]", "[4, d]", "[null, null]"),
        run(b -> b.union(false), "A", "B"));
  }

  @Test
  void intersect() {
    assertEquals(List.of("[1, a]", "[2, null]", "[null, null]"),
        run(b -> b.intersect(false), "A", "B"));
    assertEquals(List.of("[1, a]", "[2, null]", "[2, null]", "[null, null]"),
        run(b -> b.intersect(true), "A", "B"));
    assertEquals(List.of("[1, a]", "[2, null]", "[2, null]", "[null, null]"),
        run(b -> b.intersect(true, 3), "A", "B", "B"));
    // with C the column type is DOUBLE
    assertEquals(List.of("[1.0, a]", "[null, null]"),
        run(b -> b.intersect(true, 3), "A", "B", "C"));
    assertEquals(List.of("[3.0, c]"), run(b -> b.minus(false, 3), "A", "B", "C"));
    assertEquals(List.of("[1.0, a]", "[3.0, c]"), run(b -> b.minus(true, 3), "A", "B", "C"));
  }

  @Test
  void except() {
    assertEquals(List.of("[3, c]"), run(b -> b.minus(false), "A", "B"));
    assertEquals(List.of("[1, a]", "[1, a]", "[3, c]"), run(b -> b.minus(true), "A", "B"));
    assertEquals(List.of("[4, d]"), run(b -> b.minus(false), "B", "A"));
    assertEquals(List.of("[2, null]", "[4, d]"), run(b -> b.minus(true), "B", "A"));
  }

  @Test
  void inputsTakeTheColumnTypesOfTheUnion() {
    // A's X is BIGINT, C's X is DOUBLE: the union's X is DOUBLE, so A's values become Doubles
    RelBuilder b = db.builder();
    b.scan("A").scan("C").union(true);
    org.apache.calcite.rel.RelNode rel = b.build();
    assertEquals(org.apache.calcite.sql.type.SqlTypeName.DOUBLE,
        rel.getRowType().getFieldList().get(0).getType().getSqlTypeName());
    for (Object[] row : db.run(rel)) {
      assertEquals(true, row[0] == null || row[0] instanceof Double, java.util.Arrays.toString(row));
    }
  }

  @Test
  void numericallyEqualRowsAreTheSameAcrossTypes() {
    // C's X is DOUBLE: 1.0 equals A's 1
    RelBuilder b = db.builder();
    b.scan("A").project(b.cast(b.field(0), org.apache.calcite.sql.type.SqlTypeName.DOUBLE),
        b.field(1));
    b.scan("C");
    b.intersect(false);
    assertEquals(List.of("[1.0, a]", "[null, null]"), TestDb.sorted(db.run(b.build())));
  }
}

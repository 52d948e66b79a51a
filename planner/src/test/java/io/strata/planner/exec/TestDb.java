package io.strata.planner.exec;

import io.strata.planner.StrataException;
import io.strata.planner.codec.ColumnBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;

/**
 * In-memory tables for executor tests: a Calcite schema for RelBuilder plus a ScanFactory that
 * turns a scan of table T into an operator over T's rows.
 */
final class TestDb implements ScanFactory {
  private final SchemaPlus root = Frameworks.createRootSchema(true);
  private final Map<String, List<Object[]>> data = new HashMap<>();
  /** How many times a scan of each table was opened. */
  final Map<String, Integer> opens = new HashMap<>();
  /** Whether scans hand over their rows in batches too, as a table scan does. */
  boolean batches;
  /** Batches the scans handed over. */
  int batchesRead;

  /** Adds table {@code name} with columns given as "NAME TYPE" pairs, all nullable. */
  TestDb table(String name, String[] columns, Object[]... rows) {
    root.add(name, new AbstractTable() {
      @Override
      public RelDataType getRowType(RelDataTypeFactory tf) {
        RelDataTypeFactory.Builder b = tf.builder();
        for (String c : columns) {
          String[] p = c.split(" ");
          SqlTypeName t = SqlTypeName.valueOf(p[1]);
          RelDataType type = t == SqlTypeName.VARCHAR ? tf.createSqlType(t, 20)
              : tf.createSqlType(t);
          b.add(p[0], tf.createTypeWithNullability(type, true));
        }
        return b.build();
      }
    });
    data.put(name, Arrays.asList(rows));
    return this;
  }

  RelBuilder builder() {
    FrameworkConfig config = Frameworks.newConfigBuilder().defaultSchema(root).build();
    return RelBuilder.create(config);
  }

  @Override
  public Operator build(RelNode rel, List<Operator> inputs) {
    if (!(rel instanceof TableScan)) {
      throw new StrataException(StrataException.Reason.UNSUPPORTED, rel.getRelTypeName());
    }
    List<String> name = rel.getTable().getQualifiedName();
    String table = name.get(name.size() - 1);
    List<Object[]> rows = data.get(table);
    if (batches) {
      return new BatchScan(table, rows, rel.getRowType().getFieldCount());
    }
    return new ListScan(table, rows);
  }

  /** A scan of a table's rows. */
  private class ListScan implements Operator {
    final String table;
    final List<Object[]> rows;
    int pos;

    ListScan(String table, List<Object[]> rows) {
      this.table = table;
      this.rows = rows;
    }

    @Override
    public void open(ExecContext ctx) {
      pos = 0;
      opens.merge(table, 1, Integer::sum);
    }

    @Override
    public Object[] next() {
      return pos < rows.size() ? rows.get(pos++).clone() : null;
    }

    @Override
    public void close() {}
  }

  /** A scan that also fills column batches, as a table scan does. */
  private class BatchScan extends ListScan implements BatchSource {
    private final int width;

    BatchScan(String table, List<Object[]> rows, int width) {
      super(table, rows);
      this.width = width;
    }

    @Override
    public int width() {
      return width;
    }

    @Override
    public boolean nextBatch(ColumnBatch b) {
      int n = 0;
      for (; n < ColumnBatch.CAPACITY && pos < rows.size(); n++) {
        Object[] row = rows.get(pos++);
        for (int c = 0; c < width; c++) {
          Object v = row[c];
          b.kinds[c][n] = v == null ? ColumnBatch.NULL
              : v instanceof Long ? ColumnBatch.LONG : ColumnBatch.OBJECT;
          if (v instanceof Long l) {
            b.longs[c][n] = l;
          } else {
            b.objects[c][n] = v;
          }
        }
      }
      b.size = n;
      if (n > 0) {
        batchesRead++;
      }
      return n > 0;
    }
  }

  List<Object[]> run(RelNode rel, Object... params) {
    Operator op = PlanBuilder.build(rel, this);
    return drain(op, new ExecContext(params, null));
  }

  static List<Object[]> drain(Operator op, ExecContext ctx) {
    List<Object[]> out = new ArrayList<>();
    op.open(ctx);
    try {
      Object[] r;
      while ((r = op.next()) != null) {
        out.add(r);
      }
    } finally {
      op.close();
    }
    return out;
  }

  /** Renders rows as "[a, b]" lines for compact assertions. */
  static List<String> show(List<Object[]> rows) {
    List<String> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(Arrays.toString(r));
    }
    return out;
  }

  static List<String> sorted(List<Object[]> rows) {
    List<String> s = show(rows);
    s.sort(null);
    return s;
  }
}

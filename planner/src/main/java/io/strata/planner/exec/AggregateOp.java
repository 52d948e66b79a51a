package io.strata.planner.exec;

import io.strata.planner.codec.ColumnBatch;
import io.strata.planner.exec.Aggregates.Acc;
import io.strata.planner.exec.Aggregates.AggFn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Hash aggregation with grouping sets. Output rows are the aggregate's group columns (in the
 * order of its group set; NULL for columns outside the row's grouping set) followed by the
 * aggregate results, groups in order of first appearance.
 *
 * <p>A global aggregate (no group columns) over a {@link BatchSource} folds its input a batch
 * at a time, column by column ({@link Acc#addBatch}).
 *
 * <p>Invariant: a grouping set with no columns yields exactly one row even on empty input (the
 * global aggregate); other grouping sets yield one row per distinct key seen.
 */
final class AggregateOp implements Operator {
  private final Operator input;
  private final ImmutableBitSet fullGroup;
  private final int[] groupCols; // all group columns, output order
  private final ImmutableBitSet[] sets;
  private final int[][] setCols; // per grouping set: its columns
  private final AggFn[] aggs;

  private ExecContext ctx;
  private List<Object[]> output;
  /** Reused by the global aggregate over a {@link BatchSource}, across executions. */
  private ColumnBatch batch;
  private int pos;

  /** One group's state: its output key prefix and its accumulators. */
  private static final class Group {
    final Object[] keyOut;
    final Acc[] accs;

    Group(Object[] keyOut, Acc[] accs) {
      this.keyOut = keyOut;
      this.accs = accs;
    }
  }

  AggregateOp(Operator input, ImmutableBitSet groupSet, List<ImmutableBitSet> groupSets,
      AggFn[] aggs) {
    this.input = input;
    this.fullGroup = groupSet;
    this.groupCols = groupSet.toArray();
    this.sets = groupSets.toArray(new ImmutableBitSet[0]);
    this.setCols = new int[sets.length][];
    for (int i = 0; i < sets.length; i++) {
      setCols[i] = sets[i].toArray();
    }
    this.aggs = aggs;
  }

  @Override
  public void open(ExecContext ctx) {
    this.ctx = ctx;
    ctx.checkCancelled();
    this.output = null;
    this.pos = 0;
    input.open(ctx);
  }

  private Acc[] newAccs(int set) {
    Acc[] accs = new Acc[aggs.length];
    for (int i = 0; i < accs.length; i++) {
      accs[i] = aggs[i].create(sets[set], fullGroup);
    }
    return accs;
  }

  private void compute() {
    output = new ArrayList<>();
    if (sets.length == 1 && groupCols.length == 0) {
      computeGlobal();
      return;
    }
    @SuppressWarnings("unchecked")
    HashMap<GroupKey, Group>[] maps = new HashMap[sets.length];
    List<Group> order = new ArrayList<>();
    GroupKey[] probes = new GroupKey[sets.length];
    for (int s = 0; s < sets.length; s++) {
      maps[s] = new HashMap<>();
      probes[s] = GroupKey.probe(setCols[s].length);
    }
    int ticks = 0;
    Object[] row;
    while ((row = input.next()) != null) {
      if ((++ticks & 1023) == 0) {
        ctx.checkCancelled();
      }
      for (int s = 0; s < sets.length; s++) {
        GroupKey probe = probes[s].fill(row, setCols[s]);
        Group g = maps[s].get(probe);
        if (g == null) {
          Object[] keyOut = new Object[groupCols.length];
          for (int i = 0; i < groupCols.length; i++) {
            if (sets[s].get(groupCols[i])) {
              keyOut[i] = row[groupCols[i]];
            }
          }
          g = new Group(keyOut, newAccs(s));
          maps[s].put(probe.copy(), g);
          order.add(g);
        }
        for (Acc a : g.accs) {
          a.add(row);
        }
      }
    }
    for (int s = 0; s < sets.length; s++) {
      if (setCols[s].length == 0 && maps[s].isEmpty()) {
        order.add(new Group(new Object[groupCols.length], newAccs(s)));
      }
    }
    for (Group g : order) {
      output.add(emit(g));
    }
  }

  private void computeGlobal() {
    Acc[] accs = newAccs(0);
    if (input instanceof BatchSource source) {
      ColumnBatch b = batch;
      if (b == null || b.columns() != source.width()) {
        batch = b = new ColumnBatch(source.width());
      }
      while (source.nextBatch(b)) {
        ctx.checkCancelled();
        for (Acc a : accs) {
          a.addBatch(b);
        }
      }
      output.add(emit(new Group(new Object[0], accs)));
      return;
    }
    int ticks = 0;
    Object[] row;
    while ((row = input.next()) != null) {
      if ((++ticks & 1023) == 0) {
        ctx.checkCancelled();
      }
      for (Acc a : accs) {
        a.add(row);
      }
    }
    output.add(emit(new Group(new Object[0], accs)));
  }

  private Object[] emit(Group g) {
    Object[] out = new Object[groupCols.length + aggs.length];
    System.arraycopy(g.keyOut, 0, out, 0, groupCols.length);
    for (int i = 0; i < aggs.length; i++) {
      out[groupCols.length + i] = g.accs[i].result();
    }
    return out;
  }

  @Override
  public Object[] next() {
    if (output == null) {
      compute();
    }
    return pos < output.size() ? output.get(pos++) : null;
  }

  @Override
  public void close() {
    input.close();
    output = null;
  }
}

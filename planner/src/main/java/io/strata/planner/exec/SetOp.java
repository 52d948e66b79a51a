package io.strata.planner.exec;

import java.util.HashMap;
import java.util.HashSet;

/**
 * INTERSECT and EXCEPT (MINUS), ALL and DISTINCT, over two or more inputs; rows compare as in
 * GROUP BY (NULL equals NULL). The inputs after the first are counted into hash maps; the first
 * is then streamed against them.
 *
 * <p>ALL semantics with multiplicities: {@code a INTERSECT ALL b} keeps min(m, n) copies,
 * {@code a EXCEPT ALL b EXCEPT ALL c} keeps max(0, m − n − k) copies, in the order of the first
 * input. DISTINCT variants emit each qualifying row once.
 */
final class SetOp implements Operator {
  private final Operator[] inputs;
  private final boolean intersect;
  private final boolean all;
  private final GroupKey probe;

  /** Per later input (intersect) or summed (except): remaining counts per row. */
  private HashMap<GroupKey, long[]>[] counts;
  private HashSet<GroupKey> emitted;
  private ExecContext ctx;
  private int ticks;

  SetOp(Operator[] inputs, boolean intersect, boolean all, int width) {
    this.inputs = inputs;
    this.intersect = intersect;
    this.all = all;
    this.probe = GroupKey.probe(width);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(ExecContext ctx) {
    ctx.checkCancelled();
    this.ctx = ctx;
    int maps = intersect ? inputs.length - 1 : 1;
    counts = new HashMap[maps];
    for (int i = 0; i < maps; i++) {
      counts[i] = new HashMap<>();
    }
    for (int i = 1; i < inputs.length; i++) {
      HashMap<GroupKey, long[]> m = counts[intersect ? i - 1 : 0];
      inputs[i].open(ctx);
      Object[] row;
      int ticks = 0;
      while ((row = inputs[i].next()) != null) {
        if ((++ticks & 1023) == 0) {
          ctx.checkCancelled();
        }
        long[] c = m.get(probe.fillAll(row));
        if (c == null) {
          m.put(probe.copy(), new long[] {1});
        } else {
          c[0]++;
        }
      }
      inputs[i].close();
    }
    emitted = all ? null : new HashSet<>();
    inputs[0].open(ctx);
  }

  @Override
  public Object[] next() {
    Object[] row;
    while ((row = inputs[0].next()) != null) {
      if ((++ticks & 1023) == 0) {
        ctx.checkCancelled();
      }
      GroupKey k = probe.fillAll(row);
      if (!all && emitted.contains(k)) {
        continue;
      }
      boolean keep;
      if (intersect) {
        keep = true;
        for (HashMap<GroupKey, long[]> m : counts) {
          long[] c = m.get(k);
          if (c == null || c[0] <= 0) {
            keep = false;
            break;
          }
        }
        if (keep && all) {
          for (HashMap<GroupKey, long[]> m : counts) {
            m.get(k)[0]--;
          }
        }
      } else {
        long[] c = counts[0].get(k);
        if (c == null || c[0] <= 0) {
          keep = true;
        } else {
          keep = false;
          if (all) {
            c[0]--;
          }
        }
      }
      if (keep) {
        if (!all) {
          emitted.add(k.copy());
        }
        return row;
      }
    }
    return null;
  }

  @Override
  public void close() {
    for (Operator op : inputs) {
      op.close();
    }
    counts = null;
    emitted = null;
  }
}

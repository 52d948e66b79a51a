package io.strata.planner.table;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.calcite.StrataTableScan;
import io.strata.planner.calcite.SystemScan;
import io.strata.planner.catalog.CheckDef;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.eval.Evaluator;
import io.strata.planner.eval.RexCompiler;
import io.strata.planner.exec.Operator;
import io.strata.planner.exec.ScanFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rex.RexNode;

/**
 * Builds the storage-bound operators of a plan for the executor: table and index scans, system
 * table scans and table modification. One instance per built operator tree; it remembers the
 * modify operator so the caller can read the generated keys after execution.
 */
public final class StorageOperators implements ScanFactory {
  private final Function<TableDef, List<RexNode>> checkCompiler;
  private ModifyOp modify;

  /** @param checkCompiler the CHECK constraints of a table as expressions over its row */
  public StorageOperators(Function<TableDef, List<RexNode>> checkCompiler) {
    this.checkCompiler = checkCompiler;
  }

  @Override
  public Operator build(RelNode rel, List<Operator> inputs) {
    if (rel instanceof StrataTableScan scan) {
      return new TableScanOp(scan);
    }
    if (rel instanceof SystemScan scan) {
      return new SystemScanOp(scan.kind());
    }
    if (rel instanceof TableModify tm) {
      TableDef def = tm.getTable().unwrap(io.strata.planner.calcite.StrataTable.class).def();
      List<RexNode> exprs = def.checks().isEmpty() ? List.of() : checkCompiler.apply(def);
      Evaluator[] checks = new Evaluator[exprs.size()];
      List<String> names = new ArrayList<>();
      for (int i = 0; i < checks.length; i++) {
        checks[i] = RexCompiler.compile(exprs.get(i));
      }
      for (CheckDef c : def.checks()) {
        names.add(c.name());
      }
      modify = new ModifyOp(tm, inputs.get(0), checks, names);
      return modify;
    }
    throw new StrataException(Reason.UNSUPPORTED, "cannot execute " + rel.getRelTypeName());
  }

  /** Keys inserted by the last execution, or empty. */
  public List<Object[]> generatedKeys() {
    return modify == null ? List.of() : modify.generatedKeys();
  }
}

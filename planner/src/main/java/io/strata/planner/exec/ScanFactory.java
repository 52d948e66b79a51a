package io.strata.planner.exec;

import java.util.List;
import org.apache.calcite.rel.RelNode;

/**
 * Builds the operators {@link PlanBuilder} does not know: table scans, index scans, table
 * modification and any other storage-bound relational node.
 */
public interface ScanFactory {

  /**
   * Returns the operator for {@code rel}; {@code inputs} are the already built operators of its
   * inputs, in order. Throws {@code StrataException(UNSUPPORTED)} for a node it cannot execute.
   */
  Operator build(RelNode rel, List<Operator> inputs);
}

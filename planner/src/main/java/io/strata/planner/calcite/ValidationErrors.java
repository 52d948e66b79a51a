package io.strata.planner.calcite;

import io.strata.planner.StrataException;
import io.strata.planner.StrataException.Reason;
import org.apache.calcite.runtime.CalciteContextException;

/** Turns Calcite validation failures into {@link StrataException}s with a reason and position. */
public final class ValidationErrors {
  private ValidationErrors() {}

  public static StrataException translate(RuntimeException e) {
    if (e instanceof StrataException se) {
      return se;
    }
    Throwable t = e;
    while (t != null && !(t instanceof StrataException) && !(t instanceof CalciteContextException)) {
      t = t.getCause();
    }
    if (t instanceof StrataException se) {
      return se;
    }
    if (t instanceof CalciteContextException cce) {
      String msg = cce.getCause() != null && cce.getCause().getMessage() != null
          ? cce.getCause().getMessage() : cce.getMessage();
      String where = cce.getPosLine() > 0
          ? " (line " + cce.getPosLine() + ", column " + cce.getPosColumn() + ")" : "";
      return new StrataException(reasonOf(msg), msg + where, cce.getPosLine(), cce.getPosColumn(),
          cce);
    }
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    return new StrataException(reasonOf(msg), msg, e);
  }

  static Reason reasonOf(String msg) {
    String m = msg == null ? "" : msg;
    if (m.startsWith("Object '") && m.contains("not found")
        || m.startsWith("Table '") && m.contains("not found")) {
      return Reason.UNKNOWN_TABLE;
    }
    if (m.startsWith("Column '") && m.contains("not found") || m.startsWith("Unknown field")
        || m.startsWith("Unknown target column")) {
      return Reason.UNKNOWN_COLUMN;
    }
    if (m.contains("does not allow NULLs")) {
      return Reason.NOT_NULL_VIOLATION;
    }
    if (m.contains("ambiguous")) {
      return Reason.AMBIGUOUS_NAME;
    }
    if (m.startsWith("No match found for function")) {
      return Reason.UNKNOWN_OBJECT;
    }
    if (m.startsWith("Cannot apply") || m.contains("cannot be converted") || m.contains("type mismatch")
        || m.startsWith("Cannot assign") || m.contains("Cannot infer") || m.contains("incompatible")
        || m.contains("Illegal mixing of types") || m.startsWith("Values passed to")) {
      return Reason.TYPE_MISMATCH;
    }
    return Reason.INVALID_STATEMENT;
  }
}

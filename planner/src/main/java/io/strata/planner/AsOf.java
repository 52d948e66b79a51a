package io.strata.planner;

import io.strata.parser.ast.SqlAsOfTable;
import io.strata.planner.StrataException.Reason;
import io.strata.planner.calcite.StrataSchema;
import io.strata.planner.eval.Values;
import io.strata.storage.Store;
import io.strata.storage.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Resolves AS OF in the front end: each {@code t AS OF VERSION n | TIMESTAMP ts | FOR SYSTEM_TIME
 * AS OF ts} becomes the identifier {@code "$v<n>".t} of the per-version schema, so validation
 * uses the catalog of that version and the scan reads that version. A timestamp resolves to the
 * newest version committed at or before it. Times without a zone are in the JVM's zone.
 */
final class AsOf {
  private AsOf() {}

  /** Whether the statement contains a table-level AS OF. */
  static boolean present(SqlNode node) {
    boolean[] found = {false};
    node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call instanceof SqlAsOfTable) {
          found[0] = true;
          return call;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  /**
   * Whether every AS OF operand is a literal, so the versions it names are fixed and the plan
   * can be made once and cached; otherwise (parameters, CURRENT_TIMESTAMP, …) it is planned at
   * each execution.
   */
  static boolean literalOperands(SqlNode node) {
    boolean[] literal = {true};
    node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call instanceof SqlAsOfTable a) {
          literal[0] &= a.expression() instanceof org.apache.calcite.sql.SqlLiteral;
          return call;
        }
        return super.visit(call);
      }
    });
    return literal[0];
  }

  /**
   * Rewrites every table-level AS OF; {@code eval} evaluates a constant expression. Returns the
   * rewritten tree and appends the versions read to {@code versions}.
   */
  static SqlNode rewrite(SqlNode node, Function<SqlNode, Object> eval, Engine engine,
      List<Long> versions) {
    return node.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call instanceof SqlAsOfTable a) {
          Object v = eval.apply(a.expression());
          long version = a.kind() == SqlAsOfTable.Kind.VERSION
              ? version(engine, v) : versionAt(engine, v);
          versions.add(version);
          List<String> names = new ArrayList<>();
          names.add(StrataSchema.versionSchema(version));
          names.add(a.table().names.get(a.table().names.size() - 1));
          List<SqlParserPos> positions = List.of(a.table().getParserPosition(),
              a.table().getParserPosition());
          return new SqlIdentifier(names, null, a.table().getParserPosition(), positions);
        }
        return super.visit(call);
      }
    });
  }

  static long version(Engine engine, Object v) {
    if (v == null) {
      throw new StrataException(Reason.VERSION_NOT_AVAILABLE, "AS OF VERSION NULL names no version");
    }
    long version;
    try {
      version = Values.toLong(v);
    } catch (RuntimeException e) {
      throw new StrataException(Reason.TYPE_MISMATCH, "AS OF VERSION needs a number, not " + v);
    }
    engine.checkVersion(version);
    return version;
  }

  static long versionAt(Engine engine, Object v) {
    if (v == null) {
      throw new StrataException(Reason.VERSION_NOT_AVAILABLE, "AS OF TIMESTAMP NULL names no version");
    }
    LocalDateTime ts;
    try {
      ts = Values.toTimestamp(v);
    } catch (RuntimeException e) {
      throw new StrataException(Reason.TYPE_MISMATCH, "AS OF TIMESTAMP needs a timestamp, not " + v);
    }
    Instant t = ts.atZone(ZoneId.systemDefault()).toInstant();
    if (t.getNano() % 1_000_000 == 0) {
      // SQL timestamps here carry milliseconds: a time names its whole millisecond, so the
      // commit_time shown by strata_versions resolves to that very version
      t = t.plusNanos(999_999);
    }
    Store store = engine.store();
    if (t.isAfter(Instant.now().plusMillis(1))) {
      throw new StrataException(Reason.VERSION_NOT_AVAILABLE, "AS OF TIMESTAMP " + ts
          + " is in the future: the latest version is " + store.latestVersion());
    }
    Optional<Version> found = store.versionAt(t);
    if (found.isEmpty()) {
      long oldest = store.oldestRetainedVersion();
      String when = store.version(oldest).map(x -> " (committed "
          + LocalDateTime.ofInstant(x.commitTime(), ZoneId.systemDefault()) + ")").orElse("");
      throw new StrataException(Reason.VERSION_NOT_AVAILABLE, "no retained version was committed at"
          + " or before " + ts + ": the oldest retained version is " + oldest + when);
    }
    return found.get().id();
  }
}

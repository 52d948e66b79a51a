package io.strata.tests.parser;

import io.strata.parser.SqlParseException;
import io.strata.parser.StrataSqlParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parser throughput over the sqllogictest suite: Strata's parser against Calcite's own
 * {@code SqlParser} (JavaCC, LENIENT conformance) on the same statements in the same run.
 *
 * <p>Each file's statements are parsed as a batch by one parser and then by the other (the
 * order alternates between files); the time is the thread's CPU time, so other load on the
 * machine disturbs the ratio little. Queries and other statements (DDL, DML) are reported
 * apart, because Calcite's core parser rejects most DDL of the suite and a rejection costs it an
 * exception.
 *
 * <p>Arguments: {@code --every K} takes every K-th file of the 622 (default 1, the whole
 * suite); {@code --warmup N} parses the first N statements untimed first (default 50000).
 * See docs/benchmarks-parser.md for the command.
 */
public final class ParserBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final SqlParser.Config CALCITE =
      SqlParser.config().withConformance(SqlConformanceEnum.LENIENT);

  private ParserBenchmark() {}

  /** Totals for one parser over one kind of SQL. */
  private static final class Tally {
    long statements;
    long accepted;
    long cpuNanos;

    double perSecond() {
      return statements / (cpuNanos / 1e9);
    }
  }

  public static void main(String[] args) {
    int every = 1;
    int warmup = 50_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--every" -> every = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    List<String> all = SltCorpus.files();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < all.size(); i += every) {
      files.add(all.get(i));
    }
    warmUp(all, warmup);
    Tally[] strata = {new Tally(), new Tally()};
    Tally[] calcite = {new Tally(), new Tally()};
    long wallStart = System.nanoTime();
    int fileIndex = 0;
    for (String file : files) {
      List<SltCorpus.Sql> sqls = SltCorpus.load(file);
      List<String> queries = new ArrayList<>();
      List<String> others = new ArrayList<>();
      for (SltCorpus.Sql sql : sqls) {
        (sql.query() ? queries : others).add(sql.text());
      }
      boolean strataFirst = fileIndex++ % 2 == 0;
      for (int kind = 0; kind < 2; kind++) {
        List<String> batch = kind == 0 ? queries : others;
        if (strataFirst) {
          strata(batch, strata[kind]);
          calcite(batch, calcite[kind]);
        } else {
          calcite(batch, calcite[kind]);
          strata(batch, strata[kind]);
        }
      }
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    System.out.printf("files: %d of %d (every %d), warm-up %d statements, wall %.0f s%n",
        files.size(), all.size(), every, warmup, wall);
    report("queries", strata[0], calcite[0]);
    report("other statements", strata[1], calcite[1]);
    Tally strataAll = sum(strata);
    Tally calciteAll = sum(calcite);
    report("all", strataAll, calciteAll);
  }

  private static void report(String what, Tally strata, Tally calcite) {
    System.out.printf("%-17s %,10d stmts | Strata %,9.0f stmt/cpu-s (%,d parsed) | Calcite"
        + " %,9.0f stmt/cpu-s (%,d parsed) | ratio %.2fx%n", what, strata.statements,
        strata.perSecond(), strata.accepted, calcite.perSecond(), calcite.accepted,
        strata.perSecond() / calcite.perSecond());
  }

  private static Tally sum(Tally[] tallies) {
    Tally sum = new Tally();
    for (Tally t : tallies) {
      sum.statements += t.statements;
      sum.accepted += t.accepted;
      sum.cpuNanos += t.cpuNanos;
    }
    return sum;
  }

  private static void strata(List<String> batch, Tally tally) {
    long start = THREADS.getCurrentThreadCpuTime();
    long accepted = 0;
    for (String sql : batch) {
      try {
        StrataSqlParser.parse(sql);
        accepted++;
      } catch (SqlParseException e) {
        // counted as not accepted
      }
    }
    tally.cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    tally.statements += batch.size();
    tally.accepted += accepted;
  }

  private static void calcite(List<String> batch, Tally tally) {
    long start = THREADS.getCurrentThreadCpuTime();
    long accepted = 0;
    for (String sql : batch) {
      try {
        SqlParser.create(sql, CALCITE).parseStmtList();
        accepted++;
      } catch (org.apache.calcite.sql.parser.SqlParseException | RuntimeException e) {
        // counted as not accepted
      }
    }
    tally.cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
    tally.statements += batch.size();
    tally.accepted += accepted;
  }

  /** Parses statements from across the suite with both parsers, untimed. */
  private static void warmUp(List<String> files, int count) {
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < files.size() && sample.size() < count; i += 37) {
      for (SltCorpus.Sql sql : SltCorpus.load(files.get(i))) {
        if (sample.size() < count) {
          sample.add(sql.text());
        }
      }
    }
    strata(sample, new Tally());
    calcite(sample, new Tally());
  }
}

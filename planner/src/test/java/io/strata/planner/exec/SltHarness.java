package io.strata.planner.exec;

import io.strata.planner.eval.StrataRexExecutor;
import io.strata.planner.eval.Values;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * Runs sqllogictest files against the executor alone: Calcite's own parser, validator and
 * SqlToRel (configured for SQLite semantics: AVG as DOUBLE, NULLs low, lenient conformance) over
 * in-memory tables, a small Hep program, then {@link PlanBuilder}. CREATE TABLE is interpreted
 * here; INSERT goes through a TableModify of the in-memory table. Results are rendered and
 * compared as the hydromatic runner does (I/T/R columns, sort modes, MD5 of long results).
 */
final class SltHarness implements ScanFactory {

  /** Tally of one file. */
  static final class Tally {
    int passed;
    int failed;
    int skipped;
    final List<String> failures = new ArrayList<>();

    @Override
    public String toString() {
      return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
  }

  private final SchemaPlus root = Frameworks.createRootSchema(false);
  private final Map<String, List<Object[]>> data = new HashMap<>();
  private final FrameworkConfig config;

  SltHarness() {
    Properties p = new Properties();
    p.setProperty("caseSensitive", "false");
    p.setProperty("defaultNullCollation", "LOW");
    p.setProperty("conformance", SqlConformanceEnum.LENIENT.name());
    config = Frameworks.newConfigBuilder()
        .defaultSchema(root)
        .parserConfig(SqlParser.config().withCaseSensitive(false))
        .sqlToRelConverterConfig(SqlToRelConverter.config().withExpand(false))
        .typeSystem(new RelDataTypeSystemImpl() {
          @Override
          public RelDataType deriveAvgAggType(RelDataTypeFactory tf, RelDataType arg) {
            return tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.DOUBLE),
                arg.isNullable());
          }

          @Override
          public RelDataType deriveSumType(RelDataTypeFactory tf, RelDataType arg) {
            if (SqlTypeName.INT_TYPES.contains(arg.getSqlTypeName())) {
              return tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.BIGINT),
                  arg.isNullable());
            }
            return super.deriveSumType(tf, arg);
          }

          @Override
          public boolean shouldConvertRaggedUnionTypesToVarying() {
            return true;
          }
        })
        .context(Contexts.of(new CalciteConnectionConfigImpl(p)))
        .executor(StrataRexExecutor.INSTANCE)
        .build();
  }

  private static final Pattern CREATE =
      Pattern.compile("(?is)\\s*CREATE\\s+TABLE\\s+(\\w+)\\s*\\((.*)\\)\\s*");

  private void createTable(Matcher m) {
    String name = m.group(1).toUpperCase(Locale.ROOT);
    List<String[]> cols = new ArrayList<>();
    for (String def : m.group(2).split(",")) {
      String[] w = def.trim().split("\\s+");
      if (w.length < 2 || w[0].equalsIgnoreCase("PRIMARY") || w[0].equalsIgnoreCase("UNIQUE")) {
        continue;
      }
      String t = w[1].toUpperCase(Locale.ROOT);
      SqlTypeName type = t.startsWith("INT") ? SqlTypeName.BIGINT
          : t.startsWith("FLOAT") || t.startsWith("REAL") || t.startsWith("DOUBLE")
              ? SqlTypeName.DOUBLE : SqlTypeName.VARCHAR;
      cols.add(new String[] {w[0].toUpperCase(Locale.ROOT), type.name()});
    }
    root.add(name, new AbstractTable() {
      @Override
      public RelDataType getRowType(RelDataTypeFactory tf) {
        RelDataTypeFactory.Builder b = tf.builder();
        for (String[] c : cols) {
          SqlTypeName t = SqlTypeName.valueOf(c[1]);
          RelDataType type = t == SqlTypeName.VARCHAR ? tf.createSqlType(t, 1000)
              : tf.createSqlType(t);
          b.add(c[0], tf.createTypeWithNullability(type, true));
        }
        return b.build();
      }
    });
    data.put(name, new ArrayList<>());
  }

  @Override
  public Operator build(RelNode rel, List<Operator> inputs) {
    List<String> qn = rel.getTable() == null ? List.of() : rel.getTable().getQualifiedName();
    String table = qn.isEmpty() ? null : qn.get(qn.size() - 1);
    if (rel instanceof TableScan) {
      List<Object[]> rows = data.get(table);
      return new Operator() {
        int pos;

        @Override
        public void open(ExecContext ctx) {
          pos = 0;
        }

        @Override
        public Object[] next() {
          return pos < rows.size() ? rows.get(pos++) : null;
        }

        @Override
        public void close() {}
      };
    }
    if (rel instanceof TableModify && ((TableModify) rel).isInsert()) {
      Operator in = inputs.get(0);
      List<RelDataType> types = new ArrayList<>();
      rel.getTable().getRowType().getFieldList().forEach(f -> types.add(f.getType()));
      return new Operator() {
        boolean done;

        @Override
        public void open(ExecContext ctx) {
          done = false;
          in.open(ctx);
        }

        @Override
        public Object[] next() {
          if (done) {
            return null;
          }
          long n = 0;
          Object[] r;
          while ((r = in.next()) != null) {
            Object[] row = new Object[r.length];
            for (int i = 0; i < r.length; i++) {
              row[i] = Values.convert(r[i], types.get(i));
            }
            data.get(table).add(row);
            n++;
          }
          done = true;
          return new Object[] {n};
        }

        @Override
        public void close() {
          in.close();
        }
      };
    }
    throw new UnsupportedOperationException(rel.getRelTypeName());
  }

  private RelNode plan(String sql) throws Exception {
    Planner planner = Frameworks.getPlanner(config);
    try {
      SqlNode n = planner.parse(sql);
      n = planner.validate(n);
      RelNode rel = planner.rel(n).project();
      HepPlanner hep = new HepPlanner(new HepProgramBuilder()
          .addRuleCollection(List.of(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
              CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE, CoreRules.JOIN_SUB_QUERY_TO_CORRELATE))
          .addRuleCollection(List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH,
              CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE, CoreRules.PROJECT_MERGE,
              CoreRules.PROJECT_REMOVE, CoreRules.FILTER_REDUCE_EXPRESSIONS,
              CoreRules.PROJECT_REDUCE_EXPRESSIONS))
          .build());
      hep.setExecutor(StrataRexExecutor.INSTANCE);
      hep.setRoot(rel);
      return hep.findBestExp();
    } finally {
      planner.close();
    }
  }

  List<Object[]> execute(String sql) throws Exception {
    Matcher m = CREATE.matcher(sql);
    if (m.matches()) {
      createTable(m);
      return List.of();
    }
    if (sql.trim().toUpperCase(Locale.ROOT).startsWith("CREATE")) {
      return List.of(); // indexes do not change results
    }
    RelNode rel = plan(sql);
    return TestDb.drain(PlanBuilder.build(rel, this), new ExecContext(null, null));
  }

  /** Runs one test file from the sql-logic-test jar; stops after {@code maxQueries} queries. */
  static Tally runFile(String resource, int maxQueries) throws IOException {
    SltHarness h = new SltHarness();
    Tally t = new Tally();
    InputStream in = SltHarness.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("not on the class path: " + resource);
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        lines.add(l);
      }
    }
    int threshold = Integer.MAX_VALUE;
    int i = 0;
    int queries = 0;
    while (i < lines.size() && queries < maxQueries) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        i++;
        continue;
      }
      boolean skip = false;
      while (line.startsWith("skipif") || line.startsWith("onlyif")) {
        String db = line.split("\\s+")[1];
        if (line.startsWith("skipif") ? db.equals("postgresql") : !db.equals("postgresql")) {
          skip = true;
        }
        line = lines.get(++i).trim();
      }
      if (line.startsWith("halt")) {
        if (!skip) {
          break;
        }
        i++;
        continue;
      }
      if (line.startsWith("hash-threshold")) {
        threshold = Integer.parseInt(line.split("\\s+")[1]);
        i++;
        continue;
      }
      String[] head = line.split("\\s+");
      i++;
      StringBuilder sql = new StringBuilder();
      while (i < lines.size() && !lines.get(i).trim().isEmpty()
          && !lines.get(i).startsWith("----")) {
        sql.append(sql.length() == 0 ? "" : " ").append(lines.get(i));
        i++;
      }
      List<String> expected = new ArrayList<>();
      if (i < lines.size() && lines.get(i).startsWith("----")) {
        i++;
        while (i < lines.size() && !lines.get(i).trim().isEmpty()) {
          expected.add(lines.get(i).trim());
          i++;
        }
      }
      if (head[0].equals("statement")) {
        if (skip) {
          continue;
        }
        try {
          h.execute(sql.toString());
        } catch (Exception | AssertionError e) {
          if (head[1].equals("ok")) {
            t.failures.add("statement failed: " + sql + " -- " + e);
          }
        }
        continue;
      }
      if (!head[0].equals("query")) {
        continue;
      }
      queries++;
      if (skip) {
        t.skipped++;
        continue;
      }
      String types = head[1];
      String sort = head.length > 2 ? head[2] : "nosort";
      try {
        List<Object[]> rows = h.execute(sql.toString());
        List<String> got = render(rows, types, sort);
        boolean ok;
        if (expected.size() == 1 && expected.get(0).contains("values hashing to")) {
          String[] w = expected.get(0).split("\\s+");
          ok = Integer.parseInt(w[0]) == got.size() && md5(got).equals(w[w.length - 1]);
        } else {
          ok = got.equals(expected);
          if (!ok && got.size() > threshold) {
            ok = false;
          }
        }
        if (ok) {
          t.passed++;
        } else {
          t.failed++;
          t.failures.add(sql + "\n  expected " + expected + "\n  got " + abbreviate(got));
        }
      } catch (Exception | AssertionError e) {
        t.failed++;
        t.failures.add(sql + "\n  error " + e);
      }
    }
    return t;
  }

  private static String abbreviate(List<String> l) {
    return l.size() > 20 ? l.subList(0, 20) + "... (" + l.size() + ")" : l.toString();
  }

  static List<String> render(List<Object[]> rows, String types, String sort) {
    List<List<String>> table = new ArrayList<>();
    for (Object[] r : rows) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < r.length && c < types.length(); c++) {
        cells.add(cell(r[c], types.charAt(c)));
      }
      table.add(cells);
    }
    if (sort.equals("rowsort")) {
      table.sort((a, b) -> {
        for (int k = 0; k < a.size(); k++) {
          int c = a.get(k).compareTo(b.get(k));
          if (c != 0) {
            return c;
          }
        }
        return 0;
      });
    }
    List<String> out = new ArrayList<>();
    table.forEach(out::addAll);
    if (sort.equals("valuesort")) {
      Collections.sort(out);
    }
    return out;
  }

  private static String cell(Object v, char type) {
    if (v == null) {
      return "NULL";
    }
    switch (type) {
      case 'I':
        if (v instanceof String) {
          return Long.toString(Values.toLong(v));
        }
        return Long.toString(Values.toLong(v));
      case 'R':
        return String.format("%.3f", Values.toDouble(v));
      default:
        String s = Values.toText(v);
        if (s.isEmpty()) {
          return "(empty)";
        }
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
          b.append(ch < ' ' || ch > '~' ? '@' : ch);
        }
        return b.toString();
    }
  }

  private static String md5(List<String> values) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      for (String v : values) {
        md.update((v + "\n").getBytes(StandardCharsets.UTF_8));
      }
      StringBuilder sb = new StringBuilder();
      for (byte x : md.digest()) {
        sb.append(String.format("%02x", x));
      }
      return sb.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.strata.tests.slt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gate's checked-in list of queries known to fail on an engine, one {@code file#ordinal} per
 * line followed by a tab and the failure category (for the reader; only the key is compared).
 * Lines starting with {@code #} are comments.
 *
 * <p>A query not in the baseline must pass: if it fails, the gate fails. A query in the baseline
 * that passes is reported as newly passing, so that regenerating the baseline only removes lines.
 */
public final class Baseline {
  private static final String CAP = "max queries per file: ";

  private final Map<String, String> failing;
  private int maxQueriesPerFile;

  private Baseline(Map<String, String> failing) {
    this.failing = failing;
  }

  /** The query cap per file the baseline was made with (0: whole files). */
  public int maxQueriesPerFile() {
    return maxQueriesPerFile;
  }

  /** Records the cap the run was made with; it is written to and read from the file. */
  public Baseline withMaxQueriesPerFile(int cap) {
    this.maxQueriesPerFile = cap;
    return this;
  }

  /** The result of comparing a run with a baseline. */
  public record Comparison(List<String> regressions, List<String> newlyPassing, int stillFailing) {
    public boolean ok() {
      return regressions.isEmpty();
    }
  }

  /** The failures of a run: each failed query and each query never run, keyed file#ordinal. */
  public static Baseline of(List<FileResult> results) {
    Map<String, String> m = new TreeMap<>(Baseline::compareKeys);
    for (FileResult r : results) {
      for (Failure f : r.failures()) {
        m.put(f.key(), f.category());
      }
      // Queries run in file order, so the ones never run are the last ones.
      for (int i = r.queries() - r.notRun() + 1; i <= r.queries(); i++) {
        m.put(r.file() + "#" + i, r.abort() == null ? "not run" : r.abort());
      }
    }
    return new Baseline(m);
  }

  public static Baseline read(Reader in) throws IOException {
    Map<String, String> m = new TreeMap<>(Baseline::compareKeys);
    BufferedReader r = new BufferedReader(in);
    String line;
    int cap = 0;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("# " + CAP)) {
        cap = Integer.parseInt(line.substring(2 + CAP.length()).trim());
        continue;
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      String key = tab < 0 ? line.trim() : line.substring(0, tab).trim();
      if (key.indexOf('#') <= 0) {
        throw new IOException("not a file#ordinal line: " + line);
      }
      m.put(key, tab < 0 ? "" : line.substring(tab + 1));
    }
    return new Baseline(m).withMaxQueriesPerFile(cap);
  }

  public void write(Writer out, String header) throws IOException {
    for (String h : header.split("\n")) {
      out.write("# " + h + "\n");
    }
    out.write("# " + CAP + maxQueriesPerFile + "\n");
    for (Map.Entry<String, String> e : failing.entrySet()) {
      out.write(e.getKey() + "\t" + e.getValue() + "\n");
    }
  }

  /** The header a gate baseline file starts with. */
  public static String header(EngineRun run, int maxQueriesPerFile, int failing) {
    return String.format(java.util.Locale.ROOT, "sqllogictest gate baseline for %s: the queries"
            + " of the gate subset that fail%s.%nRegenerate: mvn -B -o -pl tests -am test"
            + " -Dtest=SltGateTest -Dsurefire.failIfNoSpecifiedTests=false -Dslt.gate.engine=%s"
            + " -Dslt.gate.update=true%s%n%,d of %,d queries fail.", run.version(),
        maxQueriesPerFile > 0 ? " (each file up to its query " + maxQueriesPerFile + ")" : "",
        run.engine().id,
        maxQueriesPerFile > 0 ? " -Dslt.gate.maxQueries=" + maxQueriesPerFile : "",
        failing, run.queries());
  }

  public int size() {
    return failing.size();
  }

  public boolean contains(String key) {
    return failing.containsKey(key);
  }

  /** Category recorded for a failing query, or {@code null}. */
  public String category(String key) {
    return failing.get(key);
  }

  /** Compares {@code current} (a run) against this baseline. */
  public Comparison compare(Baseline current) {
    List<String> regressions = new ArrayList<>();
    int still = 0;
    for (String k : current.failing.keySet()) {
      if (failing.containsKey(k)) {
        still++;
      } else {
        regressions.add(k);
      }
    }
    List<String> fixed = new ArrayList<>();
    for (String k : failing.keySet()) {
      if (!current.failing.containsKey(k)) {
        fixed.add(k);
      }
    }
    return new Comparison(regressions, fixed, still);
  }

  /** Orders keys by file, then by ordinal as a number. */
  static int compareKeys(String a, String b) {
    int ia = a.lastIndexOf('#');
    int ib = b.lastIndexOf('#');
    int c = a.substring(0, ia).compareTo(b.substring(0, ib));
    if (c != 0) {
      return c;
    }
    return Integer.compare(Integer.parseInt(a.substring(ia + 1)),
        Integer.parseInt(b.substring(ib + 1)));
  }
}

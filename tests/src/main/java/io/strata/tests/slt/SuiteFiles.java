package io.strata.tests.slt;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltTestFile;

/**
 * The test files inside the sql-logic-test jar, by resource path ({@code test/index/in/10/…}),
 * and the fixed subset that gates CI.
 */
public final class SuiteFiles {
  private final Map<String, Long> sizes;

  private SuiteFiles(Map<String, Long> sizes) {
    this.sizes = sizes;
  }

  /** Lists the {@code .test} files of the sql-logic-test jar on the class path. */
  public static SuiteFiles load() {
    try {
      Path jar = Path.of(SltTestFile.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      Map<String, Long> sizes = new TreeMap<>();
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
          if (!e.isDirectory() && e.getName().startsWith("test/")
              && e.getName().endsWith(".test")) {
            sizes.put(e.getName(), e.getSize());
          }
        }
      }
      return new SuiteFiles(sizes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** All files, sorted by path. */
  public List<String> all() {
    return new ArrayList<>(sizes.keySet());
  }

  /**
   * Files under a directory of the suite ({@code index/between}, {@code test/random}, or a
   * single file); the whole suite for "" or "test".
   */
  public List<String> under(String dir) {
    String d = dir.startsWith("test") ? dir : "test/" + dir;
    if (sizes.containsKey(d)) {
      return List.of(d);
    }
    String prefix = d.endsWith("/") ? d : d + "/";
    List<String> out = new ArrayList<>();
    for (String f : sizes.keySet()) {
      if (f.startsWith(prefix)) {
        out.add(f);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no test files under '" + dir + "'");
    }
    return out;
  }

  /** Size in bytes, used to start the largest files first. */
  public long size(String file) {
    return sizes.getOrDefault(file, 0L);
  }

  /**
   * The CI gate: {@code select1}–{@code select5} plus, for every leaf directory under
   * {@code index/}, {@code random/} and {@code evidence/}, its first file (in name order) that has
   * queries under the postgresql policy. Fixed by the jar, so the list never changes.
   */
  public List<String> gateSubset() {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      out.add("test/select" + i + ".test");
    }
    Map<String, List<String>> leaves = new LinkedHashMap<>();
    for (String f : sizes.keySet()) {
      if (f.startsWith("test/index/") || f.startsWith("test/random/")
          || f.startsWith("test/evidence/")) {
        leaves.computeIfAbsent(f.substring(0, f.lastIndexOf('/')), k -> new ArrayList<>()).add(f);
      }
    }
    for (List<String> files : leaves.values()) {
      files.sort(null);
      for (String f : files) {
        if (parse(f).getTestCount() > 0) {
          out.add(f);
          break;
        }
      }
    }
    return out;
  }

  /** Parses a file with the runner's postgresql skipif/onlyif policy. */
  public static SltTestFile parse(String file) {
    try {
      SltTestFile t = new SltTestFile(file);
      t.parse(quietOptions());
      return t;
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
  }

  static OptionsParser.SuppliedOptions quietOptions() {
    PrintStream nowhere = new PrintStream(PrintStream.nullOutputStream());
    return new OptionsParser(false, nowhere, nowhere).getOptions();
  }
}

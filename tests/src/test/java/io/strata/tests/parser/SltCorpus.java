package io.strata.tests.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;

/**
 * The SQL text of the sqllogictest suite exactly as net.hydromatic:sql-logic-test 0.3 hands it
 * to an engine: its own {@code SltTestFile} reads each {@code .test} file of its jar with its
 * "postgresql" skipif/onlyif policy, stops at an accepted {@code halt}, joins the lines of a
 * statement with no separator and those of a query with spaces.
 */
final class SltCorpus {
  /** One statement or query and where it came from. */
  record Sql(String file, boolean query, String text) {}

  /** Receives the SQL of one file. */
  interface Sink {
    void accept(String file, List<Sql> sql);
  }

  private SltCorpus() {}

  /** Names of all {@code .test} resources of the suite jar, sorted. */
  static List<String> files() {
    Logger.getLogger("SltTestFile").setLevel(Level.OFF);
    try {
      Path jar = Path.of(SltTestFile.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      List<String> files = new ArrayList<>();
      try (JarFile jf = new JarFile(jar.toFile())) {
        for (JarEntry entry : Collections.list(jf.entries())) {
          if (entry.getName().endsWith(".test")) {
            files.add(entry.getName());
          }
        }
      }
      Collections.sort(files);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads one file through the runner's own reader. */
  static List<Sql> load(String file) {
    try {
      OptionsParser.SuppliedOptions options =
          new OptionsParser(false, System.out, System.err).getOptions();
      SltTestFile test = new SltTestFile(file);
      test.parse(options);
      List<Sql> result = new ArrayList<>(test.fileContents.size());
      for (ISqlTestOperation op : test.fileContents) {
        if (op instanceof SltSqlStatement) {
          result.add(new Sql(file, false, ((SltSqlStatement) op).statement));
        } else {
          result.add(new Sql(file, true, ((SqlTestQuery) op).getQuery()));
        }
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the given files one at a time (the whole suite does not fit comfortably in memory). */
  static void forEach(List<String> files, Sink sink) {
    for (String file : files) {
      sink.accept(file, load(file));
    }
  }
}

package io.strata.tests.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds the self-contained driver jar and runs child JVMs against it. */
final class DriverJars {
  private DriverJars() {}

  /**
   * {@code jdbc/target/strata-jdbc-<version>-all.jar}, built by {@code mvn package} (CI runs
   * {@code mvn verify}, which builds it before this module's tests).
   */
  static Path shadedJar() {
    Path target = Paths.get("..", "jdbc", "target").toAbsolutePath().normalize();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, "strata-jdbc-*-all.jar")) {
      for (Path p : ds) {
        return p;
      }
    } catch (IOException e) {
      // fall through to the message
    }
    throw new AssertionError("the self-contained driver jar is missing from " + target
        + "; build it first: mvn -B -pl jdbc -am package -DskipTests");
  }

  /** The jars copied to target/sqlline by the maven-dependency-plugin (sqlline and JLine 3). */
  static List<Path> sqllineJars() throws IOException {
    Path dir = Paths.get("target", "sqlline").toAbsolutePath();
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
      ds.forEach(jars::add);
    }
    if (jars.stream().noneMatch(p -> p.getFileName().toString().startsWith("sqlline-"))) {
      throw new AssertionError("sqlline is missing from " + dir + " (run the tests through Maven)");
    }
    return jars;
  }

  /** The outcome of a child JVM. */
  record Run(int exitCode, String stdout, String stderr) {
    String all() {
      return stdout + "\n" + stderr;
    }
  }

  /** Runs {@code java -cp classpath mainClass args} with stdin closed; fails after 3 minutes. */
  static Run java(List<Path> classpath, String mainClass, Path workDir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    // keeps sqlline's history and preferences out of the real home directory
    cmd.add("-Duser.home=" + workDir);
    cmd.add("-cp");
    cmd.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    try {
      Path out = Files.createTempFile(workDir, "out", ".txt");
      Path err = Files.createTempFile(workDir, "err", ".txt");
      Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("child JVM did not finish: " + cmd + "\n" + Files.readString(out) + Files.readString(err));
      }
      return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}

package io.strata.tests.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The benchmark's parent process: for each repetition, runs every target in a fresh JVM
 * ({@link BenchChild}) on a fresh database in a temporary directory, rotating the order of the
 * targets from one repetition to the next so that no engine always runs first or last, and
 * writes the report.
 *
 * <pre>
 * BenchMain [--quick | --n ROWS] [--reps R] [--targets a,b] [--workloads W1,W3]
 *           [--out FILE] [--child-xmx 3g] [--timeout SECONDS]
 * BenchMain --fsync-probe
 * </pre>
 * Without {@code --quick} or {@code --n} the full sizes run (N = 1,000,000). {@code --fsync-probe}
 * runs no engine: it prints what the disk allows a durable commit ({@link FsyncProbe}).
 */
public final class BenchMain {
  /** What to run. */
  record Plan(Sizes sizes, int reps, List<Target> targets, Set<Workload> workloads,
      String childXmx, long timeoutSeconds, Path logDir) {
  }

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    Sizes sizes = Sizes.full();
    int reps = 3;
    List<Target> targets = new ArrayList<>(List.of(Target.values()));
    Set<Workload> workloads = EnumSet.allOf(Workload.class);
    Path out = Path.of("docs/benchmarks-engines.md");
    String xmx = "3g";
    long timeout = 3600;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> {
          sizes = Sizes.scaled(100_000);
          timeout = 900;
        }
        case "--n" -> sizes = Sizes.scaled(Long.parseLong(args[++i]));
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--targets" -> {
          targets.clear();
          for (String t : args[++i].split(",")) {
            targets.add(Target.byId(t.trim()));
          }
        }
        case "--workloads" -> {
          workloads = EnumSet.noneOf(Workload.class);
          for (String w : args[++i].split(",")) {
            workloads.add(Workload.valueOf(w.trim().toUpperCase(Locale.ROOT)));
          }
        }
        case "--out" -> out = Path.of(args[++i]);
        case "--child-xmx" -> xmx = args[++i];
        case "--timeout" -> timeout = Long.parseLong(args[++i]);
        case "--fsync-probe" -> {
          Path dir = Files.createTempDirectory("strata-fsync-probe-");
          try {
            System.out.print(FsyncProbe.report(dir));
          } finally {
            Files.deleteIfExists(dir);
          }
          return;
        }
        default -> {
          System.err.println("unknown argument " + args[i] + "\nusage: BenchMain [--quick | --n "
              + "ROWS] [--reps R] [--targets a,b] [--workloads W1,W3] [--out FILE] "
              + "[--child-xmx 3g] [--timeout SECONDS] | --fsync-probe");
          System.exit(2);
        }
      }
    }
    Plan plan = new Plan(sizes, reps, targets, workloads, xmx, timeout,
        Path.of("tests/target/bench"));
    Figures f = run(plan, System.out);
    String command = "mvn -B -o -pl tests -am -Pbench process-test-classes -Dbench.args=\""
        + String.join(" ", args) + "\"";
    String report = BenchReport.render(f, targets, command, context(plan), describe(plan));
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Files.writeString(out, report);
    System.out.println("report written to " + out.toAbsolutePath());
  }

  /** Runs the plan; progress lines go to {@code progress} (may be null). */
  static Figures run(Plan plan, java.io.PrintStream progress) throws IOException,
      InterruptedException {
    Figures f = new Figures();
    Files.createDirectories(plan.logDir());
    List<Target> order = new ArrayList<>(plan.targets());
    for (int rep = 0; rep < plan.reps(); rep++) {
      for (Target t : order) {
        long t0 = System.nanoTime();
        int exit = runChild(plan, t, rep, f);
        if (progress != null) {
          progress.printf("[rep %d/%d] %-18s exit %d, %.1f s%n", rep + 1, plan.reps(), t.id, exit,
              (System.nanoTime() - t0) / 1e9);
        }
      }
      // Rotate: the target that ran first runs last in the next repetition.
      order.add(order.remove(0));
    }
    return f;
  }

  private static int runChild(Plan plan, Target t, int rep, Figures f) throws IOException,
      InterruptedException {
    Path dir = Files.createTempDirectory("strata-bench-" + t.id + "-");
    Path log = plan.logDir().resolve(t.id + "-rep" + (rep + 1) + ".log");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + plan.childXmx(), "-cp", System.getProperty("java.class.path"),
        BenchChild.class.getName(), "--target", t.id, "--dir", dir.toString(),
        "--sizes", plan.sizes().args(), "--workloads", join(plan.workloads())));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
    Process p = pb.start();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (!f.accept(t, line)) {
            Files.writeString(log, line + "\n", java.nio.file.StandardOpenOption.APPEND);
          }
        }
      } catch (IOException e) {
        f.error(t, Workload.W1, "reading child output: " + e.getMessage());
      }
    });
    reader.start();
    int exit;
    if (!p.waitFor(plan.timeoutSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      f.error(t, Workload.W1, "child JVM killed after " + plan.timeoutSeconds() + " s");
      exit = -1;
    } else {
      exit = p.exitValue();
      if (exit != 0) {
        f.error(t, Workload.W1, "child JVM exited with " + exit + ": " + lastLine(log));
      }
    }
    reader.join();
    deleteTree(dir);
    return exit;
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).contains("Exception") || lines.get(i).contains("Error")) {
        return lines.get(i).trim();
      }
    }
    return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).trim();
  }

  private static String join(Set<Workload> ws) {
    return String.join(",", ws.stream().map(Enum::name).toList());
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static String context(Plan plan) throws IOException {
    String cpu = "unknown CPU";
    Path info = Path.of("/proc/cpuinfo");
    if (Files.isReadable(info)) {
      cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    FileStore store = Files.getFileStore(tmp);
    long mem = ((com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    return String.format(Locale.ROOT, "Run %s UTC. Machine: %s, %d cores, %.0f GB RAM, %s %s; "
            + "databases in %s (%s). Java %s; each target in its own JVM with -Xmx%s. "
            + "%d repetition(s), target order rotated each repetition. The machine was shared "
            + "with other work, so treat differences under about 1.5x as noise.",
        Instant.now().truncatedTo(ChronoUnit.SECONDS), cpu,
        Runtime.getRuntime().availableProcessors(), mem / 1e9, System.getProperty("os.name"),
        System.getProperty("os.version"), tmp, store.type(), System.getProperty("java.version"),
        plan.childXmx(), plan.reps());
  }

  static String describe(Plan plan) {
    Sizes s = plan.sizes();
    return String.format(Locale.ROOT, "Sizes: N = %,d rows in `t(id PK, grp, val, name)`; "
            + "W1 batches of %,d rows per transaction; W2 %,d autocommit inserts; W3 %,d "
            + "lookups after as many untimed; W4 %,d range sums of %,d rows after as "
            + "many untimed; W5 and W6 the mean of 3 runs after one "
            + "warm-up; W6 joins a %,d-row table on t's key, 10%% of it passing the filter; W7 "
            + "%,d updates, %d per transaction; W8 %.1f s; W9 %,d lookups each way, each timed "
            + "after as many untimed ones, and the mean of 3 full counts; W10 8 threads × %,d commits.", s.rows(), Sizes.BATCH,
        s.autocommitInserts(), s.lookups(), s.ranges(), Sizes.RANGE_WIDTH, s.joinRows(),
        s.updates(), Sizes.UPDATE_TXN, s.mixedSeconds(), s.timeTravelLookups(),
        s.groupCommitsPerThread());
  }
}

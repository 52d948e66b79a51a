package io.strata.tests.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the children of a run reported: the values of each (target, workload, metric) over
 * the repetitions, errors, and engine versions.
 */
final class Figures {
  /** A metric of a workload, with its kind (H rate, L time, Q amount). */
  record Metric(Workload workload, String name, char kind) {
  }

  private final Map<Metric, Map<Target, List<Double>>> values = new LinkedHashMap<>();
  private final Map<Target, Map<Workload, List<String>>> errors = new TreeMap<>();
  private final Map<Target, String> versions = new TreeMap<>();

  /** Takes one line of a child's output; returns false if it is not part of the protocol. */
  synchronized boolean accept(Target t, String line) {
    String[] f = line.split("\t");
    switch (f[0]) {
      case "RESULT" -> {
        if (f.length != 5) {
          return false;
        }
        Metric m = new Metric(Workload.valueOf(f[1]), f[2], f[4].charAt(0));
        values.computeIfAbsent(m, k -> new TreeMap<>())
            .computeIfAbsent(t, k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
        return true;
      }
      case "ERROR" -> {
        error(t, Workload.valueOf(f[1]), f.length > 2 ? f[2] : "");
        return true;
      }
      case "INFO" -> {
        if (f.length == 3 && f[1].equals("version")) {
          versions.put(t, f[2]);
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  synchronized void error(Target t, Workload w, String message) {
    errors.computeIfAbsent(t, k -> new TreeMap<>()).computeIfAbsent(w, k -> new ArrayList<>())
        .add(message);
  }

  synchronized List<Metric> metrics() {
    List<Metric> m = new ArrayList<>(values.keySet());
    m.sort((a, b) -> a.workload() != b.workload()
        ? a.workload().compareTo(b.workload()) : 0);
    return m;
  }

  synchronized List<Double> values(Metric m, Target t) {
    return values.getOrDefault(m, Map.of()).getOrDefault(t, List.of());
  }

  synchronized Map<Target, Map<Workload, List<String>>> errors() {
    return errors;
  }

  synchronized Map<Target, String> versions() {
    return versions;
  }

  static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}

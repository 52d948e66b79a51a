package io.strata.shell;

import java.io.PrintWriter;

/**
 * Prints one result in one {@link OutputMode}: {@link #begin} with the header, {@link #row} for
 * each row, then {@link #end}. Streaming modes print as rows arrive; grid modes buffer to size
 * their columns.
 */
abstract class Renderer {
  final Settings settings;
  final PrintWriter out;
  ResultTable header;
  long count;

  Renderer(Settings settings, PrintWriter out) {
    this.settings = settings;
    this.out = out;
  }

  static Renderer of(OutputMode mode, Settings settings, PrintWriter out) {
    return switch (mode) {
      case BOX, TABLE, MARKDOWN -> new GridRenderer(mode, settings, out);
      case CSV -> new CsvRenderer(settings, out);
      case JSON -> new JsonRenderer(settings, out);
      case LINE -> new LineRenderer(settings, out);
    };
  }

  void begin(ResultTable header) {
    this.header = header;
  }

  void row(String[] row) {
    count++;
  }

  void end() {
    out.flush();
  }

  /** Whether a "(n rows)" line follows the result (not in data formats). */
  boolean footer() {
    return false;
  }

  /** NULL as this session shows it, dimmed on a colour terminal. */
  String nullText(String padded) {
    return settings.color ? "\u001b[2m" + padded + "\u001b[0m" : padded;
  }
}

package io.strata.shell;

import java.io.PrintWriter;

/** CSV output: header line (unless {@code .headers off}), then one record per row. */
final class CsvRenderer extends Renderer {
  CsvRenderer(Settings settings, PrintWriter out) {
    super(settings, out);
  }

  @Override
  void begin(ResultTable header) {
    super.begin(header);
    if (settings.headers) {
      out.println(Csv.record(header.names.toArray(new String[0])));
    }
  }

  @Override
  void row(String[] row) {
    super.row(row);
    out.println(Csv.record(row));
  }
}

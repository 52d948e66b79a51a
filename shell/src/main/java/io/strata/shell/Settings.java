package io.strata.shell;

import java.util.function.IntSupplier;

/** The display settings a session changes with dot commands. */
final class Settings {
  OutputMode mode = OutputMode.TABLE;
  boolean headers = true;
  boolean timer;
  /** How SQL NULL prints in box, table, markdown and line modes. */
  String nullValue = "NULL";
  /** Whether to emit ANSI styles (only on a real terminal). */
  boolean color;
  /** Width results must fit into; 0 or less means no limit. */
  IntSupplier width = () -> 0;
}

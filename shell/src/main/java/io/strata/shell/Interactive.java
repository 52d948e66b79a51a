package io.strata.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * The interactive loop over a JLine terminal: multi-line entry to {@code ;}, history in a file,
 * completion from the catalog, highlighting, Ctrl-C to cancel the running statement (or clear
 * the line being typed) and Ctrl-D to leave.
 */
final class Interactive {
  private final Shell shell;
  private final Terminal terminal;
  private final LineReader reader;

  Interactive(Shell shell, Terminal terminal, Path historyFile) {
    this.shell = shell;
    this.terminal = terminal;
    this.reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("strata")
        .parser(new SqlLineParser())
        .completer(new SqlCompleter(shell.catalog))
        .highlighter(new SqlHighlighter())
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.HISTORY_SIZE, 10_000)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .option(LineReader.Option.AUTO_FRESH_LINE, true)
        .option(LineReader.Option.INSERT_TAB, false)
        .build();
  }

  /** A shell that prints to the terminal, sized to it and coloured unless it is dumb. */
  static Shell newShell(Terminal terminal, Connection conn, String url) {
    Shell shell = new Shell(conn, url, terminal.writer(), terminal.writer(), true);
    shell.settings.color = !Terminal.TYPE_DUMB.equals(terminal.getType())
        && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    shell.settings.width = terminal::getWidth;
    return shell;
  }

  LineReader reader() {
    return reader;
  }

  /** Reads and runs input until {@code .quit} or Ctrl-D. */
  void run() {
    terminal.writer().println("strata: connected to " + shell.url()
        + ". Enter SQL ending with ';', or .help.");
    terminal.flush();
    // Ctrl-C while a statement runs must reach us as a signal, not as input.
    Attributes attributes = terminal.getAttributes();
    if (!attributes.getLocalFlag(Attributes.LocalFlag.ISIG)) {
      attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
      terminal.setAttributes(attributes);
    }
    Terminal.SignalHandler previous =
        terminal.handle(Terminal.Signal.INT, signal -> shell.cancel());
    try {
      while (!shell.quitRequested()) {
        reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, shell.continuationPrompt());
        String input;
        try {
          input = reader.readLine(shell.prompt());
        } catch (UserInterruptException e) {
          continue; // Ctrl-C at the prompt drops the line being typed
        } catch (EndOfFileException e) {
          break;
        }
        if (!input.isBlank()) {
          shell.runInput(input);
        }
        terminal.flush();
      }
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
      try {
        reader.getHistory().save();
      } catch (IOException e) {
        terminal.writer().println("strata: could not save history: " + e.getMessage());
      }
      terminal.flush();
    }
  }
}

package io.strata.shell;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Line parsing for the prompt: Enter accepts the buffer only when it is a dot command or every
 * statement in it ends with {@code ;} (else JLine shows the continuation prompt). Words for
 * completion break at blanks and SQL punctuation but not at {@code .}, so {@code t.col} is one
 * word; backslash is not an escape, so {@code \dt} reaches the shell intact.
 */
final class SqlLineParser extends DefaultParser {
  SqlLineParser() {
    setEscapeChars(new char[0]);
    setEofOnUnclosedQuote(false);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !ScriptSplitter.isComplete(line)) {
      throw new EOFError(-1, cursor, "statement not finished: end it with ;", ";");
    }
    return super.parse(line, cursor, context);
  }

  @Override
  public boolean isDelimiterChar(CharSequence buffer, int pos) {
    char c = buffer.charAt(pos);
    return Character.isWhitespace(c) || ",()=<>;+*/|".indexOf(c) >= 0;
  }
}

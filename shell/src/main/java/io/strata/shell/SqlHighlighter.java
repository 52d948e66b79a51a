package io.strata.shell;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line being edited: keywords bold blue, string literals green, numbers cyan,
 * comments grey, and a dot command magenta. A light lexer of its own, so an unfinished
 * statement highlights as typed.
 */
final class SqlHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle COMMENT =
      AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
  static final AttributedStyle COMMAND =
      AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    return highlight(buffer);
  }

  static AttributedString highlight(String buffer) {
    AttributedStringBuilder sb = new AttributedStringBuilder();
    int n = buffer.length();
    int i = 0;
    if (ScriptSplitter.isCommandLine(buffer)) {
      int start = buffer.length() - buffer.stripLeading().length();
      int end = start;
      while (end < n && !Character.isWhitespace(buffer.charAt(end))) {
        end++;
      }
      sb.append(buffer.substring(0, start));
      sb.styled(COMMAND, buffer.substring(start, end));
      sb.append(buffer.substring(end));
      return sb.toAttributedString();
    }
    while (i < n) {
      char c = buffer.charAt(i);
      int j;
      if (c == '\'') {
        j = closeQuote(buffer, i, '\'');
        sb.styled(STRING, buffer.substring(i, j));
      } else if (c == '"') {
        j = closeQuote(buffer, i, '"');
        sb.append(buffer.substring(i, j));
      } else if (c == '-' && i + 1 < n && buffer.charAt(i + 1) == '-') {
        j = buffer.indexOf('\n', i);
        j = j < 0 ? n : j;
        sb.styled(COMMENT, buffer.substring(i, j));
      } else if (c == '/' && i + 1 < n && buffer.charAt(i + 1) == '*') {
        j = buffer.indexOf("*/", i + 2);
        j = j < 0 ? n : j + 2;
        sb.styled(COMMENT, buffer.substring(i, j));
      } else if (Character.isLetter(c) || c == '_') {
        j = i;
        while (j < n && (Character.isLetterOrDigit(buffer.charAt(j)) || buffer.charAt(j) == '_')) {
          j++;
        }
        String word = buffer.substring(i, j);
        if (SqlKeywords.isKeyword(word)) {
          sb.styled(KEYWORD, word);
        } else {
          sb.append(word);
        }
      } else if (Character.isDigit(c)) {
        j = i;
        while (j < n && (Character.isDigit(buffer.charAt(j)) || buffer.charAt(j) == '.')) {
          j++;
        }
        sb.styled(NUMBER, buffer.substring(i, j));
      } else {
        j = i + 1;
        sb.append(c);
      }
      i = j;
    }
    return sb.toAttributedString();
  }

  /** Index just past the quote that closes the one at {@code start} (or the end). */
  private static int closeQuote(String s, int start, char q) {
    int i = start + 1;
    while (i < s.length()) {
      if (s.charAt(i) == q) {
        if (i + 1 < s.length() && s.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return s.length();
  }
}

package io.strata.parser;

import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Parses Strata SQL into Calcite {@code SqlNode} trees.
 *
 * <p>How a parse runs:
 * <ol>
 *   <li>The text is lexed once into a token buffer.
 *   <li>The parser runs in ANTLR's SLL prediction mode, which is fast and right for nearly every
 *       statement, bailing out at the first error.
 *   <li>Only if SLL fails is the same token buffer parsed again in full LL mode; an error there
 *       is a real syntax error and becomes a {@link SqlParseException}. There is no error
 *       recovery: the first error ends the parse.
 *   <li>{@link SqlNodeBuilder} turns the parse tree into SqlNodes.
 * </ol>
 *
 * <p>Thread safety: the methods are static and share only ANTLR's ATN and DFA cache (which ANTLR
 * guards itself); each call builds its own lexer, parser and builder.
 *
 * <p>Deep nesting: the parser and the builder recurse once per nesting level, so a statement
 * nested thousands of levels deep (parentheses, unary signs, NOT, CASE) can exhaust the thread's
 * stack. Such a {@link StackOverflowError} is caught here and reported as a
 * {@link SqlParseException} ("statement too deeply nested"). This keeps every parse on the
 * caller's thread (no hand-off per statement, which would dominate the cost of a short
 * statement), the limit grows with the caller's stack size, and a tree that did parse is one
 * the caller's thread can also walk. Nothing is shared that an unwound overflow could leave
 * half-updated other than the DFA cache, whose states ANTLR adds atomically.
 */
public final class StrataSqlParser {
  private StrataSqlParser() {}

  /** Parses a script of statements separated by {@code ;} (a trailing {@code ;} is optional). */
  public static SqlNodeList parse(String sql) {
    return run(sql, true).script;
  }

  /** Parses exactly one statement, optionally followed by {@code ;}. */
  public static SqlNode parseStatement(String sql) {
    return run(sql, false).statement;
  }

  /** What one parse produced: a script or a statement. */
  private static final class Result {
    SqlNodeList script;
    SqlNode statement;
  }

  private static Result run(String sql, boolean script) {
    CharStream input = CharStreams.fromString(sql);
    SqlBaseLexer lexer = new SqlBaseLexer(input);
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    SqlBaseParser parser = new SqlBaseParser(tokens);
    parser.removeErrorListeners();
    try {
      Result result = new Result();
      SqlNodeBuilder builder = new SqlNodeBuilder(input);
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      parser.setErrorHandler(new BailErrorStrategy());
      try {
        buildInto(result, builder, parser, script);
      } catch (ParseCancellationException sllFailed) {
        tokens.seek(0);
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new NoRecovery());
        try {
          buildInto(result, new SqlNodeBuilder(input), parser, script);
        } catch (ParseCancellationException e) {
          throw SqlParseErrors.from(parser, (RecognitionException) e.getCause());
        }
      }
      return result;
    } catch (StackOverflowError e) {
      Token first = tokens.size() > 0 ? tokens.get(0) : null;
      throw first == null ? new SqlParseException(1, 1, "statement too deeply nested")
          : SqlParseErrors.at(first, "statement too deeply nested");
    }
  }

  private static void buildInto(Result result, SqlNodeBuilder builder, SqlBaseParser parser,
      boolean script) {
    if (script) {
      result.script = builder.script(parser.script());
    } else {
      result.statement = builder.singleStatement(parser.singleStatement());
    }
  }

  /**
   * Error strategy of the LL pass: never repairs or resynchronises; the first error cancels the
   * parse with the recognition error as cause. ANTLR's own checks at loop and optional-block
   * entries stay on, so that a mismatched token reports everything that could have come at that
   * point (not only what the last rule needed).
   */
  private static final class NoRecovery extends DefaultErrorStrategy {
    /** Index of the token that was next when {@code nextTokensContext} was remembered. */
    private int rememberedAt = -1;

    @Override public void recover(Parser recognizer, RecognitionException e) {
      throw new ParseCancellationException(e);
    }

    @Override public Token recoverInline(Parser recognizer) {
      throw new ParseCancellationException(mismatch(recognizer));
    }

    /**
     * ANTLR's check at block and loop entries, without its single-token deletion and
     * resynchronisation: fails as soon as the next token can neither start an alternative nor
     * follow the block.
     */
    @Override public void sync(Parser recognizer) {
      ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
      int next = recognizer.getInputStream().LA(1);
      IntervalSet starts = recognizer.getATN().nextTokens(state);
      if (starts.contains(next)) {
        nextTokensContext = null;
        nextTokensState = ATNState.INVALID_STATE_NUMBER;
        return;
      }
      if (starts.contains(Token.EPSILON)) {
        int index = recognizer.getInputStream().index();
        if (nextTokensContext == null || rememberedAt != index) {
          nextTokensContext = recognizer.getContext();
          nextTokensState = recognizer.getState();
          rememberedAt = index;
        }
        return;
      }
      switch (state.getStateType()) {
      case ATNState.BLOCK_START:
      case ATNState.STAR_BLOCK_START:
      case ATNState.PLUS_BLOCK_START:
      case ATNState.STAR_LOOP_ENTRY:
      case ATNState.PLUS_LOOP_BACK:
      case ATNState.STAR_LOOP_BACK:
        throw new ParseCancellationException(mismatch(recognizer));
      default:
      }
    }

    /**
     * The error for the current token. The state remembered at the first point before this
     * token where a rule could also have ended names every token acceptable here (ANTLR keeps
     * it for this purpose, but also after later matches, when it no longer applies); without
     * it, the current state's set is used.
     */
    private InputMismatchException mismatch(Parser recognizer) {
      return nextTokensContext == null || rememberedAt != recognizer.getInputStream().index()
          ? new InputMismatchException(recognizer)
          : new InputMismatchException(recognizer, nextTokensState, nextTokensContext);
    }
  }
}

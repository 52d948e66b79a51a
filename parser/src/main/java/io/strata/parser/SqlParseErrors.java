package io.strata.parser;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.RuleStopState;
import org.antlr.v4.runtime.atn.RuleTransition;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns what went wrong during a parse into a {@link SqlParseException} whose message names the
 * offending token and what was expected there: {@code line 1:8: mismatched input 'FROM'.
 * Expecting: <expression>, '*'}.
 *
 * <p>The expected set is exact for a mismatched token. When prediction fails several tokens after
 * the decision began (a no-viable-alternative error), ANTLR only knows the set at the decision,
 * so {@link #expectedAfter} replays the tokens from the decision state through the ATN (ignoring
 * precedence predicates, so the set can be slightly larger than strictly needed) to find what
 * could have followed them.
 */
final class SqlParseErrors {
  private static final ATN ATN_ = SqlBaseParser._ATN;
  private static final Vocabulary VOCABULARY = SqlBaseParser.VOCABULARY;
  private static final IntervalSet EXPRESSION_START =
      ATN_.nextTokens(ATN_.ruleToStartState[SqlBaseParser.RULE_expression]);
  private static final IntervalSet IDENTIFIER_START =
      ATN_.nextTokens(ATN_.ruleToStartState[SqlBaseParser.RULE_identifier]);
  private static final int MAX_TOKEN_TEXT = 40;
  private static final int MAX_EXPECTED = 12;

  private SqlParseErrors() {}

  static SqlParseException at(Token token, String detail) {
    return new SqlParseException(token.getLine(), token.getCharPositionInLine() + 1, detail);
  }

  /** The exception for a recognition error raised by the parser's LL pass. */
  static SqlParseException from(Parser parser, RecognitionException e) {
    Token offending = e.getOffendingToken();
    if (offending == null) {
      offending = parser.getCurrentToken();
    }
    SqlParseException lexical = lexical(offending);
    if (lexical != null) {
      return lexical;
    }
    IntervalSet expected;
    if (e instanceof NoViableAltException
        && ((NoViableAltException) e).getStartToken().getTokenIndex()
            < offending.getTokenIndex()) {
      NoViableAltException nva = (NoViableAltException) e;
      expected = expectedAfter(parser.getInputStream(), e.getOffendingState(),
          (ParserRuleContext) e.getCtx(), nva.getStartToken().getTokenIndex(),
          offending.getTokenIndex());
    } else if (e instanceof InputMismatchException || e.getOffendingState() < 0) {
      expected = e.getExpectedTokens();
    } else {
      expected = ATN_.getExpectedTokens(e.getOffendingState(), e.getCtx());
    }
    return at(offending, "mismatched input " + describe(offending) + describeExpected(expected));
  }

  /** Errors that are about the token itself, whatever the parser expected. */
  private static SqlParseException lexical(Token token) {
    switch (token.getType()) {
    case SqlBaseLexer.UNTERMINATED_STRING:
      return at(token, "unterminated string literal");
    case SqlBaseLexer.UNTERMINATED_QUOTED_IDENTIFIER:
      return at(token, "unterminated quoted identifier");
    case SqlBaseLexer.UNTERMINATED_COMMENT:
      return at(token, "unterminated comment");
    case SqlBaseLexer.UNRECOGNIZED:
      return at(token, "unexpected character " + quote(token.getText()));
    default:
      return null;
    }
  }

  static String describe(Token token) {
    return token.getType() == Token.EOF ? "'<EOF>'" : quote(token.getText());
  }

  /** Quotes a token's text for a message, shortening very long tokens. */
  static String quote(String text) {
    if (text.length() > MAX_TOKEN_TEXT) {
      text = text.substring(0, MAX_TOKEN_TEXT) + "...";
    }
    return "'" + text + "'";
  }

  private static String describeExpected(IntervalSet expected) {
    if (expected == null || expected.isNil()) {
      return "";
    }
    IntervalSet rest = new IntervalSet(expected);
    List<String> names = new ArrayList<>();
    boolean expression = expected.contains(SqlBaseParser.INTEGER_VALUE)
        && expected.contains(SqlBaseParser.IDENTIFIER);
    boolean identifier = expected.contains(SqlBaseParser.IDENTIFIER);
    if (expression) {
      rest = rest.subtract(EXPRESSION_START);
    }
    if (identifier) {
      rest = rest.subtract(IDENTIFIER_START);
    }
    TreeSet<String> keywords = new TreeSet<>();
    TreeSet<String> symbols = new TreeSet<>();
    boolean eof = false;
    for (int type : rest.toArray()) {
      if (type == Token.EOF) {
        eof = true;
        continue;
      }
      String literal = VOCABULARY.getLiteralName(type);
      if (literal == null) {
        symbols.add(tokenClassName(type));
      } else if (Character.isLetter(literal.charAt(1))) {
        keywords.add(literal);
      } else {
        symbols.add(literal);
      }
    }
    if (expression) {
      names.add("<expression>");
    } else if (identifier) {
      names.add("<identifier>");
    }
    names.addAll(keywords);
    names.addAll(symbols);
    if (eof) {
      names.add("<EOF>");
    }
    if (names.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder(". Expecting: ");
    for (int i = 0; i < names.size() && i < MAX_EXPECTED; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(names.get(i));
    }
    if (names.size() > MAX_EXPECTED) {
      b.append(", ...");
    }
    return b.toString();
  }

  private static String tokenClassName(int type) {
    switch (type) {
    case SqlBaseLexer.INTEGER_VALUE:
      return "<integer>";
    case SqlBaseLexer.DECIMAL_VALUE:
    case SqlBaseLexer.DOUBLE_VALUE:
      return "<number>";
    case SqlBaseLexer.STRING:
      return "<string>";
    case SqlBaseLexer.BINARY_STRING:
      return "<binary string>";
    case SqlBaseLexer.IDENTIFIER:
    case SqlBaseLexer.QUOTED_IDENTIFIER:
      return "<identifier>";
    default:
      return "<" + VOCABULARY.getSymbolicName(type).toLowerCase(java.util.Locale.ROOT) + ">";
    }
  }

  /** A position in the ATN with the rule-return states that follow it (innermost first). */
  private record Config(ATNState state, Stack stack) {}

  /** An immutable stack of return states; null is the stack below the decision's context. */
  private record Stack(int returnState, Stack parent) {}

  /**
   * Tokens that could follow {@code tokens[from, to)} when the parse is at {@code state} with
   * context {@code ctx}.
   */
  static IntervalSet expectedAfter(TokenStream tokens, int state, ParserRuleContext ctx,
      int from, int to) {
    // The outer context's return states, so that a rule end can continue in its caller.
    Stack outer = null;
    List<Integer> returns = new ArrayList<>();
    for (RuleContext c = ctx; c != null && c.invokingState >= 0; c = c.parent) {
      returns.add(((RuleTransition) ATN_.states.get(c.invokingState).transition(0))
          .followState.stateNumber);
    }
    for (int i = returns.size() - 1; i >= 0; i--) {
      outer = new Stack(returns.get(i), outer);
    }
    Set<Config> configs = closure(Set.of(new Config(ATN_.states.get(state), outer)));
    for (int i = from; i < to && !configs.isEmpty(); i++) {
      int type = tokens.get(i).getType();
      Set<Config> next = new HashSet<>();
      for (Config config : configs) {
        for (int t = 0; t < config.state.getNumberOfTransitions(); t++) {
          Transition transition = config.state.transition(t);
          if (!transition.isEpsilon()
              && transition.matches(type, Token.MIN_USER_TOKEN_TYPE, ATN_.maxTokenType)) {
            next.add(new Config(transition.target, config.stack));
          }
        }
      }
      configs = closure(next);
    }
    IntervalSet expected = new IntervalSet();
    for (Config config : configs) {
      if (config.state instanceof RuleStopState) {
        expected.add(Token.EOF);
        continue;
      }
      for (int t = 0; t < config.state.getNumberOfTransitions(); t++) {
        Transition transition = config.state.transition(t);
        if (!transition.isEpsilon()) {
          IntervalSet label = transition.label();
          if (label != null) {
            expected.addAll(label);
          }
        }
      }
    }
    return expected;
  }

  private static Set<Config> closure(Set<Config> start) {
    Set<Config> seen = new HashSet<>();
    Set<Config> result = new HashSet<>();
    List<Config> work = new ArrayList<>(start);
    while (!work.isEmpty()) {
      Config config = work.remove(work.size() - 1);
      if (!seen.add(config)) {
        continue;
      }
      ATNState state = config.state;
      if (state instanceof RuleStopState) {
        if (config.stack == null) {
          result.add(config);
        } else {
          work.add(new Config(ATN_.states.get(config.stack.returnState), config.stack.parent));
        }
        continue;
      }
      for (int t = 0; t < state.getNumberOfTransitions(); t++) {
        Transition transition = state.transition(t);
        if (transition instanceof RuleTransition) {
          RuleTransition call = (RuleTransition) transition;
          work.add(new Config(call.target,
              new Stack(call.followState.stateNumber, config.stack)));
        } else if (transition.isEpsilon()) {
          work.add(new Config(transition.target, config.stack));
        } else {
          result.add(config);
        }
      }
    }
    return result;
  }
}

package io.strata.parser;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Base class of the generated parse-tree nodes (the grammar's {@code contextSuperClass}).
 *
 * <p>Most nodes of a SQL parse tree have one to three children; ANTLR's default list starts at
 * ten slots, and growing it was a tenth of the parse time over the sqllogictest statements. Not
 * for use outside the parser; public only because generated code extends it.
 */
public class CompactRuleContext extends ParserRuleContext {
  public CompactRuleContext() {
  }

  public CompactRuleContext(ParserRuleContext parent, int invokingStateNumber) {
    super(parent, invokingStateNumber);
  }

  @Override public <T extends ParseTree> T addAnyChild(T t) {
    if (children == null) {
      children = new ArrayList<>(2);
    }
    children.add(t);
    return t;
  }
}

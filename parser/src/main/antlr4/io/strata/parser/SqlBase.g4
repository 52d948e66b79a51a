/*
 * Strata's SQL grammar. The one visitor, SqlNodeBuilder, turns its parse trees into Calcite
 * SqlNodes.
 *
 * Conventions:
 *  - every alternative of a rule with several alternatives carries a #label, and the builder
 *    has one method per label;
 *  - keywords are case-insensitive tokens; those that need not be reserved are listed in
 *    nonReserved and are accepted wherever an identifier is;
 *  - keywords that may follow a table or select item (WHERE, JOIN, LEFT, ...) are reserved so
 *    that an alias without AS is never ambiguous;
 *  - operator precedence mirrors Calcite's (so unparsed trees parse back to themselves):
 *    unary +/-  >  * / % ||  >  + -  >  BETWEEN IN LIKE  >  comparisons  >  IS  >  NOT  >  AND  >  OR.
 */
grammar SqlBase;

options {
    caseInsensitive = true;
    // Parse-tree nodes start with room for two children instead of ArrayList's ten.
    contextSuperClass = CompactRuleContext;
}

// Written so that every decision needs one token of lookahead: "(statement? ';')* statement?"
// would make the parser scan each whole statement to learn whether a ';' or the end follows.
script
    : statement? (SEMICOLON statement?)* EOF
    ;

singleStatement
    : statement SEMICOLON? EOF
    ;

statement
    : query                                                                  #queryStatement
    | EXPLAIN (PLAN explainDetail? explainDepth? (AS explainFormat)? FOR)? statement   #explain
    | (INSERT (OR REPLACE)? | REPLACE | UPSERT) INTO qualifiedName columnList? query    #insert
    | UPDATE qualifiedName (AS? identifier)? SET assignment (COMMA assignment)*
        (WHERE where=expression)?                                     #update
    | DELETE FROM qualifiedName (AS? identifier)? (WHERE where=expression)?  #delete
    | CREATE TABLE ifNotExists? qualifiedName
        LPAREN tableElement (COMMA tableElement)* RPAREN                     #createTable
    | CREATE TABLE ifNotExists? qualifiedName AS query                       #createTableAsSelect
    | DROP TABLE ifExists? qualifiedName dropBehavior?                       #dropTable
    | CREATE UNIQUE? INDEX ifNotExists? name=qualifiedName ON table=qualifiedName
        LPAREN indexColumn (COMMA indexColumn)* RPAREN                       #createIndex
    | DROP INDEX ifExists? qualifiedName dropBehavior?                       #dropIndex
    | CREATE VIEW ifNotExists? qualifiedName columnList? AS query            #createView
    | DROP VIEW ifExists? qualifiedName dropBehavior?                        #dropView
    | ALTER TABLE qualifiedName ADD COLUMN? columnDefinition                 #addColumn
    | ALTER TABLE qualifiedName DROP COLUMN? identifier                      #dropColumn
    | ALTER TABLE qualifiedName RENAME COLUMN? from=identifier TO to=identifier   #renameColumn
    | ALTER TABLE qualifiedName RENAME TO identifier                         #renameTable
    | CREATE TRIGGER ifNotExists? name=qualifiedName timing=(BEFORE | AFTER)?
        event=(INSERT | UPDATE | DELETE) ON table=qualifiedName (FOR EACH ROW)?
        BEGIN (statement SEMICOLON)+ END                                     #createTrigger
    | DROP TRIGGER ifExists? qualifiedName                                   #dropTrigger
    | REINDEX qualifiedName?                                                 #reindex
    | BEGIN (TRANSACTION | WORK)?                                            #beginTransaction
    | START TRANSACTION (READ (ONLY | WRITE))?                               #startTransaction
    | COMMIT (TRANSACTION | WORK)?                                           #commit
    | ROLLBACK (TRANSACTION | WORK)? TO SAVEPOINT? identifier                #rollbackToSavepoint
    | ROLLBACK (TRANSACTION | WORK)?                                         #rollback
    | SAVEPOINT identifier                                                   #savepoint
    | RELEASE SAVEPOINT? identifier                                          #releaseSavepoint
    | SET AS OF VERSION valueExpression                                      #setAsOfVersion
    | SET AS OF TIMESTAMP valueExpression                                    #setAsOfTimestamp
    | SET AS OF LATEST                                                       #setAsOfLatest
    ;

explainDetail
    : EXCLUDING ATTRIBUTES                                                   #excludingAttributes
    | INCLUDING ATTRIBUTES                                                   #includingAttributes
    | INCLUDING ALL ATTRIBUTES                                               #includingAllAttributes
    ;

explainDepth
    : WITH TYPE                                                              #withType
    | WITH IMPLEMENTATION                                                    #withImplementation
    | WITHOUT IMPLEMENTATION                                                 #withoutImplementation
    ;

explainFormat
    : TEXT                                                                   #textFormat
    | XML                                                                    #xmlFormat
    | JSON                                                                   #jsonFormat
    | DOT                                                                    #dotFormat
    ;

ifNotExists
    : IF NOT EXISTS
    ;

ifExists
    : IF EXISTS
    ;

dropBehavior
    : CASCADE                                                                #cascade
    | RESTRICT                                                               #restrict
    ;

assignment
    : qualifiedName EQ expression
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

indexColumn
    : identifier (ASC | DESC)?
    ;

tableElement
    : columnDefinition                                                       #columnElement
    | tableConstraint                                                        #constraintElement
    ;

columnDefinition
    : identifier type columnConstraint*
    ;

columnConstraint
    : (CONSTRAINT identifier)? NOT NULL                                      #notNullConstraint
    | (CONSTRAINT identifier)? NULL                                          #nullConstraint
    | (CONSTRAINT identifier)? PRIMARY KEY (ASC | DESC)? AUTOINCREMENT?      #primaryKeyConstraint
    | (CONSTRAINT identifier)? UNIQUE                                        #uniqueConstraint
    | (CONSTRAINT identifier)? DEFAULT valueExpression                       #defaultConstraint
    | (CONSTRAINT identifier)? CHECK LPAREN expression RPAREN                #checkConstraint
    ;

tableConstraint
    : (CONSTRAINT identifier)? PRIMARY KEY columnList                        #primaryKeyTableConstraint
    | (CONSTRAINT identifier)? UNIQUE columnList                             #uniqueTableConstraint
    | (CONSTRAINT identifier)? CHECK LPAREN expression RPAREN                #checkTableConstraint
    | (CONSTRAINT identifier)? FOREIGN KEY columnList
        REFERENCES qualifiedName columnList?                                 #foreignKeyTableConstraint
    ;

type
    : identifier (PRECISION | VARYING)?
        (LPAREN precision=INTEGER_VALUE (COMMA scale=INTEGER_VALUE)? RPAREN)?
    ;

query
    : with? queryNoWith
    ;

with
    : WITH RECURSIVE? namedQuery (COMMA namedQuery)*
    ;

namedQuery
    : identifier columnList? AS LPAREN query RPAREN
    ;

queryNoWith
    : queryTerm orderBy? limitClause?
    ;

orderBy
    : ORDER BY sortItem (COMMA sortItem)*
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrdering=(FIRST | LAST))?
    ;

limitClause
    : LIMIT limit=expression (OFFSET offset=expression)?                     #limitOffset
    | OFFSET offset=expression (ROW | ROWS)?
        (FETCH (FIRST | NEXT) fetch=expression? (ROW | ROWS) ONLY)?          #offsetFetch
    | FETCH (FIRST | NEXT) fetch=expression? (ROW | ROWS) ONLY               #fetchOnly
    ;

queryTerm
    : intersectTerm (setOperator intersectTerm)*
    ;

intersectTerm
    : queryPrimary (INTERSECT setQuantifier? queryPrimary)*
    ;

setOperator
    : operator=(UNION | EXCEPT) setQuantifier?
    ;

queryPrimary
    : simpleQuery                                                            #queryPrimaryDefault
    | LPAREN query RPAREN                                                    #parenthesizedQuery
    ;

simpleQuery
    : querySpecification                                                     #simpleSelect
    | VALUES rowValue (COMMA rowValue)*                                      #inlineTable
    ;

// A query nested in an expression or a FROM item. It must begin with SELECT, VALUES or WITH,
// not with a parenthesis: after "((" it would otherwise stay open at every level whether a query
// or an expression (relation) is parenthesized, and prediction would weigh exponentially many
// readings of deeply nested parentheses. "((SELECT 1))" still parses, as a parenthesized
// expression (relation) around a subquery; "((SELECT 1) UNION SELECT 2)" must be written
// "(SELECT 1 UNION SELECT 2)" there.
subquery
    : with? subqueryTerm orderBy? limitClause?
    ;

subqueryTerm
    : subqueryIntersect (setOperator intersectTerm)*
    ;

subqueryIntersect
    : simpleQuery (INTERSECT setQuantifier? queryPrimary)*
    ;

rowValue
    : ROW? LPAREN expression (COMMA expression)* RPAREN
    ;

querySpecification
    : SELECT setQuantifier? selectItem (COMMA selectItem)*
        (FROM relation (COMMA relation)*)?
        (WHERE where=expression)?
        groupBy?
        (HAVING having=expression)?
    ;

groupBy
    : GROUP BY expression (COMMA expression)*
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

selectItem
    : expression (AS? identifier)?                                           #selectSingle
    | qualifiedName PERIOD ASTERISK                                          #selectQualifiedAll
    | ASTERISK                                                               #selectAll
    ;

relation
    : left=relation CROSS JOIN right=aliasedRelation                         #crossJoin
    | left=relation joinType JOIN right=aliasedRelation joinCriteria         #join
    | left=relation NATURAL joinType JOIN right=aliasedRelation              #naturalJoin
    | aliasedRelation                                                        #relationDefault
    ;

joinType
    : INNER?                                                                 #innerJoin
    | LEFT OUTER?                                                            #leftJoin
    | RIGHT OUTER?                                                           #rightJoin
    | FULL OUTER?                                                            #fullJoin
    ;

joinCriteria
    : ON expression                                                          #joinOn
    | USING columnList                                                       #joinUsing
    ;

aliasedRelation
    : relationPrimary (AS? identifier columnList?)?
    ;

relationPrimary
    : qualifiedName                                                          #tableName
    | qualifiedName AS OF VERSION valueExpression                            #asOfVersion
    | qualifiedName AS OF TIMESTAMP valueExpression                          #asOfTimestamp
    | qualifiedName FOR SYSTEM_TIME AS OF valueExpression                    #forSystemTime
    | LPAREN subquery RPAREN                                                 #subqueryRelation
    | LPAREN relation RPAREN                                                 #parenthesizedRelation
    ;

expression
    : valueExpression                                                        #valueBoolean
    | expression NOT? BETWEEN (ASYMMETRIC | SYMMETRIC)?
        lower=valueExpression AND upper=valueExpression                      #between
    | expression NOT? IN LPAREN subquery RPAREN                              #inSubquery
    | expression NOT? IN LPAREN (expression (COMMA expression)*)? RPAREN     #inList
    | expression NOT? LIKE pattern=valueExpression
        (ESCAPE escape=valueExpression)?                                     #like
    | expression comparisonOperator valueExpression                          #comparison
    | expression IS NOT? DISTINCT FROM valueExpression                       #distinctFrom
    | expression IS NOT? NULL                                                #nullPredicate
    | NOT expression                                                         #logicalNot
    | expression AND expression                                              #and
    | expression OR expression                                               #or
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

valueExpression
    : operator=(MINUS | PLUS) valueExpression                                #arithmeticUnary
    | valueExpression operator=(ASTERISK | SLASH | PERCENT | CONCAT) valueExpression   #arithmeticBinary
    | valueExpression operator=(PLUS | MINUS) valueExpression                #arithmeticBinary
    | NULL                                                                   #nullLiteral
    | INTEGER_VALUE                                                          #integerLiteral
    | DECIMAL_VALUE                                                          #decimalLiteral
    | DOUBLE_VALUE                                                           #doubleLiteral
    | STRING                                                                 #stringLiteral
    | BINARY_STRING                                                          #binaryLiteral
    | (TRUE | FALSE)                                                         #booleanLiteral
    | kind=(DATE | TIME | TIMESTAMP) STRING                                  #datetimeLiteral
    | QUESTION                                                               #parameter
    | qualifiedName LPAREN ASTERISK RPAREN                                   #starCall
    | qualifiedName LPAREN (setQuantifier? expression (COMMA expression)*)? RPAREN  #functionCall
    | CAST LPAREN expression AS type RPAREN                                  #cast
    | CASE operand=expression whenClause+ (ELSE elseValue=expression)? END   #simpleCase
    | CASE whenClause+ (ELSE elseValue=expression)? END                      #searchedCase
    | EXISTS LPAREN subquery RPAREN                                          #exists
    | LPAREN subquery RPAREN                                                 #scalarSubquery
    | LPAREN expression RPAREN                                               #parenthesized
    | ROW LPAREN expression (COMMA expression)* RPAREN                       #rowConstructor
    | qualifiedName                                                          #columnReference
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

qualifiedName
    : identifier (PERIOD identifier)*
    ;

identifier
    : IDENTIFIER                                                             #unquotedIdentifier
    | QUOTED_IDENTIFIER                                                      #quotedIdentifier
    | nonReserved                                                            #keywordIdentifier
    ;

nonReserved
    : ADD | AFTER | ASC | ATTRIBUTES | AUTOINCREMENT | BEFORE | BEGIN | CASCADE | COLUMN | COMMIT
    | DATE | DESC | DOT | EACH | EXCLUDING | EXPLAIN | FIRST | IF | IMPLEMENTATION | INCLUDING
    | INDEX | JSON | KEY | LAST | LATEST | NEXT | NULLS | ONLY | PLAN | PRECISION | READ
    | RECURSIVE | REINDEX | RELEASE | RENAME | REPLACE | RESTRICT | ROLLBACK | ROWS | SAVEPOINT
    | START | SYSTEM_TIME | TEXT | TIME | TIMESTAMP | TO | TRANSACTION | TRIGGER | TYPE | UPSERT
    | VARYING | VERSION | VIEW | WITHOUT | WORK | WRITE | XML
    ;

ADD: 'ADD';
AFTER: 'AFTER';
ALL: 'ALL';
ALTER: 'ALTER';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
ASYMMETRIC: 'ASYMMETRIC';
ATTRIBUTES: 'ATTRIBUTES';
AUTOINCREMENT: 'AUTOINCREMENT';
BEFORE: 'BEFORE';
BEGIN: 'BEGIN';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASCADE: 'CASCADE';
CASE: 'CASE';
CAST: 'CAST';
CHECK: 'CHECK';
COLUMN: 'COLUMN';
COMMIT: 'COMMIT';
CONSTRAINT: 'CONSTRAINT';
CREATE: 'CREATE';
CROSS: 'CROSS';
DATE: 'DATE';
DEFAULT: 'DEFAULT';
DELETE: 'DELETE';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
DOT: 'DOT';
DROP: 'DROP';
EACH: 'EACH';
ELSE: 'ELSE';
END: 'END';
ESCAPE: 'ESCAPE';
EXCEPT: 'EXCEPT';
EXCLUDING: 'EXCLUDING';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
FALSE: 'FALSE';
FETCH: 'FETCH';
FIRST: 'FIRST';
FOR: 'FOR';
FOREIGN: 'FOREIGN';
FROM: 'FROM';
FULL: 'FULL';
GROUP: 'GROUP';
HAVING: 'HAVING';
IF: 'IF';
IMPLEMENTATION: 'IMPLEMENTATION';
IN: 'IN';
INCLUDING: 'INCLUDING';
INDEX: 'INDEX';
INNER: 'INNER';
INSERT: 'INSERT';
INTERSECT: 'INTERSECT';
INTO: 'INTO';
IS: 'IS';
JOIN: 'JOIN';
JSON: 'JSON';
KEY: 'KEY';
LAST: 'LAST';
LATEST: 'LATEST';
LEFT: 'LEFT';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
NATURAL: 'NATURAL';
NEXT: 'NEXT';
NOT: 'NOT';
NULL: 'NULL';
NULLS: 'NULLS';
OF: 'OF';
OFFSET: 'OFFSET';
ON: 'ON';
ONLY: 'ONLY';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
PLAN: 'PLAN';
PRECISION: 'PRECISION';
PRIMARY: 'PRIMARY';
READ: 'READ';
RECURSIVE: 'RECURSIVE';
REFERENCES: 'REFERENCES';
REINDEX: 'REINDEX';
RELEASE: 'RELEASE';
RENAME: 'RENAME';
REPLACE: 'REPLACE';
RESTRICT: 'RESTRICT';
RIGHT: 'RIGHT';
ROLLBACK: 'ROLLBACK';
ROW: 'ROW';
ROWS: 'ROWS';
SAVEPOINT: 'SAVEPOINT';
SELECT: 'SELECT';
SET: 'SET';
START: 'START';
SYMMETRIC: 'SYMMETRIC';
SYSTEM_TIME: 'SYSTEM_TIME';
TABLE: 'TABLE';
TEXT: 'TEXT';
THEN: 'THEN';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
TO: 'TO';
TRANSACTION: 'TRANSACTION';
TRIGGER: 'TRIGGER';
TRUE: 'TRUE';
TYPE: 'TYPE';
UNION: 'UNION';
UNIQUE: 'UNIQUE';
UPDATE: 'UPDATE';
UPSERT: 'UPSERT';
USING: 'USING';
VALUES: 'VALUES';
VARYING: 'VARYING';
VERSION: 'VERSION';
VIEW: 'VIEW';
WHEN: 'WHEN';
WHERE: 'WHERE';
WITH: 'WITH';
WITHOUT: 'WITHOUT';
WORK: 'WORK';
WRITE: 'WRITE';
XML: 'XML';

EQ: '=' | '==';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
QUESTION: '?';
LPAREN: '(';
RPAREN: ')';
COMMA: ',';
PERIOD: '.';
SEMICOLON: ';';

STRING: '\'' (~'\'' | '\'\'')* '\'';
BINARY_STRING: 'X\'' (~'\'')* '\'';
INTEGER_VALUE: DIGIT+;
DECIMAL_VALUE: DIGIT+ '.' DIGIT* | '.' DIGIT+;
DOUBLE_VALUE: DIGIT+ ('.' DIGIT*)? EXPONENT | '.' DIGIT+ EXPONENT;
IDENTIFIER: [\p{L}_] [\p{L}\p{N}_$]*;
QUOTED_IDENTIFIER: '"' (~'"' | '""')* '"';

SIMPLE_COMMENT: '--' ~[\r\n]* -> skip;
BRACKETED_COMMENT: '/*' .*? '*/' -> skip;
WS: [ \t\r\n\f\u000B]+ -> skip;

// Tokens the parser never accepts; they exist so that the error names what is wrong.
UNTERMINATED_STRING: '\'' (~'\'' | '\'\'')*;
UNTERMINATED_QUOTED_IDENTIFIER: '"' (~'"' | '""')*;
UNTERMINATED_COMMENT: '/*' (~'*' | '*'+ ~[*/])* '*'*;
UNRECOGNIZED: .;

fragment EXPONENT: 'E' [+-]? DIGIT+;
fragment DIGIT: [0-9];

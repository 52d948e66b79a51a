package io.strata.jdbc;

import io.strata.planner.ColumnMeta;
import io.strata.planner.TableInfo;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What the database is and holds. Catalog queries ({@code getTables}, {@code getColumns}, …) are
 * answered from {@code Session.tables()} as in-memory result sets with the standard JDBC columns.
 * Every getter answers; the {@code supports*} answers describe what the engine really does.
 * Strata has no catalogs (TABLE_CAT is null); user tables live in schema {@code PUBLIC}.
 */
final class JdbcDatabaseMetaData implements DatabaseMetaData, SelfWrapper {
  static final String PRODUCT_NAME = "Strata";
  private static final String[] TABLE_TYPES = {"SYSTEM TABLE", "TABLE", "VIEW"};

  private final JdbcConnection conn;

  JdbcDatabaseMetaData(JdbcConnection conn) {
    this.conn = conn;
  }

  // ---- result-set building -----------------------------------------------------------------------

  private static ColumnMeta col(String name, int type) {
    String typeName = switch (type) {
      case Types.INTEGER -> "INTEGER";
      case Types.SMALLINT -> "SMALLINT";
      case Types.BIGINT -> "BIGINT";
      case Types.BOOLEAN -> "BOOLEAN";
      default -> "VARCHAR";
    };
    return new ColumnMeta(name, name, "", type, typeName, 0, 0, true);
  }

  private static List<ColumnMeta> cols(Object... nameTypePairs) {
    List<ColumnMeta> out = new ArrayList<>();
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      out.add(col((String) nameTypePairs[i], (Integer) nameTypePairs[i + 1]));
    }
    return out;
  }

  private static final int S = Types.VARCHAR;
  private static final int I = Types.INTEGER;
  private static final int SH = Types.SMALLINT;
  private static final int B = Types.BOOLEAN;
  private static final int L = Types.BIGINT;

  private ResultSet rows(List<ColumnMeta> columns, List<Object[]> rows) {
    return new JdbcResultSet(null, new ListRows(columns, rows), 0);
  }

  private ResultSet empty(Object... nameTypePairs) throws SQLException {
    conn.checkOpen();
    return rows(cols(nameTypePairs), List.of());
  }

  private static Long n(long v) {
    return v;
  }

  private List<TableInfo> tables() throws SQLException {
    return conn.call(conn.session::tables);
  }

  private List<TableInfo> matchTables(String schemaPattern, String tableNamePattern) throws SQLException {
    List<TableInfo> all = tables();
    List<TableInfo> inSchema = NamePattern.of(schemaPattern).filter(all, TableInfo::schema);
    return NamePattern.of(tableNamePattern).filter(inSchema, TableInfo::name);
  }

  /** Exact schema and table name (as getPrimaryKeys/getIndexInfo take them), case-insensitive fallback. */
  private List<TableInfo> exactTable(String schema, String table) throws SQLException {
    List<TableInfo> all = tables();
    if (schema != null) {
      all = NamePattern.of(escape(schema)).filter(all, TableInfo::schema);
    }
    return table == null ? all : NamePattern.of(escape(table)).filter(all, TableInfo::name);
  }

  private static String escape(String name) {
    return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  // ---- catalog queries ---------------------------------------------------------------------------

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    List<ColumnMeta> c = cols("TABLE_CAT", S, "TABLE_SCHEM", S, "TABLE_NAME", S, "TABLE_TYPE", S, "REMARKS", S,
        "TYPE_CAT", S, "TYPE_SCHEM", S, "TYPE_NAME", S, "SELF_REFERENCING_COL_NAME", S, "REF_GENERATION", S);
    if (catalog != null && !catalog.isEmpty()) {
      return rows(c, List.of());
    }
    List<String> wanted = types == null ? null : Arrays.stream(types).map(t -> t.toUpperCase(Locale.ROOT)).toList();
    List<TableInfo> found = new ArrayList<>(matchTables(schemaPattern, tableNamePattern));
    found.removeIf(t -> wanted != null && !wanted.contains(t.kind().toUpperCase(Locale.ROOT)));
    found.sort(Comparator.comparing(TableInfo::kind).thenComparing(TableInfo::schema).thenComparing(TableInfo::name));
    List<Object[]> out = new ArrayList<>();
    for (TableInfo t : found) {
      out.add(new Object[] {null, t.schema(), t.name(), t.kind(), "", null, null, null, null, null});
    }
    return rows(c, out);
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    List<ColumnMeta> c = cols("TABLE_CAT", S, "TABLE_SCHEM", S, "TABLE_NAME", S, "COLUMN_NAME", S, "DATA_TYPE", I,
        "TYPE_NAME", S, "COLUMN_SIZE", I, "BUFFER_LENGTH", I, "DECIMAL_DIGITS", I, "NUM_PREC_RADIX", I,
        "NULLABLE", I, "REMARKS", S, "COLUMN_DEF", S, "SQL_DATA_TYPE", I, "SQL_DATETIME_SUB", I,
        "CHAR_OCTET_LENGTH", I, "ORDINAL_POSITION", I, "IS_NULLABLE", S, "SCOPE_CATALOG", S, "SCOPE_SCHEMA", S,
        "SCOPE_TABLE", S, "SOURCE_DATA_TYPE", SH, "IS_AUTOINCREMENT", S, "IS_GENERATEDCOLUMN", S);
    if (catalog != null && !catalog.isEmpty()) {
      return rows(c, List.of());
    }
    List<TableInfo> found = new ArrayList<>(matchTables(schemaPattern, tableNamePattern));
    found.sort(Comparator.comparing(TableInfo::schema).thenComparing(TableInfo::name));
    NamePattern colPattern = NamePattern.of(columnNamePattern);
    List<Object[]> out = new ArrayList<>();
    for (TableInfo t : found) {
      List<TableInfo.ColumnInfo> all = t.columns();
      for (TableInfo.ColumnInfo ci : colPattern.filter(all, TableInfo.ColumnInfo::name)) {
        int pos = all.indexOf(ci) + 1;
        int type = ci.jdbcType();
        boolean numeric = Conversions.isSigned(type);
        Long size = columnSize(type, ci.precision());
        Long octets = isText(type) || isBinary(type) ? size : null;
        out.add(new Object[] {null, t.schema(), t.name(), ci.name(), n(type), ci.typeName(), size, null,
            numeric || type == Types.TIMESTAMP || type == Types.TIME ? n(ci.scale()) : null,
            numeric ? n(10) : null,
            n(ci.nullable() ? columnNullable : columnNoNulls), "", ci.defaultSql(), null, null, octets,
            n(pos), ci.nullable() ? "YES" : "NO", null, null, null, null, "NO", "NO"});
      }
    }
    return rows(c, out);
  }

  private static boolean isText(int type) {
    return type == Types.CHAR || type == Types.VARCHAR || type == Types.LONGVARCHAR || type == Types.CLOB;
  }

  private static boolean isBinary(int type) {
    return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
  }

  /** COLUMN_SIZE: digits for numbers, characters for text, bytes for binary, length of the text form for times. */
  private static Long columnSize(int type, int precision) {
    return switch (type) {
      case Types.TINYINT -> n(3);
      case Types.SMALLINT -> n(5);
      case Types.INTEGER -> n(10);
      case Types.BIGINT -> n(19);
      case Types.REAL -> n(7);
      case Types.FLOAT, Types.DOUBLE -> n(15);
      case Types.BOOLEAN, Types.BIT -> n(1);
      case Types.DATE -> n(10);
      case Types.TIME -> n(8);
      case Types.TIMESTAMP -> n(precision > 0 && precision <= 9 ? 20 + precision : 26);
      default -> precision > 0 ? n(precision) : null;
    };
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    List<ColumnMeta> c = cols("TABLE_CAT", S, "TABLE_SCHEM", S, "TABLE_NAME", S, "COLUMN_NAME", S, "KEY_SEQ", SH,
        "PK_NAME", S);
    if (catalog != null && !catalog.isEmpty()) {
      return rows(c, List.of());
    }
    List<Object[]> out = new ArrayList<>();
    for (TableInfo t : exactTable(schema, table)) {
      List<String> pk = t.primaryKey();
      for (int i = 0; i < pk.size(); i++) {
        out.add(new Object[] {null, t.schema(), t.name(), pk.get(i), n(i + 1), pkName(t)});
      }
    }
    out.sort(Comparator.comparing((Object[] r) -> (String) r[3]));
    return rows(c, out);
  }

  static String pkName(TableInfo t) {
    return "PK_" + t.name();
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    List<ColumnMeta> c = cols("TABLE_CAT", S, "TABLE_SCHEM", S, "TABLE_NAME", S, "NON_UNIQUE", B,
        "INDEX_QUALIFIER", S, "INDEX_NAME", S, "TYPE", SH, "ORDINAL_POSITION", SH, "COLUMN_NAME", S,
        "ASC_OR_DESC", S, "CARDINALITY", L, "PAGES", L, "FILTER_CONDITION", S);
    if (catalog != null && !catalog.isEmpty()) {
      return rows(c, List.of());
    }
    List<Object[]> out = new ArrayList<>();
    for (TableInfo t : exactTable(schema, table)) {
      List<String> pk = t.primaryKey();
      for (int i = 0; i < pk.size(); i++) {
        out.add(new Object[] {null, t.schema(), t.name(), false, null, pkName(t), n(tableIndexClustered),
            n(i + 1), pk.get(i), "A", null, null, null});
      }
      for (TableInfo.IndexInfo ix : t.indexes()) {
        if (unique && !ix.unique()) {
          continue;
        }
        for (int i = 0; i < ix.columns().size(); i++) {
          boolean desc = i < ix.descending().size() && Boolean.TRUE.equals(ix.descending().get(i));
          out.add(new Object[] {null, t.schema(), t.name(), !ix.unique(), null, ix.name(), n(tableIndexOther),
              n(i + 1), ix.columns().get(i), desc ? "D" : "A", null, null, null});
        }
      }
    }
    // NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION
    out.sort(Comparator.comparing((Object[] r) -> (Boolean) r[3]).thenComparing(r -> (Long) r[6])
        .thenComparing(r -> (String) r[5]).thenComparing(r -> (Long) r[7]));
    return rows(c, out);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    List<ColumnMeta> c = cols("TABLE_SCHEM", S, "TABLE_CATALOG", S);
    TreeSet<String> names = new TreeSet<>();
    names.add(JdbcResultSetMetaData.DEFAULT_SCHEMA);
    for (TableInfo t : tables()) {
      names.add(t.schema());
    }
    List<Object[]> out = new ArrayList<>();
    if (catalog == null || catalog.isEmpty()) {
      for (String s : NamePattern.of(schemaPattern).filter(new ArrayList<>(names), x -> x)) {
        out.add(new Object[] {s, null});
      }
    }
    return rows(c, out);
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return empty("TABLE_CAT", S);
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    conn.checkOpen();
    List<Object[]> out = new ArrayList<>();
    for (String t : TABLE_TYPES) {
      out.add(new Object[] {t});
    }
    return rows(cols("TABLE_TYPE", S), out);
  }

  /** The types the engine accepts in CREATE TABLE. */
  @Override
  public ResultSet getTypeInfo() throws SQLException {
    conn.checkOpen();
    List<ColumnMeta> c = cols("TYPE_NAME", S, "DATA_TYPE", I, "PRECISION", I, "LITERAL_PREFIX", S,
        "LITERAL_SUFFIX", S, "CREATE_PARAMS", S, "NULLABLE", SH, "CASE_SENSITIVE", B, "SEARCHABLE", SH,
        "UNSIGNED_ATTRIBUTE", B, "FIXED_PREC_SCALE", B, "AUTO_INCREMENT", B, "LOCAL_TYPE_NAME", S,
        "MINIMUM_SCALE", SH, "MAXIMUM_SCALE", SH, "SQL_DATA_TYPE", I, "SQL_DATETIME_SUB", I, "NUM_PREC_RADIX", I);
    List<Object[]> out = new ArrayList<>();
    // ordered by DATA_TYPE, as the specification asks
    type(out, "TINYINT", Types.TINYINT, 3, null, null, null, 10);
    type(out, "BIGINT", Types.BIGINT, 19, null, null, null, 10);
    type(out, "VARBINARY", Types.VARBINARY, Integer.MAX_VALUE, "X'", "'", "length", null);
    type(out, "BINARY", Types.BINARY, Integer.MAX_VALUE, "X'", "'", "length", null);
    type(out, "CHAR", Types.CHAR, Integer.MAX_VALUE, "'", "'", "length", null);
    type(out, "DECIMAL", Types.DECIMAL, 19, null, null, "precision,scale", 10);
    type(out, "INTEGER", Types.INTEGER, 10, null, null, null, 10);
    type(out, "SMALLINT", Types.SMALLINT, 5, null, null, null, 10);
    type(out, "FLOAT", Types.FLOAT, 15, null, null, null, 10);
    type(out, "REAL", Types.REAL, 7, null, null, null, 10);
    type(out, "DOUBLE", Types.DOUBLE, 15, null, null, null, 10);
    type(out, "VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", "'", "length", null);
    type(out, "BOOLEAN", Types.BOOLEAN, 1, null, null, null, null);
    type(out, "DATE", Types.DATE, 10, "DATE '", "'", null, null);
    type(out, "TIME", Types.TIME, 8, "TIME '", "'", null, null);
    type(out, "TIMESTAMP", Types.TIMESTAMP, 29, "TIMESTAMP '", "'", null, null);
    return rows(c, out);
  }

  private static void type(List<Object[]> out, String name, int type, int precision, String prefix, String suffix,
      String params, Integer radix) {
    boolean text = isText(type);
    out.add(new Object[] {name, n(type), n(precision), prefix, suffix, params, n(typeNullable), text,
        n(typeSearchable), !Conversions.isSigned(type), false, false, name, n(0),
        n(type == Types.DECIMAL ? 19 : type == Types.TIMESTAMP ? 9 : 0), null, null,
        radix == null ? null : n(radix)});
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    List<ColumnMeta> c = cols("SCOPE", SH, "COLUMN_NAME", S, "DATA_TYPE", I, "TYPE_NAME", S, "COLUMN_SIZE", I,
        "BUFFER_LENGTH", I, "DECIMAL_DIGITS", SH, "PSEUDO_COLUMN", SH);
    List<Object[]> out = new ArrayList<>();
    if (catalog == null || catalog.isEmpty()) {
      for (TableInfo t : exactTable(schema, table)) {
        for (String k : t.primaryKey()) {
          for (TableInfo.ColumnInfo ci : t.columns()) {
            if (ci.name().equals(k)) {
              out.add(new Object[] {n(bestRowSession), ci.name(), n(ci.jdbcType()), ci.typeName(),
                  columnSize(ci.jdbcType(), ci.precision()), null, n(ci.scale()), n(bestRowNotPseudo)});
            }
          }
        }
      }
    }
    return rows(c, out);
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
    return empty("SCOPE", SH, "COLUMN_NAME", S, "DATA_TYPE", I, "TYPE_NAME", S, "COLUMN_SIZE", I,
        "BUFFER_LENGTH", I, "DECIMAL_DIGITS", SH, "PSEUDO_COLUMN", SH);
  }

  private static final Object[] KEY_COLUMNS = {"PKTABLE_CAT", S, "PKTABLE_SCHEM", S, "PKTABLE_NAME", S,
      "PKCOLUMN_NAME", S, "FKTABLE_CAT", S, "FKTABLE_SCHEM", S, "FKTABLE_NAME", S, "FKCOLUMN_NAME", S,
      "KEY_SEQ", SH, "UPDATE_RULE", SH, "DELETE_RULE", SH, "FK_NAME", S, "PK_NAME", S, "DEFERRABILITY", SH};

  /** Strata has no foreign keys yet, so these are empty. */
  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    return empty(KEY_COLUMNS);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    return empty(KEY_COLUMNS);
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    return empty(KEY_COLUMNS);
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
      throws SQLException {
    return empty("PROCEDURE_CAT", S, "PROCEDURE_SCHEM", S, "PROCEDURE_NAME", S, "RESERVED1", S, "RESERVED2", S,
        "RESERVED3", S, "REMARKS", S, "PROCEDURE_TYPE", SH, "SPECIFIC_NAME", S);
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
      String columnNamePattern) throws SQLException {
    return empty("PROCEDURE_CAT", S, "PROCEDURE_SCHEM", S, "PROCEDURE_NAME", S, "COLUMN_NAME", S,
        "COLUMN_TYPE", SH, "DATA_TYPE", I, "TYPE_NAME", S, "PRECISION", I, "LENGTH", I, "SCALE", SH, "RADIX", SH,
        "NULLABLE", SH, "REMARKS", S, "COLUMN_DEF", S, "SQL_DATA_TYPE", I, "SQL_DATETIME_SUB", I,
        "CHAR_OCTET_LENGTH", I, "ORDINAL_POSITION", I, "IS_NULLABLE", S, "SPECIFIC_NAME", S);
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
      throws SQLException {
    return empty("TABLE_CAT", S, "TABLE_SCHEM", S, "TABLE_NAME", S, "COLUMN_NAME", S, "GRANTOR", S, "GRANTEE", S,
        "PRIVILEGE", S, "IS_GRANTABLE", S);
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return empty("TABLE_CAT", S, "TABLE_SCHEM", S, "TABLE_NAME", S, "GRANTOR", S, "GRANTEE", S, "PRIVILEGE", S,
        "IS_GRANTABLE", S);
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
      throws SQLException {
    return empty("TYPE_CAT", S, "TYPE_SCHEM", S, "TYPE_NAME", S, "CLASS_NAME", S, "DATA_TYPE", I, "REMARKS", S,
        "BASE_TYPE", SH);
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
    return empty("TYPE_CAT", S, "TYPE_SCHEM", S, "TYPE_NAME", S, "SUPERTYPE_CAT", S, "SUPERTYPE_SCHEM", S,
        "SUPERTYPE_NAME", S);
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
    return empty("TABLE_CAT", S, "TABLE_SCHEM", S, "TABLE_NAME", S, "SUPERTABLE_NAME", S);
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) throws SQLException {
    return empty("TYPE_CAT", S, "TYPE_SCHEM", S, "TYPE_NAME", S, "ATTR_NAME", S, "DATA_TYPE", I,
        "ATTR_TYPE_NAME", S, "ATTR_SIZE", I, "DECIMAL_DIGITS", I, "NUM_PREC_RADIX", I, "NULLABLE", I,
        "REMARKS", S, "ATTR_DEF", S, "SQL_DATA_TYPE", I, "SQL_DATETIME_SUB", I, "CHAR_OCTET_LENGTH", I,
        "ORDINAL_POSITION", I, "IS_NULLABLE", S, "SCOPE_CATALOG", S, "SCOPE_SCHEMA", S, "SCOPE_TABLE", S,
        "SOURCE_DATA_TYPE", SH);
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    return empty("NAME", S, "MAX_LEN", I, "DEFAULT_VALUE", S, "DESCRIPTION", S);
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    return empty("FUNCTION_CAT", S, "FUNCTION_SCHEM", S, "FUNCTION_NAME", S, "REMARKS", S, "FUNCTION_TYPE", SH,
        "SPECIFIC_NAME", S);
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
      String columnNamePattern) throws SQLException {
    return empty("FUNCTION_CAT", S, "FUNCTION_SCHEM", S, "FUNCTION_NAME", S, "COLUMN_NAME", S, "COLUMN_TYPE", SH,
        "DATA_TYPE", I, "TYPE_NAME", S, "PRECISION", I, "LENGTH", I, "SCALE", SH, "RADIX", SH, "NULLABLE", SH,
        "REMARKS", S, "CHAR_OCTET_LENGTH", I, "ORDINAL_POSITION", I, "IS_NULLABLE", S, "SPECIFIC_NAME", S);
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    return empty("TABLE_CAT", S, "TABLE_SCHEM", S, "TABLE_NAME", S, "COLUMN_NAME", S, "DATA_TYPE", I,
        "COLUMN_SIZE", I, "DECIMAL_DIGITS", I, "NUM_PREC_RADIX", I, "COLUMN_USAGE", S, "REMARKS", S,
        "CHAR_OCTET_LENGTH", I, "IS_NULLABLE", S);
  }

  // ---- product -----------------------------------------------------------------------------------

  @Override
  public String getURL() throws SQLException {
    conn.checkOpen();
    return conn.url.url;
  }

  @Override
  public String getUserName() throws SQLException {
    conn.checkOpen();
    return "";
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return conn.isReadOnly();
  }

  @Override
  public String getDatabaseProductName() {
    return PRODUCT_NAME;
  }

  @Override
  public String getDatabaseProductVersion() {
    return StrataDriver.version();
  }

  @Override
  public String getDriverName() {
    return StrataDriver.NAME;
  }

  @Override
  public String getDriverVersion() {
    return StrataDriver.version();
  }

  @Override
  public int getDriverMajorVersion() {
    return StrataDriver.MAJOR;
  }

  @Override
  public int getDriverMinorVersion() {
    return StrataDriver.MINOR;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return StrataDriver.MAJOR;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return StrataDriver.MINOR;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 2;
  }

  @Override
  public Connection getConnection() throws SQLException {
    conn.checkOpen();
    return conn;
  }

  @Override
  public boolean usesLocalFiles() {
    return true;
  }

  @Override
  public boolean usesLocalFilePerTable() {
    return false;
  }

  // ---- identifiers -------------------------------------------------------------------------------

  /**
   * Identifiers keep the case they were written in (quoted or not) and match case-insensitively:
   * {@code CREATE TABLE Person} stores "Person", and {@code person}, {@code PERSON} and
   * {@code "PERSON"} all name it.
   */
  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public String getIdentifierQuoteString() {
    return "\"";
  }

  /** Keywords beyond SQL:2003 that Strata reserves or gives meaning to. */
  @Override
  public String getSQLKeywords() {
    return "AUTOINCREMENT,EXPLAIN,LATEST,LIMIT,PLAN,REINDEX,UPSERT,VERSION";
  }

  @Override
  public String getNumericFunctions() {
    return "ABS,CEIL,EXP,FLOOR,LN,LOG10,MOD,POWER,ROUND,SIGN,SQRT,TRUNCATE";
  }

  @Override
  public String getStringFunctions() {
    return "CHAR_LENGTH,CHARACTER_LENGTH,CONCAT,INSTR,LENGTH,LOWER,LTRIM,REPLACE,RTRIM,SUBSTRING,UPPER";
  }

  @Override
  public String getSystemFunctions() {
    return "COALESCE,GREATEST,IFNULL,LEAST,NULLIF";
  }

  @Override
  public String getTimeDateFunctions() {
    return "CURRENT_DATE,CURRENT_TIME,CURRENT_TIMESTAMP,DAYOFMONTH,DAYOFWEEK,HOUR,LOCALTIMESTAMP,MINUTE,MONTH,QUARTER,"
        + "SECOND,YEAR";
  }

  @Override
  public String getSearchStringEscape() {
    return "\\";
  }

  @Override
  public String getExtraNameCharacters() {
    return "";
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public boolean isCatalogAtStart() {
    return true;
  }

  @Override
  public String getCatalogSeparator() {
    return ".";
  }

  // ---- supports* ---------------------------------------------------------------------------------

  @Override public boolean allProceduresAreCallable() { return false; }
  @Override public boolean allTablesAreSelectable() { return true; }
  @Override public boolean nullsAreSortedHigh() { return false; }
  @Override public boolean nullsAreSortedLow() { return true; }
  @Override public boolean nullsAreSortedAtStart() { return false; }
  @Override public boolean nullsAreSortedAtEnd() { return false; }
  @Override public boolean supportsAlterTableWithAddColumn() { return true; }
  @Override public boolean supportsAlterTableWithDropColumn() { return true; }
  @Override public boolean supportsColumnAliasing() { return true; }
  @Override public boolean nullPlusNonNullIsNull() { return true; }
  @Override public boolean supportsConvert() { return false; }
  @Override public boolean supportsConvert(int fromType, int toType) { return false; }
  @Override public boolean supportsTableCorrelationNames() { return true; }
  @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
  @Override public boolean supportsExpressionsInOrderBy() { return true; }
  @Override public boolean supportsOrderByUnrelated() { return true; }
  @Override public boolean supportsGroupBy() { return true; }
  @Override public boolean supportsGroupByUnrelated() { return true; }
  @Override public boolean supportsGroupByBeyondSelect() { return true; }
  @Override public boolean supportsLikeEscapeClause() { return true; }
  @Override public boolean supportsMultipleResultSets() { return false; }
  @Override public boolean supportsMultipleTransactions() { return true; }
  @Override public boolean supportsNonNullableColumns() { return true; }
  @Override public boolean supportsMinimumSQLGrammar() { return true; }
  @Override public boolean supportsCoreSQLGrammar() { return false; }
  @Override public boolean supportsExtendedSQLGrammar() { return false; }
  @Override public boolean supportsANSI92EntryLevelSQL() { return false; }
  @Override public boolean supportsANSI92IntermediateSQL() { return false; }
  @Override public boolean supportsANSI92FullSQL() { return false; }
  @Override public boolean supportsIntegrityEnhancementFacility() { return false; }
  @Override public boolean supportsOuterJoins() { return true; }
  @Override public boolean supportsFullOuterJoins() { return true; }
  @Override public boolean supportsLimitedOuterJoins() { return true; }
  /** Tables are named without their schema in SQL: {@code PUBLIC.t} is not accepted. */
  @Override public boolean supportsSchemasInDataManipulation() { return false; }
  @Override public boolean supportsSchemasInProcedureCalls() { return false; }
  @Override public boolean supportsSchemasInTableDefinitions() { return false; }
  @Override public boolean supportsSchemasInIndexDefinitions() { return false; }
  @Override public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
  @Override public boolean supportsCatalogsInDataManipulation() { return false; }
  @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
  @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
  @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
  @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
  @Override public boolean supportsPositionedDelete() { return false; }
  @Override public boolean supportsPositionedUpdate() { return false; }
  @Override public boolean supportsSelectForUpdate() { return false; }
  @Override public boolean supportsStoredProcedures() { return false; }
  @Override public boolean supportsSubqueriesInComparisons() { return true; }
  @Override public boolean supportsSubqueriesInExists() { return true; }
  @Override public boolean supportsSubqueriesInIns() { return true; }
  @Override public boolean supportsSubqueriesInQuantifieds() { return true; }
  @Override public boolean supportsCorrelatedSubqueries() { return true; }
  @Override public boolean supportsUnion() { return true; }
  @Override public boolean supportsUnionAll() { return true; }
  @Override public boolean supportsOpenCursorsAcrossCommit() { return false; }
  @Override public boolean supportsOpenCursorsAcrossRollback() { return false; }
  @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
  @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }
  @Override public int getMaxBinaryLiteralLength() { return 0; }
  @Override public int getMaxCharLiteralLength() { return 0; }
  @Override public int getMaxColumnNameLength() { return 0; }
  @Override public int getMaxColumnsInGroupBy() { return 0; }
  @Override public int getMaxColumnsInIndex() { return 0; }
  @Override public int getMaxColumnsInOrderBy() { return 0; }
  @Override public int getMaxColumnsInSelect() { return 0; }
  @Override public int getMaxColumnsInTable() { return 0; }
  @Override public int getMaxConnections() { return 0; }
  @Override public int getMaxCursorNameLength() { return 0; }
  @Override public int getMaxIndexLength() { return 0; }
  @Override public int getMaxSchemaNameLength() { return 0; }
  @Override public int getMaxProcedureNameLength() { return 0; }
  @Override public int getMaxCatalogNameLength() { return 0; }
  @Override public int getMaxRowSize() { return 0; }
  @Override public boolean doesMaxRowSizeIncludeBlobs() { return false; }
  @Override public int getMaxStatementLength() { return 0; }
  @Override public int getMaxStatements() { return 0; }
  @Override public int getMaxTableNameLength() { return 0; }
  @Override public int getMaxTablesInSelect() { return 0; }
  @Override public int getMaxUserNameLength() { return 0; }
  @Override public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_REPEATABLE_READ; }
  @Override public boolean supportsTransactions() { return true; }

  /** Lower levels run at snapshot isolation (stronger); SERIALIZABLE is not provided. */
  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED
        || level == Connection.TRANSACTION_REPEATABLE_READ;
  }

  @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return true; }
  @Override public boolean supportsDataManipulationTransactionsOnly() { return false; }
  @Override public boolean dataDefinitionCausesTransactionCommit() { return false; }
  @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override public boolean ownUpdatesAreVisible(int type) { return false; }
  @Override public boolean ownDeletesAreVisible(int type) { return false; }
  @Override public boolean ownInsertsAreVisible(int type) { return false; }
  @Override public boolean othersUpdatesAreVisible(int type) { return false; }
  @Override public boolean othersDeletesAreVisible(int type) { return false; }
  @Override public boolean othersInsertsAreVisible(int type) { return false; }
  @Override public boolean updatesAreDetected(int type) { return false; }
  @Override public boolean deletesAreDetected(int type) { return false; }
  @Override public boolean insertsAreDetected(int type) { return false; }
  @Override public boolean supportsBatchUpdates() { return true; }
  @Override public boolean supportsSavepoints() { return true; }
  @Override public boolean supportsNamedParameters() { return false; }
  @Override public boolean supportsMultipleOpenResults() { return false; }
  @Override public boolean supportsGetGeneratedKeys() { return true; }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override public int getResultSetHoldability() { return ResultSet.CLOSE_CURSORS_AT_COMMIT; }
  @Override public int getSQLStateType() { return sqlStateSQL; }
  @Override public boolean locatorsUpdateCopy() { return true; }
  @Override public boolean supportsStatementPooling() { return false; }
  @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }
  @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return false; }
  @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }
  @Override public boolean generatedKeyAlwaysReturned() { return true; }
  @Override public boolean supportsSharding() { return false; }

}

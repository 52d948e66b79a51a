package io.strata.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetaDataTest {
  private Connection c;
  private DatabaseMetaData md;

  @BeforeEach
  void setUp() throws SQLException {
    c = Db.open(Db.memUrl());
    Db.exec(c, "CREATE TABLE Person (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, email VARCHAR(80) UNIQUE,"
            + " score DECIMAL(8,2) DEFAULT 0)",
        "CREATE INDEX person_name ON Person (name DESC)",
        "CREATE TABLE orders (person_id INTEGER, line INTEGER, total DOUBLE, PRIMARY KEY (person_id, line))",
        "CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100");
    md = c.getMetaData();
  }

  @AfterEach
  void tearDown() throws SQLException {
    c.close();
  }

  private static List<List<String>> strings(ResultSet rs, String... cols) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (String col : cols) {
          row.add(rs.getString(col));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void productAndDriver() throws SQLException {
    assertEquals("Strata", md.getDatabaseProductName());
    assertNotNull(md.getDatabaseProductVersion());
    assertEquals("Strata JDBC Driver", md.getDriverName());
    assertEquals("\"", md.getIdentifierQuoteString());
    assertTrue(md.storesMixedCaseIdentifiers());
    assertFalse(md.storesUpperCaseIdentifiers());
    assertTrue(md.supportsSavepoints());
    assertTrue(md.supportsGetGeneratedKeys());
    assertTrue(md.supportsBatchUpdates());
    assertEquals(Connection.TRANSACTION_REPEATABLE_READ, md.getDefaultTransactionIsolation());
    assertTrue(md.getURL().startsWith("jdbc:strata:mem:"));
  }

  @Test
  void tablesColumnsKeysIndexes() throws SQLException {
    List<List<String>> tables = strings(md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"}),
        "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE");
    // ordered by TABLE_TYPE, TABLE_SCHEM, TABLE_NAME
    assertEquals(List.of(List.of("PUBLIC", "Person", "TABLE"), List.of("PUBLIC", "orders", "TABLE"),
        List.of("PUBLIC", "big_orders", "VIEW")), tables);
    assertEquals(List.of(List.of("Person")), strings(md.getTables(null, "PUBLIC", "person", null), "TABLE_NAME"),
        "a differently cased name finds the table");

    try (ResultSet rs = md.getColumns(null, null, "Person", "%")) {
      assertTrue(rs.next());
      assertEquals("id", rs.getString("COLUMN_NAME"));
      assertEquals(Types.INTEGER, rs.getInt("DATA_TYPE"));
      assertEquals(1, rs.getInt("ORDINAL_POSITION"));
      assertTrue(rs.next());
      assertEquals("name", rs.getString("COLUMN_NAME"));
      assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
      assertEquals(40, rs.getInt("COLUMN_SIZE"));
      assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
      assertEquals("NO", rs.getString("IS_NULLABLE"));
      assertTrue(rs.next());
      assertEquals("email", rs.getString("COLUMN_NAME"));
      assertTrue(rs.next());
      assertEquals("score", rs.getString("COLUMN_NAME"));
      assertEquals(Types.DECIMAL, rs.getInt("DATA_TYPE"));
      assertEquals(8, rs.getInt("COLUMN_SIZE"));
      assertEquals(2, rs.getInt("DECIMAL_DIGITS"));
      assertEquals("0", rs.getString("COLUMN_DEF"));
      assertFalse(rs.next());
    }

    assertEquals(List.of(List.of("line", "2"), List.of("person_id", "1")),
        strings(md.getPrimaryKeys(null, null, "orders"), "COLUMN_NAME", "KEY_SEQ"));

    List<List<String>> idx = strings(md.getIndexInfo(null, null, "Person", false, true),
        "INDEX_NAME", "NON_UNIQUE", "COLUMN_NAME", "ASC_OR_DESC");
    assertEquals(List.of("PK_Person", "FALSE", "id", "A"), idx.get(0), "the clustered primary key comes first");
    assertTrue(idx.contains(List.of("person_name", "TRUE", "name", "D")), idx.toString());
    assertTrue(idx.stream().anyMatch(r -> r.get(1).equals("FALSE") && r.get(2).equals("email")), idx.toString());
    List<List<String>> unique = strings(md.getIndexInfo(null, null, "Person", true, true), "NON_UNIQUE");
    assertEquals(2, unique.size());
    assertTrue(unique.stream().allMatch(r -> r.get(0).equals("FALSE")));
  }

  @Test
  void schemasCatalogsTypes() throws SQLException {
    List<List<String>> schemas = strings(md.getSchemas(), "TABLE_SCHEM");
    assertTrue(schemas.contains(List.of("PUBLIC")), schemas.toString());
    assertEquals(List.of(), strings(md.getCatalogs(), "TABLE_CAT"));
    List<List<String>> types = strings(md.getTypeInfo(), "TYPE_NAME");
    for (String t : new String[] {"INTEGER", "BIGINT", "VARCHAR", "DECIMAL", "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP"}) {
      assertTrue(types.contains(List.of(t)), t);
    }
    assertEquals(List.of(List.of("SYSTEM TABLE"), List.of("TABLE"), List.of("VIEW")),
        strings(md.getTableTypes(), "TABLE_TYPE"));
  }

  /** Every function the metadata lists really runs. */
  @Test
  void listedFunctionsWork() throws SQLException {
    java.util.Map<String, String> calls = new java.util.TreeMap<>();
    for (String f : ("ABS(-1) CEIL(1.2) EXP(1) FLOOR(1.8) LN(2) LOG10(100) MOD(7,3) POWER(2,3) ROUND(1.25,1)"
        + " SIGN(-3) SQRT(4.0) TRUNCATE(1.5) CHAR_LENGTH('abc') CHARACTER_LENGTH('ab') CONCAT('a','b')"
        + " INSTR('abc','b') LENGTH('a') LOWER('A') LTRIM('~a') REPLACE('abc','b','x') RTRIM('a~')"
        + " SUBSTRING('abc',2) UPPER('a') COALESCE(NULL,1) GREATEST(1,2) IFNULL(NULL,1) LEAST(1,2) NULLIF(1,2)"
        + " CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DAYOFMONTH(DATE~'2026-01-02') DAYOFWEEK(DATE~'2026-01-02')"
        + " HOUR(TIME~'10:00:00') LOCALTIMESTAMP MINUTE(TIME~'10:00:00') MONTH(DATE~'2026-01-02')"
        + " QUARTER(DATE~'2026-01-02') SECOND(TIME~'10:00:00') YEAR(DATE~'2026-01-02')").split(" ")) {
      String call = f.replace('~', ' ');
      calls.put(f.contains("(") ? f.substring(0, f.indexOf('(')) : f, call);
    }
    java.util.Set<String> listed = new java.util.TreeSet<>();
    for (String list : new String[] {md.getNumericFunctions(), md.getStringFunctions(), md.getSystemFunctions(),
        md.getTimeDateFunctions()}) {
      listed.addAll(List.of(list.split(",")));
    }
    assertEquals(calls.keySet(), listed);
    for (String call : calls.values()) {
      Db.rows(c, "SELECT " + call);
    }
  }

  /** sqlline's !dbinfo calls every getter: none may throw. */
  @Test
  void everyGetterAnswers() throws Exception {
    int called = 0;
    for (Method m : DatabaseMetaData.class.getMethods()) {
      if (m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Class<?>[] p = m.getParameterTypes();
      Object[] args = new Object[p.length];
      boolean callable = true;
      for (int i = 0; i < p.length; i++) {
        if (p[i] == String.class) {
          args[i] = null;
        } else if (p[i] == int.class) {
          args[i] = m.getName().contains("Isolation") ? Connection.TRANSACTION_READ_COMMITTED
              : m.getName().startsWith("supportsConvert") ? Types.INTEGER : ResultSet.TYPE_FORWARD_ONLY;
        } else if (p[i] == boolean.class) {
          args[i] = false;
        } else if (p[i] == String[].class || p[i] == int[].class) {
          args[i] = null;
        } else {
          callable = false;
        }
      }
      if (!callable || m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
        continue;
      }
      Object r = m.invoke(md, args);
      if (r instanceof ResultSet rs) {
        while (rs.next()) {
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            rs.getObject(i);
          }
        }
        rs.close();
      }
      called++;
    }
    assertTrue(called > 150, "called " + called);
  }
}

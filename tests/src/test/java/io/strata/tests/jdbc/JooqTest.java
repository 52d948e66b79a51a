package io.strata.tests.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jOOQ 3.19.39 with SQLDialect.DEFAULT: rendered SQL (quoted names, LIMIT) and meta() over DatabaseMetaData. */
class JooqTest {
  @TempDir
  Path dir;

  @Test
  void dslAndMeta() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:strata:" + dir.resolve("jooq.db"))) {
      DSLContext ctx = DSL.using(c, SQLDialect.DEFAULT);
      ctx.execute("CREATE TABLE author (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, born INTEGER)");
      Table<Record> author = table(name("author"));
      Field<Integer> id = field(name("id"), Integer.class);
      Field<String> authorName = field(name("name"), String.class);
      Field<Integer> born = field(name("born"), Integer.class);
      assertEquals(3, ctx.insertInto(author, id, authorName, born)
          .values(1, "Austen", 1775).values(2, "Tolstoy", 1828).values(3, "Woolf", 1882).execute());
      assertEquals(1, ctx.update(author).set(born, 1776).where(id.eq(1)).execute());

      Result<? extends Record> top = ctx.select(authorName, born).from(author).where(born.gt(1800)).orderBy(born.desc())
          .limit(1).fetch();
      assertEquals(1, top.size());
      assertEquals("Woolf", top.get(0).get(authorName));
      assertEquals(List.of("Austen", "Tolstoy", "Woolf"), ctx.select(authorName).from(author).orderBy(id).fetch(authorName));
      assertEquals(1776, ctx.select(born).from(author).where(authorName.eq("Austen")).fetchOne(born));

      List<Table<?>> tables = ctx.meta().getTables();
      Table<?> t = tables.stream().filter(x -> x.getName().equalsIgnoreCase("author")).findFirst().orElse(null);
      assertNotNull(t, "meta().getTables() lists author: " + tables);
      assertEquals(List.of("id", "name", "born"), java.util.Arrays.stream(t.fields()).map(Field::getName).toList());
      assertNotNull(t.getPrimaryKey(), "the primary key is known");
      assertEquals("id", t.getPrimaryKey().getFields().get(0).getName());
      assertTrue(ctx.meta().getSchemas().stream().anyMatch(s -> s.getName().equals("PUBLIC")));
    }
  }
}

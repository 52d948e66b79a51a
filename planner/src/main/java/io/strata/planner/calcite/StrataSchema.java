package io.strata.planner.calcite;

import io.strata.planner.catalog.Catalog;
import io.strata.planner.catalog.TableDef;
import io.strata.planner.catalog.ViewDef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.linq4j.function.Predicate1;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;

/**
 * The tables and views of one catalog, looked up on demand. The root schema (version -1) is the
 * statement's snapshot; it also holds {@code strata_versions}, the {@code INFORMATION_SCHEMA}
 * sub-schema, a {@code PUBLIC} sub-schema with the same tables and views (the schema metadata
 * reports them in) and, for AS OF, a sub-schema {@code "$v<n>"} per committed version n whose tables
 * read that version.
 */
public final class StrataSchema extends AbstractSchema {
  /** Prefix of per-version sub-schema names. */
  public static final String VERSION_PREFIX = "$v";
  public static final String INFORMATION_SCHEMA = "INFORMATION_SCHEMA";
  /** The schema user tables are reported in; {@code PUBLIC.t} names the same table as {@code t}. */
  public static final String PUBLIC = "PUBLIC";

  private final CatalogSource source;
  private final long version;
  private final ViewResolver views;
  /** Whether this is the root schema (the only one with sub-schemas). */
  private final boolean root;
  private Catalog catalog;

  public StrataSchema(CatalogSource source, ViewResolver views) {
    this(source, -1, views, true);
  }

  private StrataSchema(CatalogSource source, long version, ViewResolver views, boolean root) {
    this.source = source;
    this.version = version;
    this.views = views;
    this.root = root;
  }

  /** The name of the sub-schema for a version. */
  public static String versionSchema(long version) {
    return VERSION_PREFIX + version;
  }

  private Catalog catalog() {
    if (catalog == null) {
      catalog = version < 0 ? source.current() : source.at(version);
    }
    return catalog;
  }

  private List<String> path() {
    return version < 0 ? List.of() : List.of(versionSchema(version));
  }

  private Table table(String name) {
    Catalog c = catalog();
    TableDef t = c.table(name);
    if (t != null) {
      return new StrataTable(t, c.indexesOf(t.id()), version, source.rowCount(t, version));
    }
    ViewDef v = c.view(name);
    if (v != null) {
      return new StrataView(v, path(), views);
    }
    if (version < 0 && name.equalsIgnoreCase(SystemTable.Kind.VERSIONS.tableName())) {
      return new SystemTable(SystemTable.Kind.VERSIONS);
    }
    return null;
  }

  private String canonicalName(String name) {
    Catalog c = catalog();
    TableDef t = c.table(name);
    if (t != null) {
      return t.name();
    }
    ViewDef v = c.view(name);
    if (v != null) {
      return v.name();
    }
    return SystemTable.Kind.VERSIONS.tableName();
  }

  @Override
  public Lookup<Table> tables() {
    return new Lookup<>() {
      @Override
      public Table get(String name) {
        return table(name);
      }

      @Override
      public Named<Table> getIgnoreCase(String name) {
        Table t = table(name);
        return t == null ? null : new Named<>(canonicalName(name), t);
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        Predicate1<String> m = pattern.matcher();
        Set<String> names = new LinkedHashSet<>();
        for (TableDef t : catalog().tables()) {
          if (m.apply(t.name())) {
            names.add(t.name());
          }
        }
        for (ViewDef v : catalog().views()) {
          if (m.apply(v.name())) {
            names.add(v.name());
          }
        }
        return names;
      }
    };
  }

  @Override
  public Lookup<? extends Schema> subSchemas() {
    if (!root) {
      return Lookup.empty();
    }
    return new Lookup<Schema>() {
      @Override
      public Schema get(String name) {
        if (name.startsWith(VERSION_PREFIX)) {
          try {
            long v = Long.parseLong(name.substring(VERSION_PREFIX.length()));
            return new StrataSchema(source, v, views, false);
          } catch (NumberFormatException e) {
            return null;
          }
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals(INFORMATION_SCHEMA)) {
          return new InformationSchema();
        }
        if (upper.equals(PUBLIC)) {
          return new StrataSchema(source, -1, views, false);
        }
        return null;
      }

      @Override
      public Named<Schema> getIgnoreCase(String name) {
        Schema s = get(name);
        if (s == null) {
          return null;
        }
        String canonical = s instanceof InformationSchema ? INFORMATION_SCHEMA
            : name.equalsIgnoreCase(PUBLIC) ? PUBLIC : name;
        return new Named<>(canonical, s);
      }

      @Override
      public Set<String> getNames(LikePattern pattern) {
        return Set.of(INFORMATION_SCHEMA, PUBLIC);
      }
    };
  }

  /** The INFORMATION_SCHEMA sub-schema. */
  static final class InformationSchema extends AbstractSchema {
    @Override
    protected java.util.Map<String, Table> getTableMap() {
      return java.util.Map.of(
          SystemTable.Kind.TABLES.tableName(), new SystemTable(SystemTable.Kind.TABLES),
          SystemTable.Kind.COLUMNS.tableName(), new SystemTable(SystemTable.Kind.COLUMNS));
    }
  }
}

package io.strata.planner.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable snapshot of the catalog as of one transaction's view. Names are matched
 * case-insensitively. {@link #generation()} identifies the content: two snapshots with the same
 * generation read from committed versions are equal, so caches key on it.
 */
public final class Catalog {
  private final long generation;
  private final Map<Long, TableDef> tablesById = new HashMap<>();
  private final Map<String, TableDef> tables = new HashMap<>();
  private final Map<String, ViewDef> views = new HashMap<>();
  private final Map<String, IndexDef> indexes = new HashMap<>();
  private final Map<Long, List<IndexDef>> indexesByTable = new HashMap<>();

  Catalog(long generation, Collection<TableDef> tableDefs, Collection<ViewDef> viewDefs,
      Collection<IndexDef> indexDefs) {
    this.generation = generation;
    for (TableDef t : tableDefs) {
      tablesById.put(t.id(), t);
      tables.put(key(t.name()), t);
    }
    for (ViewDef v : viewDefs) {
      views.put(key(v.name()), v);
    }
    for (IndexDef i : indexDefs) {
      indexes.put(key(i.name()), i);
      indexesByTable.computeIfAbsent(i.tableId(), k -> new ArrayList<>()).add(i);
    }
    for (List<IndexDef> l : indexesByTable.values()) {
      l.sort((a, b) -> Long.compare(a.id(), b.id()));
    }
  }

  static String key(String name) {
    return name.toUpperCase(Locale.ROOT);
  }

  public long generation() {
    return generation;
  }

  public TableDef table(String name) {
    return tables.get(key(name));
  }

  public TableDef table(long id) {
    return tablesById.get(id);
  }

  public ViewDef view(String name) {
    return views.get(key(name));
  }

  public IndexDef index(String name) {
    return indexes.get(key(name));
  }

  /** Indexes of a table, oldest first. */
  public List<IndexDef> indexesOf(long tableId) {
    return indexesByTable.getOrDefault(tableId, List.of());
  }

  public Collection<TableDef> tables() {
    return tables.values();
  }

  public Collection<ViewDef> views() {
    return views.values();
  }

  /** Whether a table or view has this name. */
  public boolean relationExists(String name) {
    return tables.containsKey(key(name)) || views.containsKey(key(name));
  }
}

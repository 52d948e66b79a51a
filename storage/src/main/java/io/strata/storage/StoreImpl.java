package io.strata.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The store: opening and recovery, the published latest version, and the pinned-version set
 * (retention policy, named snapshots, open transactions) that decides which versions the
 * {@link Committer} may drop.
 *
 * <p>Retention: versions below {@link #horizonDone} have expired under the policy. An expired
 * version stays only while something pins it (a named snapshot, an open transaction, or being the
 * published latest); when its last pin goes, it is queued in {@link #deferred} and dropped by the
 * next commit or {@link #vacuum()}. Readable = the published latest, or not expired, or pinned.
 */
final class StoreImpl implements Store {
  private static final Map<Path, StoreImpl> SHARED = new HashMap<>();

  private final Path path;
  private final StoreOptions options;
  final PageIO io;
  final Pager pager;
  final Committer committer;
  final ReentrantReadWriteLock historyLock = new ReentrantReadWriteLock();
  private final InternalTxn internal;
  volatile Meta latest;
  /** See {@link #readState}. */
  private volatile DirectoryMemo directoryMemo;
  volatile StorageException broken;
  private volatile boolean open = true;
  private int refs = 1;

  private final Object pins = new Object();
  private final PinCounts readers = new PinCounts();
  private static final int RECENT_ENTRIES = 64;
  /**
   * History entries found by {@link #lookup}, by version modulo {@link #RECENT_ENTRIES}, so that
   * statements reading the same old version again skip the history tree. An entry of a committed
   * version never changes and a published version number is never reused, so a remembered entry
   * is always right. A dropped version's entry may stay remembered, but it is never used: the
   * committer drops only versions below {@link #horizonDone} that nothing pins, and it advances
   * the horizon before it builds the dropping commit, so {@link #readable} refuses such a version
   * from then on, and every use checks it.
   */
  private final java.util.concurrent.atomic.AtomicReferenceArray<History.Entry> recentEntries =
      new java.util.concurrent.atomic.AtomicReferenceArray<>(RECENT_ENTRIES);
  private final TreeMap<Long, Integer> writers = new TreeMap<>();
  /** Open write transactions (the sum of {@link #writers}), readable without the pins lock. */
  private final AtomicInteger openWriters = new AtomicInteger();
  private final TreeMap<String, Long> named = new TreeMap<>();
  private final HashMap<Long, Integer> namedCount = new HashMap<>();
  private long horizonDone;
  private final TreeSet<Long> deferred = new TreeSet<>();

  static Store open(Path file, StoreOptions options) {
    Path canon = canonical(file);
    synchronized (SHARED) {
      StoreImpl s = SHARED.get(canon);
      if (s != null) {
        s.refs++;
        return s;
      }
      FilePageIO fio = new FilePageIO(canon, options.readOnly());
      try {
        s = new StoreImpl(fio, options, canon, false);
      } catch (RuntimeException | Error e) {
        fio.close();
        throw e;
      }
      SHARED.put(canon, s);
      return s;
    }
  }

  private static Path canonical(Path file) {
    try {
      Path abs = file.toAbsolutePath().normalize();
      if (Files.exists(abs)) {
        return abs.toRealPath();
      }
      Path parent = abs.getParent();
      if (parent != null && Files.exists(parent)) {
        return parent.toRealPath().resolve(abs.getFileName());
      }
      return abs;
    } catch (IOException e) {
      throw new StorageException(ErrorCode.IO, "cannot resolve " + file + ": " + e, e);
    }
  }

  /** A store in memory, holding its pages as objects ({@link ResidentPages}). */
  static Store inMemory(StoreOptions options) {
    return new StoreImpl(new MemoryPageIO(), options.withReadOnly(false), null, true);
  }

  /** Opens a store over any page I/O (tests inject faults this way). Not shared. */
  static StoreImpl open(PageIO io, StoreOptions options) {
    return new StoreImpl(io, options, null, false);
  }

  private static int cacheNodes(int pageSize) {
    String p = System.getProperty("strata.cacheNodes");
    if (p != null) {
      return Integer.parseInt(p);
    }
    long budget = Runtime.getRuntime().maxMemory() / 6;
    return (int) Math.min(1 << 20, Math.max(1024, budget / (pageSize * 2L)));
  }

  /** residentPages: a new store keeping its pages as objects, its io holding only the metas. */
  private StoreImpl(PageIO io, StoreOptions options, Path path, boolean residentPages) {
    this.io = io;
    this.path = path;
    long size = io.size();
    if (size > 0 && neverCompleted(io) && !options.readOnly()) {
      // creation crashed before the first meta reached the disk: start over
      io.truncate(0);
      size = 0;
    }
    if (size == 0) {
      if (options.readOnly()) {
        throw new StorageException(ErrorCode.READ_ONLY, "cannot create a store read-only");
      }
      this.options = options;
      // resident pages need no cache: the nodes are the pages
      this.pager = new Pager(io, options.pageSize(), residentPages ? 64 : cacheNodes(options.pageSize()),
          residentPages, options.sync() == StoreOptions.SyncMode.FULL);
      this.internal = new InternalTxn(this);
      this.committer = new Committer(this, pager);
      this.latest = new Meta(-1, options.pageSize(), 0, 0, 0, 0, 0, 2);
      committer.bootstrap();
    } else {
      Object[] found = readMetas(io);
      Meta m = (Meta) found[0];
      int slot = (Integer) found[1];
      if ((Boolean) found[2] && !options.readOnly()) {
        // The rejected meta names the next version number and pages the next commit may write
        // again; were that commit's meta lost, the rejected one could then check out against
        // them. Overwrite it with the chosen meta before anything is committed.
        io.write((long) (1 - slot) * m.pageSize(), m.encode());
        io.sync();
      }
      this.options = options.withPageSize(m.pageSize());
      if (m.pageCount() * m.pageSize() > size) {
        throw PageFormat.corrupt(slot, "meta page", "version " + m.version() + " needs " + m.pageCount()
            + " pages but the file has " + size / m.pageSize());
      }
      assert !residentPages : "resident pages live only as long as their store";
      this.pager = new Pager(io, m.pageSize(), cacheNodes(m.pageSize()), false,
          this.options.sync() == StoreOptions.SyncMode.FULL);
      this.internal = new InternalTxn(this);
      this.committer = new Committer(this, pager);
      FreeSpace free = FreeSpace.load(pager, m.freeMap(), m.pageCount());
      committer.init(m, free, slot);
      this.latest = m;
      long used = m.pageCount() * m.pageSize();
      if (!options.readOnly() && size > used + 2 * pager.writer.step(used)) {
        io.truncate(used);
      }
      loadPins(m);
    }
  }

  /**
   * Whether creating the store crashed before its first meta reached the disk: meta page 0 is all
   * zeros, no valid meta exists, and the file is no larger than what creation writes.
   */
  private static boolean neverCompleted(PageIO io) {
    if (io.size() > 4 * 65536) {
      return false;
    }
    byte[] head = new byte[Meta.SIZE];
    io.read(0, head);
    if (!"empty".equals(Meta.decode(head))) {
      return false;
    }
    for (int ps = 4096; ps <= 65536; ps *= 2) {
      io.read(ps, head);
      if (Meta.decode(head) instanceof Meta) {
        return false;
      }
    }
    return true;
  }

  /**
   * Picks the valid meta with the highest version whose commit reached the disk: {meta, slot,
   * whether a newer meta was rejected because its pages did not land}. Only the newest meta can
   * be incomplete (see {@link Meta#landed}).
   */
  static Object[] readMetas(PageIO io) {
    byte[] head = new byte[Meta.SIZE];
    io.read(0, head);
    Object m0 = Meta.decode(head);
    Object m1 = "not found";
    if (m0 instanceof Meta m) {
      io.read(m.pageSize(), head);
      m1 = Meta.decode(head);
      if (m1 instanceof Meta x && x.pageSize() != m.pageSize()) {
        m1 = "page size differs from page 0";
      }
    } else {
      for (int ps = 4096; ps <= 65536; ps *= 2) {
        io.read(ps, head);
        Object c = Meta.decode(head);
        if (c instanceof Meta x && x.pageSize() == ps) {
          m1 = c;
          break;
        }
      }
    }
    int newer = m0 instanceof Meta a && !(m1 instanceof Meta b && b.version() > a.version()) ? 0
        : m1 instanceof Meta ? 1 : -1;
    if (newer >= 0) {
      Meta m = (Meta) (newer == 0 ? m0 : m1);
      byte[] page = new byte[m.pageSize()];
      io.read((long) newer * m.pageSize(), page);
      String missing = m.landed(page, io);
      if (missing == null) {
        return new Object[] {m, newer, false};
      }
      if (newer == 0) {
        m0 = missing;
      } else {
        m1 = missing;
      }
      Object older = newer == 0 ? m1 : m0;
      if (older instanceof Meta o) {
        return new Object[] {o, 1 - newer, true};
      }
    }
    throw new StorageException(ErrorCode.CORRUPT,
        "page 0: meta check failed: " + m0 + "; page 1: meta check failed: " + m1 + " (not a Strata store, or both meta pages are damaged)");
  }

  private void loadPins(Meta m) {
    Node hist = pager.node(m.historyRoot());
    TreeState h = new TreeState("", hist, 0, true, false);
    try (CursorImpl c = new CursorImpl(internal, h, new byte[] {'P'}, new byte[] {'Q'})) {
      for (boolean ok = c.first(); ok; ok = c.next()) {
        String name = new String(c.key(), 1, c.key().length - 1, java.nio.charset.StandardCharsets.UTF_8);
        long v = PageFormat.getLong(c.value(), 0);
        named.put(name, v);
        namedCount.merge(v, 1, Integer::sum);
      }
    }
    try (CursorImpl c = new CursorImpl(internal, h, new byte[] {'V'}, new byte[] {'W'})) {
      horizonDone = c.first() ? PageFormat.getLong(c.key(), 1) : 0;
    }
  }

  InternalTxn internalTxn() {
    return internal;
  }

  void checkOpen() {
    if (!open) {
      throw new StorageException(ErrorCode.CLOSED, "store is closed");
    }
  }

  // ---- pins

  private boolean pinned(long v) {
    return readers.get(v) > 0 || namedCount.getOrDefault(v, 0) > 0;
  }

  private boolean readable(long v) {
    return v == latest.version() || v >= horizonDone || pinned(v);
  }

  private void maybeDefer(long v) {
    if (v < horizonDone && !pinned(v) && v != latest.version()) {
      deferred.add(v);
    }
  }

  void unpinReader(long v) {
    synchronized (pins) {
      if (readers.release(v) == 0) {
        maybeDefer(v);
      }
    }
  }

  void unpinWriter(long v) {
    synchronized (pins) {
      int c = writers.merge(v, -1, Integer::sum);
      if (c <= 0) {
        writers.remove(v);
      }
      openWriters.decrementAndGet();
    }
    unpinReader(v);
  }

  /** Number of open write transactions whose snapshot is older than v. */
  int writersBefore(long v) {
    synchronized (pins) {
      if (writers.size() <= 1) {
        // the common case, one writer (often the caller itself): no view over the map
        Map.Entry<Long, Integer> only = writers.firstEntry();
        return only != null && only.getKey() < v ? only.getValue() : 0;
      }
      int n = 0;
      for (int c : writers.headMap(v, false).values()) {
        n += c;
      }
      return n;
    }
  }

  /** Write transactions open now (a moment's count: they begin and end without the committer). */
  int openWriters() {
    return openWriters.get();
  }

  long oldestWriterSnapshot() {
    synchronized (pins) {
      return writers.isEmpty() ? Long.MAX_VALUE : writers.firstKey();
    }
  }

  /** The tree states found in one directory, by tree name. */
  private record DirectoryMemo(Node dirRoot, ConcurrentHashMap<String, TreeState> trees) {}

  /**
   * The committed state of a tree for a read transaction. The states found in the directory read
   * last are shared by every read transaction that reads the same directory node (one version,
   * or versions that did not change the directory): a committed node never changes and a read
   * transaction never changes a tree state, so they stay true. A statement then finds its tables
   * without searching the directory.
   */
  TreeState readState(TxnBase txn, String name) {
    Node dir = txn.dirRoot;
    if (dir == null) {
      return null;
    }
    DirectoryMemo memo = directoryMemo;
    if (memo == null || memo.dirRoot() != dir) {
      memo = new DirectoryMemo(dir, new ConcurrentHashMap<>());
      directoryMemo = memo;
    }
    TreeState s = memo.trees().get(name);
    if (s == null) {
      s = txn.baseTree(name, false);
      if (s != null) {
        memo.trees().put(name, s);
      }
    }
    return s;
  }

  /** Called by the committer once the batch ending with m is durable. */
  void publish(Meta m, long firstOfBatch) {
    synchronized (pins) {
      long old = latest.version();
      latest = m;
      if (old >= 0) {
        maybeDefer(old);
      }
    }
  }

  /**
   * Versions that commit d (at time t) drops: expired by the policy and not pinned, plus deferred
   * ones. Advances the horizon. hist is the history tree as of d.
   */
  List<Long> decideDrops(long d, long t, TreeState hist) {
    StoreOptions.Retention r = options.retention();
    List<Long> out = new ArrayList<>();
    synchronized (pins) {
      long published = latest.version();
      try (CursorImpl c = new CursorImpl(internal, hist, new byte[] {'V'}, new byte[] {'W'})) {
        long h = horizonDone;
        if (r.kind() == StoreOptions.Retention.Kind.LAST_N) {
          h = Math.max(horizonDone, d - r.lastN() + 1);
        }
        long cutoff = r.kind() == StoreOptions.Retention.Kind.MAX_AGE ? t - Math.min(r.maxAge().toNanos(), t) : 0;
        for (boolean ok = c.seek(History.versionKey(horizonDone)); ok; ok = c.next()) {
          long v = PageFormat.getLong(c.key(), 1);
          if (v >= d) {
            break;
          }
          if (r.kind() == StoreOptions.Retention.Kind.MAX_AGE) {
            if (PageFormat.getLong(c.value(), 0) >= cutoff) {
              break;
            }
            h = v + 1;
          } else if (v >= h) {
            break;
          }
          if (!pinned(v) && v != published) {
            out.add(v);
          }
        }
        horizonDone = Math.max(horizonDone, h);
      }
      for (long v : deferred) {
        if (!pinned(v) && v != published && v < horizonDone && !out.contains(v)) {
          out.add(v);
        }
      }
      deferred.clear();
    }
    Collections.sort(out);
    return out;
  }

  /** Versions a failed commit had decided to drop ({@link #decideDrops}): a later commit drops them. */
  void dropLater(List<Long> versions) {
    synchronized (pins) {
      deferred.addAll(versions);
    }
  }

  /** The retention horizon: versions below it not pinned are dropped ({@link #decideDrops}). */
  long horizon() {
    synchronized (pins) {
      return horizonDone;
    }
  }

  /**
   * Undoes the drops of a batch that failed (only the committer calls this, under its lock): the
   * horizon goes back to where the batch found it, and the versions it decided to drop are dropped
   * by a later commit instead.
   */
  void undoDrops(long horizon, List<Long> versions) {
    synchronized (pins) {
      horizonDone = horizon;
      deferred.addAll(versions);
    }
  }

  private boolean hasVacuumWork() {
    synchronized (pins) {
      if (!deferred.isEmpty()) {
        return true;
      }
    }
    StoreOptions.Retention r = options.retention();
    if (r.kind() == StoreOptions.Retention.Kind.ALL) {
      return false;
    }
    Meta m = latest;
    long cutoff = History.nanos(Instant.now()) - Math.min(r.maxAge() == null ? 0 : r.maxAge().toNanos(), Long.MAX_VALUE / 2);
    historyLock.readLock().lock();
    try {
      TreeState h = new TreeState("", pager.node(latest.historyRoot()), 0, true, false);
      synchronized (pins) {
        try (CursorImpl c = new CursorImpl(internal, h, new byte[] {'V'}, new byte[] {'W'})) {
          for (boolean ok = c.seek(History.versionKey(horizonDone)); ok; ok = c.next()) {
            long v = PageFormat.getLong(c.key(), 1);
            if (v >= m.version()) {
              return false;
            }
            boolean expired = r.kind() == StoreOptions.Retention.Kind.LAST_N
                ? v < m.version() + 1 - r.lastN()
                : PageFormat.getLong(c.value(), 0) < cutoff;
            if (!expired) {
              return false;
            }
            if (!pinned(v)) {
              return true;
            }
          }
        }
      }
    } finally {
      historyLock.readLock().unlock();
    }
    return false;
  }

  // ---- transactions

  @Override
  public ReadTxn read() {
    checkOpen();
    Meta m;
    synchronized (pins) {
      m = latest;
      readers.add(m.version());
    }
    try {
      return new ReadTxnImpl(this, m.version(), m.timeNanos(), m.dirRoot());
    } catch (RuntimeException e) {
      unpinReader(m.version());
      throw e;
    }
  }

  @Override
  public ReadTxn read(long version) {
    checkOpen();
    History.Entry e = entry(version);
    try {
      return new ReadTxnImpl(this, version, e.timeNanos(), e.dirRoot());
    } catch (RuntimeException ex) {
      unpinReader(version);
      throw ex;
    }
  }

  /** Looks up a version and pins it for a reader; throws when it is not readable. */
  private History.Entry entry(long version) {
    Meta m = latest;
    if (version < 0 || version > m.version()) {
      throw new StorageException(ErrorCode.VERSION_NOT_FOUND,
          "version " + version + " does not exist (latest is " + m.version() + ")");
    }
    History.Entry e = lookup(version);
    boolean ok;
    synchronized (pins) {
      ok = e != null && readable(version);
      if (ok) {
        readers.add(version);
      }
    }
    if (!ok) {
      // outside the pins lock: the history lock is always taken before it, never after
      throw new StorageException(ErrorCode.VERSION_NOT_RETAINED, "version " + version
          + " is no longer retained (oldest retained is " + oldestRetainedVersion() + ")");
    }
    return e;
  }

  private History.Entry lookup(long version) {
    int slot = (int) (version & (RECENT_ENTRIES - 1));
    History.Entry e = recentEntries.get(slot);
    if (e != null && e.version() == version) {
      return e;
    }
    historyLock.readLock().lock();
    try {
      e = History.lookup(pager, pager.node(latest.historyRoot()), version);
    } finally {
      historyLock.readLock().unlock();
    }
    if (e != null) {
      recentEntries.set(slot, e);
    }
    return e;
  }

  @Override
  public WriteTxn begin() {
    checkOpen();
    if (options.readOnly()) {
      throw new StorageException(ErrorCode.READ_ONLY, "store is read-only");
    }
    StorageException b = broken;
    if (b != null) {
      throw new StorageException(ErrorCode.IO, "store refuses writes after an I/O error; reopen it: " + b.getMessage(), b);
    }
    Meta m;
    synchronized (pins) {
      m = latest;
      readers.add(m.version());
      writers.merge(m.version(), 1, Integer::sum);
      openWriters.incrementAndGet();
    }
    try {
      return new WriteTxnImpl(this, m.version(), m.timeNanos(), m.dirRoot());
    } catch (RuntimeException e) {
      unpinWriter(m.version());
      throw e;
    }
  }

  // ---- versions

  @Override
  public long latestVersion() {
    checkOpen();
    return latest.version();
  }

  @Override
  public long oldestRetainedVersion() {
    checkOpen();
    historyLock.readLock().lock();
    try {
      Meta m = latest;
      TreeState h = new TreeState("", pager.node(m.historyRoot()), 0, true, false);
      try (CursorImpl c = new CursorImpl(internal, h, new byte[] {'V'}, new byte[] {'W'})) {
        for (boolean ok = c.first(); ok; ok = c.next()) {
          long v = PageFormat.getLong(c.key(), 1);
          synchronized (pins) {
            if (readable(v)) {
              return v;
            }
          }
        }
      }
      return m.version();
    } finally {
      historyLock.readLock().unlock();
    }
  }

  @Override
  public List<Version> versions() {
    checkOpen();
    List<Version> out = new ArrayList<>();
    historyLock.readLock().lock();
    try {
      TreeState h = new TreeState("", pager.node(latest.historyRoot()), 0, true, false);
      try (CursorImpl c = new CursorImpl(internal, h, new byte[] {'V'}, new byte[] {'W'})) {
        for (boolean ok = c.first(); ok; ok = c.next()) {
          History.Entry e = History.entry(c.key(), c.value());
          boolean r;
          synchronized (pins) {
            r = readable(e.version());
          }
          if (r) {
            out.add(e.toVersion());
          }
        }
      }
    } finally {
      historyLock.readLock().unlock();
    }
    return out;
  }

  @Override
  public Optional<Version> version(long id) {
    checkOpen();
    if (id < 0 || id > latest.version()) {
      return Optional.empty();
    }
    History.Entry e = lookup(id);
    synchronized (pins) {
      if (e == null || !readable(id)) {
        return Optional.empty();
      }
    }
    return Optional.of(e.toVersion());
  }

  /**
   * The newest version committed at or before t, if it is still readable. When versions right
   * after the found one were dropped, the state at t may be one of them, so nothing is returned.
   */
  @Override
  public Optional<Version> versionAt(Instant t) {
    checkOpen();
    long nanos = History.nanos(t);
    historyLock.readLock().lock();
    try {
      Meta m = latest;
      TreeState h = new TreeState("", pager.node(m.historyRoot()), 0, true, false);
      long v;
      try (CursorImpl c = new CursorImpl(internal, h, new byte[] {'V'}, new byte[] {'W'})) {
        v = History.latestAt(c, nanos, m.version());
        if (v < 0) {
          return Optional.empty();
        }
        if (v != m.version()
            && (!c.seek(History.versionKey(v + 1)) || PageFormat.getLong(c.key(), 1) != v + 1)) {
          return Optional.empty();
        }
      }
      History.Entry e = History.lookup(pager, h.root, v);
      synchronized (pins) {
        if (e == null || !readable(v)) {
          return Optional.empty();
        }
      }
      return Optional.of(e.toVersion());
    } finally {
      historyLock.readLock().unlock();
    }
  }

  // ---- named snapshots and vacuum

  private void checkWritable() {
    checkOpen();
    if (options.readOnly()) {
      throw new StorageException(ErrorCode.READ_ONLY, "store is read-only");
    }
  }

  @Override
  public void pin(String name, long version) {
    checkWritable();
    if (name == null || name.isEmpty() || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Directory.MAX_NAME) {
      throw new StorageException(ErrorCode.INVALID_ARGUMENT, "snapshot name must have 1 to " + Directory.MAX_NAME + " bytes");
    }
    entry(version); // checks and pins it while we register the name
    Long old;
    synchronized (pins) {
      old = named.put(name, version);
      namedCount.merge(version, 1, Integer::sum);
      if (old != null) {
        if (namedCount.merge(old, -1, Integer::sum) <= 0) {
          namedCount.remove(old);
        }
        maybeDefer(old);
      }
    }
    unpinReader(version);
    try {
      committer.commit(new Committer.Request(new Committer.SystemChange("pin " + name, name, version, false)));
    } catch (StorageException e) {
      synchronized (pins) {
        if (named.get(name) == version) {
          if (old != null) {
            named.put(name, old);
            namedCount.merge(old, 1, Integer::sum);
          } else {
            named.remove(name);
          }
          if (namedCount.merge(version, -1, Integer::sum) <= 0) {
            namedCount.remove(version);
          }
        }
      }
      throw e;
    }
  }

  @Override
  public void unpin(String name) {
    checkWritable();
    Long v;
    synchronized (pins) {
      v = named.remove(name);
      if (v == null) {
        throw new StorageException(ErrorCode.INVALID_ARGUMENT, "no snapshot named '" + name + "'");
      }
      if (namedCount.merge(v, -1, Integer::sum) <= 0) {
        namedCount.remove(v);
      }
      maybeDefer(v);
    }
    committer.commit(new Committer.Request(new Committer.SystemChange("unpin " + name, name, v, true)));
  }

  @Override
  public Map<String, Long> snapshots() {
    checkOpen();
    synchronized (pins) {
      return Collections.unmodifiableMap(new TreeMap<>(named));
    }
  }

  @Override
  public void vacuum() {
    checkWritable();
    if (hasVacuumWork()) {
      committer.commit(new Committer.Request(new Committer.SystemChange("vacuum", null, 0, false)));
    }
  }

  @Override
  public StoreOptions options() {
    return options;
  }

  @Override
  public Optional<Path> path() {
    return Optional.ofNullable(path);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    if (path != null) {
      synchronized (SHARED) {
        if (!open) {
          return;
        }
        if (--refs > 0) {
          return;
        }
        SHARED.remove(path);
        shutdown();
      }
    } else {
      shutdown();
    }
  }

  private void shutdown() {
    committer.holdCommits();
    try {
      if (!open) {
        return;
      }
      open = false;
      pager.cache.clear();
      io.close();
    } finally {
      committer.releaseCommits();
    }
  }

  @Override
  public String toString() {
    return "Store(" + (path == null ? "memory" : path) + ", version " + latest.version() + ")";
  }
}

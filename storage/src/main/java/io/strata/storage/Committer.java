package io.strata.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Turns write transactions into durable versions.
 *
 * <h2>Commit protocol (invariants)</h2>
 * <ol>
 * <li>A committed page is never written again while any pinned version, or the durable meta, can
 *     reach it. New pages go only to pages that are reusable ({@link FreeSpace}) or beyond the end
 *     of the file.</li>
 * <li>Commit = write every new page → write the meta page, listing those pages → fsync. Opening
 *     trusts the newest meta only if every page it lists has landed (CRC, id, birth), else it
 *     falls back to the other meta, which was durable before this commit began. The list leaves
 *     out pages the batch freed again itself: they may be reused once its meta is durable, and
 *     the batch's meta must still check out if the next commit's meta is lost. A batch with more
 *     pages than a meta can list syncs them before writing its meta instead (two fsyncs). A
 *     version is published to readers and acknowledged to its committer only after its meta is
 *     durable (under {@link StoreOptions.SyncMode#NONE} the fsyncs are skipped).</li>
 * <li>Each meta write goes to the meta slot that does not hold the durable meta, so a torn meta
 *     write leaves the durable one intact and opening falls back to it. (When every version writes
 *     its own meta this is the same as alternating by version parity.)</li>
 * <li>Versions are strictly increasing; commit times are strictly increasing (the clock is never
 *     allowed to step back). Every version has a history entry (version → time, directory root,
 *     pages written, note), which AS OF TIMESTAMP bisects by time.</li>
 * <li>When commit d replaces a user or directory page born at b, the dead list gets (d, b, page):
 *     the page is needed exactly by versions in [b, d). Pages of internal structures (history,
 *     dead list, free map) replaced by d are needed only by the previous durable meta and become
 *     pending at d.</li>
 * <li>Pinned versions = retained (policy, named snapshots) ∪ open readers and writers ∪ the
 *     published latest. Dropping version S with live neighbours P &lt; S &lt; N releases exactly the
 *     dead entries with death in (S, N] and birth &gt; P; released pages become pending at d and
 *     reusable once d's meta is durable. This costs time proportional to the pages freed (plus a
 *     seek per distinct death value).</li>
 * <li>Commits are serialised: one leader at a time takes every queued transaction, makes each a
 *     version on top of the previous one, then syncs once and writes one meta for the batch
 *     (group commit); a leader that will fsync first waits a moment for open writers to queue
 *     ({@link #gather}). Each version writes its user trees and directory; the internal trees and
 *     the free map, which only the batch's meta names, are written once, after its last version
 *     ({@link Internal}). A transaction whose snapshot is older than the batch's base is checked
 *     against the write sets of the commits after its snapshot (first committer wins) and, if
 *     clean, its changes are replayed onto the newest version.</li>
 * <li>An I/O error during a batch fails the batch and leaves the store refusing writes until it is
 *     reopened; the published version stays readable. Any other failure before the batch's meta
 *     write begins (out of memory, a bug) fails the batch and returns the committer to the last
 *     durable meta as reopening would, so the store stays usable ({@link #recover}).</li>
 * </ol>
 */
final class Committer {
  private final StoreImpl store;
  private final Pager pager;
  /** Held by the leader of a batch; taken and released only through the methods below. */
  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();
  /** Newest state including versions of the batch in progress (only under lock). */
  Meta working;
  FreeSpace free;
  private int durableSlot;
  /** The meta in {@link #durableSlot}: the newest durable version, published to readers. */
  private Meta durable;
  /** Whether the batch in progress has begun writing its meta (it may be durable from then on). */
  private boolean metaWriteStarted;
  /**
   * Tests only (null otherwise): called with the id of each tree page a commit is about to write;
   * may throw, to fail the commit there as running out of memory would (as SQLite's tests fail
   * allocations).
   */
  volatile LongConsumer pageFault;
  /**
   * Tests only (null otherwise): runs as the handling of a failed batch begins; may throw, as
   * running out of memory again there would, to fail the failure handling itself.
   */
  volatile Runnable failureFault;
  /** The error of a batch whose failure could not be handled (made in advance: memory may be out). */
  private static final StorageException UNSETTLED = new StorageException(ErrorCode.IO,
      "commit failed and the failure could not be handled; reopen the store (the commit is there"
          + " if its meta reached the disk)");
  /** Write sets of recent commits, kept while a writer with an older snapshot is open. */
  private final TreeMap<Long, WriteSet> recentWrites = new TreeMap<>();
  /** The leader waiting for open transactions to queue their commits ({@link #gather}). */
  private volatile Thread gatherer;
  /** Tests only: the longest wait of {@link #gather} in nanoseconds (0: the last batch's time). */
  volatile long gatherLimit;
  /** How long the last batch took from its start to durable, gathering aside. */
  private long lastBatchNanos;
  /** Batches left to build without gathering, and how many that was last (back-off). */
  private int gatherSkip;
  private int gatherBackoff;
  /** Batches whose leader waited for open writers. */
  private long gatherWaits;

  /** One transaction (or system change) waiting to commit. */
  static final class Request {
    final WriteTxnImpl txn;
    final SystemChange change;
    long version;
    StorageException error;
    /** Set (after version and error) by the leader that committed or refused the request. */
    volatile boolean done;
    /** The thread waiting for the request, unparked when it is done or may lead the next batch. */
    final Thread waiter = Thread.currentThread();

    Request(WriteTxnImpl txn) {
      this.txn = txn;
      this.change = null;
    }

    Request(SystemChange change) {
      this.txn = null;
      this.change = change;
    }
  }

  /** A change to the history tree alone: named snapshots, or nothing (vacuum). */
  record SystemChange(String note, String pinName, long pinVersion, boolean unpin) {}

  /** What a built version leaves for the end of the batch. */
  private static final class Built {
    Meta meta;
    Iterable<TreeState> trees;
    WriteSet writes;
    /** The version's history record (its page count is completed when the batch is written). */
    byte[] rec;
    /** Pages the version wrote for its user trees and directory. */
    long userPages;
  }

  /**
   * The history and dead-list trees of the versions a batch makes. Only the batch's last meta
   * names them, so they are built up in memory across the batch and written once, with the free
   * map, after its last version ({@link #writeInternal}); each version still writes its own user
   * trees and directory, which its history record names. A version that fails to build leaves
   * them as they were: each version changes them under a new mutation epoch, copying what earlier
   * versions made, so its changes are dropped by going back to the roots it started from.
   */
  private final class Internal {
    final TreeState hist;
    final TreeState dead;
    /** Committed pages of these trees that the batch replaced, as (page, birth) pairs. */
    final LongList retired = new LongList();
    /** Versions the batch's versions decided to drop ({@link StoreImpl#decideDrops}). */
    final List<Long> drops = new ArrayList<>();
    private int epoch;
    private Node histStart;
    private Node deadStart;
    private int dropsStart;

    Internal(Meta base) {
      hist = new TreeState("", base.historyRoot() == 0 ? null : pager.node(base.historyRoot()), 0,
          true, false);
      dead = new TreeState("", base.deadRoot() == 0 ? null : pager.node(base.deadRoot()), 0, true,
          false);
    }

    /** Marks the state a version that fails to build returns to ({@link #dropChanges}). */
    void mark() {
      histStart = hist.root;
      deadStart = dead.root;
      dropsStart = drops.size();
    }

    /** The mutator of one version's changes, under an epoch of its own. */
    Mutator begin() {
      return new Mutator(pager, ++epoch);
    }

    void keep(Mutator sys) {
      LongList r = sys.retired;
      for (int i = 0; i < r.size(); i++) {
        retired.add(r.get(i));
      }
    }

    void dropChanges() {
      hist.root = histStart;
      dead.root = deadStart;
      List<Long> undone = drops.subList(dropsStart, drops.size());
      store.dropLater(undone);
      undone.clear();
    }
  }

  Committer(StoreImpl store, Pager pager) {
    this.store = store;
    this.pager = pager;
    this.scratch = new byte[pager.pageSize];
  }

  void init(Meta durable, FreeSpace free, int slot) {
    this.working = durable;
    this.free = free;
    this.durableSlot = slot;
    this.durable = durable;
  }

  /** Creates version 0 (the empty store) in an empty file. */
  Meta bootstrap() {
    Meta empty = new Meta(-1, pager.pageSize, Long.MIN_VALUE + 1, 0, 0, 0, 0, 2);
    this.working = empty;
    this.free = new FreeSpace(2);
    this.durableSlot = 1;
    Internal internal = new Internal(empty);
    Built b = build(new Request(new SystemChange("create", null, 0, false)), empty, internal);
    b.meta = writeInternal(b, internal);
    // Version 0 goes to slot 1 first and is synced whatever the sync mode, then finish() writes it
    // to slot 0. A crash tearing the first meta write therefore leaves page 0 all zeros, which
    // open recognises as a creation that never completed; tearing the second leaves slot 1 valid.
    pager.writer.flush();
    pager.io.sync();
    pager.writer.takeWritten();
    pager.io.write(pager.pageSize, b.meta.encode());
    pager.io.sync();
    finish(List.of(b), 0);
    return b.meta;
  }

  /**
   * Group commit, leader and followers: a thread queues its request; whoever gets the lock leads,
   * committing every queued request as one batch, then unparks the batch's threads and the first
   * still queued, who leads next. A follower never takes the lock just to learn that its request
   * is done, so the next batch's leader does not wait behind a chain of such hand-offs.
   */
  long commit(Request r) {
    queue.add(r);
    while (!r.done) {
      if (lock.tryLock()) {
        try {
          if (!r.done) {
            processBatch();
          }
        } finally {
          releaseCommits();
        }
      } else {
        // a leader holds the lock: if it is gathering it takes r at once; else its batch, or the
        // next one, includes r and unparks us. The timeout only bounds the damage of a lost
        // wake-up, of which none is known
        Thread g = gatherer;
        if (g != null) {
          LockSupport.unpark(g);
        }
        LockSupport.parkNanos(this, 100_000_000L);
      }
    }
    if (r.error != null) {
      throw r.error;
    }
    return r.version;
  }

  /** Holds commits off (the verifier, closing); {@link #releaseCommits} ends it. */
  void holdCommits() {
    lock.lock();
  }

  /**
   * Unlocks and unparks the thread of the first queued request, which leads the next batch.
   * Invariant: a thread that failed to get the lock queued its request before trying, so the
   * holder's release finds it (or a request queued before it, whose batch includes it).
   */
  void releaseCommits() {
    lock.unlock();
    Request next = queue.peek();
    if (next != null) {
      LockSupport.unpark(next.waiter);
    }
  }

  /** Commits every queued request as one batch, then marks each done and unparks its thread. */
  private void processBatch() {
    List<Request> batch = new ArrayList<>();
    for (Request q; (q = queue.poll()) != null; ) {
      batch.add(q);
    }
    List<Built> built = new ArrayList<>();
    metaWriteStarted = false;
    long horizon = -1;
    Internal internal = null;
    // set once every request of the batch has its outcome (version or error)
    boolean settled = false;
    long started = 0;
    try {
      horizon = store.horizon();
      if (store.broken != null) {
        throw new StorageException(ErrorCode.IO,
            "store refuses writes after an I/O error; reopen it: " + store.broken.getMessage(), store.broken);
      }
      if (store.options().sync() == StoreOptions.SyncMode.FULL && pager.resident == null) {
        gather(batch);
      }
      started = System.nanoTime();
      Meta base = working;
      internal = new Internal(base);
      for (Request r : batch) {
        internal.mark();
        try {
          Built b = build(r, base, internal);
          base = b.meta;
          long d = b.meta.version();
          if (store.writersBefore(d) > (r.txn != null ? 1 : 0)) {
            // a later transaction of this batch may need to check against this one
            if (b.writes == null) {
              b.writes = WriteSet.of(b.trees, pager);
            }
            recentWrites.put(d, b.writes);
          }
          built.add(b);
          r.version = b.meta.version();
          working = base;
        } catch (StorageException e) {
          if (e.code() == ErrorCode.IO || e.code() == ErrorCode.CORRUPT) {
            throw e;
          }
          internal.dropChanges();
          r.error = e;
        }
      }
      if (!built.isEmpty()) {
        Built last = built.get(built.size() - 1);
        last.meta = writeInternal(last, internal);
        working = last.meta;
        int own = 0;
        for (Request r : batch) {
          if (r.txn != null) {
            own++;
          }
        }
        finish(built, own);
        lastBatchNanos = System.nanoTime() - started;
      }
      settled = true;
    } catch (RuntimeException | Error e) {
      Runnable fault = failureFault;
      if (fault != null) {
        fault.run();
      }
      pager.writer.discard();
      pager.writer.resetFileEnd();
      StorageException se;
      boolean recovered = false;
      if (!metaWriteStarted && store.broken == null && internal != null && !(e instanceof StorageException s
          && (s.code() == ErrorCode.IO || s.code() == ErrorCode.CORRUPT))) {
        // nothing of the batch is durable or published: go back to the last durable meta
        try {
          recover(internal, horizon);
          recovered = true;
        } catch (RuntimeException | Error again) {
          e.addSuppressed(again);
        }
      }
      if (recovered) {
        se = e instanceof OutOfMemoryError
            ? new StorageException(ErrorCode.OUT_OF_MEMORY,
                "out of memory while committing; nothing was committed", e)
            : new StorageException(e instanceof StorageException s ? s.code() : ErrorCode.IO,
                "commit failed, nothing was committed: " + e, e);
      } else {
        se = e instanceof StorageException s && s.code() == ErrorCode.IO ? s
            : new StorageException(e instanceof StorageException s ? s.code() : ErrorCode.IO,
                "commit failed: " + e.getMessage(), e);
        if (store.broken == null) {
          store.broken = se;
        }
      }
      for (Request r : batch) {
        if (r.error == null) {
          r.error = se;
        }
      }
      settled = true;
    } finally {
      if (!settled) {
        // the failure handling itself failed (out of memory again): no request may look
        // committed, and the committer's state is unknown, so the store refuses writes
        if (store.broken == null) {
          store.broken = UNSETTLED;
        }
        for (Request r : batch) {
          if (r.error == null) {
            r.error = UNSETTLED;
          }
        }
      }
      for (Request r : batch) {
        r.done = true;
        LockSupport.unpark(r.waiter);
      }
    }
  }

  /**
   * After a batch failed before its meta was written: returns to the last durable meta as opening
   * the store would, so that the store stays usable. Its free space is reloaded from that meta's
   * free map; pages the batch put in memory (resident or cached) at ids now free are forgotten;
   * the write sets of the batch's versions go, and its drops are undone (horizon given).
   */
  private void recover(Internal internal, long horizon) {
    Meta m = durable;
    long grownTo = free.pageCount();
    FreeSpace reloaded = FreeSpace.load(pager, m.freeMap(), m.pageCount());
    java.util.BitSet freePages = reloaded.allFree();
    for (int id = freePages.nextSetBit(0); id >= 0; id = freePages.nextSetBit(id + 1)) {
      pager.forget(id);
    }
    for (long id = m.pageCount(); id < grownTo; id++) {
      pager.forget(id);
    }
    free = reloaded;
    working = m;
    recentWrites.tailMap(m.version(), false).clear();
    store.undoDrops(horizon, internal.drops);
    internal.drops.clear();
  }

  /**
   * Before a batch that will fsync, waits a moment for open write transactions that have not
   * queued yet (as PostgreSQL's commit_delay does when other transactions are active): a writer
   * about to commit then shares this batch's fsync instead of waiting for this whole batch and
   * then its own. The wait ends once every open writer has queued, or after as long as the last
   * batch took (at most a millisecond), which is about what a writer that misses this batch
   * waits anyway. A wait that gained nobody (a writer left open, say) makes the next ones skip
   * it, for 1, 3, 7 … up to 255 batches, until a wait pays again.
   */
  private void gather(List<Request> batch) {
    if (gatherSkip > 0) {
      gatherSkip--;
      return;
    }
    int txns = 0;
    for (Request r : batch) {
      if (r.txn != null) {
        txns++;
      }
    }
    long limit = gatherLimit > 0 ? gatherLimit : Math.min(lastBatchNanos, 1_000_000L);
    if (store.openWriters() <= txns || limit <= 0) {
      return;
    }
    gatherWaits++;
    long deadline = System.nanoTime() + limit;
    int before = batch.size();
    gatherer = Thread.currentThread();
    try {
      while (true) {
        for (Request q; (q = queue.poll()) != null; ) {
          batch.add(q);
          if (q.txn != null) {
            txns++;
          }
        }
        long left = deadline - System.nanoTime();
        if (store.openWriters() <= txns || left <= 0) {
          break;
        }
        LockSupport.parkNanos(this, left);
      }
    } finally {
      gatherer = null;
    }
    if (batch.size() > before) {
      gatherBackoff = 0;
    } else {
      gatherBackoff = Math.min(2 * gatherBackoff + 1, 255);
      gatherSkip = gatherBackoff;
    }
  }

  /** Batches whose leader waited for open writers to queue (tests). */
  long gatherWaits() {
    return gatherWaits;
  }

  /** Whether a leader is waiting for open writers to queue now (tests). */
  boolean gathering() {
    return gatherer != null;
  }

  private long batches;
  private final byte[] scratch;

  /** Requests waiting for a leader. */
  int queued() {
    return queue.size();
  }

  /** How many batches (meta writes) have been committed since open. */
  long batches() {
    return batches;
  }

  /**
   * Syncs the batch's pages, writes its meta, publishes it and recycles what it freed. The
   * batch's own {@code ownWriters} transactions are still pinned as writers (they return after
   * this), so they are not counted as writers that need the batch's write sets.
   */
  private void finish(List<Built> built, int ownWriters) {
    batches++;
    Meta m = built.get(built.size() - 1).meta;
    boolean sync = store.options().sync() == StoreOptions.SyncMode.FULL;
    pager.writer.flush();
    long first = built.get(0).meta.version();
    long[] written = free.keptOf(pager.writer.takeWritten(), first);
    boolean listed = written.length <= Meta.listCapacity(pager.pageSize);
    if (sync && !listed) {
      pager.io.sync();
    }
    int slot = 1 - durableSlot;
    metaWriteStarted = true;
    pager.io.write((long) slot * pager.pageSize,
        listed ? m.encode(written, first - 1) : m.encode());
    if (sync) {
      pager.io.sync();
    }
    durableSlot = slot;
    durable = m;
    working = m;
    store.publish(m, built.get(0).meta.version());
    LongList reusable;
    store.historyLock.writeLock().lock();
    try {
      reusable = free.durable(m.version());
    } finally {
      store.historyLock.writeLock().unlock();
    }
    for (int i = 0; i < reusable.size(); i++) {
      pager.forget(reusable.get(i));
    }
    // give back space at the end once it exceeds two growth steps beyond the used pages
    long used = m.pageCount() * pager.pageSize;
    if (pager.writer.fileSize() > used + 2 * pager.writer.step(used)) {
      pager.io.truncate(used);
      pager.writer.resetFileEnd();
    }
    // write sets for other writers whose snapshot is older than these versions
    for (Built b : built) {
      if (store.writersBefore(b.meta.version()) > ownWriters) {
        if (b.writes == null) {
          b.writes = b.trees == null ? WriteSet.EMPTY : WriteSet.of(b.trees, pager);
        }
        recentWrites.put(b.meta.version(), b.writes);
      }
      b.trees = null;
    }
    recentWrites.headMap(store.oldestWriterSnapshot(), true).clear();
    if (store.options().strict()) {
      Verifier.checkLocked(store);
    }
  }

  /** Makes one request a version on top of base; returns the new meta. */
  private Built build(Request r, Meta base, Internal internal) {
    long d = base.version() + 1;
    long now = History.nanos(java.time.Instant.now());
    long time = Math.max(now, base.timeNanos() + 1);
    free.trimTail();
    Built built = new Built();
    Mutator user;
    Iterable<TreeState> trees;
    String note;
    if (r.txn != null) {
      WriteTxnImpl t = r.txn;
      note = t.note;
      if (t.snapshot == base.version()) {
        user = t.mutator;
        trees = t.trees.values();
      } else {
        Map<String, LinkedHashMap<WriteSet.Key, Object>> changes = new HashMap<>();
        WriteSet mine = WriteSet.of(t.trees.values(), pager, changes);
        for (long v = t.snapshot + 1; v <= base.version(); v++) {
          WriteSet theirs = recentWrites.get(v);
          if (theirs == null) {
            throw new StorageException(ErrorCode.CONFLICT,
                "write conflict: the changes of version " + v + " are no longer known");
          }
          String o = mine.overlap(theirs);
          if (o != null) {
            throw new StorageException(ErrorCode.CONFLICT, "write conflict: " + o
                + " was changed by version " + v + " after this transaction's snapshot " + t.snapshot);
          }
        }
        user = new Mutator(pager, 1);
        user.largeValues = t.mutator.largeValues;
        trees = replay(t, base, user, changes);
        built.writes = mine;
      }
    } else {
      note = r.change.note();
      user = new Mutator(pager, 1);
      trees = List.of();
      built.writes = WriteSet.EMPTY;
    }
    built.trees = trees;
    long[] written = {0};

    int expected = 0;
    for (TreeState t : trees) {
      if (t.changed && t.exists) {
        expected += countDirty(t.root);
      }
    }
    free.startCommit(expected);

    // 1. user trees, then the directory that names their roots
    TreeState dir = new TreeState("", base.dirRoot() == 0 ? null : pager.node(base.dirRoot()), 0, true, false);
    for (TreeState t : trees) {
      if (!t.changed) {
        continue;
      }
      byte[] k = Directory.key(t.name);
      if (!t.exists) {
        BTree.delete(user, dir, k);
        continue;
      }
      t.newLeaves = new ArrayList<>();
      long root = flush(t.root, d, t.newLeaves, written, user.largeValues);
      BTree.put(user, dir, k, Directory.value(root, t.count));
    }
    // directory values are a root and a count, never spilled
    long dirRoot = flush(dir.root, d, null, written, false);

    // 2. dead list: every replaced user/directory page
    Mutator sys = internal.begin();
    TreeState dead = internal.dead;
    LongList ret = user.retired;
    for (int i = 0; i < ret.size(); i += 2) {
      BTree.put(sys, dead, DeadList.key(d, ret.get(i + 1), ret.get(i)), History.EMPTY);
    }

    // 3. history entry, named snapshots
    TreeState hist = internal.hist;
    byte[] rec = History.record(time, dirRoot, written[0], note);
    BTree.put(sys, hist, History.versionKey(d), rec);
    if (r.change != null && r.change.pinName() != null) {
      if (r.change.unpin()) {
        BTree.delete(sys, hist, History.pinKey(r.change.pinName()));
      } else {
        byte[] v = new byte[8];
        PageFormat.putLong(v, 0, r.change.pinVersion());
        BTree.put(sys, hist, History.pinKey(r.change.pinName()), v);
      }
    }

    // 4. retention: drop versions no longer pinned, release what only they needed
    List<Long> drops = store.decideDrops(d, time, hist);
    internal.drops.addAll(drops);
    for (long s : drops) {
      drop(s, hist, dead, sys, d);
    }

    internal.keep(sys);
    built.rec = rec;
    built.userPages = written[0];
    // the internal trees and the free map are the batch's (writeInternal): none named here
    built.meta = new Meta(d, pager.pageSize, time, dirRoot, 0, 0, 0, free.pageCount());
    return built;
  }

  /**
   * Writes the batch's internal trees and then the free map, in single pages that refill holes,
   * after its last version; returns that version's complete meta.
   */
  private Meta writeInternal(Built last, Internal internal) {
    Meta m = last.meta;
    long d = m.version();
    long[] written = {0};
    PageFormat.putLong(last.rec, 16,
        last.userPages + countDirty(internal.hist.root) + countDirty(internal.dead.root));
    free.endRuns();
    // internal trees hold no large values (History.MAX_NOTE)
    long histRoot = flush(internal.hist.root, d, null, written, false);
    long deadRoot = flush(internal.dead.root, d, null, written, false);
    LongList sret = internal.retired;
    for (int i = 0; i < sret.size(); i += 2) {
      free.free(sret.get(i), d);
    }
    long freeMap = free.writeMap(pager, d, d);
    return new Meta(d, pager.pageSize, m.timeNanos(), m.dirRoot(), histRoot, deadRoot, freeMap,
        free.pageCount());
  }

  /**
   * Applies a transaction's changes onto the trees of a newer version; {@code changes} holds
   * {@link WriteSet#changes} of each of its non-structural trees.
   */
  private List<TreeState> replay(WriteTxnImpl t, Meta base, Mutator m,
      Map<String, LinkedHashMap<WriteSet.Key, Object>> changes) {
    Node dirRoot = base.dirRoot() == 0 ? null : pager.node(base.dirRoot());
    List<TreeState> out = new ArrayList<>();
    for (TreeState ts : t.trees.values()) {
      if (!ts.changed) {
        continue;
      }
      TreeState b = loadTree(dirRoot, ts.name);
      if (ts.structural) {
        if (b.exists) {
          BTree.retireAll(m, b.root);
        }
        b.root = null;
        b.count = 0;
        b.exists = ts.exists;
        b.structural = true;
        if (ts.exists) {
          for (Node l : WriteSet.dirtyLeaves(ts.root, pager)) {
            for (int i = 0; i < l.n; i++) {
              if (BTree.put(m, b, l.keys[i], l.vals[i])) {
                b.count++;
              }
            }
          }
        }
      } else {
        for (Map.Entry<WriteSet.Key, Object> e : changes.get(ts.name).entrySet()) {
          byte[] k = e.getKey().bytes();
          if (e.getValue() == null) {
            if (BTree.delete(m, b, k) != null) {
              b.count--;
            }
          } else if (BTree.put(m, b, k, e.getValue())) {
            b.count++;
          }
        }
      }
      b.changed = true;
      out.add(b);
    }
    return out;
  }

  private TreeState loadTree(Node dirRoot, String name) {
    Object v = BTree.find(pager, dirRoot, Directory.key(name));
    if (v == null) {
      return new TreeState(name, null, 0, false, true);
    }
    byte[] d = pager.value(v);
    long root = Directory.root(d);
    return new TreeState(name, root == 0 ? null : pager.node(root), Directory.count(d), true, true);
  }

  /**
   * Drops version s: removes its history entries and releases the dead entries with death in
   * (s, n] and birth &gt; p, where p and n are the live versions around s.
   */
  private void drop(long s, TreeState hist, TreeState dead, Mutator sys, long d) {
    Entry e = neighbours(hist, s);
    BTree.delete(sys, hist, History.versionKey(s));
    BTree.delete(sys, hist, History.timeKey(e.time, s)); // only files of format 2 or older have one
    long p = e.prev;
    long n = e.next;
    List<byte[]> release = new ArrayList<>();
    TreeState view = dead;
    try (CursorImpl c = new CursorImpl(store.internalTxn(), view, null, null)) {
      boolean ok = c.seek(DeadList.key(s + 1, p + 1, 0));
      while (ok) {
        byte[] k = c.key();
        long death = DeadList.death(k);
        if (death > n) {
          break;
        }
        long birth = DeadList.birth(k);
        if (birth > p) {
          assert birth <= s : "dead entry " + death + "/" + birth + " has no live version in its range";
          release.add(k);
          ok = c.next();
        } else {
          // entries of this death born at or before p stay (p needs them); skip to those after p
          ok = c.seek(DeadList.key(death, p + 1, 0));
        }
      }
    }
    for (byte[] k : release) {
      BTree.delete(sys, dead, k);
      free.free(DeadList.page(k), d);
    }
  }

  private record Entry(long prev, long next, long time) {}

  private Entry neighbours(TreeState hist, long s) {
    long prev = -1;
    long next;
    long time;
    try (CursorImpl c = new CursorImpl(store.internalTxn(), hist, new byte[] {'V'}, new byte[] {'W'})) {
      if (!c.seek(History.versionKey(s)) || PageFormat.getLong(c.key(), 1) != s) {
        throw new IllegalStateException("dropping version " + s + " that is not live");
      }
      time = PageFormat.getLong(c.value(), 0);
      if (!c.next()) {
        throw new IllegalStateException("no live version after " + s);
      }
      next = PageFormat.getLong(c.key(), 1);
      if (c.seekFloor(History.versionKey(s - 1)) && s > 0) {
        prev = PageFormat.getLong(c.key(), 1);
      }
    }
    return new Entry(prev, next, time);
  }

  private static int countDirty(Node x) {
    if (x == null || x.id != 0) {
      return 0;
    }
    int c = 1;
    if (!x.leaf) {
      for (int i = 0; i < x.n; i++) {
        c += countDirty(x.kids[i]);
      }
    }
    return c;
  }

  /**
   * Writes every dirty node under x (children first) and returns x's page. Values too large for
   * a leaf go to overflow pages first; spill = false promises there are none (a user tree of a
   * transaction that put no large value, the directory and the internal trees), which saves
   * touching every value twice.
   */
  private long flush(Node x, long d, List<Node> leaves, long[] written, boolean spill) {
    if (x == null) {
      return 0;
    }
    if (x.id != 0) {
      return x.id;
    }
    if (x.leaf) {
      for (int i = 0; spill && i < x.n; i++) {
        if (x.vals[i] instanceof byte[] b && b.length > pager.inlineMax) {
          long[] pages = new long[pager.overflowPageCount(b.length)];
          for (int k = 0; k < pages.length; k++) {
            pages[k] = free.allocate();
          }
          pager.writeOverflow(b, pages, d);
          written[0] += pages.length;
          x.vals[i] = new Overflow(pages[0], b.length);
        }
      }
      if (leaves != null) {
        leaves.add(x);
      }
    } else {
      for (int i = 0; i < x.n; i++) {
        if (x.kids[i] != null) {
          x.childIds[i] = flush(x.kids[i], d, leaves, written, spill);
        }
      }
    }
    long id = free.allocate();
    LongConsumer fault = pageFault;
    if (fault != null) {
      fault.accept(id);
    }
    pager.writeNode(x, id, d, scratch);
    x.id = id;
    x.birth = d;
    x.epoch = -1;
    x.kids = null;
    x.freeze();
    pager.committed(x);
    written[0]++;
    return id;
  }
}

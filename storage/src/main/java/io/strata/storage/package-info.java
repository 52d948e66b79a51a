/**
 * Storage: a versioned copy-on-write B+tree in one file. Speaks bytes only; rows, types and SQL
 * live above it. Public surface: {@link io.strata.storage.Store}, {@link io.strata.storage.ReadTxn},
 * {@link io.strata.storage.WriteTxn}, {@link io.strata.storage.Tree}, {@link io.strata.storage.Cursor},
 * {@link io.strata.storage.Version}, {@link io.strata.storage.StoreOptions},
 * {@link io.strata.storage.StorageException} and {@link io.strata.storage.Verifier}.
 */
package io.strata.storage;

package io.strata.storage;

/** A committed value stored in a chain of overflow pages: the first page and the length. */
record Overflow(long firstPage, int length) {}

// Memory hints the Swift standard library does not expose, for the per-record path of
// SelfModel's evidence ledger. Header-only and `static inline`, so a call compiles to the one
// instruction in the caller; no state, no I/O.

#ifndef SELFMODEL_CSELFMODELHINTS_H
#define SELFMODEL_CSELFMODELHINTS_H

/// Asks the processor to start loading the cache line at `address` for a write soon, without
/// waiting for it: a hint with no effect on what any load or store returns (a prefetch never
/// faults, whatever the address). The ledger issues it for the id index's slot before it
/// checks an item, so that the slot's cache miss overlaps the checks instead of following them.
static inline void selfmodel_prefetch_for_write(const void *address) {
  __builtin_prefetch(address, 1, 3);
}

#endif

// Memory hints for Sitrep's hot loops, which Swift has no spelling for.
#ifndef SITREP_MEMORY_HINTS_H
#define SITREP_MEMORY_HINTS_H

/// Asks the CPU to start loading the cache line at `address` for a read soon, without
/// waiting for it: the syntax tables' random row reads then overlap one another and
/// the feature hashing around them.
static inline void sitrep_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif

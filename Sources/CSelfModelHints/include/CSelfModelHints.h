// What the Swift standard library does not expose, for SelfModel's per-record paths: a cache
// prefetch for the evidence ledger's id index, and the processor's CRC-32C instruction for the
// store's checksums. Header-only and `static inline`; no state, no I/O.

#ifndef SELFMODEL_CSELFMODELHINTS_H
#define SELFMODEL_CSELFMODELHINTS_H

#include <stddef.h>
#include <stdint.h>

/// Asks the processor to start loading the cache line at `address` for a write soon, without
/// waiting for it: a hint with no effect on what any load or store returns (a prefetch never
/// faults, whatever the address). The ledger issues it for the id index's slot before it
/// checks an item, so that the slot's cache miss overlaps the checks instead of following them.
static inline void selfmodel_prefetch_for_write(const void *_Nullable address) {
  __builtin_prefetch(address, 1, 3);
}

// The CRC-32C step for 8 bytes and for 1 byte, where the processor has an instruction for it:
// SSE4.2's `crc32` on x86-64 (detected at run time), the CRC extension's `crc32c` on ARM64
// where the compiler may assume it (every Apple processor; a default Linux aarch64 build does
// not, and its checksums take the table-driven path).
#if defined(__x86_64__)
#include <cpuid.h>
#define SELFMODEL_CRC32C_TARGET __attribute__((target("sse4.2")))
#define SELFMODEL_CRC32C_STEP8(crc, word) ((uint32_t)__builtin_ia32_crc32di((crc), (word)))
#define SELFMODEL_CRC32C_STEP1(crc, byte) __builtin_ia32_crc32qi((crc), (byte))

/// Whether this processor has the CRC-32C instruction: 1 or 0.
static inline int selfmodel_crc32c_hardware_available(void) {
  unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  return (ecx & bit_SSE4_2) != 0;
}
#elif defined(__aarch64__) && defined(__ARM_FEATURE_CRC32)
#define SELFMODEL_CRC32C_TARGET
#define SELFMODEL_CRC32C_STEP8(crc, word) __builtin_arm_crc32cd((crc), (word))
#define SELFMODEL_CRC32C_STEP1(crc, byte) __builtin_arm_crc32cb((crc), (byte))

/// Whether this processor has the CRC-32C instructions: always, where the compiler may assume
/// them.
static inline int selfmodel_crc32c_hardware_available(void) { return 1; }
#else
#define SELFMODEL_CRC32C_TARGET
#define SELFMODEL_CRC32C_STEP8(crc, word) ((void)(word), (crc))
#define SELFMODEL_CRC32C_STEP1(crc, byte) ((void)(byte), (crc))

/// Whether this processor has a CRC-32C instruction this header uses: not on this one (the
/// function below is then never called).
static inline int selfmodel_crc32c_hardware_available(void) { return 0; }
#endif

/// The CRC-32C of `count` bytes at `bytes`, continuing from `crc` (0 to start), computed by the
/// processor's instruction eight bytes at a time. Call it only where
/// `selfmodel_crc32c_hardware_available()` is 1.
SELFMODEL_CRC32C_TARGET
static inline uint32_t selfmodel_crc32c_hardware(
    uint32_t crc, const void *_Nullable bytes, size_t count) {
  const unsigned char *p = (const unsigned char *)bytes;
  uint32_t value = ~crc;
  while (count >= 8) {
    uint64_t word;
    __builtin_memcpy(&word, p, 8);
    value = SELFMODEL_CRC32C_STEP8(value, word);
    p += 8;
    count -= 8;
  }
  while (count > 0) {
    value = SELFMODEL_CRC32C_STEP1(value, *p);
    p += 1;
    count -= 1;
  }
  return ~value;
}

#endif

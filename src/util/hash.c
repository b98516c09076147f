/*
 * hash.c - 64-bit content hashes; neither is a cryptographic hash.
 * plan_hash64 (FNV-1a) fingerprints what is kept across versions of plan:
 * a draft's lineage records its parent's fingerprint, so its values must
 * never change. plan_hash64_quick only tells whether a file changed since
 * the last run (the keys of incremental compile, which every new build of
 * plan discards anyway), so it may change and is made fast: eight bytes a
 * step instead of one.
 */
#include <string.h>

#include "plan/util.h"

uint64_t plan_hash64(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t plan_hash64_quick(const void *p, size_t n, uint64_t h)
{
    const unsigned char *s = p;
    const uint64_t m = 0xff51afd7ed558ccdULL; /* MurmurHash3's 64-bit mixing constants */
    h ^= (uint64_t)n * 0x9e3779b97f4a7c15ULL;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * m;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, s, n); /* the last 0-7 bytes, zero-padded: the length above tells them apart */
    h = (h ^ w) * m;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

void plan_hash64_hex(uint64_t h, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = hex[h & 0xF];
        h >>= 4;
    }
    out[16] = '\0';
}

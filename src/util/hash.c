/*
 * hash.c - a 64-bit content fingerprint (FNV-1a). Used to tell whether a
 * file or a rendered text changed (incremental compile, template lineage);
 * it is not a cryptographic hash.
 */
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

void plan_hash64_hex(uint64_t h, char out[17])
{
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = hex[h & 0xF];
        h >>= 4;
    }
    out[16] = '\0';
}

/* FNV-1a, 32 bits: the one string hash folio uses, for caches, indexes,
 * output names and shards. Its figures are part of --shard's contract. */
#ifndef FOLIO_HASH_H
#define FOLIO_HASH_H
#include <stddef.h>
#include <stdint.h>

#define HASH_FNV1A_START 2166136261u

/* Fold the N bytes at P into H (start from HASH_FNV1A_START). */
static inline uint32_t hash_fnv1a(uint32_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

#endif

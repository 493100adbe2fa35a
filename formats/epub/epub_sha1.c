#include "epub/epub_internal.h"

#include <string.h>

/* SHA-1 (FIPS 180-4), only to name the book's content in a version 5 UUID
 * as RFC 4122 defines it; nothing here depends on its strength. */

static uint32_t epub_rol(uint32_t x, unsigned n)
{
    return (x << n) | (x >> (32 - n));
}

static void epub_sha1_block(epub_sha1 *c, const unsigned char *p)
{
    uint32_t w[80];
    for (int t = 0; t < 16; t++)
        w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
               (uint32_t)p[4 * t + 2] << 8 | (uint32_t)p[4 * t + 3];
    for (int t = 16; t < 80; t++)
        w[t] = epub_rol(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = c->h[0], b = c->h[1], d = c->h[3], e = c->h[4], cc = c->h[2];
    for (int t = 0; t < 80; t++) {
        uint32_t f, k;
        if (t < 20)
            f = (b & cc) | (~b & d), k = 0x5A827999u;
        else if (t < 40)
            f = b ^ cc ^ d, k = 0x6ED9EBA1u;
        else if (t < 60)
            f = (b & cc) | (b & d) | (cc & d), k = 0x8F1BBCDCu;
        else
            f = b ^ cc ^ d, k = 0xCA62C1D6u;
        uint32_t next = epub_rol(a, 5) + f + e + k + w[t];
        e = d;
        d = cc;
        cc = epub_rol(b, 30);
        b = a;
        a = next;
    }
    c->h[0] += a;
    c->h[1] += b;
    c->h[2] += cc;
    c->h[3] += d;
    c->h[4] += e;
}

void epub_sha1_init(epub_sha1 *c)
{
    static const uint32_t start[5] = { 0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u };
    memcpy(c->h, start, sizeof start);
    c->len = 0;
    c->used = 0;
}

void epub_sha1_add(epub_sha1 *c, const void *data, size_t len)
{
    const unsigned char *p = data;
    c->len += len;
    while (len) {
        size_t n = 64 - c->used < len ? 64 - c->used : len;
        memcpy(c->block + c->used, p, n);
        c->used += n;
        p += n;
        len -= n;
        if (c->used == 64) {
            epub_sha1_block(c, c->block);
            c->used = 0;
        }
    }
}

void epub_sha1_done(epub_sha1 *c, unsigned char digest[20])
{
    uint64_t bits = c->len * 8;
    unsigned char pad = 0x80;
    epub_sha1_add(c, &pad, 1);
    pad = 0;
    while (c->used != 56)
        epub_sha1_add(c, &pad, 1);
    unsigned char len[8];
    for (int i = 0; i < 8; i++)
        len[i] = (unsigned char)(bits >> (56 - 8 * i));
    epub_sha1_add(c, len, 8);
    for (int i = 0; i < 20; i++)
        digest[i] = (unsigned char)(c->h[i / 4] >> (24 - 8 * (i % 4)));
}

#include "epub/epub_internal.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* A bit per code point (136 KB) rather than a hash set: adding every
 * character of a 200-article book must cost next to nothing. */
#define EPUB_CODEPOINTS 0x110000u

void epub_codepoints_init(epub_codepoints *s)
{
    s->bits = xcalloc(EPUB_CODEPOINTS / 8, 1);
}

void epub_codepoints_free(epub_codepoints *s)
{
    free(s->bits);
    s->bits = NULL;
}

void epub_codepoints_add(epub_codepoints *s, uint32_t cp)
{
    if (cp < EPUB_CODEPOINTS)
        s->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

bool epub_codepoints_has(const epub_codepoints *s, uint32_t cp)
{
    return cp < EPUB_CODEPOINTS && (s->bits[cp >> 3] >> (cp & 7)) & 1;
}

size_t epub_codepoints_count(const epub_codepoints *s)
{
    size_t n = 0;
    for (size_t i = 0; i < EPUB_CODEPOINTS / 8; i++)
        for (unsigned char byte = s->bits[i]; byte; byte &= (unsigned char)(byte - 1))
            n++;
    return n;
}

void epub_codepoints_add_utf8(epub_codepoints *s, const char *str, size_t len)
{
    for (size_t i = 0; i < len;) {
        int n;
        uint32_t cp = utf8_decode(str + i, len - i, &n);
        /* A byte that begins no character needs no glyph; a U+FFFD
         * written out in the text (three bytes) does. */
        if (cp != UTF8_REPLACEMENT || n > 1)
            epub_codepoints_add(s, cp);
        i += (size_t)n;
    }
}

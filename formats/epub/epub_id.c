#include "epub/epub_internal.h"

#include <stdio.h>
#include <string.h>

/* The book's identifier names its content, so that the same articles make
 * the same book (and a reader's library sees a rebuild as the same title)
 * while any change of text, picture or title makes another. The date is
 * left out: a rebuild under a new SOURCE_DATE_EPOCH is the same book. */

/* RFC 4122's name space for URLs: the content is named under folio's URL. */
static const unsigned char epub_uuid_namespace[16] = {
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
    0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
};

static void epub_sha1_string(epub_sha1 *c, const char *s, size_t len)
{
    unsigned char n[8];
    for (int i = 0; i < 8; i++)
        n[i] = (unsigned char)((uint64_t)len >> (8 * i));
    /* Length first, so that the parts can never run into each other. */
    epub_sha1_add(c, n, sizeof n);
    epub_sha1_add(c, s, len);
}

char *epub_content_uuid(const epub_book *b)
{
    epub_sha1 c;
    epub_sha1_init(&c);
    epub_sha1_add(&c, epub_uuid_namespace, sizeof epub_uuid_namespace);
    epub_sha1_string(&c, "folio-epub", 10);
    epub_sha1_string(&c, b->title, strlen(b->title));
    for (size_t i = 0; i < b->nchapters; i++)
        epub_sha1_string(&c, b->chapters[i].xhtml.data, b->chapters[i].xhtml.len);
    for (size_t i = 0; i < b->nimages; i++)
        epub_sha1_string(&c, b->images[i].bytes.data, b->images[i].bytes.len);
    if (b->cover_image.href)
        epub_sha1_string(&c, b->cover_image.bytes.data, b->cover_image.bytes.len);
    unsigned char d[20];
    epub_sha1_done(&c, d);
    d[6] = (unsigned char)((d[6] & 0x0F) | 0x50);
    d[8] = (unsigned char)((d[8] & 0x3F) | 0x80);
    char s[64];
    snprintf(s, sizeof s,
             "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12],
             d[13], d[14], d[15]);
    return xstrdup(s);
}

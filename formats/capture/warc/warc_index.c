/* The resource index of a WARC (images, style sheets): a hash table of
 * WARC-Target-URI to record start, filled by a second reader that runs
 * ahead of the lookups. */
#include "util/hash.h"
#include "capture/warc/warc_index.h"
#include "util/media_type.h"
#include "capture/mime/mime_header.h"
#include "capture/warc/warc_http.h"
#include "capture/warc/warc_record.h"
#include "util/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *uri;
    warc_pos at;
} warc_index_entry;

struct warc_index {
    warc_input *scan;          /* reads ahead to fill the table; NULL once done */
    warc_record scan_rec;
    warc_input *fetch;         /* reads the records asked for */
    warc_record fetch_rec;
    warc_http http;
    buf_t block, why, type;
    warc_index_entry *entries;
    size_t n, cap;
    size_t *slots;             /* entry number + 1, 0 for a free slot */
    size_t n_slots;
};

static uint32_t warc_hash(const char *s)
{
    return hash_fnv1a(HASH_FNV1A_START, s, strlen(s));
}

static size_t *warc_slot(warc_index *ix, const char *uri)
{
    size_t mask = ix->n_slots - 1;
    for (size_t i = warc_hash(uri) & mask;; i = (i + 1) & mask) {
        size_t e = ix->slots[i];
        if (!e || !strcmp(ix->entries[e - 1].uri, uri))
            return &ix->slots[i];
    }
}

static void warc_index_add(warc_index *ix, const char *uri, warc_pos at)
{
    if (2 * (ix->n + 1) > ix->n_slots) {
        size_t old_n = ix->n_slots;
        size_t *old = ix->slots;
        ix->n_slots = old_n ? old_n * 2 : 64;
        ix->slots = xcalloc(ix->n_slots, sizeof *ix->slots);
        for (size_t i = 0; i < old_n; i++)
            if (old[i])
                *warc_slot(ix, ix->entries[old[i] - 1].uri) = old[i];
        free(old);
    }
    size_t *slot = warc_slot(ix, uri);
    if (*slot)
        return;   /* captured twice: the first is as good as any */
    ALLOC_GROW(ix->entries, ix->n + 1, ix->cap);
    ix->entries[ix->n].uri = xstrdup(uri);
    ix->entries[ix->n].at = at;
    *slot = ++ix->n;
}

warc_index *warc_index_open(const char *path, const void *mem, size_t len)
{
    warc_index *ix = xcalloc(1, sizeof *ix);
    buf_t why;
    buf_init(&why);
    ix->scan = warc_input_open(path, mem, len, &why);
    ix->fetch = warc_input_open(path, mem, len, &why);
    buf_free(&why);
    warc_record_init(&ix->scan_rec);
    warc_record_init(&ix->fetch_rec);
    warc_http_init(&ix->http);
    buf_init(&ix->block);
    buf_init(&ix->why);
    buf_init(&ix->type);
    return ix;
}

void warc_index_close(warc_index *ix)
{
    if (!ix)
        return;
    warc_input_close(ix->scan);
    warc_input_close(ix->fetch);
    warc_record_free(&ix->scan_rec);
    warc_record_free(&ix->fetch_rec);
    warc_http_free(&ix->http);
    buf_free(&ix->block);
    buf_free(&ix->why);
    buf_free(&ix->type);
    for (size_t i = 0; i < ix->n; i++)
        free(ix->entries[i].uri);
    free(ix->entries);
    free(ix->slots);
    free(ix);
}

/* An image or a style sheet, a page's resource, by its media type, or,
 * for a type that says nothing, by the name at the end of its address. */
static bool warc_image_type(const char *type, const char *uri)
{
    if (!strncmp(type, "image/", 6) || !strcmp(type, "text/css"))
        return true;
    if (*type && strcmp(type, "application/octet-stream") && strcmp(type, "binary/octet-stream"))
        return false;
    size_t n = strcspn(uri, "?#");
    char *path = xstrndup(uri, n);
    bool image = media_type_image_by_name(path) || media_type_sheet_by_name(path);
    free(path);
    return image;
}

/* Is the record just begun an image? Reads no more of it than its HTTP
 * head. 1, 0, or -1 when the record does not read. */
static int warc_index_is_image(warc_index *ix, warc_record *r)
{
    if (!r->uri.len)
        return 0;
    if (!strcmp(r->type.data, "resource")) {
        mime_type(r->content_type.data, &ix->type);
        return warc_image_type(ix->type.data, r->uri.data);
    }
    if (strcmp(r->type.data, "response"))
        return 0;
    mime_type(r->content_type.data, &ix->type);
    if (ix->type.len && strcmp(ix->type.data, "application/http"))
        return 0;
    buf_reset(&ix->block);
    if (warc_record_read(ix->scan, r, &ix->block, WARC_HTTP_HEAD_MAX, &ix->why) < 0)
        return -1;
    if (!ix->block.len || warc_http_head(ix->block.data, ix->block.len, &ix->http) != 1 ||
        ix->http.status != 200)
        return 0;
    return warc_image_type(ix->http.type.data, r->uri.data);
}

/* Index one more record: false when there are no more. */
static bool warc_index_step(warc_index *ix)
{
    warc_record *r = &ix->scan_rec;
    buf_reset(&ix->why);
    int rc = warc_record_begin(ix->scan, r, &ix->why);
    if (rc == 0 || rc == -2)
        return false;
    /* A record that does not read is the main reader's to report. */
    if (rc < 0)
        return warc_record_recover(ix->scan, r);
    int image = warc_index_is_image(ix, r);
    if (image < 0 || warc_record_end(ix->scan, r, &ix->why) < 0)
        return warc_record_recover(ix->scan, r);
    if (image)
        warc_index_add(ix, r->uri.data, r->at);
    return true;
}

bool warc_index_find(warc_index *ix, const char *uri, warc_pos *at)
{
    for (;;) {
        if (ix->n_slots) {
            size_t e = *warc_slot(ix, uri);
            if (e) {
                *at = ix->entries[e - 1].at;
                return true;
            }
        }
        if (!ix->scan)
            return false;
        if (!warc_index_step(ix)) {
            warc_input_close(ix->scan);
            ix->scan = NULL;
        }
    }
}

bool warc_index_fetch(warc_index *ix, const char *uri, buf_t *bytes, buf_t *type)
{
    warc_pos at;
    warc_record *r = &ix->fetch_rec;
    if (!ix->fetch || !warc_index_find(ix, uri, &at) || warc_record_seek(ix->fetch, r, at) != 0)
        return false;
    buf_reset(&ix->why);
    if (warc_record_begin(ix->fetch, r, &ix->why) != 1 || r->length > WARC_PAYLOAD_MAX)
        return false;
    buf_reset(&ix->block);
    if (warc_record_read(ix->fetch, r, &ix->block, r->length, &ix->why) < 0)
        return false;
    const char *body = ix->block.data ? ix->block.data : "";
    size_t n = ix->block.len;
    if (!strcmp(r->type.data, "response")) {
        if (warc_http_head(body, n, &ix->http) != 1)
            return false;
        body += ix->http.body;
        n -= ix->http.body;
    } else {
        warc_http_plain(&ix->http, r->content_type.data);
    }
    size_t before = bytes->len;
    if (!warc_http_payload(&ix->http, body, n, bytes, &ix->why) || bytes->len == before)
        return false;
    buf_puts(type, ix->http.type.data);
    return true;
}

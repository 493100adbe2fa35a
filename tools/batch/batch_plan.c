/* The plan: one item per page of every input, cut into shards and into
 * chunks that one worker reads through in order. */
#include "util/hash.h"
#include "batch/batch.h"
#include "capture/capture.h"
#include "util/io.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Pages of one container handed to a worker at a time: enough that it
 * reads on through the container, few enough that two workers share a
 * large one. */
enum { BATCH_CHUNK = 32 };

int batch_formats_parse(const char *list)
{
    int formats = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        if (n == 2 && !strncmp(p, "md", 2))
            formats |= BATCH_MD;
        else if (n == 4 && !strncmp(p, "epub", 4))
            formats |= BATCH_EPUB;
        else if (n == 3 && !strncmp(p, "pdf", 3))
            formats |= BATCH_PDF;
        else if (n == 5 && !strncmp(p, "xhtml", 5))
            ;   /* always written */
        else
            return -1;
        p += n;
        if (*p == ',')
            p++;
    }
    return formats;
}

void batch_formats_name(int formats, buf_t *out)
{
    size_t start = out->len;
    if (formats & BATCH_MD)
        buf_puts(out, "md,");
    if (formats & BATCH_EPUB)
        buf_puts(out, "epub,");
    if (formats & BATCH_PDF)
        buf_puts(out, "pdf,");
    if (out->len == start)
        buf_puts(out, "-");
    else
        out->data[--out->len] = '\0';
}

uint32_t batch_shard_hash(const char *input, long ordinal)
{
    char num[32];
    snprintf(num, sizeof num, "\t%ld", ordinal);
    return hash_fnv1a(hash_fnv1a(HASH_FNV1A_START, input, strlen(input)), num, strlen(num));
}

void batch_item_key(const batch_item *it, buf_t *key)
{
    buf_reset(key);
    buf_printf(key, "%s\t%ld", it->in->path, it->ordinal);
}

static void plan_add(batch_plan *p, const batch_input *in, long ordinal, const char *record,
                     const struct stat *st, unsigned shard, unsigned shards)
{
    p->pages++;
    if (shards > 1 && batch_shard_hash(in->path, ordinal) % shards != shard)
        return;
    ALLOC_GROW(p->v, p->n + 1, p->cap);
    batch_item *it = &p->v[p->n];
    memset(it, 0, sizeof *it);
    it->in = in;
    it->ordinal = ordinal;
    it->record = record ? xstrdup(record) : NULL;
    it->size = st ? (long long)st->st_size : -1;
    it->mtime_ns = st ? (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec : -1;
    /* a new chunk for each input, and every BATCH_CHUNK pages within one */
    bool same = p->n && p->v[p->n - 1].in == in;
    if (!same || ordinal % BATCH_CHUNK == 0 || !p->chunks)
        p->chunks++;
    it->chunk = p->chunks - 1;
    it->state = BATCH_TODO;
    p->n++;
}

void batch_plan_input(batch_plan *p, const batch_input *in, unsigned shard, unsigned shards,
                      batch_failures *f)
{
    struct stat st;
    bool have = stat(in->path, &st) == 0;
    buf_t why;
    buf_init(&why);
    capture *c = capture_open(in->path, &why);
    /* A plain page is one item whatever it holds: the worker tells why it
     * cannot be read or cleaned, with the page it was. */
    if (!c || capture_kind_get(c) == CAPTURE_HTML) {
        capture_close(c);
        plan_add(p, in, 0, NULL, have ? &st : NULL, shard, shards);
        buf_free(&why);
        return;
    }
    long ordinal = 0;
    int rc;
    capture_page page;
    while ((rc = capture_next(c, &page, &why)) != 0) {
        if (rc == 1) {
            plan_add(p, in, ordinal++, page.record, have ? &st : NULL, shard, shards);
            continue;
        }
        /* reported by the shard that owns the page after it, so that
         * shards sharing an output folder report it once */
        if (shards <= 1 || batch_shard_hash(in->path, ordinal) % shards == shard)
            batch_fail(f, in->path, ordinal, page.record, "read", why.data);
        buf_reset(&why);
        if (rc == -2)
            break;
    }
    capture_stats stats;
    capture_stats_get(c, &stats);
    p->revisits += stats.revisits;
    p->not_pages += stats.other;
    capture_close(c);
    buf_free(&why);
}

void batch_plan_free(batch_plan *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->v[i].record);
        free(p->v[i].base);
        free(p->v[i].stem);
    }
    free(p->v);
    memset(p, 0, sizeof *p);
}

void batch_output_path(const char *outdir, const char *stem, const char *ext, buf_t *out)
{
    buf_reset(out);
    buf_printf(out, "%s/%s%s", outdir, stem, ext);
}

bool batch_outputs_exist(const char *outdir, const char *stem, int formats)
{
    static const struct { int f; const char *ext; } outs[] = {
        { 0, ".xhtml" }, { BATCH_MD, ".md" }, { BATCH_EPUB, ".epub" }, { BATCH_PDF, ".pdf" },
    };
    buf_t path;
    buf_init(&path);
    bool all = true;
    for (size_t i = 0; i < sizeof outs / sizeof *outs && all; i++) {
        if (outs[i].f && !(formats & outs[i].f))
            continue;
        batch_output_path(outdir, stem, outs[i].ext, &path);
        struct stat st;
        all = stat(path.data, &st) == 0 && S_ISREG(st.st_mode);
    }
    buf_free(&path);
    return all;
}

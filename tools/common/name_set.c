#include "common/name_set.h"
#include "util/alloc.h"
#include "util/hash.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* An open-addressing table of owned strings, each with a number: for
 * claimed names nothing, for stems the next counter to try. */
typedef struct {
    char **keys;
    long *values;
    size_t n, slots;   /* slots: a power of two, never more than half full */
} name_table;

struct name_set {
    name_table names, stems;
    size_t probes;
};

static size_t table_slot(const name_table *t, const char *key, size_t *probes)
{
    size_t i = hash_fnv1a(HASH_FNV1A_START, key, strlen(key)) & (t->slots - 1);
    for (; t->keys[i] && strcmp(t->keys[i], key) != 0; i = (i + 1) & (t->slots - 1))
        ++*probes;
    ++*probes;
    return i;
}

static void table_grow(name_table *t)
{
    name_table old = *t;
    t->slots = old.slots ? old.slots * 2 : 64;
    t->keys = xcalloc(t->slots, sizeof *t->keys);
    t->values = xcalloc(t->slots, sizeof *t->values);
    size_t ignored = 0;
    for (size_t i = 0; i < old.slots; i++)
        if (old.keys[i]) {
            size_t j = table_slot(t, old.keys[i], &ignored);
            t->keys[j] = old.keys[i];
            t->values[j] = old.values[i];
        }
    free(old.keys);
    free(old.values);
}

/* The slot of KEY, added (with VALUE 0) when it was not there. */
static size_t table_get(name_table *t, const char *key, size_t *probes)
{
    if ((t->n + 1) * 2 > t->slots)
        table_grow(t);
    size_t i = table_slot(t, key, probes);
    if (!t->keys[i]) {
        t->keys[i] = xstrdup(key);
        t->n++;
    }
    return i;
}

static bool table_has(const name_table *t, const char *key, size_t *probes)
{
    return t->slots && t->keys[table_slot(t, key, probes)];
}

static void table_free(name_table *t)
{
    for (size_t i = 0; i < t->slots; i++)
        free(t->keys[i]);
    free(t->keys);
    free(t->values);
}

name_set *name_set_new(void)
{
    return xcalloc(1, sizeof(name_set));
}

void name_set_free(name_set *s)
{
    if (!s)
        return;
    table_free(&s->names);
    table_free(&s->stems);
    free(s);
}

void name_set_claim(name_set *s, const char *stem, const char *ext, buf_t *out)
{
    size_t at = table_get(&s->stems, stem, &s->probes);
    long k = s->stems.values[at];   /* 0: STEM itself not tried yet */
    for (;; k = k ? k + 1 : 2) {
        buf_reset(out);
        if (k)
            buf_printf(out, "%s-%ld%s", stem, k, ext);
        else
            buf_printf(out, "%s%s", stem, ext);
        if (!table_has(&s->names, out->data, &s->probes))
            break;
    }
    /* every counter below K is taken for good: names are never given back */
    s->stems.values[table_get(&s->stems, stem, &s->probes)] = k ? k + 1 : 2;
    table_get(&s->names, out->data, &s->probes);
}

size_t name_set_probes(const name_set *s)
{
    return s->probes;
}

void name_shorten(buf_t *name, size_t max)
{
    if (name->len <= max)
        return;
    const char *first = strchr(name->data, '/'), *last = strrchr(name->data, '/');
    size_t head = first ? (size_t)(first - name->data) : 0;
    size_t tail = last ? name->len - (size_t)(last - name->data) - 1 : name->len;
    uint32_t h = hash_fnv1a(HASH_FNV1A_START, name->data, name->len);
    buf_t out;
    buf_init(&out);
    /* each part was cut to fit a file system already; the whole may still
     * be too long when MAX is small */
    if (head + tail + 12 > max)
        head = 0, tail = tail + 10 > max ? max - 10 : tail;
    if (head)
        buf_printf(&out, "%.*s/", (int)head, name->data);
    const char *rest = name->data + name->len - tail;
    while ((*rest & 0xC0) == 0x80)
        rest++;   /* not inside a UTF-8 sequence */
    buf_printf(&out, "_%08x/%s", (unsigned)h, rest);
    buf_free(name);
    *name = out;
}

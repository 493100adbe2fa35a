/* The manifest: for each page converted, its input's size and time and the
 * formats written, so that the next run skips what is up to date. One file
 * per shard (shards never write the same file); every run reads them all. */
#include "batch/batch.h"
#include "util/io.h"
#include "util/alloc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MANIFEST_HEADER "# folio-batch manifest 1: input, page, size, mtime (ns), name, formats\n"

static size_t manifest_hash(const char *input, long ordinal)
{
    return (size_t)batch_shard_hash(input, ordinal);
}

static void manifest_index(batch_manifest *m)
{
    free(m->slots);
    m->nslots = 64;
    while (m->nslots < m->n * 2 + 2)
        m->nslots *= 2;
    m->slots = xcalloc(m->nslots, sizeof *m->slots);
    for (size_t i = 0; i < m->n; i++) {
        size_t s = manifest_hash(m->v[i].input, m->v[i].ordinal) & (m->nslots - 1);
        while (m->slots[s])
            s = (s + 1) & (m->nslots - 1);
        m->slots[s] = i + 1;
    }
}

const batch_entry *batch_manifest_find(const batch_manifest *m, const char *input, long ordinal)
{
    if (!m->nslots)
        return NULL;
    size_t s = manifest_hash(input, ordinal) & (m->nslots - 1);
    for (; m->slots[s]; s = (s + 1) & (m->nslots - 1)) {
        const batch_entry *e = &m->v[m->slots[s] - 1];
        if (e->ordinal == ordinal && !strcmp(e->input, input))
            return e;
    }
    return NULL;
}

void batch_manifest_put(batch_manifest *m, const char *input, long ordinal, long long size,
                        long long mtime_ns, const char *stem, int formats)
{
    /* a name with a tab or a line break cannot be a line of the file:
     * such a page is converted again each run */
    if (strpbrk(input, "\t\n\r"))
        return;
    batch_entry *e = (batch_entry *)batch_manifest_find(m, input, ordinal);
    if (!e) {
        ALLOC_GROW(m->v, m->n + 1, m->cap);
        e = &m->v[m->n++];
        e->input = xstrdup(input);
        e->ordinal = ordinal;
        e->stem = NULL;
        if (m->n * 2 + 2 > m->nslots)
            manifest_index(m);
        else {
            size_t s = manifest_hash(input, ordinal) & (m->nslots - 1);
            while (m->slots[s])
                s = (s + 1) & (m->nslots - 1);
            m->slots[s] = m->n;
        }
    }
    e->size = size;
    e->mtime_ns = mtime_ns;
    free(e->stem);
    e->stem = xstrdup(stem);
    e->formats = formats;
}

void batch_manifest_load_file(batch_manifest *m, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[0] == '#' || line[n - 1] != '\n')
            continue;   /* the header, or a line cut short */
        line[n - 1] = '\0';
        char *field[6];
        int k = 0;
        for (char *p = line; k < 6; k++) {
            field[k] = p;
            p = strchr(p, '\t');
            if (!p)
                break;
            *p++ = '\0';
        }
        if (k != 5 || !*field[4])
            continue;
        int formats = strcmp(field[5], "-") ? batch_formats_parse(field[5]) : 0;
        if (formats < 0)
            continue;
        batch_manifest_put(m, field[0], strtol(field[1], NULL, 10), strtoll(field[2], NULL, 10),
                           strtoll(field[3], NULL, 10), field[4], formats);
    }
    free(line);
    fclose(f);
}

void batch_manifest_load(batch_manifest *m, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    buf_t path;
    buf_init(&path);
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (strncmp(e->d_name, "manifest", 8) || n < 12 || strcmp(e->d_name + n - 4, ".tsv"))
            continue;
        buf_reset(&path);
        buf_printf(&path, "%s/%s", dir, e->d_name);
        batch_manifest_load_file(m, path.data);
    }
    closedir(d);
    buf_free(&path);
}

int batch_manifest_write(const batch_manifest *m, const char *path)
{
    buf_t out, f;
    buf_init(&out);
    buf_init(&f);
    buf_puts(&out, MANIFEST_HEADER);
    for (size_t i = 0; i < m->n; i++) {
        const batch_entry *e = &m->v[i];
        buf_reset(&f);
        batch_formats_name(e->formats, &f);
        buf_printf(&out, "%s\t%ld\t%lld\t%lld\t%s\t%s\n", e->input, e->ordinal, e->size, e->mtime_ns,
                   e->stem, f.data);
    }
    int rc = io_write_atomic(path, out.data, out.len, NULL, &io_reporter);
    buf_free(&out);
    buf_free(&f);
    return rc;
}

void batch_manifest_free(batch_manifest *m)
{
    for (size_t i = 0; i < m->n; i++) {
        free(m->v[i].input);
        free(m->v[i].stem);
    }
    free(m->v);
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/* The manifest: for each page converted, its input's size and time and the
 * formats written, so that the next run skips what is up to date. One file
 * per shard (shards never write the same file); every run reads them all.
 * A run appends a line as each page is done, so that a run killed resumes
 * where it stopped, and rewrites the file whole at its end; a later line
 * for a page wins over an earlier one. */
#include "batch/batch.h"
#include "util/io.h"
#include "util/alloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static void manifest_line(const batch_entry *e, buf_t *out)
{
    buf_printf(out, "%s\t%ld\t%lld\t%lld\t%s\t", e->input, e->ordinal, e->size, e->mtime_ns, e->stem);
    batch_formats_name(e->formats, out);
    buf_putc(out, '\n');
}

int batch_manifest_write(const batch_manifest *m, const char *path)
{
    buf_t out;
    buf_init(&out);
    buf_puts(&out, MANIFEST_HEADER);
    for (size_t i = 0; i < m->n; i++)
        manifest_line(&m->v[i], &out);
    int rc = io_write_atomic(path, out.data, out.len, NULL, &io_reporter);
    buf_free(&out);
    return rc;
}

/* ---- the journal: lines appended as pages finish ---------------------------- */

/* Written lines reach the disk at least this often; a process killed
 * loses nothing written, a machine that stops at most these. */
enum { JOURNAL_SYNC_LINES = 64 };
#define JOURNAL_SYNC_SECONDS 2.0

int batch_journal_open(batch_journal *j, const char *path)
{
    memset(j, 0, sizeof *j);
    j->fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    if (j->fd < 0) {
        io_error(path, "cannot open the manifest: %s", strerror(errno));
        return -1;
    }
    /* a new file gets the header; one cut short by a kill, its line end */
    struct stat st;
    char last = '\n';
    if (fstat(j->fd, &st) == 0 && st.st_size > 0 && pread(j->fd, &last, 1, st.st_size - 1) != 1)
        last = '\n';
    const char *start = fstat(j->fd, &st) == 0 && st.st_size == 0 ? MANIFEST_HEADER : last != '\n' ? "\n" : "";
    if (*start && write(j->fd, start, strlen(start)) != (ssize_t)strlen(start)) {
        io_error(path, "cannot write the manifest: %s", strerror(errno));
        close(j->fd);
        j->fd = -1;
        return -1;
    }
    j->synced_at = batch_now();
    return 0;
}

void batch_journal_add(batch_journal *j, const char *input, long ordinal, long long size,
                       long long mtime_ns, const char *stem, int formats)
{
    if (!j || j->fd < 0 || strpbrk(input, "\t\n\r"))
        return;
    batch_entry e = { (char *)input, ordinal, size, mtime_ns, (char *)stem, formats };
    buf_t line;
    buf_init(&line);
    manifest_line(&e, &line);
    /* one write per line: O_APPEND keeps lines whole */
    if (write(j->fd, line.data, line.len) == (ssize_t)line.len)
        j->unsynced++;
    buf_free(&line);
    double now = batch_now();
    if (j->unsynced >= JOURNAL_SYNC_LINES || (j->unsynced && now - j->synced_at >= JOURNAL_SYNC_SECONDS)) {
        fsync(j->fd);
        j->unsynced = 0;
        j->synced_at = now;
    }
}

void batch_journal_close(batch_journal *j)
{
    if (j->fd >= 0) {
        if (j->unsynced)
            fsync(j->fd);
        close(j->fd);
    }
    j->fd = -1;
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

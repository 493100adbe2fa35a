/* Walking the sources: files named on the command line, and every capture
 * in folders, in name order so that every run plans the same items. In a
 * folder, a symlink is followed only when it leads to a file or a folder
 * inside that SRC folder; one leading out of it is listed in failures.tsv
 * and not read. */
#include "batch/batch.h"
#include "util/io.h"
#include "util/alloc.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

bool batch_is_capture_name(const char *name)
{
    static const char *const exts[] = { ".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml",
                                        ".warc", ".warc.gz", ".zip" };
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && !strcasecmp(name + n - e, exts[i]))
            return true;
    }
    return false;
}

static void walk_add(batch_inputs *in, const char *path, const char *root)
{
    ALLOC_GROW(in->v, in->n + 1, in->cap);
    in->v[in->n].path = xstrdup(path);
    in->v[in->n].root = xstrdup(root);
    in->n++;
}

/* The folders from SRC down to the one being read: a folder met again
 * among them is a symlink leading back up, which would never end. */
typedef struct {
    dev_t dev[256];
    ino_t ino[256];
    int depth;
    const char *root;
    char real_root[PATH_MAX];   /* ROOT with its symlinks resolved */
    struct stat skip;
    bool has_skip;
    batch_inputs *in;
    batch_failures *f;
} walk_state;

static int walk_name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(walk_state *w, const char *dir, const struct stat *st);

/* Whether the symlink PATH leads to a file or folder inside the SRC
 * folder: the rule images follow too (a local path is read only inside
 * its input's folder, after symlinks are resolved). */
static bool walk_link_inside(const walk_state *w, const char *path)
{
    char real[PATH_MAX];
    size_t n = strlen(w->real_root);
    if (!realpath(path, real))
        return true;   /* dangling: stat says so below */
    return strncmp(real, w->real_root, n) == 0 && (real[n] == '/' || real[n] == '\0' || n == 1);
}

static void walk_entry(walk_state *w, const char *path, const char *name)
{
    struct stat st, lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode) && !walk_link_inside(w, path)) {
        bool wanted = stat(path, &st) == 0 && (S_ISDIR(st.st_mode) || batch_is_capture_name(name));
        if (wanted)
            batch_fail(w->f, path, 0, NULL, "read", "a symlink out of the SRC folder; not followed");
        else
            w->in->other_files++;
        return;
    }
    if (stat(path, &st) != 0) {
        /* a dangling link or a file gone since the folder was read: worth
         * a line only when it would have been read */
        if (batch_is_capture_name(name))
            batch_fail(w->f, path, 0, NULL, "read", strerror(errno));
        else
            w->in->other_files++;
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        walk_dir(w, path, &st);
        return;
    }
    if (S_ISREG(st.st_mode) && batch_is_capture_name(name))
        walk_add(w->in, path, w->root);
    else
        w->in->other_files++;
}

/* A browser saves a page as NAME.html and its pictures, styles and frames
 * in NAME_files/ beside it (NAME.files/ in some). The frames there are parts
 * of that page, which folio-clean reads in its place; converted on their own
 * they would put the same article in the batch twice. */
static bool walk_is_page_folder(char *const *names, size_t n, const char *folder)
{
    static const char *const suffixes[] = { "_files", ".files" };
    size_t fl = strlen(folder);
    for (size_t s = 0; s < 2; s++) {
        size_t sl = strlen(suffixes[s]);
        if (fl <= sl || strcasecmp(folder + fl - sl, suffixes[s]))
            continue;
        for (size_t i = 0; i < n; i++)
            if (!strncmp(names[i], folder, fl - sl) && names[i][fl - sl] == '.' &&
                batch_is_capture_name(names[i]))
                return true;
    }
    return false;
}

static void walk_dir(walk_state *w, const char *dir, const struct stat *st)
{
    if (w->has_skip && st->st_dev == w->skip.st_dev && st->st_ino == w->skip.st_ino)
        return;
    for (int i = 0; i < w->depth; i++)
        if (w->dev[i] == st->st_dev && w->ino[i] == st->st_ino) {
            batch_fail(w->f, dir, 0, NULL, "read", "symlink loop");
            return;
        }
    if (w->depth == (int)(sizeof w->dev / sizeof *w->dev)) {
        batch_fail(w->f, dir, 0, NULL, "read", "folders nested too deep");
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        batch_fail(w->f, dir, 0, NULL, "read", strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        ALLOC_GROW(names, n + 1, cap);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, walk_name_cmp);
    w->dev[w->depth] = st->st_dev;
    w->ino[w->depth] = st->st_ino;
    w->depth++;
    buf_t path;
    buf_init(&path);
    for (size_t i = 0; i < n; i++) {
        buf_reset(&path);
        size_t dl = strlen(dir);
        buf_puts(&path, dir);
        if (dl && dir[dl - 1] != '/')
            buf_putc(&path, '/');
        buf_puts(&path, names[i]);
        if (walk_is_page_folder(names, n, names[i]))
            w->in->other_files++;
        else
            walk_entry(w, path.data, names[i]);
    }
    w->depth--;
    buf_free(&path);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

void batch_walk(const char *src, const char *skip, batch_inputs *in, batch_failures *f)
{
    walk_state w = { .root = src, .in = in, .f = f };
    w.has_skip = skip && stat(skip, &w.skip) == 0;
    struct stat st;
    if (stat(src, &st) != 0) {
        batch_fail(f, src, 0, NULL, "read", strerror(errno));
        return;
    }
    if (S_ISDIR(st.st_mode) && !realpath(src, w.real_root))
        batch_fail(f, src, 0, NULL, "read", strerror(errno));
    else if (S_ISDIR(st.st_mode))
        walk_dir(&w, src, &st);
    else
        walk_add(in, src, src);   /* named on the command line: read whatever its name */
}

void batch_inputs_free(batch_inputs *in)
{
    for (size_t i = 0; i < in->n; i++) {
        free(in->v[i].path);
        free(in->v[i].root);
    }
    free(in->v);
    memset(in, 0, sizeof *in);
}

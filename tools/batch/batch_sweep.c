/* A run that is killed leaves, at most, temporary files whose names say
 * so; the next run removes them. */
#include "batch/batch.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* NAME.tmp.XXXXXX, as mkstemp fills it in */
static bool sweep_is_temp(const char *name)
{
    size_t n = strlen(name);
    if (n < 12 || strncmp(name + n - 11, ".tmp.", 5))
        return false;
    for (size_t i = n - 6; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

/* Call FILE for every entry below DIR that is not a folder, and FOLDER_DONE
 * (if any) for each folder once everything in it was seen. Symbolic links
 * are not followed; 64 levels at most. */
typedef void sweep_fn(const char *path, const char *name, const struct stat *st, void *ctx);

static void sweep_walk(const char *dir, int depth, sweep_fn *file, sweep_fn *folder_done, void *ctx)
{
    DIR *d = depth < 64 ? opendir(dir) : NULL;
    if (!d)
        return;
    buf_t path;
    buf_init(&path);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        buf_reset(&path);
        buf_printf(&path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path.data, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            sweep_walk(path.data, depth + 1, file, folder_done, ctx);
            if (folder_done)
                folder_done(path.data, e->d_name, &st, ctx);
        } else
            file(path.data, e->d_name, &st, ctx);
    }
    closedir(d);
    buf_free(&path);
}

typedef struct {
    long min_age;
    time_t now;
} sweep_age;

static void sweep_temp(const char *path, const char *name, const struct stat *st, void *ctx)
{
    const sweep_age *a = ctx;
    if (S_ISREG(st->st_mode) && sweep_is_temp(name) && a->now - st->st_mtime >= a->min_age)
        unlink(path);
}

void batch_sweep_temps(const char *dir, long min_age)
{
    sweep_age a = { min_age, time(NULL) };
    sweep_walk(dir, 0, sweep_temp, NULL, &a);
}

static void sweep_unlink(const char *path, const char *name, const struct stat *st, void *ctx)
{
    (void)name, (void)st, (void)ctx;
    unlink(path);
}

static void sweep_rmdir(const char *path, const char *name, const struct stat *st, void *ctx)
{
    (void)name, (void)st, (void)ctx;
    rmdir(path);
}

void batch_remove_tree(const char *dir)
{
    sweep_walk(dir, 0, sweep_unlink, sweep_rmdir, NULL);
    rmdir(dir);
}

/* A run that is killed leaves, at most, temporary files whose names say
 * so; the next run removes them. */
#include "batch.h"

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

static long sweep_dir(const char *dir, long min_age, time_t now, int depth)
{
    if (depth > 64)
        return 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    long removed = 0;
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
        if (S_ISDIR(st.st_mode))
            removed += sweep_dir(path.data, min_age, now, depth + 1);
        else if (S_ISREG(st.st_mode) && sweep_is_temp(e->d_name) && now - st.st_mtime >= min_age &&
                 unlink(path.data) == 0)
            removed++;
    }
    closedir(d);
    buf_free(&path);
    return removed;
}

long batch_sweep_temps(const char *dir, long min_age)
{
    return sweep_dir(dir, min_age, time(NULL), 0);
}

static void remove_tree(const char *dir, int depth)
{
    DIR *d = depth < 64 ? opendir(dir) : NULL;
    if (d) {
        buf_t path;
        buf_init(&path);
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            buf_reset(&path);
            buf_printf(&path, "%s/%s", dir, e->d_name);
            struct stat st;
            if (lstat(path.data, &st) == 0 && S_ISDIR(st.st_mode))
                remove_tree(path.data, depth + 1);
            else
                unlink(path.data);
        }
        closedir(d);
        buf_free(&path);
    }
    rmdir(dir);
}

void batch_remove_tree(const char *dir)
{
    remove_tree(dir, 0);
}

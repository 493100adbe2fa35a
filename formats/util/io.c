#include "util/io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *io_name(const char *path)
{
    return (!path || strcmp(path, "-") == 0) ? "<stdin>" : path;
}

/* WHY may be NULL: the caller wants no words. */
static void io_why(buf_t *why, const char *cause)
{
    if (why)
        buf_puts(why, cause);
}

int io_read_file(const char *path, buf_t *out, buf_t *why)
{
    bool is_stdin = !path || strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        io_why(why, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        io_why(why, "is a directory");
        close(fd);
        return -1;
    }
    char chunk[65536];
    int rc = 0;
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            io_why(why, strerror(errno));
            rc = -1;
            break;
        }
        if (n == 0)
            break;
        buf_add(out, chunk, (size_t)n);
    }
    if (!is_stdin)
        close(fd);
    return rc;
}

bool io_is_dir(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool io_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int io_write_fd(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int io_write_atomic(const char *path, const void *data, size_t len,
                    const char *const *inputs, const reporter *r)
{
    if (!path || strcmp(path, "-") == 0) {
        if (io_write_fd(STDOUT_FILENO, data, len) != 0) {
            report_error(r, "<stdout>", "%s", strerror(errno));
            return -1;
        }
        return 0;
    }
    for (; inputs && *inputs; inputs++)
        if (strcmp(*inputs, "-") != 0 && io_same_file(*inputs, path)) {
            report_error(r, path, "refusing to write over an input");
            return -1;
        }
    buf_t tmp;
    buf_init(&tmp);
    buf_printf(&tmp, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        report_error(r, path, "cannot create: %s", strerror(errno));
        buf_free(&tmp);
        return -1;
    }
    int rc = io_write_fd(fd, data, len);
    int err = errno;
    if (rc == 0 && fsync(fd) != 0 && errno != EINVAL)
        rc = -1, err = errno;
    if (close(fd) != 0 && rc == 0)
        rc = -1, err = errno;
    /* mkstemp makes 0600; outputs should look like any file the user writes. */
    mode_t mask = umask(0);
    umask(mask);
    if (rc == 0)
        chmod(tmp.data, 0666 & ~mask);
    if (rc == 0 && rename(tmp.data, path) != 0)
        rc = -1, err = errno;
    if (rc != 0) {
        unlink(tmp.data);
        report_error(r, path, "cannot write: %s", strerror(err));
    }
    buf_free(&tmp);
    return rc;
}

int io_make_parents(const char *path, const reporter *r)
{
    buf_t dir;
    buf_init(&dir);
    buf_puts(&dir, path);
    int rc = 0;
    for (size_t i = 1; i < dir.len && rc == 0; i++) {
        if (dir.data[i] != '/')
            continue;
        dir.data[i] = '\0';
        struct stat st;
        if (stat(dir.data, &st) != 0) {
            if (mkdir(dir.data, 0777) != 0 && errno != EEXIST) {
                report_error(r, dir.data, "cannot create folder: %s", strerror(errno));
                rc = -1;
            }
        } else if (!S_ISDIR(st.st_mode)) {
            report_error(r, dir.data, "cannot create folder: a file of that name is in the way");
            rc = -1;
        }
        dir.data[i] = '/';
    }
    buf_free(&dir);
    return rc;
}

void io_output_path(const char *outdir, const char *input, const char *ext, buf_t *out)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    buf_reset(out);
    buf_puts(out, outdir);
    if (out->len && out->data[out->len - 1] != '/')
        buf_putc(out, '/');
    buf_add(out, base, stem);
    buf_puts(out, ext);
}

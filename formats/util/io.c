#include "util/io.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
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

static void io_too_large(buf_t *why, size_t max)
{
    if (why)
        buf_printf(why, "larger than %zu MB, the most folio reads of it", max >> 20);
}

/* The bytes of FD to its end into OUT, refused past MAX bytes. */
static int io_read_fd(int fd, size_t max, buf_t *out, buf_t *why)
{
    char chunk[65536];
    size_t got = 0;
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            io_why(why, strerror(errno));
            return -1;
        }
        if (n == 0)
            return 0;
        if ((size_t)n > max - got) {
            io_too_large(why, max);
            return -1;
        }
        got += (size_t)n;
        buf_add(out, chunk, (size_t)n);
    }
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
    int rc;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        io_why(why, "is a directory");
        rc = -1;
    } else {
        rc = io_read_fd(fd, SIZE_MAX, out, why);
    }
    if (!is_stdin)
        close(fd);
    return rc;
}

int io_read_regular(const char *path, size_t max, buf_t *out, buf_t *why)
{
    /* O_NONBLOCK: opening a FIFO for reading waits for a writer that may
     * never come; it must not even be opened in earnest. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        io_why(why, strerror(errno));
        return -1;
    }
    struct stat st;
    int rc = -1;
    if (fstat(fd, &st) != 0)
        io_why(why, strerror(errno));
    else if (S_ISDIR(st.st_mode))
        io_why(why, "is a folder");
    else if (!S_ISREG(st.st_mode))
        io_why(why, "not a regular file");
    else if ((unsigned long long)st.st_size > max)
        io_too_large(why, max);
    else
        rc = io_read_fd(fd, max, out, why);
    close(fd);
    return rc;
}

bool io_is_stream(const char *path)
{
    struct stat st;
    return path && strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
           (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode));
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

/* An output that is a device or a FIFO (/dev/null, a terminal, a pipe
 * named by /dev/stdout) is written into as it is: renaming a file over it
 * would put a regular file where the device was. */
static int io_write_in_place(const char *path, const struct stat *st, const void *data, size_t len,
                             const reporter *r)
{
    if (S_ISDIR(st->st_mode)) {
        report_error(r, path, "is a folder");
        return -1;
    }
    if (!S_ISCHR(st->st_mode) && !S_ISFIFO(st->st_mode)) {
        report_error(r, path, "not a regular file, a character device or a FIFO; not written");
        return -1;
    }
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    struct stat now;
    if (fd >= 0 && (fstat(fd, &now) != 0 || (!S_ISCHR(now.st_mode) && !S_ISFIFO(now.st_mode)))) {
        close(fd);
        report_error(r, path, "changed while it was opened; not written");
        return -1;
    }
    int rc = fd >= 0 ? io_write_fd(fd, data, len) : -1;
    int err = errno;
    if (fd >= 0 && close(fd) != 0 && rc == 0)
        rc = -1, err = errno;
    if (rc != 0)
        report_error(r, path, "cannot write: %s", strerror(err));
    return rc;
}

/* DATA into a temporary file beside PATH, renamed over it. */
static int io_write_renamed(const char *path, const void *data, size_t len, const reporter *r)
{
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
    struct stat st, lst;
    bool exists = stat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode))
        return io_write_in_place(path, &st, data, len, r);
    if (lstat(path, &lst) != 0 || !S_ISLNK(lst.st_mode))
        return io_write_renamed(path, data, len, r);
    /* A symlink stays a symlink: the file it leads to is replaced. */
    char target[PATH_MAX];
    if (!exists || !realpath(path, target)) {
        report_error(r, path, "a symlink that leads nowhere; not written");
        return -1;
    }
    return io_write_renamed(target, data, len, r);
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

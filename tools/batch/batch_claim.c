/* Claiming output names. Two pages whose addresses give one name must not
 * write over each other, and a page must keep its name when the batch runs
 * again, also when shards share the output folder. Each name claimed is a
 * small file holding the name and its key, created with link(2), which
 * either makes the whole file or fails: whoever links first owns it. */
#include "batch/batch.h"
#include "util/io.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uint64_t claim_hash(const char *s)
{
    uint64_t h = 14695981039346656037u;   /* FNV-1a, 64 bits */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* 1: PATH holds WANT; 0: it holds something else; -1: there is no PATH. */
static int claim_holds(const char *path, const buf_t *want)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return errno == ENOENT ? -1 : 0;
    char got[8192];
    size_t n = 0;
    ssize_t r;
    while (n < sizeof got && (r = read(fd, got + n, sizeof got - n)) > 0)
        n += (size_t)r;
    close(fd);
    return n == want->len && !memcmp(got, want->data, n);
}

static int claim_create(const char *path, const buf_t *content, buf_t *why)
{
    buf_t tmp;
    buf_init(&tmp);
    buf_printf(&tmp, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        buf_printf(why, "%s: %s", tmp.data, strerror(errno));
        buf_free(&tmp);
        return -1;
    }
    ssize_t w = write(fd, content->data, content->len);
    int rc = (w == (ssize_t)content->len && close(fd) == 0) ? 0 : -1;
    if (w != (ssize_t)content->len)
        close(fd);
    if (rc == 0 && link(tmp.data, path) != 0)
        rc = errno == EEXIST ? 1 : -1;
    if (rc < 0)
        buf_printf(why, "%s: %s", path, strerror(errno));
    unlink(tmp.data);
    buf_free(&tmp);
    return rc;
}

int batch_claim(const char *dir, const char *key, const char *base, buf_t *stem, buf_t *why)
{
    buf_t path, content;
    buf_init(&path);
    buf_init(&content);
    int rc = -1;
    for (long k = 1; k < 100000; k++) {
        buf_reset(stem);
        if (k == 1)
            buf_puts(stem, base);
        else
            buf_printf(stem, "%s-%ld", base, k);
        buf_reset(&content);
        buf_printf(&content, "%s\n%s\n", stem->data, key);
        buf_reset(&path);
        buf_printf(&path, "%s/%016llx", dir, (unsigned long long)claim_hash(stem->data));
        int held = claim_holds(path.data, &content);
        if (held == 1) {
            rc = 0;
            break;
        }
        if (held == 0)
            continue;
        int made = claim_create(path.data, &content, why);
        if (made < 0)
            break;
        /* lost a race to another shard: it may have claimed it for this very key */
        if (made == 0 || claim_holds(path.data, &content) == 1) {
            rc = 0;
            break;
        }
    }
    if (rc != 0 && !why->len)
        buf_printf(why, "no free name for %s", base);
    buf_free(&path);
    buf_free(&content);
    return rc;
}

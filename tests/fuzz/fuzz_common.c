/* The shared half of the capture targets: the input as a file, and its
 * pages cleaned. Linked into every target; unused parts cost nothing. */
#include "fuzz.h"
#include "capture/capture.h"
#include "clean/clean.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
    static char path[256];
    const char *dir = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/folio-fuzz-%ld%s", dir && *dir ? dir : "/tmp", (long)getpid(), suffix);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0)
        return NULL;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fd, data + done, size - done);
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    close(fd);
    return done == size ? path : NULL;
}

void fuzz_capture(const char *path, int max_pages)
{
    if (!path)
        return;
    buf_t why, out;
    buf_init(&why);
    buf_init(&out);
    capture *c = capture_open(path, &why);
    capture_page p;
    int rc, pages = 0;
    while (c && pages < max_pages && (rc = capture_next(c, &p, &why)) != 0) {
        buf_reset(&why);
        if (rc == -2)
            break;
        if (rc < 0)
            continue;
        clean_options o = { .path = path, .now = 1700000000, .charset = p.charset, .url = p.url,
                            .resource = capture_resource, .resource_ctx = c };
        buf_reset(&out);
        clean_page(p.data, p.len, &o, &out, &why);
        pages++;
    }
    capture_close(c);
    unlink(path);
    buf_free(&why);
    buf_free(&out);
}

/* Shared by the capture_*.c readers: one table of operations per kind. */
#ifndef FOLIO_CAPTURE_INT_H
#define FOLIO_CAPTURE_INT_H
#include "capture/capture.h"

typedef struct {
    int  (*next)(capture *c, capture_page *page, buf_t *why);
    bool (*resource)(capture *c, const char *src, const char *abs, buf_t *bytes, buf_t *type);
    void (*close)(capture *c);
} capture_ops;

struct capture {
    const capture_ops *ops;
    capture_kind kind;
    char *path;           /* the input's path, or NULL for standard input */
    buf_t mem;            /* standard input, read whole; empty otherwise */
    bool from_mem;
    capture_stats stats;
    void *impl;           /* the reader's own state */
};

/* Each opener fills c->ops and c->impl, reading c->path or, when
 * c->from_mem, c->mem. Returns 0, or -1 with the cause in WHY. */
int capture_open_html(capture *c, buf_t *why);
int capture_open_mhtml(capture *c, buf_t *why);
int capture_open_warc(capture *c, buf_t *why);
int capture_open_zip(capture *c, buf_t *why);

#endif

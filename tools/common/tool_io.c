#include "common/tool_io.h"
#include "util/alloc.h"
#include "util/io.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *io_progname = "folio";

/* A kind of warning: how many were reported, and the first, to quote. */
typedef struct {
    char *shape;
    char *first;
    size_t count;
} warn_kind;

static bool warn_quiet;
static size_t warn_limit;
static warn_kind *kinds;
static size_t nkinds, capkinds;

void io_warn_quiet(bool quiet)
{
    warn_quiet = quiet;
}

void io_warn_limit(size_t limit)
{
    warn_limit = limit;
}

/* MESSAGE with every word that holds a digit, a slash, a dot or a colon
 * (a name, an address, a number, U+XXXX) made "*". */
static char *warn_shape(const char *message)
{
    buf_t b;
    buf_init(&b);
    buf_puts(&b, "");
    for (const char *p = message; *p;) {
        size_t word = strcspn(p, " ");
        if (strcspn(p, "0123456789/.:") < word)
            buf_putc(&b, '*');
        else
            buf_add(&b, p, word);
        p += word;
        if (*p)
            buf_putc(&b, *p++);
    }
    return buf_detach(&b);
}

/* Whether the warning MESSAGE is to be said: counted by its kind, and
 * said while its kind is under the limit. */
static bool warn_counted(const char *message)
{
    if (!warn_limit)
        return true;
    char *shape = warn_shape(message);
    for (size_t i = 0; i < nkinds; i++)
        if (strcmp(kinds[i].shape, shape) == 0) {
            free(shape);
            return ++kinds[i].count <= warn_limit;
        }
    ALLOC_GROW(kinds, nkinds + 1, capkinds);
    kinds[nkinds++] = (warn_kind){ shape, xstrdup(message), 1 };
    return true;
}

void io_warn_summary(void)
{
    for (size_t i = 0; i < nkinds; i++) {
        if (kinds[i].count > warn_limit && !warn_quiet)
            fprintf(stderr, "%s: warning: %zu warnings in all like \"%s\"; %zu of them not shown\n", io_progname,
                    kinds[i].count, kinds[i].first, kinds[i].count - warn_limit);
        free(kinds[i].shape);
        free(kinds[i].first);
    }
    free(kinds);
    kinds = NULL;
    nkinds = capkinds = 0;
}

static void io_vsay(report_kind kind, const char *file, const char *fmt, va_list ap)
{
    if (kind == REPORT_WARNING) {
        if (warn_quiet)
            return;
        if (warn_limit) {
            va_list copy;
            va_copy(copy, ap);
            int n = vsnprintf(NULL, 0, fmt, copy);
            va_end(copy);
            char *message = xmalloc(n > 0 ? (size_t)n + 1 : 1);
            vsnprintf(message, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
            if (warn_counted(message))
                fprintf(stderr, "%s: warning: %s%s%s\n", io_progname, file ? file : "", file ? ": " : "", message);
            free(message);
            return;
        }
    }
    fprintf(stderr, "%s: %s", io_progname, kind == REPORT_WARNING ? "warning: " : "");
    if (file)
        fprintf(stderr, "%s: ", file);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

static void io_print(report_kind kind, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    io_vsay(kind, file, fmt, ap);
    va_end(ap);
}

static void io_say(void *ctx, report_kind kind, const char *file, const char *message)
{
    (void)ctx;
    io_print(kind, file, "%s", message);
}

const reporter io_reporter = { io_say, NULL };

void io_error(const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    io_vsay(REPORT_ERROR, file, fmt, ap);
    va_end(ap);
}

void io_warn(const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    io_vsay(REPORT_WARNING, file, fmt, ap);
    va_end(ap);
}

int io_read_all(const char *path, buf_t *out)
{
    buf_t why;
    buf_init(&why);
    int rc = io_read_file(path, out, &why);
    if (rc != 0)
        io_error(io_name(path), "%s", why.data);
    buf_free(&why);
    return rc;
}

int io_parse_article(const char *data, size_t len, const char *name, article *a)
{
    buf_t why;
    buf_init(&why);
    int rc = article_parse(data, len, a, &why);
    if (rc != 0)
        io_error(name, "%s", why.data);
    buf_free(&why);
    return rc;
}

int io_read_article(const char *path, article *a)
{
    buf_t src;
    buf_init(&src);
    int rc = io_read_all(path, &src);
    if (rc == 0)
        rc = io_parse_article(src.data, src.len, io_name(path), a);
    buf_free(&src);
    return rc;
}

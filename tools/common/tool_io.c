#include "common/tool_io.h"
#include "util/io.h"

#include <stdarg.h>
#include <stdio.h>

const char *io_progname = "folio";

static void io_vsay(report_kind kind, const char *file, const char *fmt, va_list ap)
{
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

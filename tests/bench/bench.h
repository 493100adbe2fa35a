/* What every bench program needs: a monotonic clock in milliseconds, an
 * order for sorting timings to read medians off them, and its input files
 * read whole. */
#ifndef FOLIO_BENCH_H
#define FOLIO_BENCH_H
#include "util/io.h"
#include <stdio.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* A reporter (util/report.h) that says everything on standard error, CTX
 * being the program's name. */
__attribute__((unused)) static void bench_say(void *ctx, report_kind kind, const char *file, const char *message)
{
    fprintf(stderr, "%s: %s%s%s%s\n", (const char *)ctx, kind == REPORT_WARNING ? "warning: " : "",
            file ? file : "", file ? ": " : "", message);
}

/* PATH into OUT; on failure say why on standard error and return -1. */
__attribute__((unused)) static int bench_read(const char *prog, const char *path, buf_t *out)
{
    buf_t why;
    buf_init(&why);
    int rc = io_read_file(path, out, &why);
    if (rc != 0)
        fprintf(stderr, "%s: %s: %s\n", prog, path, why.data);
    buf_free(&why);
    return rc;
}

#endif

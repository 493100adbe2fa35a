#include "util/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static void report_v(const reporter *r, report_kind kind, const char *file, const char *fmt, va_list ap)
{
    if (!r || !r->say)
        return;
    char small[512];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    /* A message too long for SMALL (a long path or URL in it) gets room of
     * its own; without that room it is said cut short rather than not. */
    char *big = n >= (int)sizeof small ? malloc((size_t)n + 1) : NULL;
    if (big)
        vsnprintf(big, (size_t)n + 1, fmt, again);
    va_end(again);
    r->say(r->ctx, kind, file, big ? big : n < 0 ? "" : small);
    free(big);
}

void report_error(const reporter *r, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_v(r, REPORT_ERROR, file, fmt, ap);
    va_end(ap);
}

void report_warning(const reporter *r, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report_v(r, REPORT_WARNING, file, fmt, ap);
    va_end(ap);
}

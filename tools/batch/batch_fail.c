/* failures.tsv: one line per page or input that could not be converted. */
#include "batch/batch.h"
#include "util/io.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

static char *fail_field(const char *s)
{
    char *v = xstrdup(s ? s : "");
    /* one failure, one line: the columns must survive any message */
    for (char *p = v; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
            *p = ' ';
    return v;
}

void batch_fail(batch_failures *f, const char *input, long ordinal, const char *record,
                const char *stage, const char *error)
{
    ALLOC_GROW(f->v, f->n + 1, f->cap);
    batch_failure *x = &f->v[f->n++];
    x->input = fail_field(input);
    x->record = fail_field(record);
    x->stage = fail_field(stage);
    x->error = fail_field(error);
    x->ordinal = ordinal;
}

/* Sorts pointers into the list: equal keys (refusals before the same page)
 * keep the order they were found in, whatever qsort does with ties. */
static int fail_cmp(const void *a, const void *b)
{
    const batch_failure *x = *(const batch_failure *const *)a, *y = *(const batch_failure *const *)b;
    int c = strcmp(x->input, y->input);
    if (c)
        return c;
    if (x->ordinal != y->ordinal)
        return (x->ordinal > y->ordinal) - (x->ordinal < y->ordinal);
    return (x > y) - (x < y);
}

int batch_failures_write(batch_failures *f, const char *path)
{
    const batch_failure **order = xcalloc(f->n, sizeof *order);
    for (size_t i = 0; i < f->n; i++)
        order[i] = &f->v[i];
    if (f->n)
        qsort(order, f->n, sizeof *order, fail_cmp);
    buf_t out;
    buf_init(&out);
    buf_puts(&out, "input\trecord\tstage\terror\n");
    for (size_t i = 0; i < f->n; i++)
        buf_printf(&out, "%s\t%s\t%s\t%s\n", order[i]->input, order[i]->record, order[i]->stage,
                   order[i]->error);
    free(order);
    int rc = io_write_atomic(path, out.data, out.len, NULL, &io_reporter);
    buf_free(&out);
    return rc;
}

void batch_failures_free(batch_failures *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].input);
        free(f->v[i].record);
        free(f->v[i].stage);
        free(f->v[i].error);
    }
    free(f->v);
    memset(f, 0, sizeof *f);
}

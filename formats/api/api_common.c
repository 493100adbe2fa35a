/* The parts of libfolio's interface that every stage shares: errors, byte
 * hand-over, version, shutdown. */
#include "util/alloc.h"
#include "api/api.h"
#include "pdf/pdf.h"

#include <stdlib.h>
#include <string.h>

int api_fail(folio_error *err, int code, const char *message)
{
    if (err) {
        free(err->message);
        err->code = code;
        err->message = xstrdup(message);
    }
    return -1;
}

int api_fail_why(folio_error *err, int code, const buf_t *why, const char *fallback)
{
    return api_fail(err, code, why->len ? why->data : fallback);
}

static void api_say(void *ctx, report_kind kind, const char *file, const char *message)
{
    api_report *a = ctx;
    if (kind != REPORT_ERROR)
        return;
    buf_reset(&a->last);
    if (file)
        buf_printf(&a->last, "%s: ", file);
    buf_puts(&a->last, message);
}

void api_report_init(api_report *a)
{
    a->r = (reporter){ api_say, a };
    buf_init(&a->last);
}

void api_report_begin(api_report *a)
{
    buf_reset(&a->last);
}

void api_report_free(api_report *a)
{
    buf_free(&a->last);
}

int api_fail_reported(folio_error *err, int code, const api_report *a, const char *fallback)
{
    return api_fail_why(err, code, &a->last, fallback);
}

int api_hand_over(int rc, buf_t *b, folio_bytes *out, folio_error *err, const char *message)
{
    if (rc != 0) {
        api_fail(err, FOLIO_ERR_INPUT, message);
    } else {
        out->len = b->len;
        out->data = b->data ? buf_detach(b) : xcalloc(1, 1);
    }
    buf_free(b);
    return rc;
}

void folio_error_clear(folio_error *e)
{
    if (!e)
        return;
    free(e->message);
    e->message = NULL;
    e->code = FOLIO_OK;
}

void folio_bytes_free(folio_bytes *b)
{
    if (!b)
        return;
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

const char *folio_version(void)
{
    return FOLIO_VERSION;
}

void folio_shutdown(void)
{
    pdf_shutdown();
}

/* The parts of libfolio's interface that every stage shares: errors, byte
 * hand-over, version, shutdown. */
#include "api/api.h"
#include "pdf/pdf.h"

#include <stdlib.h>
#include <string.h>

int api_fail(folio_error *err, int code, const char *message)
{
    if (err) {
        free(err->message);
        err->code = code;
        err->message = strdup(message);
    }
    return -1;
}

int api_fail_why(folio_error *err, int code, const buf_t *why, const char *fallback)
{
    return api_fail(err, code, why->len ? why->data : fallback);
}

int api_hand_over(int rc, buf_t *b, folio_bytes *out, folio_error *err, const char *message)
{
    if (rc != 0) {
        api_fail(err, FOLIO_ERR_INPUT, message);
    } else {
        out->len = b->len;
        out->data = b->data ? buf_detach(b) : calloc(1, 1);
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

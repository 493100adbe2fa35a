/* libfolio's reading side: captures as a stream of pages
 * (capture/capture.c) and a page's bytes decoded (charset/). */
#include "util/alloc.h"
#include "api/api.h"
#include "capture/capture.h"
#include "charset/charset.h"
#include "folio/capture.h"

#include <stdlib.h>

folio_capture *folio_capture_open(const char *path, folio_error *err)
{
    folio_capture *fc = xcalloc(1, sizeof *fc);
    buf_t why;
    buf_init(&why);
    if (!fc)
        api_fail(err, FOLIO_ERR_INPUT, "out of memory");
    else if (!(fc->c = capture_open(path, &why))) {
        api_fail_why(err, FOLIO_ERR_INPUT, &why, "cannot be read");
        free(fc);
        fc = NULL;
    }
    buf_free(&why);
    return fc;
}

int folio_capture_next(folio_capture *fc, folio_page *page, folio_error *err)
{
    capture_page p = { 0 };
    buf_t why;
    buf_init(&why);
    int rc = capture_next(fc->c, &p, &why);
    if (rc < 0)
        api_fail_why(err, FOLIO_ERR_INPUT, &why, "a record could not be read");
    buf_free(&why);
    *page = (folio_page){ p.record, p.url, p.charset, p.data, p.len };
    return rc;
}

void folio_capture_close(folio_capture *fc)
{
    if (!fc)
        return;
    capture_close(fc->c);
    free(fc);
}

int folio_decode(const void *data, size_t len, const char *declared, folio_bytes *out,
                 const char **charset, folio_error *err)
{
    charset_how how;
    const char *name = charset_sniff_declared(data, len, declared, &how);
    buf_t utf8;
    buf_init(&utf8);
    int rc = charset_to_utf8(data, len, name, &utf8) < 0 ? -1 : 0;
    if (rc == 0 && charset)
        *charset = name;
    return api_hand_over(rc, &utf8, out, err, "a charset this system's iconv does not know");
}

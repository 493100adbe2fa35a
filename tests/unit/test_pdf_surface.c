#define _GNU_SOURCE   /* memmem */
/* Unit tests for closing cairo's PDF surface: a surface whose page failed
 * after a named destination was drawn on it makes cairo 1.16 abort in
 * cairo_surface_finish; pdf_surface_close keeps it instead and says why. */
#include "pdf/pdf.h"
#include "pdf/pdf_surface.h"
#include "util/buf.h"

#include <cairo-pdf.h>
#include <string.h>

#include "unit.h"

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    buf_add(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* Two pages; on the second a destination, then (when BREAK) a tag ended
 * that was never begun, which fails the page when it is shown. */
static cairo_surface_t *two_pages(buf_t *out, bool broken)
{
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, out, 200, 200);
    cairo_t *cr = cairo_create(s);
    cairo_rectangle(cr, 10, 10, 20, 20);
    cairo_fill(cr);
    cairo_show_page(cr);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='here'");
    cairo_tag_end(cr, CAIRO_TAG_DEST);
    if (broken)
        cairo_tag_end(cr, "P");
    cairo_rectangle(cr, 10, 10, 20, 20);
    cairo_fill(cr);
    cairo_show_page(cr);
    cairo_destroy(cr);
    return s;
}

int main(void)
{
    buf_t good, bad;
    buf_init(&good);
    buf_init(&bad);

    OK("a sound surface is finished", pdf_surface_close(two_pages(&good, false)) == CAIRO_STATUS_SUCCESS);
    OK("its PDF is complete", good.len > 8 && memmem(good.data, good.len, "%%EOF", 5) != NULL);
    OK("nothing kept", !pdf_surface_any_kept());

    /* finishing this one aborts the process in cairo 1.16 */
    cairo_status_t status = pdf_surface_close(two_pages(&bad, true));
    OK("a failed page's surface returns its error", status == CAIRO_STATUS_TAG_ERROR);
    OK("and is kept, unfinished", pdf_surface_any_kept());
    OK("no PDF is written for it", memmem(bad.data ? bad.data : "", bad.len, "%%EOF", 5) == NULL);

    pdf_shutdown();   /* must not reset cairo's data under the kept surface */
    buf_free(&good);
    buf_free(&bad);
    printf("test_pdf_surface: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

#include "pdf/pdf_surface.h"

/* Surfaces kept unfinished, reachable so that leak checkers know they are
 * kept on purpose; past the last slot they are simply not released. */
#define KEPT_MAX 16
static cairo_surface_t *kept[KEPT_MAX];
static int n_kept;

cairo_status_t pdf_surface_close(cairo_surface_t *s)
{
    cairo_status_t status = cairo_surface_status(s);
    if (status != CAIRO_STATUS_SUCCESS) {
        if (n_kept < KEPT_MAX)
            kept[n_kept] = s;
        n_kept++;
        return status;
    }
    cairo_surface_finish(s);
    status = cairo_surface_status(s);
    cairo_surface_destroy(s);
    return status;
}

bool pdf_surface_any_kept(void)
{
    return n_kept > 0;
}

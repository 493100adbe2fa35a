/* Page geometry and type sizes of a style (book, gbt9704), all in points. */
#ifndef FOLIO_PDF_STYLE_H
#define FOLIO_PDF_STYLE_H
#include "util/report.h"
#include <stdbool.h>

typedef struct {
    const char *name;
    double page_w, page_h;
    double top, right, bottom, left;   /* margins */
    double body_pt, pitch;             /* body size and baseline-to-baseline step */
    double h1_pt, h2_pt, h3_pt, small_pt;
    int    body_role, h1_role, h2_role, h3_role, quote_role;
    bool   h1_bold;                    /* heavy Song title for gbt9704 */
    bool   h2_centred;
    bool   heading_indent;             /* gbt9704 indents h2/h3 two em */
    bool   running_heads;
    bool   grid;                       /* every line on the body pitch: no half-line spaces */
    bool   folio_outside;              /* "— 1 —", odd right, even left */
    double folio_pt, folio_drop;       /* page number size; baseline below the type area */
    bool   continued_label;            /* 续表 over a table's rows on a later page */
    double signature_in;               /* ems between the 落款 and the right edge */
    bool   source_line;                /* 来源 and date under each article's title */
} pdf_style;

#define PDF_MM (72.0 / 25.4)

/* Fill ST for NAME, then apply the --paper and --margins overrides (either
 * may be NULL). Returns 0, or -1 after reporting to R which value is wrong. */
int pdf_style_get(const char *name, const char *paper, const char *margins, pdf_style *st,
                  const reporter *r);

#endif

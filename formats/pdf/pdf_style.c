#include "pdf/pdf_style.h"
#include "pdf/pdf.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* 16开 (185 x 260 mm) is the common trim for Chinese compilations; the body
 * of 10.5 pt (五号) Song on a 1.75 pitch is what such books use. */
static const pdf_style book_style = {
    "book", 185 * PDF_MM, 260 * PDF_MM,
    22 * PDF_MM, 20 * PDF_MM, 22 * PDF_MM, 22 * PDF_MM,
    10.5, 18.375,
    18, 13, 11, 9,
    PDF_ROLE_SERIF, PDF_ROLE_SANS, PDF_ROLE_SANS, PDF_ROLE_SANS, PDF_ROLE_KAI,
    false, false, false, true, false, false, 9, 10 * PDF_MM, true, 0, true,
};

/* GB/T 9704-2012: A4, top 37 mm, left 28 mm, type area 156 x 225 mm holding
 * 22 lines of 28 characters of 3号 (16 pt; 15.75 in the standard's sums). */
static const pdf_style gbt9704_style = {
    "gbt9704", 210 * PDF_MM, 297 * PDF_MM,
    37 * PDF_MM, (210 - 28 - 156) * PDF_MM, (297 - 37 - 225) * PDF_MM, 28 * PDF_MM,
    15.75, 225 * PDF_MM / 22,
    22, 15.75, 15.75, 14,
    PDF_ROLE_FANGSONG, PDF_ROLE_TITLE, PDF_ROLE_SANS, PDF_ROLE_KAI, PDF_ROLE_KAI,
    true, false, true, false, true, true, 14, 7 * PDF_MM, false, 2, false,
};

static int paper_size(const char *paper, double *w, double *h)
{
    static const struct { const char *name; double w, h; } sizes[] = {
        { "a4", 210, 297 }, { "a5", 148, 210 }, { "b5", 176, 250 },
        { "16k", 185, 260 }, { "32k", 130, 184 }, { "letter", 215.9, 279.4 },
    };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
        if (strcasecmp(paper, sizes[i].name) == 0) {
            *w = sizes[i].w * PDF_MM;
            *h = sizes[i].h * PDF_MM;
            return 0;
        }
    double a, b;
    char unit[3] = "";
    if (sscanf(paper, "%lfx%lf%2s", &a, &b, unit) >= 2 && a > 50 && b > 50 && a < 2000 && b < 2000 &&
        (!*unit || strcmp(unit, "mm") == 0)) {
        *w = a * PDF_MM;
        *h = b * PDF_MM;
        return 0;
    }
    return -1;
}

/* "20" or "20mm" for all four, or "T,R,B,L" in mm. */
static int margin_list(const char *spec, pdf_style *st)
{
    double m[4];
    int n = sscanf(spec, "%lf,%lf,%lf,%lf", &m[0], &m[1], &m[2], &m[3]);
    if (n == 1)
        m[1] = m[2] = m[3] = m[0];
    else if (n != 4)
        return -1;
    for (int i = 0; i < 4; i++)
        if (m[i] < 0 || m[i] > 200)
            return -1;
    st->top = m[0] * PDF_MM;
    st->right = m[1] * PDF_MM;
    st->bottom = m[2] * PDF_MM;
    st->left = m[3] * PDF_MM;
    return 0;
}

int pdf_style_get(const char *name, const char *paper, const char *margins, pdf_style *st,
                  const reporter *r)
{
    if (!name || strcmp(name, "book") == 0)
        *st = book_style;
    else if (strcmp(name, "gbt9704") == 0)
        *st = gbt9704_style;
    else {
        report_error(r, NULL, "unknown style '%s' (book, gbt9704)", name);
        return -1;
    }
    if (paper && paper_size(paper, &st->page_w, &st->page_h) != 0) {
        report_error(r, NULL, "bad --paper '%s' (a4, a5, b5, 16k, 32k, letter or WxHmm)", paper);
        return -1;
    }
    if (margins && margin_list(margins, st) != 0) {
        report_error(r, NULL, "bad --margins '%s' (MM or T,R,B,L in mm)", margins);
        return -1;
    }
    if (st->page_w - st->left - st->right < 6 * st->body_pt ||
        st->page_h - st->top - st->bottom < 6 * st->pitch) {
        report_error(r, NULL, "the margins leave no room for text");
        return -1;
    }
    return 0;
}

/* libfolio, PDF: one or many clean articles typeset as one tagged PDF with
 * pango and cairo, as Chinese print (Song body, kinsoku, punctuation
 * compression), in a book style or on the GB/T 9704 grid. */
#ifndef FOLIO_PUBLIC_PDF_H
#define FOLIO_PUBLIC_PDF_H
#include <folio/article.h>
#include <folio/common.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct folio_pdf folio_pdf;

/* The font roles a style sets text in. */
enum folio_font_role {
    FOLIO_FONT_SERIF, FOLIO_FONT_SANS, FOLIO_FONT_KAI, FOLIO_FONT_FANGSONG, FOLIO_FONT_MONO,
    FOLIO_FONT_ROLES
};

/* Every field may be left zero. The strings are copied. */
typedef struct {
    const char *style;       /* "book" (the default) or "gbt9704" */
    const char *paper;       /* "a4", "a5", "b5", "16k" or "WxHmm" */
    const char *margins;     /* "T,R,B,Lmm", or one figure for all four */
    const char *title, *subtitle, *publisher, *date;   /* a title page */
    bool toc;                /* a contents page with page numbers */
    bool recto;              /* each article starts on an odd page */
    bool no_cjk_latin_space; /* no quarter em between Han and Latin text */
    const char *fonts[FOLIO_FONT_ROLES];   /* a family for a role, or NULL */
    const char *fonts_conf;  /* the folio-fonts.conf to load; NULL searches */
    bool has_epoch;          /* when true, the file's dates are EPOCH, */
    long long epoch;         /*   else the articles' */
    bool no_source_line;     /* no 来源 · date line under each article's title */
} folio_pdf_options;

/* A new, empty book. NULL with FOLIO_ERR_USAGE for a style, paper or
 * margins that are not known. */
FOLIO_API folio_pdf *folio_pdf_new(const folio_pdf_options *opt, folio_error *err);

/* A as the book's next article (the book keeps its own copy). */
FOLIO_API int folio_pdf_add(folio_pdf *b, const folio_article *a, folio_error *err);

/* Typeset every article added, in order, into OUT. Returns 0, or -1 with
 * ERR set. It runs in the calling process: when cairo aborts on an
 * assertion, so does the caller (the folio-pdf tool sets the book in a
 * child process for that reason). */
FOLIO_API int folio_pdf_write(folio_pdf *b, folio_bytes *out, folio_error *err);

FOLIO_API void folio_pdf_free(folio_pdf *b);

#ifdef __cplusplus
}
#endif
#endif

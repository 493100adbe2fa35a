/* The last word on a finished PDF: cairo's bytes are read back through
 * their cross-reference table and an incremental update is appended that
 * gives the catalog what cairo 1.16 cannot write (/Lang, /MarkInfo,
 * /ViewerPreferences) and frees any xref entry that points at no object, as
 * cairo leaves one when a document's only tags are links. */
#ifndef FOLIO_PDF_XREF_H
#define FOLIO_PDF_XREF_H
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    size_t offset;   /* where "N G obj" starts */
    int    gen;
    bool   used;     /* 'n', not 'f' */
} pdf_xref_entry;

typedef struct {
    pdf_xref_entry *entries;   /* indexed by object number */
    size_t count;              /* the trailer's /Size */
    size_t startxref;          /* offset of the section read */
    long   root, info;         /* object numbers, or -1 */
    char   id[160];            /* the trailer's /ID array as written, or "" */
} pdf_xref;

/* Read the last cross-reference section (a classic table, as cairo writes)
 * and its trailer. Returns 0, or -1 with *WHY saying what is wrong. */
int  pdf_xref_read(const char *pdf, size_t len, pdf_xref *x, const char **why);
void pdf_xref_free(pdf_xref *x);

/* True when entry N is in use and its offset holds "N G obj". */
bool pdf_xref_entry_ok(const char *pdf, size_t len, const pdf_xref *x, size_t n);

/* Append the update: the catalog again with /Lang LANG (a BCP 47 tag; an
 * unusable one becomes zh-Hans), /MarkInfo when it has a structure tree,
 * and /ViewerPreferences showing the title; every dangling entry freed.
 * Keys the catalog already has are kept as they are. Returns 0, or -1 with
 * *WHY set and PDF unchanged. */
int  pdf_xref_update_catalog(buf_t *pdf, const char *lang, const char **why);

#endif

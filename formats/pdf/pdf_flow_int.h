/* What the flow's modules share: how a run of text is set. */
#ifndef FOLIO_PDF_FLOW_INT_H
#define FOLIO_PDF_FLOW_INT_H
#include "pdf/pdf_flow.h"

#include <pango/pango.h>

typedef struct {
    int role;
    double pt, pitch, indent, space;
    bool bold;
    PangoAlignment align;
    bool justify;
    const char *tag;   /* its structure element */
} para_style;

/* The body text's style in the frame F. */
para_style pdf_flow_body_style(const pdf_doc *d, pdf_frame f);
/* A heading of LEVEL (1-6), or the article's TITLE, set in F. */
void pdf_heading_set(pdf_doc *d, xmlNodePtr n, int level, pdf_frame f, bool title);

#endif

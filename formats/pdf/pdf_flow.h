/* The article's blocks onto pages: headings, paragraphs, lists, quotes,
 * code, rules; tables and images through their own modules. */
#ifndef FOLIO_PDF_FLOW_H
#define FOLIO_PDF_FLOW_H
#include "article/article.h"
#include "pdf/pdf_doc.h"

typedef struct {
    double x, width;   /* the column blocks are set in */
    int    role;       /* body face here (Kai inside a blockquote) */
    int    depth;      /* list nesting */
    double keep;       /* points that must follow the block's last line on
                          its page (what it introduces, a 落款, a last line) */
    bool   at_end;     /* the blocks set here end the article */
} pdf_frame;

/* One article from a new page (an odd one with RECTO). */
void pdf_flow_article(pdf_doc *d, const article *a, bool recto);
void pdf_flow_blocks(pdf_doc *d, xmlNodePtr parent, pdf_frame f);
/* The text of NODE on one line, for bookmarks and the contents. */
char *pdf_flow_plain(xmlNodePtr node);

void pdf_table_set(pdf_doc *d, xmlNodePtr table, pdf_frame f);
void pdf_image_set(pdf_doc *d, xmlNodePtr img, pdf_frame f);

#endif

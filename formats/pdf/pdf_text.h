/* A run of styled text (one paragraph, heading, cell or caption) gathered
 * from the article's inline elements, with the clreq adjustments that must
 * be in place before pango breaks it into lines. */
#ifndef FOLIO_PDF_TEXT_H
#define FOLIO_PDF_TEXT_H
#include "util/buf.h"
#include "pdf/pdf_fonts.h"
#include "pdf/pdf_deco.h"
#include "pdf/pdf_link.h"
#include <libxml/tree.h>

typedef struct {
    buf_t text;
    PangoAttrList *attrs;
    const pdf_fonts *fonts;
    int    role;
    double pt;
    bool   bold;
    bool   cjk_latin_space;   /* 1/4 em between Han and Latin or digits */
    bool   keep_spaces;       /* pre: white space as written */
    bool   cjk_spaces;        /* a space between Chinese characters stays
                                 (a headline's parts), else it goes */
    bool   space_pending;     /* collapsed white space not yet written */
    size_t word_at;           /* where the ASCII word being written began */
    bool   word_url;          /* and that it is a web address (pdf_text.c) */
    int    unbroken;          /* characters written since the last place
                                 a line may break */
    pdf_link *links;          /* <a href> met, handed to the layout */
    size_t nlinks, caplinks;
    pdf_deco *decos;          /* underlines and strike-throughs, the same */
    size_t ndecos, capdecos;
    int    pictures;          /* <img> met inside the text, set as alt text */
} pdf_text;

void pdf_text_init(pdf_text *t, const pdf_fonts *fonts, int role, double pt, bool bold);
void pdf_text_free(pdf_text *t);
/* Append plain text (white space collapsed unless keep_spaces). */
void pdf_text_add(pdf_text *t, const char *s);
/* Append the inline content of every child of NODE. */
void pdf_text_inline(pdf_text *t, xmlNodePtr node);
/* Append the nodes from FIRST up to STOP (NULL: to the last sibling). */
void pdf_text_nodes(pdf_text *t, xmlNodePtr first, xmlNodePtr stop);
/* Append one inline node (text or element) and what it holds. */
void pdf_text_node(pdf_text *t, xmlNodePtr n);
/* Append the content of NODE with each block on a line of its own and
 * each list item after its marker: a table cell's paragraphs and lists. */
void pdf_text_blocks(pdf_text *t, xmlNodePtr node);
/* A layout of the text WIDTH points wide: the base font, zh-Hans, line-break
 * tailoring, punctuation compression, then pango's line breaking. INDENT is
 * pango's first-line indent in points. Hands back a layout the caller
 * unrefs; T may be freed afterwards. */
PangoLayout *pdf_text_layout(pdf_text *t, double width, double indent, PangoAlignment align);
/* True when nothing but white space was added. */
bool pdf_text_blank(const pdf_text *t);

#endif

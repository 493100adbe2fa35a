/* The article subset (DESIGN.md): the XHTML elements a clean article may
 * hold, the attributes each keeps, and the classes that mean something to
 * the writers. One table for every reader and writer: article_parse
 * refuses an article with an element outside it, so that folio-md,
 * folio-pdf, folio-epub and folio-zhpunct accept and refuse the same
 * inputs, and a writer asks the table rather than keep a list of its own. */
#ifndef FOLIO_ARTICLE_SUBSET_H
#define FOLIO_ARTICLE_SUBSET_H
#include <libxml/tree.h>
#include <stdbool.h>

typedef enum {
    ARTICLE_EL_NONE,   /* not an element of the subset */
    ARTICLE_EL_ARTICLE,
    ARTICLE_EL_H1, ARTICLE_EL_H2, ARTICLE_EL_H3, ARTICLE_EL_H4, ARTICLE_EL_H5, ARTICLE_EL_H6,
    ARTICLE_EL_P, ARTICLE_EL_BLOCKQUOTE, ARTICLE_EL_PRE, ARTICLE_EL_HR,
    ARTICLE_EL_UL, ARTICLE_EL_OL, ARTICLE_EL_LI, ARTICLE_EL_DL, ARTICLE_EL_DT, ARTICLE_EL_DD,
    ARTICLE_EL_TABLE, ARTICLE_EL_CAPTION, ARTICLE_EL_THEAD, ARTICLE_EL_TBODY, ARTICLE_EL_TFOOT,
    ARTICLE_EL_TR, ARTICLE_EL_TH, ARTICLE_EL_TD,
    ARTICLE_EL_FIGURE, ARTICLE_EL_FIGCAPTION, ARTICLE_EL_IMG,
    ARTICLE_EL_BR, ARTICLE_EL_A, ARTICLE_EL_EM, ARTICLE_EL_STRONG, ARTICLE_EL_CODE,
    ARTICLE_EL_SUB, ARTICLE_EL_SUP, ARTICLE_EL_S, ARTICLE_EL_U,
    ARTICLE_EL_RUBY, ARTICLE_EL_RT, ARTICLE_EL_RP, ARTICLE_EL_SPAN,
    ARTICLE_EL_COUNT
} article_el;

/* How an element sits in the text. */
typedef enum {
    ARTICLE_INLINE,   /* inside a line: em, a, img, br... */
    ARTICLE_BLOCK,    /* a block of its own wherever it stands: p, h1, ul, table... */
    ARTICLE_PART      /* a block that is part of its container: li, td, caption... */
} article_kind;

/* The classes a writer sets apart. Other classes are kept and mean nothing. */
typedef enum {
    ARTICLE_CLASS_SIGNATURE,    /* <p>: the issuer and date under a notice, set flush right */
    ARTICLE_CLASS_DOCMETA,      /* <table>: the record of a public document (索引号, 发文字号...) */
    ARTICLE_CLASS_ATTACHMENTS   /* <ul>: the list of attached files */
} article_class;

/* The element N is in the subset (an XHTML element of the table), or
 * ARTICLE_EL_NONE. */
article_el article_el_of(const xmlNode *n);
const char *article_el_name(article_el e);
article_kind article_el_kind(article_el e);
/* Whether E keeps the attribute NAME (not in a namespace): class and lang
 * on every element, and those the subset lists for E (href on a, src and
 * alt on img, colspan and rowspan on cells, start, reversed and type on
 * ol, value on li). */
bool article_el_keeps(article_el e, const char *name);

/* Whether N is an element of the subset that blocks the inline flow
 * (ARTICLE_BLOCK, or ARTICLE_PART too when PARTS). */
bool article_is_block(const xmlNode *n, bool parts);

/* Whether N's class attribute holds C among its words. */
bool article_has_class(const xmlNode *n, article_class c);
const char *article_class_name(article_class c);

/* The first element below N (in document order) outside the subset, or
 * NULL. */
xmlNode *article_outside_subset(const xmlNode *n);

#endif

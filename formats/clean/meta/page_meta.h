/* Reading an article's metadata off a captured page: title, date, 来源,
 * 作者, 原文链接 and the captured URL. */
#ifndef FOLIO_PAGE_META_H
#define FOLIO_PAGE_META_H
#include "article/article.h"
#include <libxml/HTMLparser.h>

/* Where on the page the metadata was found, so that the extractor can use
 * the title's position and drop the info line from the body. */
typedef struct {
    xmlNodePtr title_node;  /* the element showing the title (h1, div.title…), or NULL */
    xmlNodePtr info_node;   /* the smallest element holding the 时间/来源/作者 line, or NULL */
    xmlNodePtr source_node; /* the element holding the 原文链接 line, or NULL */
} page_meta_nodes;

/* Fill M (fields left NULL when unknown) from DOC, a page parsed by
 * page_parse_utf8. NODES may be NULL. Dates are YYYY-MM-DD, never in the
 * future (relative to NOW, seconds since the epoch; 0 means the clock). */
void page_meta_extract(htmlDocPtr doc, article_meta *m, page_meta_nodes *nodes, long long now);

/* Pieces the extractor also needs. */
/* Find a date in TEXT; write YYYY-MM-DD into OUT[11] and return 1, or 0. */
int page_meta_find_date(const char *text, char out[11], long long now);

#endif

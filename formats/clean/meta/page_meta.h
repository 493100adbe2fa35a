/* Reading an article's metadata off a captured page: title, date, 来源,
 * 作者, 原文链接, the captured URL and the language. */
#ifndef FOLIO_PAGE_META_H
#define FOLIO_PAGE_META_H
#include "article/article.h"
#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stdio.h>

/* Where on the page the metadata was found, so that the extractor can use
 * the title's position and drop the info line from the body. */
typedef struct {
    xmlNodePtr title_node;  /* the element showing the title (h1, div.title…), or NULL */
    xmlNodePtr info_node;   /* the smallest element holding the 时间/来源/作者 line, or NULL */
    xmlNodePtr source_node; /* the element holding the 原文链接 line, or NULL */
    /* The title no element shows and that may only name the site (or is
     * the <title> as it stands): the article's own first heading, when it
     * has one, is the better title. */
    bool title_weak;
} page_meta_nodes;

/* Fill M (fields left NULL when unknown) from DOC, a page parsed by
 * page_parse_utf8. NODES may be NULL. Dates are YYYY-MM-DD, never in the
 * future (relative to NOW, seconds since the epoch; 0 means the clock).
 * A title or an author that is none (a breadcrumb, the site's name, the
 * software that made the page) is left out, and EXPLAIN (when not NULL)
 * is told why. */
void page_meta_extract(htmlDocPtr doc, article_meta *m, page_meta_nodes *nodes, long long now,
                       FILE *explain);

/* Find a date in TEXT; write YYYY-MM-DD into OUT[11] and return 1, or 0. */
int page_meta_find_date(const char *text, char out[11], long long now);

/* Is TEXT (a line of the body, as page_text gives it) a line of metadata
 * and nothing else: labelled 来源, 作者 and editors' fields ("本文来源：人民网
 * 责任编辑：张三", "（来源：新华社）")? When it is, its 来源 goes into M's
 * publisher and its 作者 into M's creator where M has none (an editor, 责任
 * 编辑 or 编辑, never becomes the creator), and the caller may drop the line
 * from the body. A line that opens with such fields and goes on gives M
 * those fields all the same, and is no such line. M may be NULL, to ask
 * only. */
bool page_meta_body_line(const char *text, article_meta *m);

/* The names a Chinese article closes with in brackets ("……。（张三 李四）",
 * a right-set "（袁源）") into M's creator, when M has none and TEXT, the
 * article's last paragraph, ends so: one to three names of two to four Han
 * characters and nothing else in the brackets. True when it took them. */
bool page_meta_closing_byline(const char *text, article_meta *m);

/* What clean_page falls back on once site rules had their say: */

/* M's title, when it has none, from the page's first <title> element as
 * it stands (then weak in NODES, which may be NULL): an article always has
 * an h1. */
void page_meta_title_fallback(htmlDocPtr doc, article_meta *m, page_meta_nodes *nodes);

/* Browsers mark a saved page with <!-- saved from url=(0051)http://… -->:
 * where it was captured, when the page names no canonical URL itself. The
 * address from the first bytes of S (LEN of them), malloc'ed, or NULL. */
char *page_meta_saved_from(const char *s, size_t len);

/* M's lang from the article's BODY when the page said none, or said a
 * language of another script than the text's (a template's lang="en" over
 * Chinese): zh-CN for text mostly in CJK characters (zh-TW when CHARSET is
 * Big5, ja with kana, ko in hangul), else en. */
void page_meta_lang_fallback(article_meta *m, xmlNodePtr body, const char *charset);

#endif

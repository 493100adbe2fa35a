/* The clean article: the one contract between folio's filters (DESIGN.md).
 * In memory it is a libxml2 tree whose <article> element holds the body in
 * the article subset, plus the metadata that the <head> carries. */
#ifndef FOLIO_ARTICLE_H
#define FOLIO_ARTICLE_H
#include "util/buf.h"
#include <libxml/tree.h>

typedef struct {
    char *title;       /* <title>; also the first h1 */
    char *date;        /* dcterms.date, YYYY-MM-DD (or YYYY-MM-DDTHH:MM) */
    char *publisher;   /* dcterms.publisher: 来源 */
    char *creator;     /* dcterms.creator: 作者 */
    char *source;      /* dcterms.source: the 原文链接 */
    char *url;         /* <link rel="canonical">: where the page was captured */
    char *lang;        /* BCP 47, "zh-CN" when unknown and the text is Chinese */
    char *identifier;  /* dcterms.identifier: 发文字号 */
    char *subject;     /* dcterms.subject: 主题分类 */
    char *next;        /* <link rel="next">: the page the article continues on */
} article_meta;

typedef struct {
    xmlDocPtr   doc;   /* owns body */
    xmlNodePtr  body;  /* the <article> element */
    article_meta meta;
} article;

/* Replace *field with a copy of VALUE (NULL or "" clears it). */
void article_meta_set(char **field, const char *value);
void article_meta_free(article_meta *m);

/* Parse clean XHTML as written by folio-clean (or edited by hand). Returns
 * 0, or -1 with why it is not a clean article in WHY: not XHTML, no body,
 * an empty article, or an element outside the article subset
 * (article/article_subset.h). */
int  article_parse(const char *data, size_t len, article *a, buf_t *why);
void article_free(article *a);

/* Serialise META and the <article> element BODY as the polyglot XHTML of
 * DESIGN.md: one block per line, void elements self-closed. */
void article_write_xhtml(const article_meta *meta, xmlNodePtr body, buf_t *out);

#endif

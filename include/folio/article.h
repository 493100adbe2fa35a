/* libfolio, the clean article: one UTF-8 XHTML document holding one
 * article in a small element subset, with its metadata in the head
 * (doc/DESIGN.md). It is what folio_clean makes and what every writer
 * reads. */
#ifndef FOLIO_PUBLIC_ARTICLE_H
#define FOLIO_PUBLIC_ARTICLE_H
#include <folio/common.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct folio_article folio_article;

/* An article's metadata; a field is NULL when unknown. */
typedef struct {
    const char *title;       /* also its first h1 */
    const char *date;        /* YYYY-MM-DD (or YYYY-MM-DDTHH:MM) */
    const char *publisher;   /* 来源 */
    const char *creator;     /* 作者 */
    const char *source;      /* the 原文链接 */
    const char *url;         /* where the page was captured */
    const char *lang;        /* BCP 47, e.g. "zh-CN" */
    const char *identifier;  /* 发文字号 */
    const char *subject;     /* 主题分类 */
    const char *next;        /* the page the article continues on, when split over pages */
} folio_meta;

/* Read the clean article XHTML (as folio_clean or folio-clean wrote it, or
 * as edited by hand). PATH is where it came from, for messages and for
 * images beside it, or NULL. NULL when it is not a clean article. */
FOLIO_API folio_article *folio_article_read(const void *xhtml, size_t len, const char *path,
                                            folio_error *err);

/* A's metadata, valid as long as A. */
FOLIO_API const folio_meta *folio_article_meta(const folio_article *a);

/* A as clean XHTML: the bytes read, or those folio_clean wrote. *LEN gets
 * their length when LEN is not NULL. Valid as long as A. */
FOLIO_API const char *folio_article_xhtml(const folio_article *a, size_t *len);

FOLIO_API void folio_article_free(folio_article *a);

#ifdef __cplusplus
}
#endif
#endif

/* What the wrappers behind include/folio/ share: the article handle and
 * the filling of a caller's folio_error. The wrappers are thin: each calls
 * one stage's own functions and translates types and errors. */
#ifndef FOLIO_API_INTERNAL_H
#define FOLIO_API_INTERNAL_H
#include "article/article.h"
#include "folio/article.h"
#include "folio/capture.h"
#include "folio/common.h"
#include "util/buf.h"
#include "util/report.h"

struct folio_article {
    article art;        /* the parsed body and metadata */
    folio_meta meta;    /* art.meta's fields, as the interface shows them */
    buf_t xhtml;        /* the article as clean XHTML, which writers that
                           parse for themselves (EPUB, PDF) are given */
    char *path;         /* where it came from (images beside it), or NULL */
};

struct capture;
struct folio_capture {
    struct capture *c;
};

/* Where the library's reports go during a call of the interface: the last
 * error, in the library's own words, becomes the caller's folio_error.
 * Warnings are dropped: the interface has no way to hand them over yet,
 * and the library never prints them itself. */
typedef struct {
    reporter r;        /* what the stage is given; its ctx is this api_report */
    buf_t last;        /* the last error reported since api_report_begin */
} api_report;

void api_report_init(api_report *a);
/* Forget what earlier calls reported. */
void api_report_begin(api_report *a);
void api_report_free(api_report *a);
/* Set ERR to CODE and the last error reported to A, or FALLBACK when none
 * was; returns -1. */
int api_fail_reported(folio_error *err, int code, const api_report *a, const char *fallback);

/* Set ERR (when not NULL) to CODE and MESSAGE; returns -1. */
int api_fail(folio_error *err, int code, const char *message);
/* The same with the message in WHY, or FALLBACK when WHY is empty. */
int api_fail_why(folio_error *err, int code, const buf_t *why, const char *fallback);

/* An article from the clean XHTML in XHTML, which it takes over (the
 * buffer is left empty). PATH is copied. NULL with ERR set when it does not
 * parse as a clean article. */
folio_article *api_article_new(buf_t *xhtml, const char *path, folio_error *err);

/* What a writer into B returned (RC 0 or -1), to the caller: on 0 B's
 * bytes go to OUT, else ERR gets FOLIO_ERR_INPUT and MESSAGE (ERR is NULL
 * when the caller has set it from what was reported). B is freed either
 * way. Returns RC. */
int api_hand_over(int rc, buf_t *b, folio_bytes *out, folio_error *err, const char *message);

#endif

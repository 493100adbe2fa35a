/* Full-width punctuation restored inside Chinese runs: the explicit
 * typographic fix of DESIGN.md. Captured bulletins often arrive with
 * ，：；（）！？ flattened to ASCII; only marks that stand in a Chinese
 * context are given back their full-width form, so URLs, numbers, times,
 * dates and Latin text come out as they went in. */
#ifndef FOLIO_ZHPUNCT_H
#define FOLIO_ZHPUNCT_H
#include "article/article.h"

enum { ZP_COMMA, ZP_COLON, ZP_SEMICOLON, ZP_PARENS, ZP_EXCLAM, ZP_QUESTION, ZP_MARKS };

typedef struct {
    unsigned long mark[ZP_MARKS];  /* conversions per mark; ZP_PARENS counts pairs */
    unsigned long spaces;          /* spaces dropped after a converted mark */
} zhpunct_counts;

/* The full-width form of each mark, for reports: "，" … "（）" … "？". */
extern const char *const zhpunct_mark_name[ZP_MARKS];

/* TEXT (UTF-8) as one run, converted: a new string the caller frees.
 * COUNTS, when not NULL, is added to. */
char *zhpunct_text(const char *text, zhpunct_counts *counts);

/* Convert the text of A's <article> in place, one run per block so that a
 * mark beside an inline element sees the text beyond it, and its title.
 * Attribute values, pre and code are never touched. */
void zhpunct_article(article *a, zhpunct_counts *counts);

#endif

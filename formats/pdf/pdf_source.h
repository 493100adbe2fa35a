/* The line under an article's title in a compilation that says where it
 * comes from and when: "来源：山东省司法厅 · 2019年11月13日", from the
 * article's metadata, as a book of collected bulletins prints it. */
#ifndef FOLIO_PDF_SOURCE_H
#define FOLIO_PDF_SOURCE_H
#include "article/article.h"

/* The line for M (its 来源 and date, whichever it has), or NULL when it
 * has neither. An article in another language than Chinese gets its
 * publisher and date with no Chinese label or date form. The caller frees
 * it. */
char *pdf_source_line(const article_meta *m);

/* DATE (YYYY, YYYY-MM or YYYY-MM-DD, a time after it ignored) the way a
 * Chinese reader writes it, "2019年11月3日", into OUT; the date as it is
 * when it is none of those. */
void pdf_source_date(const char *date, buf_t *out);

#endif

/* One line per article for sorting and selecting in the shell: TSV, or
 * JSON lines. */
#ifndef FOLIO_META_LIST_H
#define FOLIO_META_LIST_H
#include "article/article.h"
#include "util/buf.h"

typedef enum { META_TSV, META_JSON } meta_format;

/* The TSV column names (path, title, date, publisher, author, source) as a
 * line; nothing for JSON, whose keys name themselves. */
void meta_list_header(meta_format f, buf_t *out);

/* PATH and M as one line. TSV: tabs and line breaks in values become
 * spaces, an unknown value is empty. JSON: keys path, title, date,
 * publisher, author, source, url, lang; an unknown value is null. */
void meta_list_line(meta_format f, const char *path, const article_meta *m, buf_t *out);

#endif

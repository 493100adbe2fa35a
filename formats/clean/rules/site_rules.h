/* Per-site rules in the FiveFilters ftr-site-config format: XPaths that
 * name a site's title, body, date and author, and the blocks to strip.
 * They only refine what the generic extraction does; a page without a
 * rule file is cleaned exactly as before. */
#ifndef FOLIO_SITE_RULES_H
#define FOLIO_SITE_RULES_H
#include "article/article.h"
#include "util/buf.h"
#include "util/report.h"
#include "clean/extract.h"
#include "clean/meta/page_meta.h"
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum {
    SITE_TITLE, SITE_BODY, SITE_STRIP, SITE_STRIP_ID_OR_CLASS, SITE_DATE, SITE_AUTHOR
} site_rule_kind;

typedef struct {
    site_rule_kind kind;
    int line;
    char *value;                /* as written: an XPath, or a strip_id_or_class name */
    xmlXPathCompExprPtr xpath;
} site_rule;

/* A line that was ignored (an unknown directive, no directive at all),
 * told with --explain. */
typedef struct {
    int line;
    char *what;
} site_note;

/* One rule file, parsed. */
typedef struct {
    char *path;
    site_rule *rules;
    size_t n_rules;
    site_note *notes;
    size_t n_notes;
} site_rules;

/* Parse the rule file text TEXT. PATH names it in messages; a malformed
 * XPath is reported to R as an error about "PATH:LINE" ("bad XPath: ...")
 * and its line skipped. Never NULL. */
site_rules *site_rules_parse(const char *text, size_t len, const char *path, const reporter *r);
void site_rules_free(site_rules *r);
/* How many directives of KIND were kept. */
size_t site_rules_count(const site_rules *r, site_rule_kind kind);
/* Tell EXPLAIN which lines of R were ignored. */
void site_rules_explain_notes(const site_rules *r, FILE *explain);

/* A rules folder, with the files already read during this run. */
typedef struct site_rules_dir site_rules_dir;

/* Open the folder DIR; NULL (and errno set) when it is not a folder. The
 * files are read as pages ask for them; what is wrong in them is reported
 * to R. */
site_rules_dir *site_rules_open(const char *dir, const reporter *r);
void site_rules_close(site_rules_dir *d);

/* The rules for HOST as FiveFilters finds them: DIR/HOST.txt, the same
 * without "www.", then DIR/.PARENT.txt for each parent domain, nearest
 * first. NULL when no file applies or HOST is not a plain host name. The
 * result belongs to D. */
const site_rules *site_rules_for(site_rules_dir *d, const char *host);

/* The candidate file names for HOST, in lookup order, each followed by a
 * NUL, into OUT; returns how many, 0 when HOST is not a plain host name. */
int site_rules_names(const char *host, buf_t *out);

/* The lower-case host of URL (with or without a scheme) into OUT; false
 * when URL names none. */
bool site_rules_url_host(const char *url, buf_t *out);

/* The host of a page: from URL (its canonical address) when there is one,
 * else from the SiteDomain meta tag that Chinese government sites carry.
 * HOW gets "url" or "SiteDomain". */
bool site_rules_page_host(htmlDocPtr doc, const char *url, buf_t *out, const char **how);

/* Apply title:, date: and author: to META (DATE through page_meta_find_date,
 * against NOW). A title that matched an element becomes NODES->title_node,
 * so the body does not repeat it. */
void site_rules_meta(const site_rules *r, htmlDocPtr doc, article_meta *m,
                     page_meta_nodes *nodes, long long now, FILE *explain);

/* Remove what strip: and strip_id_or_class: match. Pointers in NODES into
 * what was removed are cleared. */
void site_rules_strip(const site_rules *r, htmlDocPtr doc, page_meta_nodes *nodes,
                      FILE *explain);

/* Try body: XPaths in order; the first whose matches hold text fills RES
 * (nodes in document order, counts) and true is returned. */
bool site_rules_body(const site_rules *r, htmlDocPtr doc, extract_result *res,
                     FILE *explain);

#endif

/* Choosing the article on a captured page: which blocks hold it, and which
 * of their parts are site furniture. */
#ifndef FOLIO_EXTRACT_H
#define FOLIO_EXTRACT_H
#include "clean/meta/page_meta.h"
#include "util/resource.h"
#include <libxml/HTMLparser.h>
#include <stdio.h>

#define EXTRACT_MAX_NODES 64
#define EXTRACT_TOP 5

typedef struct {
    xmlNodePtr node;
    double score;       /* content score after link density */
    int chars;          /* text characters in the block */
    int punct;          /* sentence punctuation marks */
    double link_density;
    int class_weight;
} extract_candidate;

typedef struct {
    /* The blocks that make the article, in document order. */
    xmlNodePtr nodes[EXTRACT_MAX_NODES];
    const char *why[EXTRACT_MAX_NODES];   /* the rule that kept each */
    int n_nodes;
    /* The best-scoring candidates, best first, for --explain. */
    extract_candidate top[EXTRACT_TOP];
    int n_top;
    int chars, punct, link_chars;   /* of the chosen blocks */
    const char *not_article;        /* why the page holds no article, or NULL */
    bool list_page;                 /* ...because it is a list or index of links */
    bool whole_body;                /* no block scored: the body kept as it is */
} extract_result;

/* What extract_prune took out because the page hides it. */
typedef struct {
    int hidden;        /* elements */
    int hidden_by_sheet; /* of which hidden by the page's style sheet */
    int hidden_chars;  /* their text outside links */
    int hidden_punct;  /* and its sentence punctuation */
    int players;       /* media players taken out with their controls */
    int forms;         /* entry fields taken out with their prompts */
    int opened;        /* panels a toggle folds away, opened */
    int panes;         /* tab panes not shown, read as parts of the text */
    int folded;        /* blocks a style sheet folds until opened, read */
    int panes_checked; /* hidden blocks told apart as panes or not */
} extract_prune_stats;

/* Remove what never holds article text (scripts but JSON-LD, styles,
 * forms' controls, comments) from DOC, and with DROP_HIDDEN what the page hides from its
 * reader (a copy for printing, templates), counted into ST. SHEETS (may
 * be NULL) finds the style sheets the page links to, as it finds images. */
void extract_prune(htmlDocPtr doc, bool drop_hidden, resource_fn sheets, void *sheets_ctx,
                   extract_prune_stats *st);
/* TEXT holds a calendar date, "2023年06月12日" or "2023-06-12", not a year
 * alone (extract_prune.c). */
bool extract_has_day(const char *t);
/* extract_skips.c: take out of DOC each box a skip link jumps over (a
 * link to an anchor at the box's end, the box holding nothing before the
 * one and after the other): a widget, never the text. How many; EXPLAIN
 * (may be NULL) is told each. */
int extract_drop_skipped(htmlDocPtr doc, FILE *explain);
/* Take out the scripts of JSON-LD that extract_prune leaves for the
 * metadata, below N and its siblings. */
void extract_drop_json_ld(xmlNodePtr n);

/* Score DOC's blocks and choose the article. HINTS (may be NULL) gives the
 * title's position. When EXPLAIN is not NULL, reasons are written there. */
void extract_choose(htmlDocPtr doc, const page_meta_nodes *hints,
                    extract_result *res, FILE *explain);

/* N is one of R's kept blocks or lies inside one. */
bool extract_kept_holds(const extract_result *r, xmlNodePtr n);

/* Counts over a subtree, for the scorer and the cleaner alike. */
typedef struct {
    int chars;       /* non-space characters */
    int link_chars;  /* of which inside <a> */
    int punct;       /* sentence punctuation: ，。、；：？！ and ", " ". " */
    int link_punct;  /* of which inside <a> */
} extract_counts;
void extract_count(xmlNodePtr n, extract_counts *c);

/* Is NAME an element that starts a block of its own in HTML? */
bool extract_is_block_tag(const char *name);

#endif

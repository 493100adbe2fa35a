/* What the parts of the extractor share during one extract_choose: the
 * figures of each element, reached through node->_private. */
#ifndef FOLIO_EXTRACT_INT_H
#define FOLIO_EXTRACT_INT_H
#include "clean/extract.h"
#include "clean/furniture.h"

/* Per-element figures, reached through node->_private during one choose. */
typedef struct {
    extract_counts all;
    double score;
    bool candidate;
    bool unlikely;
    bool has_block;   /* a block element somewhere below */
    bool is_block;
    bool cms_below;   /* a CMS body container somewhere below */
    bool record;      /* one of a run of repeated records (extract_records.c) */
    bool record_list; /* holds such a run */
    bool in_record;   /* a record, or inside one */
    int class_weight; /* what its class and id count, after the text scaling */
    int order, last;  /* its place in document order, and its last descendant's */
    double near_title;  /* the soft bonus of standing where the title is */
    furniture_names names;
} ex_stat;

typedef struct {
    ex_stat *stats;
    size_t n, cap;
} ex_table;

static inline ex_stat *ex_stat_of(xmlNodePtr n) { return (ex_stat *)n->_private; }

static inline double ex_link_density(const extract_counts *c)
{
    return c->chars ? (double)c->link_chars / c->chars : 0.0;
}

/* Add the counts of the UTF-8 text S, link text when IN_LINK, to C. */
void ex_count_text(const unsigned char *s, extract_counts *c, bool in_link);

/* Mark the runs of repeated records below N and its siblings. */
void ex_mark_records(xmlNodePtr n);

#endif

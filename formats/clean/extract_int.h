/* What the parts of the extractor share during one extract_choose: the
 * figures of each element, reached through node->_private. */
#ifndef FOLIO_EXTRACT_INT_H
#define FOLIO_EXTRACT_INT_H
#include "clean/extract.h"
#include "clean/furniture.h"

#include <stdint.h>

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
    bool name_repeated; /* its body name repeats on its siblings (extract_names.c) */
    int parts_weight;   /* the body name its children repeat, now its own */
    int order, last;  /* its place in document order, and its last descendant's */
    double near_title;  /* the soft bonus of standing where the title is */
    int prose;        /* characters of the paragraphs of prose below it, records aside */
    int record_prose; /* the same of the paragraphs in records */
    int record_units; /* the records below it (a thread's pair counts once) */
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
/* Whether TEXT ends a sentence somewhere: 。！？, or . ! ? before a space. */
bool ex_has_stop(const char *text);
/* The same, or . ! ? at the end, but not a dotted abbreviation's last dot
 * ("4:11 a.m."); extract_gather.c. */
bool ex_ends_sentence(const char *text);

/* extract_css_select.c: one selector of a style rule. A compound is tests
 * of a tag ('t'), a class ('.') or an id ('#'), each maybe negated
 * (:not), and how it stands to the compound left of it: ' ' below it, '>'
 * its child. An unsure selector (pseudo-classes, siblings, attributes)
 * keeps its last compound only. */
#define CSS_SEL_TESTS 8
#define CSS_SEL_PARTS 8
#define CSS_SPEC_ID 1000000UL
#define CSS_SPEC_CLASS 1000UL
typedef struct {
    char kind;
    bool negate;
    char *name;
} css_test;
typedef struct {
    css_test tests[CSS_SEL_TESTS];
    int ntests;
    char comb;
} css_compound;
typedef struct {
    css_compound parts[CSS_SEL_PARTS];
    int nparts;
    unsigned long spec;   /* ids, classes and tags, weighted */
    bool sure;
} css_selector;
/* S to END, one selector of a list; false for one about no element (a
 * pseudo-element) or one we cannot read. */
bool css_selector_parse(const char *s, const char *end, css_selector *out);
/* S matches N, within *BUDGET steps (each compound tried costs one). */
bool css_selector_match(const css_selector *s, xmlNodePtr n, int *budget);
/* The name its last compound narrows by most ("#id", ".class", a tag,
 * or "*"), written to KEY. */
size_t css_selector_key(const css_selector *s, char *key, size_t size);
void css_selector_free(css_selector *s);

/* extract_css.c: the rules of the page's own style sheets that hide or
 * show an element (display, visibility), for a cascade of them; FETCH (may
 * be NULL) finds the sheets the page links to. */
typedef struct css_rule css_rule;
typedef struct css_key css_key;
#define CSS_SHOWN_NAMES_MAX 4096
typedef struct {
    css_rule *rules;
    size_t count, cap;
    css_key *keys;   /* each rule under its key, sorted */
    char **shown;    /* the names (".x", "#y") rules that show mention, sorted */
    size_t shown_count, shown_cap;
} css_hidden;
void css_hidden_collect(htmlDocPtr doc, resource_fn fetch, void *ctx, css_hidden *h);
/* What the cascade of those rules makes of N: shown; hidden, the winning
 * rule hiding it and no rule we cannot answer showing it again; or folded,
 * hidden until the reader opens it (a rule shows its names in some state,
 * or the hiding rule waits on a state: ":not(.show)", ".js .reveal"). */
enum { CSS_SHOWN, CSS_HIDDEN, CSS_FOLDED };
/* The names (tags, ids, classes) of the elements above one, as a Bloom
 * filter a walk down the tree fills a level at a time: a rule that needs
 * a name above the element that none of them bears is passed over
 * without walking up to look. */
typedef struct {
    uint64_t bits[8];
} css_above;
void css_above_add(css_above *a, xmlNodePtr n);
/* ABOVE, when not NULL, holds the names of every element above N. */
int css_hidden_match(const css_hidden *h, xmlNodePtr n, const css_above *above);
void css_hidden_free(css_hidden *h);
/* What the style attribute STYLE hides: 1 the element (display:none, a
 * box of no height clipping its overflow, a box placed off the screen),
 * 2 its own words (font-size:0), 0 nothing. */
int css_style_verdict(const char *style);

/* extract_prune.c: N hides itself (style="display:none", hidden,
 * aria-hidden="true"). */
bool extract_hidden_inline(xmlNodePtr n);
/* The text of N and the nodes after it, and below them, into OUT, until
 * it holds LIMIT bytes. */
void extract_text_upto(xmlNodePtr n, buf_t *out, size_t limit);

/* extract_polls.c: N is a button or a radio button; the box of the
 * site's poll that CONTROL answers ("Was this page helpful?" Yes / No),
 * or NULL. */
bool extract_choice_control(xmlNodePtr n);
xmlNodePtr extract_poll_box(xmlNodePtr control);

/* extract_panes.c: what N, hidden by SHEET, is: no pane of a tab set, a
 * pane not chosen that repeats the chosen one's text (a copy, an earlier
 * version), or one that holds a part of the text. */
enum { PANE_NONE, PANE_COPY, PANE_PART };
int extract_pane_kind(xmlNodePtr n, const css_hidden *sheet);

/* extract_toggle.c: open each panel a toggle folds away (the toggle's
 * aria-controls names it), marking it EXTRACT_OPENED_ATTR so that it is
 * not dropped as hidden; a toggle that is a button becomes a span, its
 * words read. Returns how many were opened. */
#define EXTRACT_OPENED_ATTR "data-folio-opened"
int extract_open_toggles(htmlDocPtr doc);

/* Mark the runs of repeated records below N and its siblings. */
void ex_mark_records(xmlNodePtr n);

/* Most of N's text sits in records; in short ones, EX_SHORT_RECORD
 * characters of prose or fewer each (comments, teasers; a live report's
 * entries are longer). */
bool ex_made_of_records(xmlNodePtr n);
bool ex_made_of_short_records(xmlNodePtr n);
#define EX_SHORT_RECORD 120
/* The index of R's candidate to take over the best, made of short
 * records, or 0: one outside records with EX_PROSE_OVER_RECORDS characters
 * of prose. */
#define EX_PROSE_OVER_RECORDS 150
int ex_prose_over_records(const extract_result *r);
/* The index of R's candidate inside a thread's opening post, when the
 * best is the thread and that post holds far more than each reply, or 0. */
int ex_opening_post_candidate(const extract_result *r);
/* When what R kept holds KEPT_PROSE characters of prose, too few, and a
 * run of link-free records below ROOT holds the page's text (a live
 * report), the run is taken: alone, or after what was kept. */
void ex_take_live_report(extract_result *r, xmlNodePtr root, int kept_prose);

/* extract.c: N's final score, with the title's hint. */
double ex_final(xmlNodePtr n);

/* extract_gather.c: the article's blocks into R: TOP (kept for TOP_WHY)
 * and the siblings that belong with it, in document order; the TITLE node
 * (may be NULL) tells its box from them; what was left out as a copy is
 * told to EXPLAIN (may be NULL). */
void ex_gather(xmlNodePtr top, const char *top_why, xmlNodePtr title, extract_result *r, FILE *explain);

/* extract_copies.c: of two sibling boxes inside a kept block of R that
 * say the same, of about the same size (a hidden copy the capture shows),
 * the second is taken out of the page and told to EXPLAIN (may be NULL);
 * R's counts lose it. */
void ex_drop_inner_copies(extract_result *r, FILE *explain);

/* extract_names.c: move a body name that three siblings or more share
 * (each paragraph set in a box named for the text) to their parent. */
void ex_mark_repeated_names(xmlNodePtr n);
/* The box below TOP that holds such parts and nearly all TOP's prose, or
 * TOP. */
xmlNodePtr ex_named_parts_within(xmlNodePtr top);

/* Elements of the same tag and the same class attribute. */
bool ex_same_kind(xmlNodePtr a, xmlNodePtr b);
/* How many paragraphs of prose (blocks holding no block, with 40
 * characters outside links) N holds, counted from FOUND up to two. */
int ex_prose_blocks(xmlNodePtr n, int found);

/* When TOP is one of several full entries of an archive or blog page, or
 * holds them, the entry that is the page's own: the one holding the title
 * node, else the one headed by the page's title, else the first. TOP
 * otherwise. *WHY says which, or stays NULL. */
xmlNodePtr ex_pick_entry(xmlNodePtr top, xmlNodePtr title_node, const char *page_title, const char **why);
/* Whether N is an entry of the same kind as TOP, the chosen entry. */
bool ex_is_other_entry(xmlNodePtr n, xmlNodePtr top);

/* extract_explain.c: one line for top candidate I of R, its figures and
 * what became of it; the runs of repeated records below N and its
 * siblings, and the boxes whose children share a body name, up to eight
 * (*TOLD counts them). */
void ex_explain_candidate(FILE *out, const extract_result *r, int i);
void ex_explain_records(FILE *out, xmlNodePtr n, int *told);

/* extract_merge.c: the nearest node that is A or B or holds both. */
xmlNodePtr ex_common_ancestor(xmlNodePtr a, xmlNodePtr b);
/* TOP (the best block BEST or a wrapper of it), or the common ancestor of
 * TOP and the blocks in other branches below ROOT that FINAL scores close
 * to BEST, when there are enough or one of them is the lede (holds the
 * TITLE node, or stands between it and TOP; TITLE may be NULL). */
xmlNodePtr ex_merge_parts(xmlNodePtr top, xmlNodePtr best, xmlNodePtr root, xmlNodePtr title,
                          double (*final)(xmlNodePtr));
/* The nearest ancestor of TOP holding most of the page's prose, when what
 * was kept (KEPT_PROSE of PAGE_PROSE characters) is too little; else NULL. */
xmlNodePtr ex_recall_fallback(xmlNodePtr top, int kept_prose, int page_prose);
/* extract_lead.c: the figures with a picture and the document numbers
 * between the TITLE node and FIRST, the first kept block, outside links
 * and furniture, up to MAX, into OUT in document order with the reason
 * for each in WHY; how many. */
int ex_lead_parts(xmlNodePtr title, xmlNodePtr first, xmlNodePtr out[], const char *why[], int max);

#endif

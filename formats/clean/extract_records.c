/* Repeated records: a feed of teasers (a headline link, a time, a
 * snippet), a gallery of captions, a comment thread, a reply index. Five
 * or more siblings of the same tag and class, each a short unit that opens
 * with a heading, a link or a time, are the records of a list, not the
 * paragraphs of an article, however much text they hold together (the idea
 * behind MDR and DEPTA: the same tag path, a similar size). */
#include "clean/extract_int.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define RECORDS_MIN 5

/* A time as feeds and threads print it: 2024-01-05, 2024/1/5, 1月5日,
 * 12:30, 3小时前, "5 hours ago". */
static bool has_time(const char *s)
{
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            continue;
        const char *q = p;
        while (*q >= '0' && *q <= '9')
            q++;
        size_t digits = (size_t)(q - p);
        bool sep = *q == '-' || *q == '/' || (*q == '.' && digits == 4);
        if (sep && digits <= 4 && q[1] >= '0' && q[1] <= '9' &&
            (digits == 4 || (q[2] >= '0' && q[2] <= '9' && q[3] == *q)))
            return true;
        if (*q == ':' && digits <= 2 && q[1] >= '0' && q[1] <= '5' && q[2] >= '0' && q[2] <= '9')
            return true;
        if (!strncmp(q, "月", 3) && digits <= 2 && q[3] >= '0' && q[3] <= '9')
            return true;
        if (!strncmp(q, "分钟前", 9) || !strncmp(q, "小时前", 9) || !strncmp(q, "天前", 6))
            return true;
        if (!strncmp(q, " hours ago", 10) || !strncmp(q, " minutes ago", 12) || !strncmp(q, " days ago", 9))
            return true;
        p = q - 1;
    }
    return false;
}

/* The first text node below N with anything but white space in it. */
static xmlNodePtr first_text(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            for (const xmlChar *t = c->content; t && *t; t++)
                if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
                    return c;
        } else if (c->type == XML_ELEMENT_NODE) {
            xmlNodePtr t = first_text(c);
            if (t)
                return t;
        }
    }
    return NULL;
}

static bool opens_with_time(xmlNodePtr n);

/* A record opens with its title: its first words are a heading or a link,
 * or a time. A bullet of an article opens with prose, whatever links it
 * holds further on. */
static bool opens_with_title(xmlNodePtr n)
{
    static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
    xmlNodePtr t = first_text(n);
    if (!t)
        return false;
    for (xmlNodePtr a = t->parent; a && a != n->parent; a = a->parent)
        if (xml_is_any(a, headings) || (xml_is(a, "a") && xmlHasProp(a, (const xmlChar *)"href")))
            return true;
    return opens_with_time(n);
}

/* N's first words are a time. */
static bool opens_with_time(xmlNodePtr n)
{
    xmlNodePtr t = first_text(n);
    if (!t)
        return false;
    char start[64];
    size_t k = 0;
    for (const xmlChar *c = t->content; *c && k + 1 < sizeof start; c++)
        start[k++] = (char)*c;
    start[k] = '\0';
    return has_time(start);
}

/* How many paragraphs of prose (blocks holding no block, with 40
 * characters outside links) N holds, counting up to two. */
int ex_prose_blocks(xmlNodePtr n, int found)
{
    for (xmlNodePtr c = n->children; c && found < 2; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        ex_stat *s = ex_stat_of(c);
        if (s->has_block)
            found = ex_prose_blocks(c, found);
        else if (s->is_block && s->all.chars - s->all.link_chars >= 40)
            found++;
    }
    return found;
}

bool ex_same_kind(xmlNodePtr a, xmlNodePtr b)
{
    if (!xml_is(a, (const char *)b->name))
        return false;
    xmlChar *ca = xmlGetProp(a, (const xmlChar *)"class"), *cb = xmlGetProp(b, (const xmlChar *)"class");
    bool same = (!ca && !cb) || (ca && cb && xmlStrcmp(ca, cb) == 0);
    xmlFree(ca);
    xmlFree(cb);
    return same;
}

static int by_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The members of KIND among P's children read as records. */
static bool are_records(xmlNodePtr p, xmlNodePtr kind, int count)
{
    int *sizes = xmalloc(sizeof(int) * (size_t)count);
    int n = 0, headed = 0, short_units = 0, pointed = 0;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !ex_same_kind(c, kind))
            continue;
        ex_stat *s = ex_stat_of(c);
        sizes[n++] = s->all.chars;
        headed += opens_with_title(c);
        short_units += ex_prose_blocks(c, 0) <= 1;
        pointed += s->all.link_chars > 0 || opens_with_time(c) || xml_find(c, "img");
    }
    qsort(sizes, (size_t)n, sizeof *sizes, by_int);
    int median = sizes[n / 2], alike = 0;
    for (int i = 0; i < n; i++)
        alike += sizes[i] * 4 >= median && sizes[i] <= median * 4;
    free(sizes);
    /* a record points somewhere, says when or shows a picture (a
     * gallery's slide), or is an item of a list (a gallery's legends):
     * boxed sections of one text under headings of their own are none
     * of these */
    return median > 0 && headed * 10 >= n * 8 && short_units * 10 >= n * 8 && alike * 10 >= n * 6 &&
           (pointed * 10 >= n * 6 || xml_is(kind, "li"));
}

static void mark_inside(xmlNodePtr n)
{
    ex_stat_of(n)->in_record = true;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            mark_inside(c);
}

/* A child as a kind: its tag and class, and where it stands. */
typedef struct {
    const xmlChar *name;
    xmlChar *cls;
    int order;
    xmlNodePtr node;
} child_kind;

/* By tag, then class (none first): 0 for two children of one kind. */
static int kind_cmp(const child_kind *x, const child_kind *y)
{
    int d = xmlStrcasecmp(x->name, y->name);
    if (!d)
        d = !x->cls || !y->cls ? (x->cls != NULL) - (y->cls != NULL) : xmlStrcmp(x->cls, y->cls);
    return d;
}

/* By kind, then where the child stands. */
static int child_kind_cmp(const void *a, const void *b)
{
    const child_kind *x = a, *y = b;
    int d = kind_cmp(x, y);
    return d ? d : (x->order > y->order) - (x->order < y->order);
}

/* The most frequent kind among P's ELEMENTS element children, by tag and
 * class, as its first member; of kinds as frequent, the one met first.
 * Sorted, not compared pairwise: a page of thousands of children each
 * of its own class would take a time that grows as their square. */
static xmlNodePtr most_frequent_kind(xmlNodePtr p, int elements, int *count)
{
    child_kind *kinds = xmalloc(sizeof *kinds * (size_t)elements);
    int n = 0;
    for (xmlNodePtr c = p->children; c && n < elements; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            kinds[n] = (child_kind){ c->name, xmlGetProp(c, (const xmlChar *)"class"), n, c }, n++;
    qsort(kinds, (size_t)n, sizeof *kinds, child_kind_cmp);
    int best = -1, best_count = 0;
    for (int i = 0, run; i < n; i += run) {
        for (run = 1; i + run < n && kind_cmp(&kinds[i], &kinds[i + run]) == 0; run++)
            ;
        if (run > best_count || (run == best_count && kinds[i].order < kinds[best].order))
            best = i, best_count = run;
    }
    xmlNodePtr first = best >= 0 ? kinds[best].node : NULL;
    *count = best_count;
    for (int k = 0; k < n; k++)
        xmlFree(kinds[k].cls);
    free(kinds);
    return first;
}

static xmlNodePtr next_element(xmlNodePtr n)
{
    for (n = n->next; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return NULL;
}

/* A record's header set apart from its text: who wrote it and when, a
 * time and a link (the name, the permalink). A chronology's date line
 * has no link; a section heading has no time. */
static bool is_record_header(xmlNodePtr n)
{
    const extract_counts *c = &ex_stat_of(n)->all;
    if (c->chars > 200 || !c->link_chars)
        return false;
    xmlChar *t = xmlNodeGetContent(n);
    bool time = t && has_time((const char *)t);
    xmlFree(t);
    return time;
}

/* How many paragraphs of prose N is or holds, up to two. */
static int unit_prose(xmlNodePtr n)
{
    const ex_stat *s = ex_stat_of(n);
    if (s->is_block && !s->has_block)
        return s->all.chars - s->all.link_chars >= 40;
    return ex_prose_blocks(n, 0);
}

/* Records of two siblings each: a thread that sets every comment as a
 * header (name, time, permalink) and a paragraph after it, with no box
 * round the pair. True when most members of KIND head such a pair, alike
 * in size, with a paragraph at most in each. */
static bool are_paired_records(xmlNodePtr p, xmlNodePtr kind, int count, int elements)
{
    if (count * 2 * 10 < elements * 8)
        return false;
    int *sizes = xmalloc(sizeof(int) * (size_t)count);
    int n = 0, pairs = 0;
    xmlNodePtr body_kind = NULL;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !ex_same_kind(c, kind))
            continue;
        xmlNodePtr b = next_element(c);
        if (b && !body_kind && !ex_same_kind(b, kind))
            body_kind = b;
        bool pair = b && body_kind && ex_same_kind(b, body_kind) && is_record_header(c) &&
                    unit_prose(c) + unit_prose(b) <= 1;
        pairs += pair;
        sizes[n++] = ex_stat_of(c)->all.chars + (b ? ex_stat_of(b)->all.chars : 0);
    }
    qsort(sizes, (size_t)n, sizeof *sizes, by_int);
    int median = sizes[n / 2], alike = 0;
    for (int i = 0; i < n; i++)
        alike += sizes[i] * 4 >= median && sizes[i] <= median * 4;
    free(sizes);
    return median > 0 && pairs * 10 >= n * 8 && alike * 10 >= n * 6;
}

/* The kind of P's children that most often reads as a record's header,
 * and how many of that kind P holds. */
static xmlNodePtr header_kind(xmlNodePtr p, int *count)
{
    enum { KINDS = 4 };
    xmlNodePtr kinds[KINDS];
    int heads[KINDS], nk = 0, best = -1;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !is_record_header(c))
            continue;
        int k = 0;
        while (k < nk && !ex_same_kind(c, kinds[k]))
            k++;
        if (k == nk && nk == KINDS)
            continue;
        if (k == nk)
            kinds[nk] = c, heads[nk++] = 0;
        heads[k]++;
        if (best < 0 || heads[k] > heads[best])
            best = k;
    }
    *count = 0;
    if (best < 0)
        return NULL;
    for (xmlNodePtr c = p->children; c; c = c->next)
        *count += c->type == XML_ELEMENT_NODE && ex_same_kind(c, kinds[best]);
    return kinds[best];
}

static void mark_record(xmlNodePtr c)
{
    ex_stat_of(c)->record = true;
    mark_inside(c);
}

/* Mark the records among P's children, when they are. */
static void mark_children(xmlNodePtr p)
{
    int elements = 0;
    for (xmlNodePtr c = p->children; c; c = c->next)
        elements += c->type == XML_ELEMENT_NODE;
    if (elements < RECORDS_MIN)
        return;
    int best_count;
    xmlNodePtr best = most_frequent_kind(p, elements, &best_count);
    if (best_count < RECORDS_MIN)
        return;
    bool single = best_count * 10 >= elements * 6 && are_records(p, best, best_count);
    if (!single) {
        best = header_kind(p, &best_count);
        if (!best || best_count < RECORDS_MIN || !are_paired_records(p, best, best_count, elements))
            return;
    }
    ex_stat_of(p)->record_list = true;
    for (xmlNodePtr c = p->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && ex_same_kind(c, best)) {
            for (xmlNodePtr a = p; a && a->type == XML_ELEMENT_NODE && ex_stat_of(a); a = a->parent)
                ex_stat_of(a)->record_units++;
            mark_record(c);
            xmlNodePtr b = single ? NULL : next_element(c);
            if (b && !ex_same_kind(b, best))
                mark_record(b);
        }
}

void ex_mark_records(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !ex_stat_of(n))
            continue;
        if (ex_stat_of(n)->has_block)
            mark_children(n);
        ex_mark_records(n->children);
    }
}

bool ex_made_of_records(xmlNodePtr n)
{
    const ex_stat *s = ex_stat_of(n);
    /* a paragraph's prose is credited to the blocks around it */
    if (!s->has_block)
        return s->in_record;
    return s->record_prose > s->prose * 3;
}

bool ex_made_of_short_records(xmlNodePtr n)
{
    const ex_stat *s = ex_stat_of(n);
    if (!ex_made_of_records(n))
        return false;
    if (!s->has_block)
        return s->all.chars - s->all.link_chars <= EX_SHORT_RECORD;
    return s->record_units && s->record_prose <= s->record_units * EX_SHORT_RECORD;
}

/* Records hang off an article (comments under a post, a feed beside a
 * story) and outscore it by their number, however little each counts.
 * When the best of R's candidates is made of records and another holds
 * prose of its own outside them, that one is the article's. */
int ex_prose_over_records(const extract_result *r)
{
    if (r->n_top < 2 || !ex_made_of_short_records(r->top[0].node))
        return 0;
    for (int i = 1; i < r->n_top; i++) {
        xmlNodePtr n = r->top[i].node;
        const ex_stat *s = ex_stat_of(n);
        if (!s->in_record && !ex_made_of_records(n) && s->prose >= EX_PROSE_OVER_RECORDS &&
            ex_prose_blocks(n, 0) >= 2)
            return i;
    }
    return 0;
}

/* A thread: its first record is the post the page is for (the opening
 * post, the question) and the others answer it, a line or a few each.
 * When the best block is made of records and the first of them with prose
 * holds far more than any that follows, and more than all of them
 * together, the page is that post's. */
#define EX_OPENING_POST_MIN 200
#define EX_OPENING_OVER_MOST 2   /* times the longest reply */
#define EX_OPENING_OVER_MEDIAN 4 /* times the median reply */

static xmlNodePtr first_record(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !ex_stat_of(c))
            continue;
        if (ex_stat_of(c)->record)
            return c;
        xmlNodePtr r = first_record(c);
        if (r)
            return r;
    }
    return NULL;
}

/* Named as furniture between N and its ancestor TOP: a thread of
 * comments under something else, not a page's own thread. */
static bool named_furniture_up_to(xmlNodePtr n, xmlNodePtr top)
{
    for (xmlNodePtr a = n; a && a->type == XML_ELEMENT_NODE && ex_stat_of(a); a = a->parent) {
        const ex_stat *s = ex_stat_of(a);
        if (s->names.unlikely || s->names.weight < 0)
            return true;
        if (a == top)
            break;
    }
    return false;
}

/* R opens with a heading of its own, not a reply's subject ("Re: …",
 * "回复：…"): an entry of an archive or an item of a list, not a post of
 * a thread. */
static bool opens_with_own_heading(xmlNodePtr r)
{
    static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
    xmlNodePtr t = first_text(r);
    for (xmlNodePtr a = t ? t->parent : NULL; a && a != r->parent; a = a->parent)
        if (xml_is_any(a, headings)) {
            const char *s = (const char *)t->content;
            while (*s == ' ' || *s == '\n' || *s == '\t')
                s++;
            return strncasecmp(s, "re:", 3) && strncmp(s, "回复", 6) && strncmp(s, "回復", 6);
        }
    return false;
}

static xmlNodePtr opening_post(xmlNodePtr top)
{
    xmlNodePtr rec = first_record(top);
    if (!rec || named_furniture_up_to(rec->parent, top))
        return NULL;
    xmlNodePtr first = NULL;
    int replies[64], n = 0, most = 0, all = 0, headed = 0;
    for (xmlNodePtr c = rec; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !ex_stat_of(c)->record)
            continue;
        int prose = ex_stat_of(c)->record_prose;
        if (!first) {
            if (prose > 0)
                first = c;
            continue;
        }
        if (n < (int)(sizeof replies / sizeof *replies))
            replies[n++] = prose;
        all += prose;
        headed += opens_with_own_heading(c);
        if (prose > most)
            most = prose;
    }
    if (!first || n < RECORDS_MIN - 1 || headed * 2 >= n)
        return NULL;

    qsort(replies, (size_t)n, sizeof *replies, by_int);
    int own = ex_stat_of(first)->record_prose;
    if (own < EX_OPENING_POST_MIN || own < most * EX_OPENING_OVER_MOST ||
        own < replies[n / 2] * EX_OPENING_OVER_MEDIAN || own < all /* chatter, not a discussion */)
        return NULL;
    return first;
}

int ex_opening_post_candidate(const extract_result *r)
{
    if (r->n_top < 2 || !ex_made_of_records(r->top[0].node) || ex_stat_of(r->top[0].node)->in_record)
        return 0;
    xmlNodePtr post = opening_post(r->top[0].node);
    if (!post)
        return 0;
    for (int i = 1; i < r->n_top; i++)
        for (xmlNodePtr a = r->top[i].node; a && a->type == XML_ELEMENT_NODE; a = a->parent)
            if (a == post)
                return i;
    return 0;
}

/* The other way round: a live report (图文直播, a transcript set one turn
 * to an entry) is nothing but records, each a time and a few sentences,
 * none a link. When what was kept holds less prose than
 * EX_PROSE_OVER_RECORDS and a run of link-free records below ROOT holds
 * EX_RECORDS_OVER_PROSE times as much, the run is the article. */
#define EX_RECORDS_OVER_PROSE 3
#define EX_RECORDS_BODY_MIN 200

/* Below a box named as furniture (comments, a discussion) records are
 * the readers', however link-free: the walk does not go there. */
static void best_record_list(xmlNodePtr n, xmlNodePtr *best, int *most)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !ex_stat_of(n))
            continue;
        const ex_stat *s = ex_stat_of(n);
        if (s->unlikely || s->names.unlikely || s->names.weight < 0)
            continue;
        if (s->record_list && s->record_prose > *most && s->all.link_chars * 10 < s->all.chars) {
            *best = n;
            *most = s->record_prose;
        }
        best_record_list(n->children, best, most);
    }
}

static xmlNodePtr records_as_body(xmlNodePtr root, int kept_prose)
{
    if (kept_prose >= EX_PROSE_OVER_RECORDS)
        return NULL;
    xmlNodePtr best = NULL;
    int most = 0;
    best_record_list(root, &best, &most);
    if (!best || most < EX_RECORDS_BODY_MIN || most < kept_prose * EX_RECORDS_OVER_PROSE)
        return NULL;
    return best;
}

/* What was kept holds less prose than a sentence: the entries stand alone.
 * Else they follow what was kept (a video's description over them). */
#define EX_LIVE_ALONE 40


void ex_take_live_report(extract_result *r, xmlNodePtr root, int kept_prose)
{
    xmlNodePtr live = records_as_body(root, kept_prose);
    if (!live)
        return;
    if (kept_prose < EX_LIVE_ALONE) {
        r->n_nodes = 1;
        r->nodes[0] = live;
        r->why[0] = "a live report's entries: records without links that hold the page's text";
    } else if (r->n_nodes < EXTRACT_MAX_NODES && !extract_kept_holds(r, live)) {
        r->nodes[r->n_nodes] = live;
        r->why[r->n_nodes++] = "a live report's entries after the kept text: records without links that hold the page's text";
    }
}

#include "clean/extract.h"
#include "clean/extract_int.h"
#include "util/buf.h"
#include "clean/furniture.h"
#include "clean/page.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- statistics per element ------------------------------------------- */


static size_t ex_number(xmlNodePtr n, size_t count)
{
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            count = ex_number(n->children, count + 1);
    return count;
}

/* N is what the markup standards declare the page's body: the
 * articleBody property, <main>, the main landmark. A layout box around it
 * is no furniture, whatever its name says ("wy-grid-for-nav"). */
#define EX_DECLARED_MAIN_WORDS 140

static bool ex_declared_main(xmlNodePtr n)
{
    const ex_stat *s = ex_stat_of(n);
    if (!s || s->all.chars - s->all.link_chars < EX_DECLARED_MAIN_WORDS)
        return false;   /* a ticker or a stub so marked is no article */
    if (xml_is(n, "main") || furniture_declares_body(n))
        return true;
    const char *role = n->properties ? xml_attr_ref(n, "role") : NULL;
    return role && !strcmp(role, "main");
}

/* Post-order: an element's counts are the sum of its children's and its
 * own text's. */
static void ex_stats_walk(xmlNodePtr n, ex_table *t, extract_counts *into, bool in_link)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            ex_count_text(n->content, into, in_link);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        ex_stat *s = &t->stats[t->n++];
        memset(s, 0, sizeof *s);
        s->order = (int)t->n - 1;
        s->near_title = 1;
        n->_private = s;
        s->is_block = extract_is_block_tag((const char *)n->name);
        furniture_classify(n, &s->names);
        ex_stats_walk(n->children, t, &s->all, in_link || xml_is(n, "a"));
        s->last = (int)t->n - 1;
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE) {
                ex_stat *cs = ex_stat_of(c);
                s->has_block |= cs->is_block || cs->has_block;
                s->cms_below |= cs->cms_below || cs->names.cms_body || ex_declared_main(c);
            }
        into->chars += s->all.chars;
        into->link_chars += s->all.link_chars;
        into->punct += s->all.punct;
        into->link_punct += s->all.link_punct;
    }
}

static void ex_clear_private(xmlNodePtr n)
{
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE) {
            n->_private = NULL;
            ex_clear_private(n->children);
        }
}


/* ---- scoring ------------------------------------------------------------ */

static int ex_tag_weight(xmlNodePtr n)
{
    static const char *const sections[] = { "div", "article", "section", "main", NULL };
    static const char *const blocks[] = { "pre", "td", "blockquote", NULL };
    static const char *const lists[] = { "address", "ol", "ul", "dl", "dd", "dt", "li", "form",
                                         NULL };
    static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", "th", NULL };
    if (xml_is_any(n, sections))
        return 5;
    if (xml_is_any(n, blocks))
        return 3;
    if (xml_is_any(n, lists))
        return -3;
    if (xml_is_any(n, headings))
        return -5;
    return 0;
}

/* A class name says where a CMS puts its body, not that this node holds
 * one: its weight counts in full only once the node has the text of a
 * couple of paragraphs of its own, so a fragment or a refusal notice in a
 * body-named box cannot outscore the article. Names of furniture count
 * against a node however little it holds. */
#define EX_CLASS_FULL_CHARS 100

static void ex_make_candidate(xmlNodePtr n)
{
    ex_stat *s = ex_stat_of(n);
    if (!s || s->candidate)
        return;
    s->candidate = true;
    double w = s->name_repeated ? 0 : s->names.weight;
    if (w == 0 && s->parts_weight > 0)
        w = s->parts_weight;
    /* the markup's own word for the body adds to a name that says body
     * too (<span class="storybody" itemprop="articleBody">), so it holds
     * against a wrapper named for the story */
    int standard = furniture_standard_weight(n);
    if (w <= 0 || (standard && furniture_declares_body(n)))
        w += standard;
    /* inside a record, a body class names the record's text, not the page's */
    if (w > 0 && s->in_record)
        w = 0;
    int own = s->all.chars - s->all.link_chars;
    if (w > 0 && own < EX_CLASS_FULL_CHARS)
        w = w * own / EX_CLASS_FULL_CHARS;
    s->class_weight = (int)w;
    s->score = ex_tag_weight(n) + w;
}

/* Does N start a block, or hold one? Either way it breaks an inline run. */
static bool ex_breaks_run(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && (ex_stat_of(n)->is_block || ex_stat_of(n)->has_block);
}

/* Give a paragraph's score to the blocks around it: its parent in full,
 * its grandparent half, further ancestors less. */
/* A record's text counts a quarter: a feed of teasers or a thread of
 * comments beside a short article must not outweigh it. */
#define EX_RECORD_SHARE 0.25

static void ex_credit(xmlNodePtr parent, const extract_counts *para, bool in_record)
{
    /* Only text and punctuation outside links read as prose: a run of
     * linked headlines has commas too. */
    int chars = para->chars - para->link_chars, punct = para->punct - para->link_punct;
    if (chars < 25 && punct < 2)
        return;
    if (ex_link_density(para) > 0.5)
        return;
    double s = 1 + punct + (chars / 100 < 3 ? chars / 100 : 3);
    if (in_record)
        s *= EX_RECORD_SHARE;
    int level = 0;
    for (xmlNodePtr a = parent; a && a->type == XML_ELEMENT_NODE && level < 5; a = a->parent, level++) {
        if (!ex_stat_of(a))
            break;
        ex_make_candidate(a);
        double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        ex_stat_of(a)->score += s / div;
    }
    for (xmlNodePtr a = parent; a && a->type == XML_ELEMENT_NODE && ex_stat_of(a); a = a->parent)
        *(in_record ? &ex_stat_of(a)->record_prose : &ex_stat_of(a)->prose) += chars;
}

static bool ex_skip_subtree(xmlNodePtr n)
{
    ex_stat *s = ex_stat_of(n);
    return s && s->unlikely;
}

static void ex_score_walk(xmlNodePtr n, bool in_record)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || ex_skip_subtree(n))
            continue;
        ex_stat *st = ex_stat_of(n);
        bool record = in_record || st->record;
        if (!st->has_block) {
            /* A block of inline content is a paragraph of its parent; inline
             * elements are counted in their parent's runs instead. */
            if (st->is_block)
                ex_credit(n->parent, &st->all, record);
            continue;
        }
        /* Runs of inline content between the blocks are paragraphs of N. */
        extract_counts run = { 0, 0, 0, 0 };
        for (xmlNodePtr c = n->children;; c = c->next) {
            if (!c || ex_breaks_run(c) || xml_is(c, "br")) {
                if (run.chars)
                    ex_credit(n, &run, record);
                memset(&run, 0, sizeof run);
                if (!c)
                    break;
                continue;
            }
            extract_counts k;
            if (c->type == XML_ELEMENT_NODE)
                k = ex_stat_of(c)->all;
            else
                extract_count(c, &k);
            run.chars += k.chars;
            run.link_chars += k.link_chars;
            run.punct += k.punct;
            run.link_punct += k.link_punct;
        }
        ex_score_walk(n->children, record);
    }
}

static void ex_mark_unlikely(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        ex_stat *s = ex_stat_of(n);
        if (!xml_is(n, "body") && !xml_is(n, "html") && !s->cms_below &&
            s->names.unlikely) {
            s->unlikely = true;
            continue;
        }
        ex_mark_unlikely(n->children);
    }
}

double ex_final(xmlNodePtr n)
{
    ex_stat *s = ex_stat_of(n);
    return s->score * s->near_title * (1 - ex_link_density(&s->all));
}

/* The same without the title's hint: between a block and its own
 * ancestors, which all stand where the title is, the hint says nothing. */
static double ex_final_plain(xmlNodePtr n)
{
    ex_stat *s = ex_stat_of(n);
    return s->score * (1 - ex_link_density(&s->all));
}

/* Where the title stands is a hint, never a rule (a lede or a figure may
 * come before it): a block that holds the title or begins soon after it
 * gains up to a quarter, fading over the next EX_TITLE_REACH elements; a
 * block that ends before the title loses a tenth. */
#define EX_TITLE_REACH 60

static void ex_near_title(xmlNodePtr n, const ex_stat *title)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        ex_stat *s = ex_stat_of(n);
        if (s->candidate) {
            int d = s->order - title->order;
            if (s->order <= title->order && s->last >= title->order)
                s->near_title = 1.25;
            else if (s->last < title->order)
                s->near_title = 0.9;
            else if (d < EX_TITLE_REACH)
                s->near_title = 1 + 0.25 * (EX_TITLE_REACH - d) / EX_TITLE_REACH;
        }
        ex_near_title(n->children, title);
    }
}

static void ex_collect_top(xmlNodePtr n, extract_result *r)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        ex_stat *s = ex_stat_of(n);
        if (s->candidate) {
            double f = ex_final(n);
            int i = r->n_top;
            if (i < EXTRACT_TOP)
                r->n_top++;
            else if (f <= r->top[EXTRACT_TOP - 1].score)
                i = -1;
            else
                i = EXTRACT_TOP - 1;
            if (i >= 0) {
                while (i > 0 && r->top[i - 1].score < f) {
                    r->top[i] = r->top[i - 1];
                    i--;
                }
                r->top[i] = (extract_candidate){ n, f, s->all.chars, s->all.punct,
                                                  ex_link_density(&s->all),
                                                  s->class_weight };
            }
        }
        ex_collect_top(n->children, r);
    }
}

/* A part of the text besides the best block's: a quarter of its prose. */
#define EX_CLIMB_ADDED_PROSE 4

/* Readability's lesson: when the parent scores better than the best block,
 * the article was split into several blocks and the parent holds them all. */
static xmlNodePtr ex_climb(xmlNodePtr top)
{
    double best = ex_final_plain(top), last = best, threshold = last / 3;
    for (xmlNodePtr p = top->parent; p && p->type == XML_ELEMENT_NODE && !xml_is(p, "body");
         p = p->parent) {
        ex_stat *s = ex_stat_of(p);
        if (!s || !s->candidate)
            continue;
        double f = ex_final_plain(p);
        if (f < threshold)
            break;
        if (f > last) {
            /* not when what the parent adds is mostly links: a box of
             * headlines beside a short text scores on its volume */
            const extract_counts *a = &s->all, *t = &ex_stat_of(top)->all;
            int chars = a->chars - t->chars, links = a->link_chars - t->link_chars;
            /* nor when it adds records: a thread under a post */
            int prose = s->prose - ex_stat_of(top)->prose;
            int records = s->record_prose - ex_stat_of(top)->record_prose;
            /* an ancestor that scores below the best block itself, on
             * its name, and adds no paragraph of prose to it adds only
             * the lines around the text: its headline box, byline, time */
            bool adds_text = f > best || prose * EX_CLIMB_ADDED_PROSE > ex_stat_of(top)->prose;
            if (chars > 0 && links * 2 <= chars && records <= prose * 3 && adds_text)
                top = p;
            break;
        }
        last = f;
    }
    /* A wrapper with a single child adds nothing but its siblings. */
    while (top->parent && top->parent->type == XML_ELEMENT_NODE && !xml_is(top->parent, "body")) {
        int elems = 0;
        extract_counts own = { 0, 0, 0, 0 };
        for (xmlNodePtr c = top->parent->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                elems++;
            else if (c->type == XML_TEXT_NODE) {
                extract_counts k;
                extract_count(c, &k);
                own.chars += k.chars;
            }
        if (elems != 1 || own.chars)
            break;
        top = top->parent;
    }
    return top;
}

/* The text of the page's <title>, for the caller to xmlFree, or NULL. */
static xmlChar *ex_page_title(xmlNodePtr root)
{
    for (xmlNodePtr h = root->children; h; h = h->next)
        if (xml_is(h, "head"))
            for (xmlNodePtr t = h->children; t; t = t->next)
                if (xml_is(t, "title"))
                    return xmlNodeGetContent(t);
    return NULL;
}

/* Readability's second pass: when nothing worth keeping scored outside
 * the boxes whose names say furniture, a layout name may have taken the
 * article with them ("panel-two-col-sidebar-right"). Lift the marks and
 * score again; true when there were marks to lift. */
static bool ex_rescore_without_marks(ex_table *t, xmlNodePtr top, const page_meta_nodes *hints,
                                     extract_result *r)
{
    bool marked = false;
    for (size_t i = 0; i < t->n; i++)
        marked |= t->stats[i].unlikely;
    if (!marked)
        return false;
    for (size_t i = 0; i < t->n; i++) {
        ex_stat *s = &t->stats[i];
        s->unlikely = false;
        s->candidate = false;
        s->score = 0;
        s->class_weight = 0;
        s->prose = 0;
        s->record_prose = 0;
    }
    r->n_top = 0;
    ex_score_walk(top, false);
    if (hints && hints->title_node && ex_stat_of(hints->title_node))
        ex_near_title(top, ex_stat_of(hints->title_node));
    ex_collect_top(top, r);
    return true;
}

/* The article once blocks have scored: the best block climbed, or the
 * page's own entry, or the parts joined, or the recall fallback. */
static void ex_take_article(htmlDocPtr doc, xmlNodePtr root, const page_meta_nodes *hints,
                            const extract_counts *page, extract_result *r, FILE *explain)
{
    int prose = ex_prose_over_records(r), post = prose ? 0 : ex_opening_post_candidate(r);
    if (post)
        prose = post;
    if (prose) {
        extract_candidate c = r->top[prose];
        memmove(&r->top[1], &r->top[0], sizeof r->top[0] * (size_t)prose);
        r->top[0] = c;
    }
    xmlNodePtr top = ex_climb(r->top[0].node);
    const char *why = post ? "the thread's opening post, far longer than each reply"
                      : prose ? "the best block of prose, for the best scoring one is made of records"
                      : top == r->top[0].node ? "the best score"
                      : "holds the best block and scores better, or wraps it alone";
    xmlNodePtr parts = ex_named_parts_within(top);
    if (parts != top) {
        top = parts;
        why = "the box whose parts share a body name, holding nearly all the best block's prose";
    }
    xmlChar *title = ex_page_title(root);
    const char *entry_why;
    xmlNodePtr entry = ex_pick_entry(top, hints ? hints->title_node : NULL, (const char *)title, &entry_why);
    xmlFree(title);
    if (entry_why) {
        top = entry;
        why = entry_why;
    } else {
        xmlNodePtr meet = ex_merge_parts(top, r->top[0].node, root, hints ? hints->title_node : NULL, ex_final);
        if (meet != top) {
            top = meet;
            why = "the common block of the text's parts in several branches: close in score, or numbered modules of one kind";
        }
    }
    ex_gather(top, why, hints ? hints->title_node : NULL, r, explain);
    int kept = 0;
    for (int i = 0; i < r->n_nodes; i++)
        kept += ex_stat_of(r->nodes[i])->prose;
    xmlNodePtr whole = entry_why ? NULL : ex_recall_fallback(top, kept, ex_stat_of(root)->prose);
    if (whole) {
        r->n_nodes = 1;
        r->nodes[0] = whole;
        r->why[0] = "the kept blocks held too little of the page's prose: the nearest block holding most of it";
    } else if (!entry_why) {
        ex_take_live_report(r, root, kept);
    }
    xmlNodePtr leads[3];
    const char *lead_why[3];
    int k = r->n_nodes ? ex_lead_parts(hints ? hints->title_node : NULL, r->nodes[0], leads, lead_why, 3) : 0;
    if (k && r->n_nodes + k <= EXTRACT_MAX_NODES) {
        memmove(&r->nodes[k], &r->nodes[0], sizeof r->nodes[0] * (size_t)r->n_nodes);
        memmove(&r->why[k], &r->why[0], sizeof r->why[0] * (size_t)r->n_nodes);
        for (int i = 0; i < k; i++) {
            r->nodes[i] = leads[i];
            r->why[i] = lead_why[i];
        }
        r->n_nodes += k;
    }
    for (int i = 0; i < r->n_nodes; i++) {
        ex_stat *s = ex_stat_of(r->nodes[i]);
        r->chars += s->all.chars;
        r->punct += s->all.punct;
        r->link_chars += s->all.link_chars;
    }
    if (explain) {
        fprintf(explain, "page: %d characters, %d punctuation, link density %.2f\n",
                page->chars, page->punct, ex_link_density(page));
        int told = 0;
        ex_explain_records(explain, doc->children, &told);
        for (int i = 0; i < r->n_top; i++)
            ex_explain_candidate(explain, r, i);
        for (int i = 0; i < r->n_nodes; i++) {
            xmlChar *p = xmlGetNodePath(r->nodes[i]);
            fprintf(explain, "kept: %s: %s\n", p ? (char *)p : "?", r->why[i]);
            xmlFree(p);
        }
    }
}

void extract_choose(htmlDocPtr doc, const page_meta_nodes *hints,
                    extract_result *r, FILE *explain)
{
    memset(r, 0, sizeof *r);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root) {
        r->not_article = "the page is empty";
        return;
    }
    ex_table t = { 0 };
    t.cap = ex_number(doc->children, 0);
    t.stats = xcalloc(t.cap, sizeof *t.stats);
    extract_counts page = { 0, 0, 0, 0 };
    ex_stats_walk(doc->children, &t, &page, false);
    ex_mark_unlikely(doc->children);
    ex_mark_records(doc->children);
    ex_mark_repeated_names(doc->children);
    ex_score_walk(doc->children, false);
    if (hints && hints->title_node && ex_stat_of(hints->title_node))
        ex_near_title(doc->children, ex_stat_of(hints->title_node));
    ex_collect_top(doc->children, r);
    /* A page mostly of links stays an index whatever its boxes are named. */
    if ((r->n_top == 0 || r->top[0].score < 3) && !(page.chars && ex_link_density(&page) > 0.5) &&
        ex_rescore_without_marks(&t, doc->children, hints, r) && explain)
        fprintf(explain, "nothing scored outside furniture-named boxes: scored again with their names ignored\n");

    xmlNodePtr body = page_body(root);
    /* Mostly links and no block that reads like prose: an index, a column
     * list or a forum listing. */
    bool weak = r->n_top == 0 || r->top[0].score < 3;
    if (weak && page.chars && ex_link_density(&page) > 0.5) {
        r->not_article = "a list or index page, not an article";
        r->list_page = true;
    } else if (r->n_top == 0 && (!page.chars || !body)) {
        r->not_article = "the page has no text";
    } else if (r->n_top == 0) {
        /* Too little text to score: the page is its own article. */
        r->whole_body = true;
        r->why[r->n_nodes] = "no block scored: the whole body";
        r->nodes[r->n_nodes++] = body;
        r->chars = page.chars;
        r->punct = page.punct;
        r->link_chars = page.link_chars;
        if (explain)
            fprintf(explain, "no block scored; keeping the whole body\n");
    } else {
        ex_take_article(doc, root, hints, &page, r, explain);
        ex_drop_inner_copies(r, explain);
    }
    ex_clear_private(doc->children);
    free(t.stats);
}

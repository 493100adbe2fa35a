/* Panels a reader opens: an FAQ's answers, a "read more" section. A
 * toggle (a button with aria-expanded) names its panel by aria-controls,
 * and the panel is hidden until the toggle is pressed (aria-hidden, the
 * hidden attribute, display:none). It is the text folded away, not a copy
 * or a template: it is opened before the hidden blocks are dropped, and
 * a toggle that is a button gives its words (the question) to the text,
 * as a button that is a heading's does.
 *
 * An older accordion names no panel: each question is an element a script
 * listens to (onclick) and its answer the element right after it, folded
 * by an inline style or a class. Two questions of the same tag and class
 * at least, each short, make the run; one such element alone may be a
 * share button over its menu. */
#include "clean/extract_int.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>

/* A page's accordions hold a few dozen panels; past this many toggles
 * the page is a menu of them, and none is opened. */
#define TOGGLES_MAX 256
/* A panel holds an answer: some words, not an icon's label. */
#define PANEL_MIN_CHARS 20
/* A question is a line: longer, it is a paragraph a script listens to. */
#define QUESTION_MAX_CHARS 120

typedef struct {
    const char *id;
    xmlNodePtr node;
} ided_node;

typedef struct {
    xmlNodePtr *toggles;
    size_t n_toggles, cap_toggles;
    ided_node *ided;
    size_t n_ided, cap_ided;
    xmlNodePtr *clicked;   /* elements with onclick: an older accordion's questions */
    size_t n_clicked, cap_clicked;
    bool too_many;
} toggle_scan;

static const char *const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };

static void toggle_collect(xmlNodePtr n, toggle_scan *s)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *id = xml_attr_ref(n, "id");
        if (id && *id) {
            ALLOC_GROW(s->ided, s->n_ided + 1, s->cap_ided);
            s->ided[s->n_ided].id = id;
            s->ided[s->n_ided++].node = n;
        }
        if (xmlHasProp(n, (const xmlChar *)"aria-controls") && xmlHasProp(n, (const xmlChar *)"aria-expanded")) {
            if (s->n_toggles >= TOGGLES_MAX) {
                s->too_many = true;
            } else {
                ALLOC_GROW(s->toggles, s->n_toggles + 1, s->cap_toggles);
                s->toggles[s->n_toggles++] = n;
            }
        }
        /* a button or a link a script listens to opens a widget (a
         * newsletter's dialog), a question's line its answer */
        if (xmlHasProp(n, (const xmlChar *)"onclick") && !xml_is(n, "button") && !xml_is(n, "a") &&
            s->n_clicked < TOGGLES_MAX) {
            ALLOC_GROW(s->clicked, s->n_clicked + 1, s->cap_clicked);
            s->clicked[s->n_clicked++] = n;
        }
        /* a heading's button holds the heading's words (an FAQ's
         * question), whatever it opens */
        if (xml_is(n, "button") && n->parent && n->parent->type == XML_ELEMENT_NODE &&
            xml_is_any(n->parent, headings))
            xmlNodeSetName(n, (const xmlChar *)"span");
        toggle_collect(n->children, s);
    }
}

static int id_cmp(const void *a, const void *b)
{
    return strcmp(((const ided_node *)a)->id, ((const ided_node *)b)->id);
}

static xmlNodePtr find_id(const toggle_scan *s, const char *id)
{
    size_t lo = 0, hi = s->n_ided;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int r = strcmp(s->ided[mid].id, id);
        if (!r)
            return s->ided[mid].node;
        if (r < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Q asks a question (a short line) over an answer right after it. */
static xmlNodePtr question_panel(xmlNodePtr q)
{
    extract_counts c;
    extract_count(q, &c);
    if (!c.chars || c.chars > QUESTION_MAX_CHARS)
        return NULL;
    xmlNodePtr panel = xml_next_element(q);
    if (!panel)
        return NULL;
    extract_count(panel, &c);
    return c.chars - c.link_chars >= PANEL_MIN_CHARS ? panel : NULL;
}

static void open_panel(xmlNodePtr panel);

/* A and B say the same: one widget set twice, not two answers. */
static bool same_text(xmlNodePtr a, xmlNodePtr b)
{
    xmlChar *ta = xmlNodeGetContent(a), *tb = xmlNodeGetContent(b);
    bool same = ta && tb && xmlStrEqual(ta, tb);
    xmlFree(ta);
    xmlFree(tb);
    return same;
}

/* The answers of the runs of questions among S's clicked elements. A
 * panel that is itself clicked is the next question, not an answer. */
static int open_clicked_runs(const toggle_scan *s)
{
    int opened = 0;
    xmlNodePtr *panels = xcalloc(s->n_clicked + 1, sizeof *panels);
    for (size_t i = 0; i < s->n_clicked; i++) {
        panels[i] = question_panel(s->clicked[i]);
        if (panels[i] && xmlHasProp(panels[i], (const xmlChar *)"onclick"))
            panels[i] = NULL;
    }
    for (size_t i = 0; i < s->n_clicked; i++) {
        bool run = false;
        for (size_t j = 0; j < s->n_clicked && panels[i] && !run; j++)
            run = j != i && panels[j] && ex_same_kind(s->clicked[i], s->clicked[j]) &&
                  !same_text(panels[i], panels[j]);
        if (!run || xmlHasProp(panels[i], (const xmlChar *)EXTRACT_OPENED_ATTR))
            continue;
        open_panel(panels[i]);
        opened++;
    }
    free(panels);
    return opened;
}

static void open_panel(xmlNodePtr panel)
{
    xmlUnsetProp(panel, (const xmlChar *)"aria-hidden");
    xmlUnsetProp(panel, (const xmlChar *)"hidden");
    xmlSetProp(panel, (const xmlChar *)EXTRACT_OPENED_ATTR, (const xmlChar *)"");
}

int extract_open_toggles(htmlDocPtr doc)
{
    toggle_scan s = { 0 };
    toggle_collect(doc ? doc->children : NULL, &s);
    int opened = 0;
    if (!s.too_many && s.n_toggles) {
        qsort(s.ided, s.n_ided, sizeof *s.ided, id_cmp);
        for (size_t i = 0; i < s.n_toggles; i++) {
            xmlNodePtr t = s.toggles[i];
            const char *ref = xml_attr_ref(t, "aria-controls");
            /* one panel, named alone */
            xmlNodePtr panel = ref && *ref && !strchr(ref, ' ') ? find_id(&s, ref) : NULL;
            if (!panel || panel == t || xml_is_ancestor(panel, t) || xml_is_ancestor(t, panel))
                continue;
            extract_counts c;
            extract_count(panel, &c);
            if (c.chars - c.link_chars < PANEL_MIN_CHARS)
                continue;
            open_panel(panel);
            if (xml_is(t, "button"))
                xmlNodeSetName(t, (const xmlChar *)"span");
            opened++;
        }
    }
    if (!s.too_many)
        opened += open_clicked_runs(&s);
    free(s.toggles);
    free(s.ided);
    free(s.clicked);
    return opened;
}

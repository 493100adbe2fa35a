/* The panes of a tab set that the page does not show. A style sheet
 * hides every pane but the chosen one (".tab-pane" hidden, ".tab-pane
 * .active" shown), or a script numbered them and hid all but the first
 * (a long text paged as "page_1", "page_2", with 显示全文 to show them
 * all). What the others hold decides what they are: the same
 * text again, an earlier version of a rule (历史版本) or a reading mode, is
 * a copy and goes with its pane; anything else is a part of one text that
 * the page splits into tabs (a guide's "Who can apply", "Documents",
 * "Fees"), and a reader of the text on paper wants all of it. */
#include "clean/extract_int.h"
#include "util/buf.h"
#include "util/shingle.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <string.h>

/* Of its runs of letters, the share a pane holds of the chosen pane's
 * text that makes it a version of that text: a rule's version before an
 * amendment differs in a phrase per article, while a 解读 that quotes the
 * text it reads adds much of its own. */
#define PANE_COPY_SHARE 0.8

/* How many classes the list CLS holds; *ALL (when ALL is not NULL) is
 * cleared unless the list OTHER holds each of them. */
static int pane_classes(const char *cls, const char *other, bool *all)
{
    int k = 0;
    size_t len;
    for (const char *p = cls, *c; (c = xml_class_next(&p, &len)); k++)
        if (all && *all)
            *all = xml_class_has_n(other, c, len);
    return k;
}

/* The ids A and B number a series ("page_1", "page_2"; "con2", "con3"):
 * the same stem, other numbers. */
static bool pane_numbered(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    size_t la = strlen(a), lb = strlen(b), da = la, db = lb;
    while (da > 0 && isdigit((unsigned char)a[da - 1]))
        da--;
    while (db > 0 && isdigit((unsigned char)b[db - 1]))
        db--;
    return da > 0 && da == db && da < la && db < lb && !strncmp(a, b, da) && strcmp(a + da, b + db);
}

/* The sibling of N that is the shown pane of N's set: of N's tag, shown,
 * and of N's classes with a state class more (".tab-pane.active"), or
 * numbered in one series with N ("page_1" beside a hidden "page_2"). */
static bool pane_of(xmlNodePtr n, xmlNodePtr s, const css_hidden *sheet, const char *cls, int own, const char *id)
{
    if (s->type != XML_ELEMENT_NODE || !xmlStrEqual(s->name, n->name))
        return false;
    const char *scls = xml_attr_ref(s, "class");
    bool all = true;
    pane_classes(cls, scls, &all);
    bool pane = (own && all && pane_classes(scls, NULL, NULL) > own) || pane_numbered(id, xml_attr_ref(s, "id"));
    return pane && !extract_hidden_inline(s) && css_hidden_match(sheet, s, NULL) == CSS_SHOWN;
}

/* A tab set has a few panes: the shown one is looked for among the
 * nearest siblings only, so that a page of thousands of hidden boxes
 * costs no more than a few steps each. */
#define PANE_SIBLINGS 24

static xmlNodePtr pane_chosen(xmlNodePtr n, const css_hidden *sheet)
{
    const char *cls = xml_attr_ref(n, "class"), *id = xml_attr_ref(n, "id");
    int own = pane_classes(cls, NULL, NULL);
    if (!own && !id)
        return NULL;
    xmlNodePtr before = n->prev, after = n->next;
    for (int i = 0; i < PANE_SIBLINGS && (before || after); i++) {
        if (before && pane_of(n, before, sheet, cls, own, id))
            return before;
        if (after && pane_of(n, after, sheet, cls, own, id))
            return after;
        before = before ? before->prev : NULL;
        after = after ? after->next : NULL;
    }
    return NULL;
}

/* Enough of a pane's text to tell a copy: the opening of a long one, so
 * that a page of huge panes costs little. */
#define PANE_TEXT_BYTES 4096

int extract_pane_kind(xmlNodePtr n, const css_hidden *sheet)
{
    xmlNodePtr chosen = pane_chosen(n, sheet);
    if (!chosen)
        return PANE_NONE;
    buf_t mine, theirs;
    buf_init(&mine);
    buf_init(&theirs);
    extract_text_upto(n->children, &mine, PANE_TEXT_BYTES);
    extract_text_upto(chosen->children, &theirs, PANE_TEXT_BYTES);
    double share = mine.len && theirs.len ? shingle_share(mine.data, theirs.data) : 0;
    buf_free(&mine);
    buf_free(&theirs);
    return share >= PANE_COPY_SHARE ? PANE_COPY : PANE_PART;
}

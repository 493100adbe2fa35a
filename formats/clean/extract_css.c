/* The classes and ids a page's own style sheet hides: a copy of the text
 * for printing, a menu, a share panel, set display:none by a rule in a
 * <style> element rather than on the element itself.
 *
 * Only what is surely hidden counts. A rule hides a name when it stands at
 * the sheet's top level or under @media screen, its selector is that name
 * alone ("div.print-copy", "#share"), and it sets display:none or
 * visibility:hidden. A name that any other selector mentions may be shown
 * again there ("#tab2.active", ".menu:hover .sub", a wide screen's @media,
 * @supports) and does not count. Rules for print or for a phone's width
 * neither hide nor show: a copy for paper is hidden on the screen the page
 * was saved from. Style elements for print or another medium are not
 * read. The sheets a page links to are read too when its capture holds
 * them (a page saved with its files, an MHTML, a zip, a WARC): there the
 * hiding rules of a CMS's template usually stand. */
#include "clean/extract_int.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    char *name;   /* ".class" or "#id" */
    bool hiding;  /* met as a hiding rule's whole selector */
} css_mention;

typedef struct {
    css_mention *v;
    size_t count, cap;
    /* the class that a hiding rule's last compound names alone (".tab-con
     * .pane"), and the classes that a showing rule's last compound names
     * two of (".tab-con .pane.on"): a tab set's panes and the state that
     * shows one (css_tab_pair) */
    css_mention *last;
    size_t last_count, last_cap;
} css_mentions;

static bool css_name_char(unsigned char c)
{
    return isalnum(c) || c == '-' || c == '_' || c >= 0x80;
}

static void css_mention_add(css_mentions *m, const char *name, size_t len, bool hiding)
{
    ALLOC_GROW(m->v, m->count + 1, m->cap);
    m->v[m->count].name = xstrndup(name, len);
    m->v[m->count++].hiding = hiding;
}

/* The declarations hide the element: display:none or visibility:hidden,
 * in any case and spacing. */
static bool css_body_hides(const char *body, size_t len)
{
    char squeezed[256];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof squeezed; i++)
        if (!isspace((unsigned char)body[i]))
            squeezed[n++] = (char)tolower((unsigned char)body[i]);
    squeezed[n] = '\0';
    return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

/* The declarations show the element again: a display other than none,
 * or visibility:visible. */
static bool css_body_shows(const char *body, size_t len)
{
    char squeezed[256];
    size_t n = 0;
    for (size_t i = 0; i < len && n + 1 < sizeof squeezed; i++)
        if (!isspace((unsigned char)body[i]))
            squeezed[n++] = (char)tolower((unsigned char)body[i]);
    squeezed[n] = '\0';
    const char *d = strstr(squeezed, "display:");
    return (d && strncmp(d + 8, "none", 4)) || strstr(squeezed, "visibility:visible");
}

/* The classes of the last compound of one selector, S to END ("div.pane.on"
 * of ".tab-con > div.pane.on"), a tag before them at most, into M's LAST
 * list: ".pane" marked hiding when the rule hides, ".pane.on" when it
 * shows. Other compounds (an id, an attribute, a state) are no pane's. */
static void css_read_last_compound(css_mentions *m, const char *s, const char *end, bool hides, bool shows)
{
    while (end > s && isspace((unsigned char)end[-1]))
        end--;
    const char *c = end;
    while (c > s && !strchr(" \t\r\n>+~", c[-1]))
        c--;
    while (c < end && isalnum((unsigned char)*c))
        c++;
    if (c == end || *c != '.')
        return;
    int classes = 0;
    for (const char *p = c; p < end; p++) {
        if (*p == '.')
            classes++;
        else if (!css_name_char((unsigned char)*p))
            return;
    }
    if ((hides && classes == 1) || (shows && classes == 2)) {
        ALLOC_GROW(m->last, m->last_count + 1, m->last_cap);
        m->last[m->last_count].name = xstrndup(c, (size_t)(end - c));
        m->last[m->last_count++].hiding = hides;
    }
}

/* One selector of a list, S to END, is a class or id alone, a tag name
 * before it at most: its name's place, or NULL. */
static const char *css_simple_name(const char *s, const char *end, size_t *len)
{
    while (s < end && isspace((unsigned char)*s))
        s++;
    while (end > s && isspace((unsigned char)end[-1]))
        end--;
    while (s < end && isalnum((unsigned char)*s))
        s++;
    if (s == end || (*s != '.' && *s != '#'))
        return NULL;
    const char *name = s++;
    while (s < end && css_name_char((unsigned char)*s))
        s++;
    /* or classes together, ".subscriber-only.encrypted": all of them */
    while (name[0] == '.' && s + 1 < end && *s == '.' && css_name_char((unsigned char)s[1]))
        for (s++; s < end && css_name_char((unsigned char)*s); s++)
            ;
    *len = (size_t)(s - name);
    return s == end && *len > 1 ? name : NULL;
}

/* Every class and id the selector list SEL (LEN bytes) mentions; those a
 * top-level hiding rule names alone are marked so. */
static void css_read_selector(css_mentions *m, const char *sel, size_t len, bool hides, bool shows)
{
    const char *end = sel + len;
    for (const char *part = sel; part < end;) {
        const char *comma = memchr(part, ',', (size_t)(end - part));
        const char *stop = comma ? comma : end;
        css_read_last_compound(m, part, stop, hides, shows);
        size_t n;
        const char *alone = hides ? css_simple_name(part, stop, &n) : NULL;
        if (alone) {
            css_mention_add(m, alone, n, true);
        } else {
            for (const char *p = part; p < stop; p++) {
                if ((*p != '.' && *p != '#') || p + 1 >= stop || !css_name_char((unsigned char)p[1]))
                    continue;
                const char *q = p + 1;
                while (q < stop && css_name_char((unsigned char)*q))
                    q++;
                css_mention_add(m, p, (size_t)(q - p), false);
                p = q - 1;
            }
        }
        part = stop + 1;
    }
}

/* How an @ block's rules bear on the page as its reader sees it on a
 * screen. */
enum { CSS_AT_MENTION, CSS_AT_IGNORE, CSS_AT_SCREEN };

/* The block whose prelude is AT (to END): @media print does not touch
 * the screen, and a narrow screen's query ("(max-width:768px)") only a
 * phone's layout, so their rules neither hide nor show; @media screen or
 * all is the screen's own. A wide screen's query (min-width) and other
 * blocks (@supports) may show a name on the screen a page is saved from. */
static int css_at_kind(const char *at, const char *end)
{
    if (end - at < 6 || strncasecmp(at, "@media", 6))
        return CSS_AT_MENTION;
    char q[128];
    size_t n = 0;
    for (const char *p = at + 6; p < end && n + 1 < sizeof q; p++)
        q[n++] = (char)tolower((unsigned char)*p);
    q[n] = '\0';
    if (strstr(q, "min-width") || strstr(q, "not "))
        return CSS_AT_MENTION;
    if (strchr(q, '('))
        return CSS_AT_IGNORE;
    if (strstr(q, "screen") || strstr(q, "all"))
        return CSS_AT_SCREEN;
    return CSS_AT_IGNORE;   /* print, speech */
}

/* Walk one sheet: rules at the top level (or under @media screen), and
 * those inside other @ blocks, which only mention names. */
#define CSS_AT_DEPTH 16

static void css_read_sheet(css_mentions *m, const char *css)
{
    int depth = 0, ignored = 0, mentioning = 0;
    unsigned char kinds[CSS_AT_DEPTH];
    const char *prelude = css;
    for (const char *p = css; *p; p++) {
        if (*p == '}') {
            if (depth > 0) {
                depth--;
                if (depth < CSS_AT_DEPTH) {
                    ignored -= kinds[depth] == CSS_AT_IGNORE;
                    mentioning -= kinds[depth] == CSS_AT_MENTION;
                } else {
                    mentioning--;   /* a block past the stack closes */
                }
            }
            prelude = p + 1;
        } else if (*p == ';' && depth == 0) {
            prelude = p + 1;   /* @import, @charset */
        } else if (*p == '{') {
            const char *sel = prelude;
            while (sel < p && isspace((unsigned char)*sel))
                sel++;
            if (*sel == '@') {
                int kind = css_at_kind(sel, p);
                if (depth < CSS_AT_DEPTH) {
                    kinds[depth] = (unsigned char)kind;
                    ignored += kind == CSS_AT_IGNORE;
                    mentioning += kind == CSS_AT_MENTION;
                } else {
                    mentioning++;   /* past the stack, as a mention */
                }
                depth++;
                prelude = p + 1;
                continue;
            }
            const char *close = strchr(p, '}');
            if (!close)
                return;
            if (!ignored)
                css_read_selector(m, sel, (size_t)(p - sel),
                                  !mentioning && css_body_hides(p + 1, (size_t)(close - p - 1)),
                                  !mentioning && css_body_shows(p + 1, (size_t)(close - p - 1)));
            p = close;
            prelude = p + 1;
        }
    }
}

/* A style element for the screen: no media attribute, or one naming the
 * screen or all media. */
static bool css_for_screen(xmlNodePtr style)
{
    xmlChar *media = xmlGetProp(style, (const xmlChar *)"media");
    bool screen = !media || !*media || strstr((const char *)media, "screen") || strstr((const char *)media, "all");
    xmlFree(media);
    return screen;
}

static void css_append_comment_free(buf_t *b, const char *s)
{
    for (const char *open; (open = strstr(s, "/*")); s = open) {
        buf_add(b, s, (size_t)(open - s));
        buf_putc(b, ' ');
        const char *end = strstr(open + 2, "*/");
        if (!end)
            return;
        open = end + 2;
    }
    buf_puts(b, s);
}

static void css_read_text(css_mentions *m, const char *text)
{
    buf_t sheet;
    buf_init(&sheet);
    css_append_comment_free(&sheet, text);
    css_read_sheet(m, sheet.data ? sheet.data : "");
    buf_free(&sheet);
}

/* A saved page's own sheets, as the capture holds them (the files a browser
 * saved beside the page, an MHTML's parts): a few, each of a plausible
 * size, and only what the capture says is CSS. */
#define CSS_LINKED_MAX 8
#define CSS_LINKED_BYTES (512 * 1024)

typedef struct {
    resource_fn fetch;
    void *ctx;
    int read;
} css_linked;

static bool css_is_sheet_link(xmlNodePtr n)
{
    if (!xml_is(n, "link"))
        return false;
    xmlChar *rel = xmlGetProp(n, (const xmlChar *)"rel");
    bool sheet = rel && !strcasecmp((const char *)rel, "stylesheet");
    xmlFree(rel);
    return sheet && css_for_screen(n);
}

static void css_read_linked(css_mentions *m, xmlNodePtr link, css_linked *l)
{
    xmlChar *href = xmlGetProp(link, (const xmlChar *)"href");
    if (!href || !*href || l->read >= CSS_LINKED_MAX) {
        xmlFree(href);
        return;
    }
    buf_t bytes, type;
    buf_init(&bytes);
    buf_init(&type);
    if (l->fetch(l->ctx, (const char *)href, NULL, &bytes, &type) && bytes.len &&
        bytes.len <= CSS_LINKED_BYTES && type.data && strstr(type.data, "css") &&
        !memchr(bytes.data, '\0', bytes.len)) {
        l->read++;
        css_read_text(m, bytes.data);
    }
    buf_free(&bytes);
    buf_free(&type);
    xmlFree(href);
}

static void css_gather(xmlNodePtr n, css_mentions *m, css_linked *l)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (l->fetch && css_is_sheet_link(n)) {
            css_read_linked(m, n, l);
            continue;
        }
        if (!xml_is(n, "style")) {
            css_gather(n->children, m, l);
            continue;
        }
        if (!css_for_screen(n))
            continue;
        xmlChar *text = xmlNodeGetContent(n);
        if (text)
            css_read_text(m, (const char *)text);
        xmlFree(text);
    }
}

static int css_cmp_mention(const void *a, const void *b)
{
    return strcmp(((const css_mention *)a)->name, ((const css_mention *)b)->name);
}

static int css_cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether M's LAST list marks the class of LEN bytes at NAME (its dot
 * included) as a hiding rule's. */
static bool css_last_hides(const css_mentions *m, const char *name, size_t len)
{
    for (size_t i = 0; i < m->last_count; i++)
        if (m->last[i].hiding && strlen(m->last[i].name) == len && !strncmp(m->last[i].name, name, len))
            return true;
    return false;
}

/* The tab sets of M: a showing rule's ".a.b" where ".a" alone is hidden
 * and ".b" is not gives the pane ".a" and its state "b". */
static void css_tab_pairs(const css_mentions *m, css_hidden *h)
{
    for (size_t i = 0; i < m->last_count && h->tab < CSS_COMPOUNDS_MAX; i++) {
        const char *a = m->last[i].name, *b = strchr(a + 1, '.');
        if (m->last[i].hiding || !b)
            continue;
        bool a_hides = css_last_hides(m, a, (size_t)(b - a)), b_hides = css_last_hides(m, b, strlen(b));
        if (a_hides == b_hides)
            continue;
        /* ".on.pane": the pane second, set first */
        size_t la = (size_t)(b - a), lb = strlen(b);
        char *pair = xmalloc(la + lb + 1);
        memcpy(pair, b_hides ? b : a, b_hides ? lb : la);
        memcpy(pair + (b_hides ? lb : la), b_hides ? a : b, b_hides ? la : lb);
        pair[la + lb] = '\0';
        h->tabs[h->tab++] = pair;
    }
}

void css_hidden_collect(htmlDocPtr doc, resource_fn fetch, void *ctx, css_hidden *h)
{
    memset(h, 0, sizeof *h);
    css_mentions m = { 0 };
    css_linked l = { fetch, ctx, 0 };
    css_gather(doc->children, &m, &l);
    css_tab_pairs(&m, h);
    if (m.count)
        qsort(m.v, m.count, sizeof *m.v, css_cmp_mention);
    for (size_t i = 0; i < m.count;) {
        size_t j = i;
        bool only_hiding = true;
        for (; j < m.count && !strcmp(m.v[j].name, m.v[i].name); j++)
            only_hiding &= m.v[j].hiding;
        if (only_hiding) {
            ALLOC_GROW(h->names, h->count + 1, h->cap);
            h->names[h->count++] = xstrdup(m.v[i].name);
            if (m.v[i].name[0] == '.' && strchr(m.v[i].name + 1, '.') && h->compound < CSS_COMPOUNDS_MAX)
                h->compounds[h->compound++] = h->names[h->count - 1];
        }
        i = j;
    }
    for (size_t i = 0; i < m.count; i++)
        free(m.v[i].name);
    free(m.v);
    for (size_t i = 0; i < m.last_count; i++)
        free(m.last[i].name);
    free(m.last);
}

static bool css_listed(const css_hidden *h, char kind, const char *name, size_t len)
{
    char key[128];
    if (len + 2 > sizeof key)
        return false;
    key[0] = kind;
    memcpy(key + 1, name, len);
    key[len + 1] = '\0';
    const char *k = key;
    return bsearch(&k, h->names, h->count, sizeof *h->names, css_cmp_name) != NULL;
}

/* The class list CLS holds the class of LEN bytes at NAME. */
static bool css_has_class(const char *cls, const char *name, size_t len)
{
    for (const char *p = cls; *p;) {
        while (*p && isspace((unsigned char)*p))
            p++;
        size_t k = 0;
        while (p[k] && !isspace((unsigned char)p[k]))
            k++;
        if (k == len && !strncmp(p, name, len))
            return true;
        p += k;
    }
    return false;
}

/* CLS holds every class of the compound name C (".a.b"). */
static bool css_compound_match(const char *c, const char *cls)
{
    for (const char *p = c; *p == '.';) {
        size_t k = strcspn(p + 1, ".");
        if (!css_has_class(cls, p + 1, k))
            return false;
        p += 1 + k;
    }
    return true;
}

/* N is a pane of the tab set TAB (".pane.on") that lacks its state, and a
 * sibling pane has it: the reader sees that one, not N. */
static bool css_tab_hidden(const char *tab, xmlNodePtr n, const char *cls)
{
    const char *state = strchr(tab + 1, '.');
    if (!css_has_class(cls, tab + 1, (size_t)(state - tab - 1)) || css_has_class(cls, state + 1, strlen(state + 1)))
        return false;
    bool shown = false;
    for (xmlNodePtr s = n->parent ? n->parent->children : NULL; s && !shown; s = s->next) {
        xmlChar *c = s != n && s->type == XML_ELEMENT_NODE ? xmlGetProp(s, (const xmlChar *)"class") : NULL;
        shown = c && css_compound_match(tab, (const char *)c);
        xmlFree(c);
    }
    return shown;
}

bool css_hidden_match(const css_hidden *h, xmlNodePtr n)
{
    if (!h->count && !h->tab)
        return false;
    bool hit = false;
    xmlChar *id = xmlGetProp(n, (const xmlChar *)"id");
    if (id)
        hit = css_listed(h, '#', (const char *)id, strlen((const char *)id));
    xmlFree(id);
    xmlChar *cls = hit ? NULL : xmlGetProp(n, (const xmlChar *)"class");
    for (const char *p = (const char *)cls; p && *p && !hit;) {
        while (*p && isspace((unsigned char)*p))
            p++;
        size_t len = 0;
        while (p[len] && !isspace((unsigned char)p[len]))
            len++;
        hit = len && css_listed(h, '.', p, len);
        p += len;
    }
    for (size_t i = 0; cls && !hit && i < h->compound; i++)
        hit = css_compound_match(h->compounds[i], (const char *)cls);
    for (size_t i = 0; cls && !hit && i < h->tab; i++)
        hit = css_tab_hidden(h->tabs[i], n, (const char *)cls);
    xmlFree(cls);
    return hit;
}

void css_hidden_free(css_hidden *h)
{
    for (size_t i = 0; i < h->count; i++)
        free(h->names[i]);
    free(h->names);
    for (size_t i = 0; i < h->tab; i++)
        free(h->tabs[i]);
    memset(h, 0, sizeof *h);
}

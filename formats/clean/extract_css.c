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
static void css_read_selector(css_mentions *m, const char *sel, size_t len, bool hides)
{
    const char *end = sel + len;
    for (const char *part = sel; part < end;) {
        const char *comma = memchr(part, ',', (size_t)(end - part));
        const char *stop = comma ? comma : end;
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
                                  !mentioning && css_body_hides(p + 1, (size_t)(close - p - 1)));
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

void css_hidden_collect(htmlDocPtr doc, resource_fn fetch, void *ctx, css_hidden *h)
{
    memset(h, 0, sizeof *h);
    css_mentions m = { NULL, 0, 0 };
    css_linked l = { fetch, ctx, 0 };
    css_gather(doc->children, &m, &l);
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

bool css_hidden_match(const css_hidden *h, xmlNodePtr n)
{
    if (!h->count)
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
    xmlFree(cls);
    return hit;
}

void css_hidden_free(css_hidden *h)
{
    for (size_t i = 0; i < h->count; i++)
        free(h->names[i]);
    free(h->names);
    memset(h, 0, sizeof *h);
}

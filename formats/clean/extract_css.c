/* What a page's own style sheets hide: a copy of the text for printing, a
 * menu, a share panel, the tabs not chosen, set display:none by a rule in
 * a <style> element rather than on the element itself.
 *
 * The rules that set display or visibility are read and cascaded as a
 * browser would: the matching rule of most weight (!important, then
 * specificity, then order) decides, so that ".tab-pane{display:none}"
 * with ".tab-pane.active{display:block}" hides the tabs not chosen and
 * shows the one that is. Only what is surely hidden counts: a rule whose
 * selector the page cannot answer (":hover", "+", an attribute) hides
 * nothing, and may show again what bears its names, if it would outweigh
 * the rule that hides. Rules at the top level or under @media screen are
 * the screen's own; a wide screen's query (min-width) and @supports may
 * hold, so their rules count as unsure ones. Rules for print or for a
 * phone's width neither hide nor show: a copy for paper is hidden on the
 * screen the page was saved from. Style elements for print or another
 * medium are not read. The sheets a page links to are read too when its
 * capture holds them (a page saved with its files, an MHTML, a zip, a
 * WARC): there the hiding rules of a CMS's template usually stand. */
#include "clean/extract_int.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct css_rule {
    css_selector sel;
    css_above need;   /* the names its compounds but the last need above */
    unsigned order;
    bool hides;
    bool important;
    bool waits;   /* hides until a state is set: a :not(), a script's class above */
    bool text_only; /* hides by a font size of nothing: only an element's own text */
};

/* A class a script sets on the page when it runs ("js", "js-enabled",
 * "has-js"): what a rule hides under it, the script shows in turn. */
static bool css_script_class(const char *name)
{
    size_t n = strlen(name);
    return !strcmp(name, "js") || !strncmp(name, "js-", 3) || (n > 3 && !strcmp(name + n - 3, "-js"));
}

static bool css_waits(const css_selector *sel)
{
    for (int i = 0; i < sel->nparts; i++)
        for (int t = 0; t < sel->parts[i].ntests; t++) {
            const css_test *test = &sel->parts[i].tests[t];
            if (test->negate || (i < sel->nparts - 1 && test->kind == '.' && css_script_class(test->name)))
                return true;
        }
    return false;
}

struct css_key {
    char *key;
    size_t rule;
};

/* A length of nothing at V ("0", "0px"; not "0.5em"). */
static bool css_zero_length(const char *v)
{
    return v[0] == '0' && v[1] != '.' && !isdigit((unsigned char)v[1]);
}

/* A length at V that puts a box a screen's width away ("-9999px"). */
static bool css_far_off(const char *v)
{
    return v[0] == '-' && strtol(v + 1, NULL, 10) >= 999;
}

/* What one declaration block says of showing: CSS_HIDES (display:none,
 * visibility:hidden; in an element's own style attribute also a box of
 * no height that clips what overflows it, or one placed far off the
 * screen), CSS_SHOWS (another display, visibility:visible),
 * CSS_HIDES_TEXT (font-size:0: an element's own words, not what its
 * children size again), CSS_SIZES (a fold's height again: what it opens
 * to), 0 nothing; *IMPORTANT when the deciding declaration is !important.
 * A sheet's box of no height or off the screen is not read as hidden:
 * a rule of another property (position:static, a height in a state)
 * undoes it, which the one cascade here does not weigh; a fold of no
 * height (max-height:0) is a fold, opened by a script. An aspect-ratio
 * box (height:0 with a padding) holds a picture. */
enum { CSS_HIDES = 1, CSS_SHOWS = 2, CSS_HIDES_TEXT = 3, CSS_SIZES = 4 };

static int css_body_verdict(const char *body, size_t len, bool own_style, bool *important)
{
    char squeezed[512];
    size_t n = 0, i = 0;
    for (; i < len && n + 1 < sizeof squeezed; i++)
        if (!isspace((unsigned char)body[i]))
            squeezed[n++] = (char)tolower((unsigned char)body[i]);
    squeezed[n] = '\0';
    /* a block longer than that is read to its last whole declaration: a
     * value cut short ("font-size:0" of "0.8em") would say what it does not */
    if (i < len) {
        char *semi = strrchr(squeezed, ';');
        *(semi ? semi : squeezed) = '\0';
    }
    /* display, visibility and font-size each: the last declaration, or
     * the last !important one */
    int said[3] = { 0, 0, 0 };
    bool imp[3] = { false, false, false };
    bool flat = false, clips = false, sized = false, placed = false, far = false, padded = false;
    for (char *decl = squeezed; decl && *decl;) {
        char *semi = strchr(decl, ';');
        if (semi)
            *semi = '\0';
        int prop = -1, verdict = 0;
        const char *value = NULL;
        if (!strncmp(decl, "display:", 8)) {
            prop = 0;
            value = decl + 8;
            verdict = !strncmp(value, "none", 4) ? CSS_HIDES : CSS_SHOWS;
        } else if (!strncmp(decl, "visibility:", 11)) {
            prop = 1;
            value = decl + 11;
            verdict = !strncmp(value, "hidden", 6) || !strncmp(value, "collapse", 8) ? CSS_HIDES
                      : !strncmp(value, "visible", 7)                             ? CSS_SHOWS
                                                                                  : 0;
        } else if (!strncmp(decl, "font-size:", 10)) {
            prop = 2;
            value = decl + 10;
            verdict = css_zero_length(value) ? CSS_HIDES_TEXT : 0;
        } else if (!strncmp(decl, "height:", 7) || !strncmp(decl, "max-height:", 11)) {
            const char *v = strchr(decl, ':') + 1;
            if (decl[0] == 'h' && css_zero_length(v))
                flat = true;
            else if (decl[0] == 'm' || !strncmp(v, "auto", 4))
                sized = true;   /* what a fold opens to, not a layout's height */
        } else if (!strncmp(decl, "padding", 7)) {
            const char *v = strchr(decl, ':');
            padded = padded || (v && !css_zero_length(v + 1));
        } else if (!strncmp(decl, "overflow:", 9) || !strncmp(decl, "overflow-y:", 11)) {
            const char *v = strchr(decl, ':') + 1;
            clips = !strncmp(v, "hidden", 6) || !strncmp(v, "clip", 4);
        } else if (!strncmp(decl, "position:", 9)) {
            placed = !strncmp(decl + 9, "absolute", 8) || !strncmp(decl + 9, "fixed", 5);
        } else if (!strncmp(decl, "left:", 5) || !strncmp(decl, "top:", 4)) {
            far = far || css_far_off(strchr(decl, ':') + 1);
        }
        if (verdict || prop == 2) {
            bool important_here = strstr(value, "!important") != NULL;
            if (important_here || !imp[prop]) {
                said[prop] = verdict;
                imp[prop] = important_here;
            }
        }
        decl = semi ? semi + 1 : NULL;
    }
    for (int prop = 0; prop < 2; prop++)
        if (said[prop] == CSS_HIDES) {
            *important = imp[prop];
            return CSS_HIDES;
        }
    if (said[0] == CSS_SHOWS || said[1] == CSS_SHOWS) {
        *important = (said[0] == CSS_SHOWS && imp[0]) || (said[1] == CSS_SHOWS && imp[1]);
        return CSS_SHOWS;
    }
    *important = false;
    if (own_style && ((flat && clips && !padded) || (placed && far)))
        return CSS_HIDES;
    *important = said[2] && imp[2];
    if (said[2])
        return CSS_HIDES_TEXT;
    return sized ? CSS_SIZES : 0;
}

int css_style_verdict(const char *style)
{
    bool important;
    int v = css_body_verdict(style, strlen(style), true, &important);
    return v == CSS_HIDES ? 1 : v == CSS_HIDES_TEXT ? 2 : 0;
}

/* The classes and ids the selector S to END names, in any compound: a
 * rule that shows them when a state class is set (".item.open .answer")
 * tells that what the page hides under them is folded, not gone. */
static void css_note_names(css_hidden *h, const char *s, const char *end)
{
    for (const char *p = s; p < end; p++) {
        if ((*p != '.' && *p != '#') || p + 1 >= end)
            continue;
        const char *q = p + 1;
        while (q < end && (isalnum((unsigned char)*q) || *q == '-' || *q == '_' || (unsigned char)*q >= 0x80))
            q++;
        if (q > p + 1 && h->shown_count < CSS_SHOWN_NAMES_MAX) {
            ALLOC_GROW(h->shown, h->shown_count + 1, h->shown_cap);
            h->shown[h->shown_count++] = xstrndup(p, (size_t)(q - p));
        }
        p = q - 1;
    }
}

static void css_above_set(css_above *a, char kind, const char *name, size_t len)
{
    uint64_t h = 14695981039346656037ULL ^ (unsigned char)kind;
    h *= 1099511628211ULL;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        h = (h ^ (kind == 't' ? (unsigned char)tolower(c) : c)) * 1099511628211ULL;
    }
    for (int k = 0; k < 2; k++, h >>= 9)
        a->bits[(h >> 6) & 7] |= 1ULL << (h & 63);
}

void css_above_add(css_above *a, xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE)
        return;
    css_above_set(a, 't', (const char *)n->name, strlen((const char *)n->name));
    const char *id = xml_attr_ref(n, "id");
    if (id)
        css_above_set(a, '#', id, strlen(id));
    size_t len;
    for (const char *p = xml_attr_ref(n, "class"), *cls; (cls = xml_class_next(&p, &len));)
        css_above_set(a, '.', cls, len);
}

/* Every name a compound left of the last asks for (not one it refuses)
 * is borne by some element above the one the rule matches. */
static void css_rule_needs(css_rule *r)
{
    memset(&r->need, 0, sizeof r->need);
    for (int i = 0; i + 1 < r->sel.nparts; i++)
        for (int t = 0; t < r->sel.parts[i].ntests; t++) {
            const css_test *test = &r->sel.parts[i].tests[t];
            if (!test->negate)
                css_above_set(&r->need, test->kind, test->name, strlen(test->name));
        }
}

static bool css_above_may_hold(const css_above *above, const css_above *need)
{
    for (int i = 0; i < 8; i++)
        if (need->bits[i] & ~above->bits[i])
            return false;
    return true;
}

/* One rule, sure or unsure, of SEL (LEN bytes, a list) and its verdict. */
static void css_add_rules(css_hidden *h, const char *sel, size_t len, int verdict, bool important, bool sure)
{
    const char *end = sel + len;
    for (const char *part = sel; part < end;) {
        const char *comma = memchr(part, ',', (size_t)(end - part));
        const char *stop = comma ? comma : end;
        css_selector one;
        if (verdict == CSS_SHOWS || verdict == CSS_SIZES)
            css_note_names(h, part, stop);
        if (css_selector_parse(part, stop, &one)) {
            one.sure = one.sure && sure;
            if (verdict == CSS_SIZES) {
                css_selector_free(&one);   /* it only names what folds open */
            } else if (!one.sure && (verdict != CSS_SHOWS || one.parts[0].ntests == 0)) {
                /* an unsure rule hides nothing; one of no names (an
                 * attribute's, ":is()") says nothing of any element */
                css_selector_free(&one);   /* an unsure rule hides nothing */
            } else {
                ALLOC_GROW(h->rules, h->count + 1, h->cap);
                css_rule *r = &h->rules[h->count++];
                r->sel = one;
                r->order = (unsigned)h->count;
                r->hides = verdict == CSS_HIDES || verdict == CSS_HIDES_TEXT;
                r->text_only = verdict == CSS_HIDES_TEXT;
                r->important = important;
                r->waits = r->hides && css_waits(&r->sel);
                css_rule_needs(r);
            }
        }
        part = stop + 1;
    }
}

/* How an @ block's rules bear on the page as its reader sees it on a
 * screen. */
enum { CSS_AT_UNSURE, CSS_AT_IGNORE, CSS_AT_SCREEN };

/* The block whose prelude is AT (to END): @media print does not touch
 * the screen, and a narrow screen's query ("(max-width:768px)") only a
 * phone's layout, so their rules neither hide nor show; @media screen or
 * all is the screen's own. A wide screen's query (min-width) and other
 * blocks (@supports) may show a name on the screen a page is saved from. */
static int css_at_kind(const char *at, const char *end)
{
    if (end - at < 6 || strncasecmp(at, "@media", 6))
        return CSS_AT_UNSURE;
    char q[128];
    size_t n = 0;
    for (const char *p = at + 6; p < end && n + 1 < sizeof q; p++)
        q[n++] = (char)tolower((unsigned char)*p);
    q[n] = '\0';
    if (strstr(q, "min-width") || strstr(q, "not "))
        return CSS_AT_UNSURE;
    if (strchr(q, '('))
        return CSS_AT_IGNORE;
    if (strstr(q, "screen") || strstr(q, "all"))
        return CSS_AT_SCREEN;
    return CSS_AT_IGNORE;   /* print, speech */
}

/* Walk one sheet: rules at the top level (or under @media screen), and
 * those inside other @ blocks, which are unsure. */
#define CSS_AT_DEPTH 16

static void css_read_sheet(css_hidden *h, const char *css)
{
    int depth = 0, ignored = 0, unsure = 0;
    unsigned char kinds[CSS_AT_DEPTH];
    const char *prelude = css;
    for (const char *p = css; *p; p++) {
        if (*p == '}') {
            if (depth > 0) {
                depth--;
                if (depth < CSS_AT_DEPTH) {
                    ignored -= kinds[depth] == CSS_AT_IGNORE;
                    unsure -= kinds[depth] == CSS_AT_UNSURE;
                } else {
                    unsure--;   /* a block past the stack closes */
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
                    unsure += kind == CSS_AT_UNSURE;
                } else {
                    unsure++;   /* past the stack, as an unsure block */
                }
                depth++;
                prelude = p + 1;
                continue;
            }
            const char *close = strchr(p, '}');
            if (!close)
                return;
            const char *inner = memchr(p + 1, '{', (size_t)(close - p - 1));
            if (inner) {
                /* CSS nesting ("&.visible{…}" inside a rule): read as
                 * nothing, to the block's matching end */
                int open = 0;
                for (close = p; *close; close++) {
                    open += *close == '{';
                    if (*close == '}' && --open == 0)
                        break;
                }
                if (!*close)
                    return;
                p = close;
                prelude = p + 1;
                continue;
            }
            bool important;
            int verdict = ignored ? 0 : css_body_verdict(p + 1, (size_t)(close - p - 1), false, &important);
            if (verdict)
                css_add_rules(h, sel, (size_t)(p - sel), verdict, important, !unsure);
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
    /* a width query names one screen, not the one the page was saved from */
    bool screen = !media || !*media ||
                  ((strstr((const char *)media, "screen") || strstr((const char *)media, "all")) &&
                   !strchr((const char *)media, '('));
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

static void css_read_text(css_hidden *h, const char *text)
{
    buf_t sheet;
    buf_init(&sheet);
    css_append_comment_free(&sheet, text);
    css_read_sheet(h, sheet.data ? sheet.data : "");
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

static void css_read_linked(css_hidden *h, xmlNodePtr link, css_linked *l)
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
        css_read_text(h, bytes.data);
    }
    buf_free(&bytes);
    buf_free(&type);
    xmlFree(href);
}

static void css_gather(xmlNodePtr n, css_hidden *h, css_linked *l)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (l->fetch && css_is_sheet_link(n)) {
            css_read_linked(h, n, l);
            continue;
        }
        if (xml_is(n, "template"))
            continue;   /* a shadow root's sheet styles its component only */
        if (!xml_is(n, "style")) {
            css_gather(n->children, h, l);
            continue;
        }
        if (!css_for_screen(n))
            continue;
        xmlChar *text = xmlNodeGetContent(n);
        if (text)
            css_read_text(h, (const char *)text);
        xmlFree(text);
    }
}

static int css_cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool css_shown_name(const css_hidden *h, const char *name)
{
    return h->shown_count && bsearch(&name, h->shown, h->shown_count, sizeof *h->shown, css_cmp_name);
}

static int css_cmp_key(const void *a, const void *b)
{
    int c = strcmp(((const css_key *)a)->key, ((const css_key *)b)->key);
    if (c)
        return c;
    size_t x = ((const css_key *)a)->rule, y = ((const css_key *)b)->rule;
    return x < y ? -1 : x > y;
}

void css_hidden_collect(htmlDocPtr doc, resource_fn fetch, void *ctx, css_hidden *h)
{
    memset(h, 0, sizeof *h);
    css_linked l = { fetch, ctx, 0 };
    css_gather(doc->children, h, &l);
    if (h->shown_count)
        qsort(h->shown, h->shown_count, sizeof *h->shown, css_cmp_name);
    if (!h->count)
        return;
    h->keys = xcalloc(h->count, sizeof *h->keys);
    for (size_t i = 0; i < h->count; i++) {
        char key[160];
        css_selector_key(&h->rules[i].sel, key, sizeof key);
        h->keys[i].key = xstrdup(key);
        h->keys[i].rule = i;
    }
    qsort(h->keys, h->count, sizeof *h->keys, css_cmp_key);
}

/* Rule A outweighs rule B in the cascade. */
static bool css_outweighs(const css_rule *a, const css_rule *b)
{
    if (a->important != b->important)
        return a->important;
    if (a->sel.spec != b->sel.spec)
        return a->sel.spec > b->sel.spec;
    return a->order > b->order;
}

typedef struct {
    const css_rule *sure;     /* the sure rule of most weight */
    const css_rule *unsure;   /* the unsure (showing) rule of most weight */
    int budget;               /* steps of matching left */
} css_cascade;

/* The steps one element's cascade may take: a hostile sheet of thousands
 * of long descendant chains leaves the element shown. */
#define CSS_CASCADE_BUDGET 500

/* The rules filed under KEY that match N. */
static void css_consider(const css_hidden *h, const char *key, xmlNodePtr n, const css_above *above,
                         css_cascade *c)
{
    size_t lo = 0, hi = h->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(h->keys[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < h->count && c->budget >= 0 && !strcmp(h->keys[i].key, key); i++) {
        const css_rule *r = &h->rules[h->keys[i].rule];
        const css_rule **slot = r->sel.sure ? &c->sure : &c->unsure;
        if ((!*slot || css_outweighs(r, *slot)) && (!above || css_above_may_hold(above, &r->need)) &&
            css_selector_match(&r->sel, n, &c->budget))
            *slot = r;
    }
}

/* N's own style attribute shows it ("display:block"). */
static bool css_inline_shows(xmlNodePtr n)
{
    const char *style = xml_attr_ref(n, "style");
    bool important;
    return style && css_body_verdict(style, strlen(style), true, &important) == CSS_SHOWS;
}

int css_hidden_match(const css_hidden *h, xmlNodePtr n, const css_above *above)
{
    if (!h->count)
        return CSS_SHOWN;
    css_cascade c = { NULL, NULL, CSS_CASCADE_BUDGET };
    char key[160];
    bool named = false;   /* a showing rule names the element */
    const char *id = xml_attr_ref(n, "id");
    if (id && snprintf(key, sizeof key, "#%s", id) < (int)sizeof key) {
        css_consider(h, key, n, above, &c);
        named = css_shown_name(h, key);
    }
    size_t len;
    for (const char *p = xml_attr_ref(n, "class"), *cls; (cls = xml_class_next(&p, &len));)
        if (len + 2 < sizeof key) {
            key[0] = '.';
            memcpy(key + 1, cls, len);
            key[len + 1] = '\0';
            css_consider(h, key, n, above, &c);
            named = named || css_shown_name(h, key);
        }
    css_consider(h, (const char *)n->name, n, above, &c);
    css_consider(h, "*", n, above, &c);
    if (!c.sure || !c.sure->hides || c.budget < 0)
        return CSS_SHOWN;
    /* a row set at no size to close the gaps between its cells, which
     * size their own words again */
    if (c.sure->text_only && xml_has_element_child(n))
        return CSS_SHOWN;
    if (c.unsure && css_outweighs(c.unsure, c.sure))
        return CSS_SHOWN;   /* shown on hover, by a radio button, on a wide screen */
    if (!c.sure->important && css_inline_shows(n))
        return CSS_SHOWN;
    return named || c.sure->waits ? CSS_FOLDED : CSS_HIDDEN;
}

void css_hidden_free(css_hidden *h)
{
    for (size_t i = 0; i < h->count; i++) {
        css_selector_free(&h->rules[i].sel);
        if (h->keys)
            free(h->keys[i].key);
    }
    for (size_t i = 0; i < h->shown_count; i++)
        free(h->shown[i]);
    free(h->rules);
    free(h->keys);
    free(h->shown);
    memset(h, 0, sizeof *h);
}

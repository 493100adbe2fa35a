/* One walk over a captured page: the head's meta tags, and the body as the
 * lines a reader sees, with the elements that may show the title. Every
 * later decision works on these arrays, so the tree is walked once. Also
 * what those decisions ask of a line: its text, the element holding it,
 * the characters under an element. */
#include "clean/meta/page_meta_int.h"
#include "clean/page.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>

/* What folio's line reader does with an element, by tag name. The names
 * come lowercased from libxml2's HTML parser. */
enum { T_BLOCK = 1, T_SKIP = 2, T_BR = 4, T_META = 8 };

typedef struct {
    const char *name;
    unsigned    kind;
} tag_kind;

static const tag_kind tag_table[] = {     /* sorted by name, for bsearch */
    { "address", T_BLOCK }, { "article", T_BLOCK }, { "aside", T_BLOCK },
    { "audio", T_SKIP }, { "base", T_META }, { "blockquote", T_BLOCK },
    { "body", T_BLOCK }, { "br", T_BR }, { "button", T_SKIP }, { "canvas", T_SKIP },
    { "caption", T_BLOCK }, { "center", T_BLOCK }, { "dd", T_BLOCK }, { "details", T_BLOCK },
    { "div", T_BLOCK }, { "dl", T_BLOCK }, { "dt", T_BLOCK }, { "fieldset", T_BLOCK },
    { "figcaption", T_BLOCK }, { "figure", T_BLOCK }, { "footer", T_BLOCK },
    { "form", T_BLOCK }, { "h1", T_BLOCK }, { "h2", T_BLOCK }, { "h3", T_BLOCK },
    { "h4", T_BLOCK }, { "h5", T_BLOCK }, { "h6", T_BLOCK }, { "head", T_SKIP },
    { "header", T_BLOCK }, { "hgroup", T_BLOCK }, { "hr", T_BLOCK }, { "html", T_BLOCK },
    { "iframe", T_BLOCK }, { "legend", T_BLOCK }, { "li", T_BLOCK }, { "link", T_META },
    { "main", T_BLOCK }, { "map", T_SKIP }, { "math", T_SKIP }, { "menu", T_BLOCK },
    { "meta", T_META }, { "nav", T_BLOCK }, { "noscript", T_SKIP }, { "object", T_SKIP },
    { "ol", T_BLOCK }, { "option", T_SKIP }, { "p", T_BLOCK }, { "pre", T_BLOCK },
    { "script", T_META | T_SKIP }, { "section", T_BLOCK }, { "select", T_SKIP },
    { "style", T_SKIP }, { "summary", T_BLOCK }, { "svg", T_SKIP }, { "table", T_BLOCK },
    { "tbody", T_BLOCK }, { "td", T_BLOCK }, { "template", T_SKIP }, { "textarea", T_SKIP },
    { "tfoot", T_BLOCK }, { "th", T_BLOCK }, { "thead", T_BLOCK }, { "title", T_META },
    { "tr", T_BLOCK }, { "ul", T_BLOCK }, { "video", T_SKIP },
};

static int tag_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const tag_kind *)elem)->name);
}

static unsigned kind_of(const xmlChar *name)
{
    if (!name)
        return T_SKIP;
    const tag_kind *t = bsearch(name, tag_table, sizeof tag_table / sizeof tag_table[0],
                                sizeof tag_table[0], tag_cmp);
    return t ? t->kind : 0;
}

static unsigned kind_cached(pm_page *p, const xmlChar *name)
{
    size_t h = ((size_t)name >> 4) & 63;
    if (p->kind_name[h] != name) {
        p->kind_name[h] = name;
        p->kind_val[h] = kind_of(name);
    }
    return p->kind_val[h];
}

static bool is_block(const char *nm)
{
    return kind_of((const xmlChar *)nm) & T_BLOCK;
}

static bool is_skipped(const char *nm)
{
    return kind_of((const xmlChar *)nm) & T_SKIP;
}

/* ---- the body as lines ---- */

static void flush_line(pm_page *p)
{
    if (p->cur_chars == 0) {
        p->text.len = p->cur_off;
        if (p->text.data)
            p->text.data[p->text.len] = 0;
    } else {
        ALLOC_GROW(p->lines, p->n_lines + 1, p->cap_lines);
        pm_line *l = &p->lines[p->n_lines++];
        l->off = p->cur_off;
        l->len = p->text.len - p->cur_off;
        l->first = p->cur_first;
        l->last = p->cur_last;
        l->owner = NULL;
        l->chars = p->cur_chars;
        buf_add(&p->text, "", 1);   /* the terminating NUL becomes part of the buffer */
    }
    p->cur_off = p->text.len;
    p->cur_first = p->cur_last = NULL;
    p->cur_chars = 0;
    p->pend_ws = 0;
    p->pend_edge = false;
}

/* Width of C as whitespace: 0 none, 1 a space, 2 a wide one. */
static int space_width(uint32_t c)
{
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        return 1;
    /* &nbsp; runs lay out fields, like the ideographic space. */
    return c == 0xA0 || c == 0x3000 ? 2 : 0;
}

/* Append a text node; returns its non-space characters. */
static int add_text(pm_page *p, xmlNodePtr t)
{
    const char *s = (const char *)t->content;
    int chars = 0;
    if (!s)
        return 0;
    for (size_t i = 0, n = strlen(s); i < n;) {
        size_t run = i;
        int ws = space_width(utf8_next(s, n, &i));
        if (ws) {
            /* Two spaces in a row are a gap as wide as one wide space. */
            p->pend_ws = p->pend_ws ? 2 : ws;
            continue;
        }
        if (p->cur_chars) {
            if (p->pend_ws == 2)
                buf_putc(&p->text, PM_GAP);
            else if (p->pend_edge)
                buf_putc(&p->text, PM_EDGE);
            else if (p->pend_ws)
                buf_putc(&p->text, ' ');
        } else {
            p->cur_first = t;
        }
        p->cur_last = t;
        p->pend_ws = 0;
        p->pend_edge = false;
        /* The run up to the next space, in one copy. */
        int count = 1;
        for (size_t next = i; next < n && !space_width(utf8_next(s, n, &next)); i = next)
            count++;
        buf_add(&p->text, s + run, i - run);
        chars += count;
        p->cur_chars += count;
    }
    return chars;
}

/* Does V (lowercased) hold WORD; with WHOLE_TAIL, not followed by a letter
 * ("bt" but not "btn"). */
static bool class_has(const char *v, const char *word, bool whole_tail)
{
    size_t wl = strlen(word);
    for (const char *q = v; (q = strstr(q, word)) != NULL; q++) {
        char after = q[wl];
        if (!whole_tail || !(after >= 'a' && after <= 'z'))
            return true;
    }
    return false;
}

static unsigned class_flags(xmlNodePtr n)
{
    unsigned f = 0;
    const char *names[] = { "class", "id" };
    /* <body> and <html> carry the theme's settings for the whole page
     * ("header-overlay", "has-sticky-header"), never a part's name */
    if (!n->properties || xml_is(n, "body") || xml_is(n, "html"))
        return 0;
    for (int i = 0; i < 2; i++) {
        const char *raw = xml_attr_ref(n, names[i]);
        if (!raw || !*raw)
            continue;
        char v[128];
        size_t k = 0;
        for (; raw[k] && k < sizeof v - 1; k++)
            v[k] = (raw[k] >= 'A' && raw[k] <= 'Z') ? (char)(raw[k] + 32) : raw[k];
        v[k] = 0;
        if (class_has(v, "logo", false) || class_has(v, "site-title", false) ||
            class_has(v, "sitename", false) || class_has(v, "site_name", false) ||
            class_has(v, "brand", false))
            f |= PM_C_LOGO;
        else if (class_has(v, "tit", false) || class_has(v, "bt", true) ||
                 class_has(v, "headline", false) || class_has(v, "heading", false) ||
                 class_has(v, "biaoti", false) || class_has(v, "subject", false))
            f |= PM_C_CLASS;
        if (class_has(v, "header", false) || class_has(v, "masthead", false) ||
            class_has(v, "navbar", false) || class_has(v, "topbar", false))
            f |= PM_C_HEADER;
    }
    return f;
}

static bool class_sep(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Does the class list V hold WORD as one of its items? */
static bool token_in(const char *v, const char *word)
{
    size_t wl = strlen(word);
    for (const char *q = v; (q = strstr(q, word)) != NULL; q++)
        if ((q == v || class_sep(q[-1])) && (q[wl] == 0 || class_sep(q[wl])))
            return true;
    return false;
}

/* WeChat's article pages name the official account that posted them in
 * <a id="js_name"> under the title and in <strong class="profile_nickname">
 * on the profile card: the one CMS family folio knows by its markup, for
 * it says so nowhere else (og:site_name there is the platform, 微信公众平台). */
static void read_account(pm_page *p, xmlNodePtr n)
{
    const char *id = xml_attr_ref(n, "id"), *cls = xml_attr_ref(n, "class");
    if (!(id && strcmp(id, "js_name") == 0) && !(cls && token_in(cls, "profile_nickname")))
        return;
    buf_t b;
    buf_init(&b);
    page_text(n, &b);
    if (b.len && b.len <= 90)
        p->meta[PM_M_ACCOUNT] = buf_detach(&b);
    buf_free(&b);
}

/* The site's logo names the site: an image that says it is one (by its
 * class, id or file name, or a logo's box around it), by its alt text. */
static void read_logo(pm_page *p, xmlNodePtr n, unsigned flags)
{
    const char *src = xml_attr_ref(n, "src"), *alt = xml_attr_ref(n, "alt");
    bool logo = flags & PM_C_LOGO;
    for (const char *q = src; q && *q && !logo; q++)
        logo = (q[0] | 0x20) == 'l' && (q[1] | 0x20) == 'o' && (q[2] | 0x20) == 'g' &&
               (q[3] | 0x20) == 'o';
    if (logo && alt) {
        char *v = pm_trimmed_copy(alt, 90);
        if (v && *v)
            p->meta[PM_M_LOGO] = v;
        else
            free(v);
    }
}

static void read_logo_text(pm_page *p, xmlNodePtr n)
{
    buf_t b;
    buf_init(&b);
    page_text(n, &b);
    if (b.len)
        p->meta[PM_M_LOGO] = buf_detach(&b);
    buf_free(&b);
}

static unsigned tag_flags(xmlNodePtr n)
{
    static const char *const bold[] = { "b", "strong", NULL };
    static const char *const header[] = { "header", "nav", NULL };
    if (xml_is(n, "h1"))
        return PM_C_H1;
    if (xml_is(n, "h2"))
        return PM_C_H2;
    /* Lesser headings rank as h3: some templates set the title in an h5. */
    if (xml_is(n, "h3") || xml_is(n, "h4") || xml_is(n, "h5") || xml_is(n, "h6"))
        return PM_C_H3;
    if (xml_is_any(n, bold))
        return PM_C_BOLD;
    if (xml_is(n, "font")) {
        const char *sz = xml_attr_ref(n, "size");
        return sz && atoi(sz) >= 4 ? PM_C_BOLD : 0;
    }
    if (xml_is(n, "a"))
        return PM_C_LINK;
    if (xml_is_any(n, header))
        return PM_C_HEADER;
    return 0;
}

static void add_cand(pm_page *p, const pm_cand *c)
{
    ALLOC_GROW(p->cands, p->n_cands + 1, p->cap_cands);
    p->cands[p->n_cands++] = *c;
}

typedef struct {
    int chars, link_chars;
} counts;

static counts walk_children(pm_page *p, xmlNodePtr n, unsigned inherit);

/* One element: its lines, and itself as a title candidate. INHERIT carries
 * the link/header/logo flags of the ancestors. */
static counts walk_element(pm_page *p, xmlNodePtr n, unsigned inherit)
{
    counts none = { 0, 0 };
    unsigned kind = kind_cached(p, n->name);
    if ((kind & T_META) && pm_read_meta_element(p, n))
        return none;
    if (!(kind & T_META) && n->properties)
        pm_read_rdfa(p, n);
    if (kind & T_SKIP)
        return none;
    if (kind & T_BR) {
        flush_line(p);
        return none;
    }
    if (!p->time_node && xml_is(n, "time")) {
        xmlChar *dt = xmlGetProp(n, (const xmlChar *)"datetime");
        if (dt)
            p->time_node = n;
        xmlFree(dt);
    }
    if (!p->meta[PM_M_ACCOUNT] && n->properties)
        read_account(p, n);
    if (!p->byline_node && n->properties && pm_is_byline(n))
        p->byline_node = n;
    if (n->properties && pm_is_source_mark(n) && (!p->source_node || xml_is_ancestor(p->source_node, n))) {
        p->source_node = n;
        p->source_line = p->n_lines;
    }
    bool block = kind & T_BLOCK;
    if (block)
        flush_line(p);
    else if (p->cur_chars)
        p->pend_edge = true;
    size_t start = p->n_lines;
    unsigned own = tag_flags(n) | class_flags(n);
    unsigned inh = inherit | (own & (PM_C_LINK | PM_C_HEADER | PM_C_LOGO));
    if (!p->meta[PM_M_LOGO] && xml_is(n, "img"))
        read_logo(p, n, inh);
    counts c = walk_children(p, n->children, inh);
    if (own & PM_C_LINK)
        c.link_chars = c.chars;
    /* A logo set in text ("<a class=logo>Salon</a>") names the site too. */
    if (!p->meta[PM_M_LOGO] && (own & PM_C_LOGO) && c.chars && c.chars <= 30)
        read_logo_text(p, n);
    if (block)
        flush_line(p);
    else if (p->cur_chars)
        p->pend_edge = true;
    unsigned flags = (own | inherit) & ~PM_C_LINK;
    if (c.chars && c.link_chars * 2 > c.chars)
        flags |= PM_C_LINK;
    bool titleish = (flags & (PM_C_H1 | PM_C_H2 | PM_C_H3 | PM_C_CLASS | PM_C_BOLD)) &&
                    c.chars >= 4 && c.chars <= 150;
    bool wanted = c.chars > 0 && c.chars < (int)sizeof p->want_len &&
                  (p->want_len[c.chars] || (p->want_any && c.chars >= 2));
    if (titleish || wanted) {
        pm_cand cand = { n, c.chars, start, p->n_lines + (p->cur_chars ? 1 : 0), flags };
        add_cand(p, &cand);
    }
    return c;
}

static counts walk_children(pm_page *p, xmlNodePtr n, unsigned inherit)
{
    counts total = { 0, 0 };
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            int k = add_text(p, n);
            total.chars += k;
            if (inherit & PM_C_LINK)
                total.link_chars += k;
        } else if (n->type == XML_ELEMENT_NODE && n->name) {
            counts c = walk_element(p, n, inherit);
            total.chars += c.chars;
            total.link_chars += c.link_chars;
        }
    }
    return total;
}

void pm_read_body(htmlDocPtr doc, pm_page *p)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root)
        return;
    buf_add(&p->text, "", 1);   /* offset 0 is the empty string */
    p->cur_off = p->text.len;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (xml_is(n, "head"))
            continue;
        if (n->type == XML_ELEMENT_NODE)
            walk_element(p, n, 0);
        else if (n->type == XML_TEXT_NODE)
            add_text(p, n);
    }
    flush_line(p);
}

void pm_page_free(pm_page *p)
{
    for (int i = 0; i < PM_M_COUNT; i++)
        free(p->meta[i]);
    buf_free(&p->text);
    free(p->lines);
    free(p->cands);
}

static int depth_of(xmlNodePtr n)
{
    int d = 0;
    for (; n; n = n->parent)
        d++;
    return d;
}

xmlNodePtr pm_line_owner(pm_line *l)
{
    if (l->owner)
        return l->owner;
    xmlNodePtr a = l->first->parent, b = l->last->parent;
    int da = depth_of(a), db = depth_of(b);
    while (da > db) { a = a->parent; da--; }
    while (db > da) { b = b->parent; db--; }
    while (a && a != b) {
        a = a->parent;
        b = b->parent;
    }
    /* Inline wrappers around a line belong to it: the owner is the block
     * that shows it. */
    while (a && a->type == XML_ELEMENT_NODE && !is_block((const char *)a->name) &&
           a->parent && a->parent->type == XML_ELEMENT_NODE)
        a = a->parent;
    l->owner = a;
    return a;
}

static int count_walk(xmlNodePtr n, int limit, int acc)
{
    for (; n && acc <= limit; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            const char *s = (const char *)n->content;
            for (size_t i = 0, len = s ? strlen(s) : 0; i < len;)
                if (!space_width(utf8_next(s, len, &i)))
                    acc++;
        } else if (n->type == XML_ELEMENT_NODE && !is_skipped((const char *)n->name)) {
            acc = count_walk(n->children, limit, acc);
        }
    }
    return acc;
}

int pm_count_chars(xmlNodePtr n, int limit)
{
    if (!n)
        return 0;
    return count_walk(n->children, limit, 0);
}

const char *pm_line_text(const pm_page *p, size_t i)
{
    return p->text.data + p->lines[i].off;
}

bool pm_line_opens(const pm_page *p, size_t i, const char *word)
{
    const char *s = pm_line_text(p, i);
    while (*s == ' ')
        s++;
    return !strncmp(s, word, strlen(word));
}

bool pm_is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
    for (; n; n = n->parent)
        if (n == a)
            return true;
    return false;
}

xmlNodePtr pm_common_ancestor(xmlNodePtr a, xmlNodePtr b)
{
    if (!a || !b)
        return a ? a : b;
    for (xmlNodePtr x = a; x; x = x->parent)
        if (pm_is_ancestor(x, b))
            return x;
    return NULL;
}

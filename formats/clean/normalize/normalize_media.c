/* Links and images: URLs made absolute against the page's URL, and the
 * image bytes the capture holds embedded as data: URIs. */
#include "clean/normalize/normalize.h"
#include "article/datauri.h"
#include "util/media_type.h"
#include "util/alloc.h"

#include <libxml/uri.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char *nz_resolve(const normalize_options *o, const char *href)
{
    if (!o->base_url || !*o->base_url)
        return xstrdup(href);
    xmlChar *abs = xmlBuildURI((const xmlChar *)href, (const xmlChar *)o->base_url);
    char *r = xstrdup(abs ? (const char *)abs : href);
    xmlFree(abs);
    return r;
}

/* A link that runs a script (javascript:, a bare "#") is a button: 展开全文,
 * 加载更多, "Show more", a bar of 打印 and 关闭. Where such buttons are all
 * the words of their block, the words are the page's controls, not the
 * article's; a lightbox's picture has no words and stays, and a script
 * link inside a sentence keeps its words. */
#define BUTTON_CHARS 16

static bool nz_script_href(const char *h)
{
    h += strspn(h, " \t\r\n");
    return !strncasecmp(h, "javascript:", 11) || !strcmp(h, "#");
}

static nz_line nz_measure_node(xmlNodePtr n)
{
    xmlChar *raw = xmlNodeGetContent(n);
    nz_line t = nz_line_measure(raw ? (const char *)raw : "");
    xmlFree(raw);
    return t;
}

/* The characters below N inside links that run a script. */
static int nz_script_link_chars(xmlNodePtr n)
{
    int chars = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *href = xml_is(c, "a") ? xmlGetProp(c, (const xmlChar *)"href") : NULL;
        if (href && nz_script_href((const char *)href))
            chars += nz_measure_node(c).chars;
        else if (!href)
            chars += nz_script_link_chars(c);
        xmlFree(href);
    }
    return chars;
}

/* The characters of N, when its text is a count in brackets ("(3)",
 * "（12）"), else 0. */
static int nz_count_chars_of(xmlNodePtr n)
{
    xmlChar *t = xmlNodeGetContent(n);
    const char *p = t ? (const char *)t : "";
    while (*p == ' ' || *p == '\n' || *p == '\t')
        p++;
    size_t open = *p == '(' ? 1 : !strncmp(p, "（", 3) ? 3 : 0, k = open;
    while (open && isdigit((unsigned char)p[k]))
        k++;
    size_t close = p[k] == ')' ? 1 : !strncmp(p + k, "）", 3) ? 3 : 0;
    int chars = 0;
    if (open && k > open && close) {
        const char *q = p + k + close;
        while (*q == ' ' || *q == '\n' || *q == '\t')
            q++;
        if (!*q)
            chars = (int)(k - open) + 2;
    }
    xmlFree(t);
    return chars;
}

/* The characters of N's children outside links that are counts. */
static int nz_count_chars(xmlNodePtr n)
{
    int chars = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (!(c->type == XML_ELEMENT_NODE && xml_is(c, "a")))
            chars += nz_count_chars_of(c);
    return chars;
}

/* The text below N runs past LIMIT bytes; the walk stops there, so a bar
 * of a hundred thousand buttons costs no more than a short one. */
static bool nz_text_longer(xmlNodePtr n, size_t limit, size_t *seen)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            *seen += strnlen((const char *)c->content, limit + 1);
        else if (c->type == XML_ELEMENT_NODE && nz_text_longer(c, limit, seen))
            return true;
        if (*seen > limit)
            return true;
    }
    return false;
}

/* N holds words, and all of them in script links but the counts beside
 * them. */
static bool nz_script_links_only(xmlNodePtr n)
{
    size_t seen = 0;
    if (nz_text_longer(n, BUTTON_CHARS * 16, &seen))
        return false;
    nz_line u = nz_measure_node(n);
    return u.chars && u.chars <= BUTTON_CHARS && !u.stops &&
           nz_script_link_chars(n) == u.chars - nz_count_chars(n);
}

/* N is a count in brackets ("(3)") right after a script's link, in a bar
 * of nothing but such links and counts: how many pressed the button. */
bool nz_script_count(xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE || !n->parent || nz_count_chars_of(n) == 0 || !nz_script_links_only(n->parent))
        return false;
    xmlNodePtr prev = n->prev;
    while (prev && prev->type == XML_TEXT_NODE && xmlIsBlankNode(prev))
        prev = prev->prev;
    if (!prev || prev->type != XML_ELEMENT_NODE || !xml_is(prev, "a"))
        return false;
    const char *href = xml_attr_ref(prev, "href");
    return href && nz_script_href(href);
}

static xmlNodePtr nz_element_beside(xmlNodePtr n, bool after)
{
    do
        n = after ? n->next : n->prev;
    while (n && n->type != XML_ELEMENT_NODE);
    return n;
}

#define CONTROL_WORD_CHARS 4

static bool nz_has_digit(xmlNodePtr n)
{
    xmlChar *t = xmlNodeGetContent(n);
    bool digit = t && strpbrk((const char *)t, "0123456789");
    xmlFree(t);
    return digit;
}

/* A script's button: a link that runs a script in a block of nothing but
 * such links (and the counts beside them). A block of them beside another
 * is one of a run, the entries of a table of contents that scrolls by
 * script, which stay, unless each is a word or two; so does the line of
 * a bulletin's attachment that a script downloads. */
static bool nz_script_button(xmlNodePtr a, const char *h)
{
    /* a link wrapped round paragraphs is no button */
    static const char *const link_blocks[] = { "p", "div", "ul", "ol", "li", "table", "section", "article",
                                               "blockquote", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
                                               NULL };
    xmlNodePtr block = a->parent;
    nz_line w = nz_measure_node(a);
    if (!nz_script_href(h) || !block || w.chars == 0 || xml_find_any(a, link_blocks))
        return false;
    if (!nz_script_links_only(block))
        return false;
    /* a word or two with no number is a control beside anything (赞, 分享);
     * longer ones beside another such block are a run of contents */
    bool control = w.chars <= CONTROL_WORD_CHARS && !w.stops && !w.marks && !nz_has_digit(a);
    xmlNodePtr before = nz_element_beside(block, false), after = nz_element_beside(block, true);
    if (!control && ((before && nz_script_links_only(before)) || (after && nz_script_links_only(after))))
        return false;
    xmlChar *raw = xmlNodeGetContent(a);
    bool attachment = nz_attachment_line(block, raw ? (const char *)raw : "");
    xmlFree(raw);
    return !attachment;
}

void nz_link(nz *z, xmlNodePtr a)
{
    char *href = nz_attr(a, "href");
    const char *h = href;
    while (h && (*h == ' ' || *h == '\t' || *h == '\n'))
        h++;
    bool keep = h && *h && *h != '#' && strncasecmp(h, "javascript:", 11) != 0 &&
                strncasecmp(h, "vbscript:", 9) != 0 && strncasecmp(h, "data:", 5) != 0;
    if (!keep && h && nz_script_button(a, h)) {
        if (z->o->explain) {
            xmlChar *raw = xmlNodeGetContent(a);
            fprintf(z->o->explain, "dropped a script's button: %s\n", raw ? (const char *)raw : "");
            xmlFree(raw);
        }
        xmlFree(href);
        return;
    }
    if (!keep) {
        nz_children(z, a->children);
        xmlFree(href);
        return;
    }
    char *abs = nz_resolve(z->o, h);
    xmlNodePtr el = nz_add_inline(z, "a");
    xmlSetProp(el, (const xmlChar *)"href", (const xmlChar *)abs);
    free(abs);
    xmlFree(href);
    xmlNodePtr para_at_open = z->para;
    z->inl = el;
    nz_children(z, a->children);
    if (z->para == para_at_open && z->inl == el)
        z->inl = el->parent;
    if (nz_empty(el)) {
        bool has_img = false;
        for (xmlNodePtr c = el->children; c; c = c->next)
            if (xml_is(c, "img"))
                has_img = true;
        if (!has_img) {
            if (z->inl == el)
                z->inl = el->parent;
            nz_discard(z, el);
        }
    }
}

/* The image SRC names, as a data: URI, when the capture holds its bytes. */
static char *nz_embed(const normalize_options *o, const char *src)
{
    if (!o->resource || !strncmp(src, "data:", 5))
        return NULL;
    char *abs = o->base_url && *o->base_url ? nz_resolve(o, src) : NULL;
    buf_t bytes, type;
    buf_init(&bytes);
    buf_init(&type);
    char *result = NULL;
    if (o->resource(o->resource_ctx, src, abs, &bytes, &type) && bytes.len) {
        const char *t = media_type_image(bytes.data, bytes.len, type.len ? type.data : NULL);
        if (t) {
            buf_t uri;
            buf_init(&uri);
            datauri_encode(t, bytes.data, bytes.len, &uri);
            result = buf_detach(&uri);
        }
    }
    buf_free(&bytes);
    buf_free(&type);
    free(abs);
    return result;
}

/* Does SRC only hold the place of a picture that a script loads later: an
 * inline data: URI (a 1x1 GIF, a blurred preview) or a file named for the
 * job (blank.gif, loading.svg, placeholder.png, grey.gif, missing-image.svg)? */
static bool nz_placeholder_src(const char *src)
{
    static const char *const words[] = { "blank", "loading", "placeholder", "grey", "gray",
                                         "spacer", "lazy", "missing-image", "transparent",
                                         "pixel", "1x1", "empty" };
    if (!strncasecmp(src, "data:", 5))
        return true;
    size_t n = strcspn(src, "?#");
    const char *name = src;
    for (size_t i = 0; i < n; i++)
        if (src[i] == '/')
            name = src + i + 1;
    size_t len = (size_t)(src + n - name);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t k = strlen(words[i]);
        for (size_t j = 0; j + k <= len; j++)
            if (!strncasecmp(name + j, words[i], k))
                return true;
    }
    return false;
}

/* The biggest candidate of a srcset ("a.jpg 480w, b.jpg 960w" or "a.jpg,
 * b.jpg 2x"): widths beat densities; malloc'ed, or NULL. */
static char *nz_srcset_best(const char *set)
{
    char *best = NULL;
    double best_w = -1, best_x = -1;
    const char *p = set;
    while (p && *p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ',')
            p++;
        const char *u = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        size_t ulen = (size_t)(p - u);
        bool cut = false;
        while (ulen && u[ulen - 1] == ',') {
            ulen--;
            cut = true;
        }
        double w = -1, x = 1;
        if (!cut) {
            const char *d = p;
            p = strchr(p, ',');
            char *end;
            double v = strtod(d, &end);
            if (end != d && (*end == 'w' || *end == 'W'))
                w = v;
            else if (end != d && (*end == 'x' || *end == 'X'))
                x = v;
        }
        if (!ulen)
            continue;
        bool better = w >= 0 ? w > best_w : best_w < 0 && x > best_x;
        if (better) {
            free(best);
            best = xstrndup(u, ulen);
            if (w >= 0)
                best_w = w;
            else
                best_x = x;
        }
    }
    return best;
}

/* Where the picture of IMG really is: its src, unless lazy loading left a
 * placeholder there and put the address in another attribute or a srcset.
 * Malloc'ed, or NULL. */
static char *nz_img_src(xmlNodePtr img)
{
    static const char *const lazy[] = { "data-src", "data-original", "data-lazy-src",
                                        "data-lazyload", "data-actualsrc" };
    char *src = nz_attr(img, "src");
    char *real = NULL;
    if (!src || !*src || nz_placeholder_src(src)) {
        for (size_t i = 0; i < sizeof lazy / sizeof lazy[0] && !real; i++) {
            char *v = nz_attr(img, lazy[i]);
            if (v && *v && !nz_placeholder_src(v))
                real = xstrdup(v);
            xmlFree(v);
        }
        static const char *const sets[] = { "data-srcset", "srcset" };
        for (size_t i = 0; i < 2 && !real; i++) {
            char *v = nz_attr(img, sets[i]);
            if (v)
                real = nz_srcset_best(v);
            xmlFree(v);
        }
    }
    if (!real && src && *src)
        real = xstrdup(src);
    xmlFree(src);
    return real;
}

void nz_img(nz *z, xmlNodePtr img)
{
    char *src = nz_img_src(img);
    if (!src)
        return;
    char *alt = nz_attr(img, "alt");
    char *uri = nz_embed(z->o, src);
    if (!uri)
        uri = strncmp(src, "data:", 5) == 0 ? xstrdup(src) : nz_resolve(z->o, src);
    xmlNodePtr el = nz_add_inline(z, "img");
    xmlSetProp(el, (const xmlChar *)"src", (const xmlChar *)uri);
    xmlSetProp(el, (const xmlChar *)"alt", (const xmlChar *)(alt ? alt : ""));
    free(uri);
    xmlFree(alt);
    free(src);
}

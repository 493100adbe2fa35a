/* A page whose article sits in a frame: the page holds an <iframe> (or a
 * <frameset>) and the frame's own document holds the text. A browser that
 * saves the page saves each frame's document too, beside it, as a part
 * of the MHTML, or in the frame's srcdoc attribute; the frame's body takes the frame's place before anything is
 * scored, so that the article is found where its reader saw it. */
#include "clean/page.h"
#include "charset/charset.h"
#include "util/alloc.h"
#include "util/media_type.h"
#include "util/xml_node.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A cap on the work frames make: how many are read, how many bytes in
 * all (a page's own limit, whatever one capture part is asked for again),
 * and how deep a frame may sit, so that the page and the frame's own
 * nesting (flattened past 200) stay within what an article's readers take. */
#define PAGE_FRAMES_MAX 16
#define PAGE_FRAMES_BYTES ((size_t)64 << 20)
#define PAGE_FRAMES_DEPTH 48

typedef struct {
    resource_fn fetch;
    void *ctx;
    int seen, inlined;
    size_t bytes;
} frames_work;

/* A frame's address that names a document the capture may hold. */
static bool frame_src_fetchable(const char *src)
{
    return src && *src && strncasecmp(src, "about:", 6) && strncasecmp(src, "javascript:", 11) &&
           strncasecmp(src, "data:", 5) && src[0] != '#';
}

/* Whether the address S is relative to the document that holds it. */
static bool is_relative(const char *s)
{
    if (!*s || s[0] == '/' || s[0] == '#' || !strncasecmp(s, "data:", 5) || !strncasecmp(s, "cid:", 4))
        return false;
    for (const char *p = s; *p && *p != '/' && *p != '?' && *p != '#'; p++)
        if (*p == ':')
            return false;
    return true;
}

/* The frame's addresses are relative to the frame's document: prefix each
 * relative src and href below N with DIR, the folder of the frame's own
 * address, so that they name what the page's folder holds. */
static void rebase_links(xmlNodePtr n, const char *dir)
{
    static const char *const attrs[] = { "src", "href", "data-src", "data-original", NULL };
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (size_t i = 0; attrs[i]; i++) {
            xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[i]);
            if (v && is_relative((const char *)v)) {
                buf_t b;
                buf_init(&b);
                buf_printf(&b, "%s%s", dir, (const char *)v);
                xmlSetProp(n, (const xmlChar *)attrs[i], (const xmlChar *)b.data);
                buf_free(&b);
            }
            xmlFree(v);
        }
        rebase_links(n->children, dir);
    }
}

/* The frame's document from BYTES, parsed, its text runs cut as the
 * page's are; NULL when it is no HTML. */
static htmlDocPtr frame_parse(const buf_t *bytes)
{
    const unsigned char *d = (const unsigned char *)bytes->data;
    if (!bytes->len || media_type_not_html(d, bytes->len))
        return NULL;
    charset_how how;
    const char *charset = charset_sniff_declared(d, bytes->len, NULL, &how);
    buf_t utf8;
    buf_init(&utf8);
    htmlDocPtr fdoc = NULL;
    if (charset_to_utf8(d, bytes->len, charset, &utf8) >= 0)
        fdoc = page_parse_markup(utf8.data, utf8.len);
    buf_free(&utf8);
    return fdoc;
}

/* The frame F set in place: a <div> holding its document's body. */
static bool frame_inline(xmlNodePtr f, const char *src, frames_work *w)
{
    buf_t bytes, type;
    buf_init(&bytes);
    buf_init(&type);
    bool done = false;
    bool got = w->fetch(w->ctx, src, NULL, &bytes, &type);
    if (got && bytes.len > PAGE_FRAMES_BYTES - w->bytes)
        got = false;
    w->bytes += got ? bytes.len : 0;
    if (got &&
        (!type.len || !strncasecmp(type.data, "text/html", 9) ||
         !strncasecmp(type.data, "application/xhtml", 17))) {
        htmlDocPtr fdoc = frame_parse(&bytes);
        /* SRC first: F goes with the frame's place */
        char *dir = xstrndup(src, strcspn(src, "?#"));
        xmlNodePtr div = page_body_in_place(f, fdoc);
        char *slash = strrchr(dir, '/');
        if (div && slash) {
            slash[1] = '\0';
            rebase_links(div->children, dir);
        }
        free(dir);
        done = div != NULL;
        xmlFreeDoc(fdoc);
    }
    buf_free(&bytes);
    buf_free(&type);
    return done;
}

static void frames_walk(xmlNodePtr n, frames_work *w, int depth);

/* A frame whose document the page holds in its srcdoc attribute, as a
 * page saved whole into one file keeps each frame: the document is
 * parsed and set in the frame's place, its own frames with it. */
static bool frame_inline_srcdoc(xmlNodePtr f, const char *html, frames_work *w, int depth)
{
    size_t len = strlen(html);
    if (!len || len > PAGE_FRAMES_BYTES - w->bytes)
        return false;
    w->bytes += len;
    htmlDocPtr fdoc = page_parse_markup(html, len);
    xmlNodePtr div = page_body_in_place(f, fdoc);
    if (div)
        frames_walk(div->children, w, depth + 1);
    xmlFreeDoc(fdoc);
    return div != NULL;
}

static void frames_walk(xmlNodePtr n, frames_work *w, int depth)
{
    while (n) {
        xmlNodePtr next = n->next;
        if (n->type == XML_ELEMENT_NODE && (xml_is(n, "iframe") || xml_is(n, "frame"))) {
            char *doc = (char *)xmlGetProp(n, (const xmlChar *)"srcdoc");
            char *src = doc ? NULL : (char *)xmlGetProp(n, (const xmlChar *)"src");
            bool room = depth <= PAGE_FRAMES_DEPTH && w->seen < PAGE_FRAMES_MAX;
            if (doc && room) {
                w->seen++;
                w->inlined += frame_inline_srcdoc(n, doc, w, depth);
            } else if (w->fetch && frame_src_fetchable(src) && room) {
                w->seen++;
                w->inlined += frame_inline(n, src, w);
            }
            xmlFree(doc);
            xmlFree(src);
        } else if (n->type == XML_ELEMENT_NODE) {
            frames_walk(n->children, w, depth + 1);
            /* a frameset is the page's body once its frames are in it */
            if (xml_is(n, "frameset"))
                xmlNodeSetName(n, (const xmlChar *)"div");
        }
        n = next;
    }
}

int page_inline_frames(htmlDocPtr doc, resource_fn fetch, void *ctx)
{
    frames_work w = { fetch, ctx, 0, 0, 0 };
    if (doc)
        frames_walk(doc->children, &w, 0);
    return w.inlined;
}

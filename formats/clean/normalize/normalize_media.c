/* Links and images: URLs made absolute against the page's URL, and the
 * image bytes the capture holds embedded as data: URIs. */
#include "clean/normalize/normalize.h"
#include "article/datauri.h"
#include "util/media_type.h"
#include "util/alloc.h"

#include <libxml/uri.h>
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

void nz_link(nz *z, xmlNodePtr a)
{
    char *href = nz_attr(a, "href");
    const char *h = href;
    while (h && (*h == ' ' || *h == '\t' || *h == '\n'))
        h++;
    bool keep = h && *h && *h != '#' && strncasecmp(h, "javascript:", 11) != 0 &&
                strncasecmp(h, "vbscript:", 9) != 0 && strncasecmp(h, "data:", 5) != 0;
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

void nz_img(nz *z, xmlNodePtr img)
{
    char *src = nz_attr(img, "src");
    if (!src || !*src) {
        /* Lazy-loading pages keep the real address elsewhere. */
        xmlFree(src);
        src = nz_attr(img, "data-src");
        if (!src)
            src = nz_attr(img, "data-original");
    }
    if (!src || !*src) {
        xmlFree(src);
        return;
    }
    char *alt = nz_attr(img, "alt");
    char *uri = nz_embed(z->o, src);
    if (!uri)
        uri = strncmp(src, "data:", 5) == 0 ? xstrdup(src) : nz_resolve(z->o, src);
    xmlNodePtr el = nz_add_inline(z, "img");
    xmlSetProp(el, (const xmlChar *)"src", (const xmlChar *)uri);
    xmlSetProp(el, (const xmlChar *)"alt", (const xmlChar *)(alt ? alt : ""));
    free(uri);
    xmlFree(alt);
    xmlFree(src);
}

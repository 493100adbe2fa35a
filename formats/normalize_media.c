/* Links and images: URLs made absolute against the page's URL, and image
 * bytes that lie beside a saved page embedded as data: URIs. */
#include "normalize.h"
#include "datauri.h"
#include "io.h"

#include <libxml/uri.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char *nz_resolve(const normalize_options *o, const char *href)
{
    if (!o->base_url || !*o->base_url)
        return strdup(href);
    xmlChar *abs = xmlBuildURI((const xmlChar *)href, (const xmlChar *)o->base_url);
    char *r = strdup(abs ? (const char *)abs : href);
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
            if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "img"))
                has_img = true;
        if (!has_img) {
            if (z->inl == el)
                z->inl = el->parent;
            nz_discard(z, el);
        }
    }
}

static const char *nz_media_type(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return NULL;
    if (!strcasecmp(dot, ".png")) return "image/png";
    if (!strcasecmp(dot, ".jpg") || !strcasecmp(dot, ".jpeg")) return "image/jpeg";
    if (!strcasecmp(dot, ".gif")) return "image/gif";
    if (!strcasecmp(dot, ".webp")) return "image/webp";
    if (!strcasecmp(dot, ".svg")) return "image/svg+xml";
    if (!strcasecmp(dot, ".bmp")) return "image/bmp";
    return NULL;
}

/* Decode %XX escapes in a relative URL path, which name files on disk. */
static char *nz_unescape(const char *s)
{
    char *u = xmlURIUnescapeString(s, 0, NULL);
    return u ? u : strdup(s);
}

/* The image file SRC names, beside the page and inside the page's folder,
 * as a data: URI; NULL when it is not there or lies outside. */
static char *nz_embed_local(const char *page_path, const char *src)
{
    if (!page_path || strstr(src, "://") || src[0] == '/' || !strncmp(src, "data:", 5))
        return NULL;
    const char *type;
    char *rel = nz_unescape(src);
    char *q = strpbrk(rel, "?#");
    if (q)
        *q = '\0';
    type = nz_media_type(rel);
    char *result = NULL;
    char dir[PATH_MAX], real_dir[PATH_MAX], real_img[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", page_path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    buf_t path;
    buf_init(&path);
    buf_printf(&path, "%s/%s", dir, rel);
    if (type && realpath(dir, real_dir) && realpath(path.data, real_img)) {
        size_t dl = strlen(real_dir);
        bool inside = strncmp(real_img, real_dir, dl) == 0 && real_img[dl] == '/';
        buf_t bytes;
        buf_init(&bytes);
        if (inside && io_read_all(real_img, &bytes) == 0 && bytes.len) {
            buf_t uri;
            buf_init(&uri);
            datauri_encode(type, bytes.data, bytes.len, &uri);
            result = buf_detach(&uri);
        }
        buf_free(&bytes);
    }
    buf_free(&path);
    free(rel);
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
    char *uri = nz_embed_local(z->o->page_path, src);
    if (!uri)
        uri = strncmp(src, "data:", 5) == 0 ? strdup(src) : nz_resolve(z->o, src);
    xmlNodePtr el = nz_add_inline(z, "img");
    xmlSetProp(el, (const xmlChar *)"src", (const xmlChar *)uri);
    xmlSetProp(el, (const xmlChar *)"alt", (const xmlChar *)(alt ? alt : ""));
    free(uri);
    xmlFree(alt);
    xmlFree(src);
}

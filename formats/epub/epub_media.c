#include "article/datauri.h"
#include "epub/epub_internal.h"
#include "util/io.h"
#include "util/resource.h"
#include "util/xml_node.h"

#include <errno.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* The pictures of the articles become items of the book. Only the EPUB core
 * image types go in: a reader need not show any other, and epubcheck
 * refuses them without a fallback that folio could not make. */

/* A picture that runs code or reaches outside itself cannot be kept whole
 * in a book: only references within the SVG (href="#…") are let through.
 * An SVG's bytes come from the captured page, so they are not trusted. */
static bool epub_svg_self_contained(xmlNodePtr n)
{
    for (; n; n = n->next) {
        /* An entity the SVG refers to is one a reader would expand. */
        if (n->type == XML_ENTITY_REF_NODE)
            return false;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is(n, "script") || xml_is(n, "foreignObject"))
            return false;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            if (strcmp((const char *)a->name, "href") != 0)
                continue;
            xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
            bool inside = v && v[0] == '#';
            xmlFree(v);
            if (!inside)
                return false;
        }
        if (!epub_svg_self_contained(n->children))
            return false;
    }
    return true;
}

static bool epub_is_svg(const char *bytes, size_t len)
{
    if (len > INT_MAX)
        return false;
    size_t i = 0;
    while (i < len && strchr(" \t\r\n", bytes[i]))
        i++;
    if (i == len || bytes[i] != '<')
        return false;
    xmlDocPtr doc = xmlReadMemory(bytes, (int)len, NULL, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    /* Declarations in a DOCTYPE (entities that expand a billionfold or
     * read a reader's files) are the page's, not the picture's: refused. */
    bool declares = doc && doc->intSubset && doc->intSubset->children;
    bool svg = !declares && xml_is(root, "svg") && root->ns &&
               strcmp((const char *)root->ns->href, "http://www.w3.org/2000/svg") == 0 &&
               epub_svg_self_contained(root);
    xmlFreeDoc(doc);
    return svg;
}

void epub_svg_drop_doctype(buf_t *b)
{
    const char *s = b->data, *end = b->data + b->len;
    const char *d = s ? strstr(s, "<!DOCTYPE") : NULL;
    const char *root = s ? strstr(s, "<svg") : NULL;
    if (!d || (root && root < d))
        return;
    /* Its end: the first '>' outside quotes and an internal subset. */
    char quote = 0;
    int depth = 0;
    const char *p = d + 9;
    for (; p < end; p++) {
        if (quote) {
            quote = *p == quote ? 0 : quote;
        } else if (*p == '"' || *p == '\'') {
            quote = *p;
        } else if (*p == '[') {
            depth++;
        } else if (*p == ']') {
            depth--;
        } else if (*p == '>' && depth <= 0) {
            break;
        }
    }
    if (p >= end)
        return;
    size_t at = (size_t)(d - s), n = (size_t)(p + 1 - d);
    memmove(b->data + at, b->data + at + n, b->len - at - n + 1);
    b->len -= n;
}

const char *epub_media_type(const char *bytes, size_t len)
{
    if (len >= 8 && memcmp(bytes, "\x89PNG\r\n\x1a\n", 8) == 0)
        return "image/png";
    if (len >= 3 && memcmp(bytes, "\xff\xd8\xff", 3) == 0)
        return "image/jpeg";
    if (len >= 6 && (memcmp(bytes, "GIF87a", 6) == 0 || memcmp(bytes, "GIF89a", 6) == 0))
        return "image/gif";
    if (epub_is_svg(bytes, len))
        return "image/svg+xml";
    return NULL;
}

const char *epub_media_ext(const char *type)
{
    return strcmp(type, "image/png") == 0 ? "png" : strcmp(type, "image/jpeg") == 0 ? "jpg"
         : strcmp(type, "image/gif") == 0 ? "gif" : "svg";
}

void epub_item_free(epub_item *it)
{
    free(it->href);
    free(it->id);
    buf_free(&it->bytes);
    it->href = it->id = NULL;
}

/* Whether the relative path P climbs out of its folder ("../x.png",
 * "a/../../x.png") or starts at the root. */
static bool epub_path_escapes(const char *p)
{
    if (*p == '/')
        return true;
    long depth = 0;
    while (*p) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            depth--;
        else if (n > 0 && !(n == 1 && p[0] == '.'))
            depth++;
        if (depth < 0)
            return true;
        p += n + (p[n] == '/');
    }
    return false;
}

/* SRC relative to DIR, read only when it lies inside DIR (DESIGN.md: a
 * local path is read only inside the input's own folder). */
static bool epub_local_image(const char *src, const char *name, const char *dir, buf_t *bytes,
                             const reporter *r)
{
    if (!dir) {
        report_warning(r, name, "image %s: standard input has no folder to read it from; kept as its alt text", src);
        return false;
    }
    buf_t rel, path;
    buf_init(&rel);
    buf_init(&path);
    /* The src is a URL: "my%20pic.png" names "my pic.png". */
    size_t n = strcspn(src, "?#");
    if (!epub_percent_decode(src, n, &rel) || memchr(rel.data, '\0', rel.len)) {
        report_warning(r, name, "image %s: not a file name; kept as its alt text", src);
        buf_free(&rel);
        buf_free(&path);
        return false;
    }
    buf_printf(&path, "%s/%s", dir, rel.data ? rel.data : "");
    char real_dir[PATH_MAX], real_img[PATH_MAX];
    bool ok = false;
    buf_t why;
    buf_init(&why);
    if (epub_path_escapes(rel.data))
        report_warning(r, name, "image %s lies outside the article's folder; not read, kept as its alt text", src);
    else if (!realpath(dir, real_dir) || !realpath(path.data, real_img))
        report_warning(r, name, "image %s: %s; kept as its alt text", src, strerror(errno));
    else if (strncmp(real_img, real_dir, strlen(real_dir)) != 0 || real_img[strlen(real_dir)] != '/')
        report_warning(r, name, "image %s lies outside the article's folder; not read, kept as its alt text", src);
    else if (io_read_regular(real_img, RESOURCE_FILE_MAX, bytes, &why) != 0)
        report_warning(r, name, "image %s: %s; kept as its alt text", src, why.data);
    else
        ok = true;
    buf_free(&why);
    buf_free(&rel);
    buf_free(&path);
    return ok;
}

static const char *epub_media_add(epub_book *b, buf_t *bytes, const char *type)
{
    for (size_t i = 0; i < b->nimages; i++) {
        const epub_item *it = &b->images[i];
        if (it->bytes.len == bytes->len && memcmp(it->bytes.data, bytes->data, bytes->len) == 0) {
            buf_free(bytes);
            return it->href;
        }
    }
    b->images = xreallocarray(b->images, b->nimages + 1, sizeof *b->images);
    epub_item *it = &b->images[b->nimages++];
    memset(it, 0, sizeof *it);
    buf_t s;
    buf_init(&s);
    buf_printf(&s, "images/img-%03zu.%s", b->nimages, epub_media_ext(type));
    it->href = buf_detach(&s);
    buf_printf(&s, "img-%03zu", b->nimages);
    it->id = buf_detach(&s);
    it->media_type = type;
    it->bytes = *bytes;
    it->compress = strcmp(type, "image/svg+xml") == 0;
    buf_init(bytes);
    return it->href;
}

const char *epub_media_image(epub_book *b, const char *src, const char *name, const char *dir)
{
    buf_t bytes;
    buf_init(&bytes);
    bool data = datauri_is(src);
    const char *shown = data ? "data: URI" : src;
    bool ok = data ? datauri_decode(src, &bytes, NULL, 0) : epub_local_image(src, name, dir, &bytes, b->opt.report);
    if (data && !ok)
        report_warning(b->opt.report, name, "an image's data: URI does not decode; kept as its alt text");
    const char *type = ok ? epub_media_type(bytes.data, bytes.len) : NULL;
    if (ok && !type)
        report_warning(b->opt.report, name,
                       "image %s is not PNG, JPEG, GIF or SVG (the EPUB image types); kept as its alt text", shown);
    if (!type) {
        buf_free(&bytes);
        return NULL;
    }
    if (!strcmp(type, "image/svg+xml"))
        epub_svg_drop_doctype(&bytes);
    return epub_media_add(b, &bytes, type);
}

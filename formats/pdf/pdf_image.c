/* Images from data: URIs onto the page. PNG is decoded by cairo; JPEG is
 * passed through whole (cairo 1.16 cannot decode it, but embeds the bytes
 * given as CAIRO_MIME_TYPE_JPEG mime data of a blank surface of its size).
 * An image whose bytes are not in the article is set as its alt text. */
#include "article/datauri.h"
#include "pdf/pdf_flow.h"
#include "pdf/pdf_text.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct { const unsigned char *p; size_t n, at; } reader;

static cairo_status_t read_bytes(void *closure, unsigned char *data, unsigned int length)
{
    reader *r = closure;
    if (r->n - r->at < length)
        return CAIRO_STATUS_READ_ERROR;
    memcpy(data, r->p + r->at, length);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

/* Width and height from the first SOFn marker. */
static bool jpeg_size(const unsigned char *p, size_t n, int *w, int *h)
{
    if (n < 4 || p[0] != 0xFF || p[1] != 0xD8)
        return false;
    size_t i = 2;
    while (i + 9 < n) {
        if (p[i] != 0xFF)
            return false;
        unsigned m = p[i + 1];
        size_t len = ((size_t)p[i + 2] << 8) | p[i + 3];
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            *h = (p[i + 5] << 8) | p[i + 6];
            *w = (p[i + 7] << 8) | p[i + 8];
            return *w > 0 && *h > 0;
        }
        i += 2 + len;
    }
    return false;
}

static cairo_surface_t *decode(const buf_t *bytes)
{
    const unsigned char *p = (const unsigned char *)bytes->data;
    if (bytes->len > 8 && memcmp(p, "\x89PNG", 4) == 0) {
        reader r = { p, bytes->len, 0 };
        cairo_surface_t *s = cairo_image_surface_create_from_png_stream(read_bytes, &r);
        if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS)
            return s;
        cairo_surface_destroy(s);
        return NULL;
    }
    int w, h;
    if (jpeg_size(p, bytes->len, &w, &h) && (long)w * h < 64L * 1024 * 1024) {
        cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        unsigned char *copy = xmemdup(p, bytes->len);
        cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy, bytes->len, free, copy);
        return s;
    }
    return NULL;
}

static void alt_text(pdf_doc *d, xmlNodePtr img, pdf_frame f)
{
    xmlChar *alt = xmlGetProp(img, (const xmlChar *)"alt");
    pdf_text t;
    pdf_text_init(&t, d->fonts, f.role, d->st->small_pt, false);
    pdf_text_add(&t, "［图");
    if (alt && *alt) {
        pdf_text_add(&t, "：");
        pdf_text_add(&t, (const char *)alt);
    }
    pdf_text_add(&t, "］");
    xmlFree(alt);
    PangoLayout *l = pdf_text_layout(&t, f.width, 0, PANGO_ALIGN_CENTER);
    pdf_page_lines(d, l, f.x, d->st->pitch, 0, 0);
    g_object_unref(l);
    pdf_text_free(&t);
}

static void image(pdf_doc *d, xmlNodePtr img, pdf_frame f)
{
    xmlChar *src = xmlGetProp(img, (const xmlChar *)"src");
    buf_t bytes;
    buf_init(&bytes);
    cairo_surface_t *s = src && datauri_decode((const char *)src, &bytes, NULL, 0) ? decode(&bytes) : NULL;
    if (src && !s && strncasecmp((const char *)src, "data:", 5) == 0)
        report_warning(d->report, d->name, "an embedded image is neither PNG nor JPEG; its alt text is set instead");
    else if (src && *src && !s && d->cr)   /* told once: when drawing, not when measuring */
        report_warning(d->report, d->name, "image %s is not in the article (folio-pdf sets data: images only and "
                       "never uses the network); its alt text is set instead", (const char *)src);
    xmlFree(src);
    buf_free(&bytes);
    if (!s) {
        alt_text(d, img, f);
        return;
    }
    /* CSS pixels are 3/4 pt; shrink to the measure and to the type area. */
    double pw = cairo_image_surface_get_width(s), ph = cairo_image_surface_get_height(s);
    double w = pw * 0.75, h = ph * 0.75;
    double area = pdf_doc_bottom(d) - d->st->top - d->st->pitch;
    if (w > f.width)
        h *= f.width / w, w = f.width;
    if (h > area)
        w *= area / h, h = area;
    double space = d->st->pitch * 0.3;
    pdf_page_ensure(d, h + 2 * space);
    if (!d->fresh)
        d->y += space;
    if (d->cr) {
        pdf_tag_content(d);
        cairo_save(d->cr);
        cairo_translate(d->cr, f.x + (f.width - w) / 2, d->y);
        cairo_scale(d->cr, w / pw, h / ph);
        cairo_set_source_surface(d->cr, s, 0, 0);
        /* a fill, not a paint: cairo 1.16 fails a tagged page that begins
         * with a paint ("invalid tag name, attributes, or nesting") */
        cairo_rectangle(d->cr, 0, 0, pw, ph);
        cairo_fill(d->cr);
        cairo_restore(d->cr);
    }
    d->y += h + space;
    d->fresh = false;
    pdf_page_to_grid(d);
    cairo_surface_destroy(s);
}

void pdf_image_set(pdf_doc *d, xmlNodePtr img, pdf_frame f)
{
    pdf_tag_begin(d, "Figure");
    image(d, img, f);
    pdf_tag_end(d);
}

#include "pdf/pdf_link.h"
#include "util/alloc.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool pdf_link_uri(const char *href, buf_t *out)
{
    static const char *const schemes[] = { "http://", "https://", "ftp://", "mailto:", NULL };
    if (!href)
        return false;
    while (*href && isspace((unsigned char)*href))
        href++;
    size_t n = strlen(href);
    while (n && isspace((unsigned char)href[n - 1]))
        n--;
    bool known = false;
    for (int i = 0; schemes[i] && !known; i++) {
        size_t k = strlen(schemes[i]);
        known = n > k && strncasecmp(href, schemes[i], k) == 0;
    }
    if (!known)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)href[i];
        if (c <= 0x20 || c >= 0x7F)
            buf_printf(out, "%%%02X", c);
        else
            buf_putc(out, (char)c);
    }
    return true;
}

void pdf_link_attributes(const char *uri, const double *rects, size_t n, buf_t *out)
{
    buf_puts(out, "uri='");
    for (const char *s = uri; *s; s++) {
        if (*s == '\'' || *s == '\\')
            buf_putc(out, '\\');
        buf_putc(out, *s);
    }
    buf_puts(out, "' rect=[");
    for (size_t i = 0; i < 4 * n; i++)
        buf_printf(out, "%s%.2f", i ? " " : "", rects[i]);
    buf_puts(out, "]");
}

typedef struct {
    size_t n;
    pdf_link links[];
} link_set;

static void free_links(gpointer data)
{
    link_set *s = data;
    for (size_t i = 0; i < s->n; i++)
        free(s->links[i].uri);
    free(s);
}

void pdf_layout_set_links(PangoLayout *l, pdf_link *links, size_t n)
{
    if (n == 0)
        return;
    link_set *s = xmalloc(sizeof *s + n * sizeof *links);
    s->n = n;
    memcpy(s->links, links, n * sizeof *links);
    g_object_set_data_full(G_OBJECT(l), "folio-links", s, free_links);
}

const pdf_link *pdf_layout_links(PangoLayout *l, size_t *n)
{
    link_set *s = g_object_get_data(G_OBJECT(l), "folio-links");
    *n = s ? s->n : 0;
    return s ? s->links : NULL;
}

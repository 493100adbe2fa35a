#include "epub/epub_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writing the small XML documents of the package by hand: their shape is
 * fixed, and a serialiser would only get in the way of byte-stable output. */

static void epub_xml_escape(buf_t *out, const char *s, bool attr)
{
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        if (*s == '&')
            rep = "&amp;";
        else if (*s == '<')
            rep = "&lt;";
        else if (*s == '>')
            rep = "&gt;";
        else if (*s == '"' && attr)
            rep = "&quot;";
        if (rep) {
            buf_add(out, run, (size_t)(s - run));
            buf_puts(out, rep);
            run = s + 1;
        }
    }
    buf_add(out, run, (size_t)(s - run));
}

void epub_xml_text(buf_t *out, const char *s) { epub_xml_escape(out, s, false); }
void epub_xml_attr(buf_t *out, const char *s) { epub_xml_escape(out, s, true); }

void epub_xhtml_open(buf_t *out, const char *lang, const char *title, const char *body_class)
{
    buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                  "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                  "xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"");
    epub_xml_attr(out, lang);
    buf_puts(out, "\" xml:lang=\"");
    epub_xml_attr(out, lang);
    buf_puts(out, "\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
    epub_xml_text(out, title);
    buf_puts(out, "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n");
    if (body_class)
        buf_printf(out, "<body class=\"%s\">\n", body_class);
    else
        buf_puts(out, "<body>\n");
}

void epub_xhtml_close(buf_t *out)
{
    buf_puts(out, "</body>\n</html>\n");
}

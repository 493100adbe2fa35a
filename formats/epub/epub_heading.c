#include "epub/epub_internal.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>

/* The labels of the table of contents, from the headings' text. */

static void epub_gather_text(xmlNodePtr n, buf_t *out, bool *pending_break)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (xml_is(c, "br")) {
            *pending_break = true;
        } else if (c->type == XML_TEXT_NODE && c->content && *c->content) {
            const char *s = (const char *)c->content;
            int first_len;
            /* A line break between two wide characters joins them, as
             * CSS does with a break in the source. */
            if (*pending_break && out->len &&
                !(cp_is_wide(utf8_before(out->data, out->len)) &&
                  cp_is_wide(utf8_decode(s, strlen(s), &first_len))))
                buf_putc(out, ' ');
            *pending_break = false;
            buf_puts(out, s);
        } else if (c->type == XML_ELEMENT_NODE && !xml_is(c, "rt") && !xml_is(c, "rp")) {
            epub_gather_text(c, out, pending_break);
        }
    }
}

char *epub_heading_text(xmlNodePtr heading)
{
    buf_t raw, out;
    buf_init(&raw);
    buf_init(&out);
    bool pending = false;
    epub_gather_text(heading, &raw, &pending);
    bool space = false;
    for (size_t i = 0; i < raw.len; i++) {
        if (strchr(" \t\r\n", raw.data[i])) {
            space = true;
            continue;
        }
        if (space && out.len)
            buf_putc(&out, ' ');
        space = false;
        buf_putc(&out, raw.data[i]);
    }
    buf_free(&raw);
    return buf_detach(&out);
}

/* "01", "一", "（二）": a heading that only numbers the section, whose
 * words are in the heading under it. */
static bool epub_only_numbers(const char *s)
{
    static const char *const numerals = "〇零一二三四五六七八九十百（）、．";
    for (size_t i = 0, len = strlen(s); i < len;) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            if (!strchr("0123456789.()- ", ch))
                return false;
            i++;
            continue;
        }
        int n;
        if (utf8_decode(s + i, len - i, &n) == UTF8_REPLACEMENT)
            return false;
        char one[5] = { 0 };
        memcpy(one, s + i, (size_t)n);
        if (!strstr(numerals, one))
            return false;
        i += (size_t)n;
    }
    return *s != '\0';
}

static xmlNodePtr epub_next_element(xmlNodePtr n)
{
    for (n = n->next; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE)
            return n;
        if (n->type == XML_TEXT_NODE && n->content && strspn((const char *)n->content, " \t\r\n") != strlen((const char *)n->content))
            return NULL;
    }
    return NULL;
}

char *epub_section_label(xmlNodePtr h2)
{
    char *label = epub_heading_text(h2);
    xmlNodePtr next = epub_next_element(h2);
    if (epub_only_numbers(label) && xml_is(next, "h3")) {
        char *sub = epub_heading_text(next);
        buf_t both;
        buf_init(&both);
        buf_printf(&both, "%s %s", label, sub);
        free(label);
        free(sub);
        label = buf_detach(&both);
    }
    return label;
}

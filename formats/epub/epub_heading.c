#include "epub/epub_internal.h"

#include <stdlib.h>
#include <string.h>

/* The labels of the table of contents, from the headings' text. */

static bool epub_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static uint32_t epub_utf8_at(const char *s, size_t len, size_t i)
{
    const unsigned char *p = (const unsigned char *)s + i;
    if (i >= len || *p < 0x80)
        return i < len ? *p : 0;
    size_t n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
    if (i + n > len)
        return 0;
    uint32_t cp = *p & (0x7Fu >> n);
    for (size_t k = 1; k < n; k++)
        cp = cp << 6 | (p[k] & 0x3Fu);
    return cp;
}

/* The code point that ends the UTF-8 text in B. */
static uint32_t epub_last_char(const buf_t *b)
{
    size_t i = b->len;
    while (i > 0 && ((unsigned char)b->data[i - 1] & 0xC0) == 0x80)
        i--;
    return i > 0 ? epub_utf8_at(b->data, b->len, i - 1) : 0;
}

/* Wide characters: ideographs, kana, hangul and full-width punctuation. */
static bool epub_is_wide(uint32_t cp)
{
    return cp >= 0x2E80 && !(cp >= 0xFF61 && cp <= 0xFFDC);
}

static void epub_gather_text(xmlNodePtr n, buf_t *out, bool *pending_break)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (epub_is(c, "br")) {
            *pending_break = true;
        } else if (c->type == XML_TEXT_NODE && c->content && *c->content) {
            const char *s = (const char *)c->content;
            if (*pending_break && out->len &&
                !(epub_is_wide(epub_last_char(out)) && epub_is_wide(epub_utf8_at(s, strlen(s), 0))))
                buf_putc(out, ' ');
            *pending_break = false;
            buf_puts(out, s);
        } else if (c->type == XML_ELEMENT_NODE && !epub_is(c, "rt") && !epub_is(c, "rp")) {
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
        size_t n = ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
        char one[5] = { 0 };
        memcpy(one, s + i, n < len - i ? n : len - i);
        if (!strstr(numerals, one))
            return false;
        i += n;
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
    if (epub_only_numbers(label) && epub_is(next, "h3")) {
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

/* A page saved as plain text: the article's text with no markup around it.
 * It is read as the paragraphs it is made of, so that a text file piped
 * through the filters reads as what it is rather than as one run-on line. */
#include "clean/page.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Control characters other than the line and page breaks of text files:
 * more than one in a hundred bytes is data, not prose. */
bool page_text_is_prose(const char *s, size_t len, long undecodable)
{
    size_t controls = 0, printed = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f')
            controls++;
        else if (b > ' ' && b != 0x7F)
            printed++;
    }
    if (printed == 0)
        return false;
    return controls * 100 <= len && (size_t)undecodable * 20 <= printed;
}

typedef struct {
    const char *s;
    size_t len;
    int indent; /* in spaces: an ideographic space is two, a tab four */
} text_line;

/* The next line of S from *AT, its ends trimmed of blanks; false at the end. */
static bool text_next_line(const char *s, size_t len, size_t *at, text_line *line)
{
    if (*at >= len)
        return false;
    size_t start = *at, end = start;
    while (end < len && s[end] != '\n' && s[end] != '\r')
        end++;
    *at = end;
    if (*at < len && s[*at] == '\r')
        (*at)++;
    if (*at < len && s[*at] == '\n')
        (*at)++;
    line->indent = 0;
    while (start < end) {
        size_t i = start;
        uint32_t c = utf8_next(s, end, &i);
        if (!cp_is_blank(c) && c != '\f')
            break;
        line->indent += c == 0x3000 ? 2 : c == '\t' ? 4 : 1;
        start = i;
    }
    while (end > start) {
        uint32_t c = utf8_before(s, end);
        if (!cp_is_blank(c) && c != '\f')
            break;
        do
            end--;
        while (end > start && utf8_is_continuation((unsigned char)s[end]));
    }
    line->s = s + start;
    line->len = end - start;
    return true;
}

static void text_escape(buf_t *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&': buf_puts(out, "&amp;"); break;
        case '<': buf_puts(out, "&lt;"); break;
        case '>': buf_puts(out, "&gt;"); break;
        default: buf_putc(out, s[i]);
        }
    }
}

/* A blank line anywhere between lines of text: paragraphs are separated by
 * blank lines and the lines within one were wrapped. Else every line is a
 * paragraph of its own. */
static bool text_has_blank_lines(const char *s, size_t len)
{
    size_t at = 0;
    text_line l;
    bool seen_text = false, blank_after_text = false;
    while (text_next_line(s, len, &at, &l)) {
        if (l.len == 0) {
            blank_after_text = seen_text;
        } else {
            if (blank_after_text)
                return true;
            seen_text = true;
        }
    }
    return false;
}

/* A first paragraph of one short line that does not end a clause is the
 * text's title, as a file's first line is when the text follows it. */
static bool text_line_is_title(const text_line *l)
{
    size_t chars = utf8_length(l->s, l->len);
    if (chars == 0 || chars > 100)
        return false;
    uint32_t last = utf8_before(l->s, l->len);
    return !strchr(".,;:", (int)(last < 0x80 ? last : 1)) && last != 0x3002 && last != 0xFF0C &&
           last != 0xFF1B && last != 0xFF1A && last != 0x3001;
}

/* Columns LINE takes: a wide character two. */
static size_t text_width(const text_line *l)
{
    size_t w = 0, i = 0;
    while (i < l->len)
        w += cp_is_wide(utf8_next(l->s, l->len, &i)) ? 2 : 1;
    return w;
}

/* Where a block of lines breaks into paragraphs: at a line set in further
 * than the one before (the 2-em indent of Chinese text), and after a line
 * that ends a sentence or a salutation well short of the block's margin,
 * which wrapping would have filled. */
static bool text_opens_paragraph(const text_line *prev, const text_line *l, size_t margin)
{
    if (l->indent > prev->indent)
        return true;
    uint32_t last = utf8_before(prev->s, prev->len);
    bool ends = last == '.' || last == '!' || last == '?' || last == ':' || last == 0x3002 ||
                last == 0xFF01 || last == 0xFF1F || last == 0xFF1A || last == 0x201D;
    return ends && text_width(prev) + 8 <= margin;
}

static void text_write_block(buf_t *html, const text_line *lines, size_t n)
{
    size_t margin = 0;
    for (size_t i = 0; i < n; i++) {
        size_t w = text_width(&lines[i]);
        if (w > margin)
            margin = w;
    }
    buf_puts(html, "<p>");
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && text_opens_paragraph(&lines[i - 1], &lines[i], margin)) {
            buf_puts(html, "</p>\n<p>");
        } else if (i > 0) {
            int k;
            uint32_t before = utf8_before(lines[i - 1].s, lines[i - 1].len);
            uint32_t after = utf8_decode(lines[i].s, lines[i].len, &k);
            if (!(cp_is_wide(before) && cp_is_wide(after)))
                buf_putc(html, ' ');
        }
        text_escape(html, lines[i].s, lines[i].len);
    }
    buf_puts(html, "</p>\n");
}

void page_text_to_html(const char *s, size_t len, buf_t *html)
{
    bool wrapped = text_has_blank_lines(s, len);
    size_t at = 0;
    text_line l = { NULL, 0, 0 }, first;
    while (text_next_line(s, len, &at, &l) && l.len == 0)
        ;
    first = l;
    /* the first line stands alone: a blank line follows it, or every line
     * is a paragraph */
    bool title = false;
    if (first.len > 0) {
        text_line next;
        size_t probe = at;
        bool alone = !wrapped || (text_next_line(s, len, &probe, &next) && next.len == 0);
        bool more = false;
        while (!more && text_next_line(s, len, &probe, &next))
            more = next.len > 0;
        title = alone && more && text_line_is_title(&first);
    }
    buf_puts(html, "<!DOCTYPE html><html><head><meta charset=\"UTF-8\">");
    if (title) {
        buf_puts(html, "<title>");
        text_escape(html, first.s, first.len);
        buf_puts(html, "</title></head><body><h1>");
        text_escape(html, first.s, first.len);
        buf_puts(html, "</h1>\n");
    } else {
        buf_puts(html, "</head><body>");
        at = 0;
    }
    text_line *block = NULL;
    size_t n = 0, cap = 0;
    for (bool more = true; more;) {
        more = text_next_line(s, len, &at, &l);
        if (n > 0 && (!more || l.len == 0 || !wrapped)) {
            text_write_block(html, block, n);
            n = 0;
        }
        if (more && l.len > 0) {
            ALLOC_GROW(block, n + 1, cap);
            block[n++] = l;
        }
    }
    free(block);
    buf_puts(html, "</body></html>\n");
}

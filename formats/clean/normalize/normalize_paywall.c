/* The rest of an article behind a paywall (page_paywall.c gives the whole
 * text the page declares): what follows the last paragraph shown, set
 * after it as paragraphs, a line of the text to each. */
#include "clean/normalize/normalize.h"
#include "clean/page.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <string.h>

/* A paragraph shown must be this long to be found again in the text: a
 * short line ("Photo: …") could be anywhere. */
#define PAYWALL_ANCHOR_MIN 40
/* Less than this after the paragraphs shown is no text held back. */
#define PAYWALL_REST_MIN 200

/* S with its runs of blanks made one space, trimmed, into OUT. */
static void collapsed(const char *s, size_t n, buf_t *out)
{
    buf_reset(out);
    buf_put_collapsed(out, s, n);
    if (out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = 0;
}

/* The length of the blank at S (a space, a tab, a line break, an NBSP), or 0. */
static size_t blank_at(const char *s)
{
    if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        return 1;
    return (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0 ? 2 : 0;
}

/* Paragraphs of the text looked for from the last back: a handful. */
#define PAYWALL_TRIES 8
/* Lines left after the rest is set in: a teaser cut short, a notice. */
#define PAYWALL_LEFT_LINES 16
#define PAYWALL_NOTICE_CHARS 200

/* The last paragraph of ROOT whose words the text FULL holds after where
 * it holds the first: it, and the end of those words in FULL in *END.
 * The first must be there: a text that lacks it is another article's
 * (a related item's in the same data) that shares a line with this one. */
static xmlNodePtr last_shown(xmlNodePtr root, const char *full, size_t *end)
{
    xmlNodePtr shown[PAYWALL_TRIES + 1];
    int n = 0;
    xmlNodePtr first = NULL;
    buf_t t;
    buf_init(&t);
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (!xml_is(c, "p"))
            continue;
        page_text(c, &t);
        if (t.len < PAYWALL_ANCHOR_MIN)
            continue;
        if (!first)
            first = c;
        /* the last few, in a ring */
        if (n == PAYWALL_TRIES + 1)
            memmove(shown, shown + 1, sizeof shown[0] * PAYWALL_TRIES), n--;
        shown[n++] = c;
    }
    xmlNodePtr found = NULL;
    if (first) {
        page_text(first, &t);
        const char *at = strstr(full, t.data);
        size_t from = at ? (size_t)(at - full) : 0;
        for (int i = n - 1; at && i >= 0 && !found; i--) {
            page_text(shown[i], &t);
            const char *hit = strstr(full + from, t.data);
            if (hit) {
                found = shown[i];
                *end = (size_t)(hit - full) + t.len;
            }
        }
    }
    buf_free(&t);
    return found;
}

/* After the rest is set in, the lines the page showed after the last
 * whole paragraph go: a paragraph cut short ("…our members…"), whose
 * words the text holds, and a short notice ("This article is for
 * subscribers"). */
static void drop_left_lines(xmlNodePtr from, const char *full)
{
    buf_t t;
    buf_init(&t);
    int looked = 0;
    for (xmlNodePtr c = from, next; c && looked < PAYWALL_LEFT_LINES; c = next) {
        next = c->next;
        if (!xml_is(c, "p"))
            continue;
        looked++;
        page_text(c, &t);
        size_t len = t.len;
        while (len && (t.data[len - 1] == '.' || t.data[len - 1] == ' '))
            len--;
        if (len >= 3 && !memcmp(t.data + len - 3, "…", 3))
            len -= 3;
        if (len)
            t.data[len] = 0;
        if (!len || (len >= PAYWALL_ANCHOR_MIN && strstr(full, t.data)) ||
            utf8_length(t.data, len) <= PAYWALL_NOTICE_CHARS) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
    }
    buf_free(&t);
}

int nz_paywall_rest(xmlNodePtr root, const char *text, FILE *explain)
{
    if (!text || !*text)
        return 0;
    /* the text line by line, each line's blanks made one */
    buf_t full, line;
    buf_init(&full);
    buf_init(&line);
    collapsed(text, strlen(text), &full);
    size_t end = 0;
    xmlNodePtr after = full.len ? last_shown(root, full.data, &end) : NULL;
    int added = 0;
    if (after && full.len - end >= PAYWALL_REST_MIN) {
        /* find the same place in the text with its line breaks: the
         * collapsed text's END-th byte is that many non-blank bytes and
         * blanks between words in */
        size_t i = 0, k = 0;
        const char *s = text;
        for (size_t b; (b = blank_at(s + i));)
            i += b;
        while (s[i] && k < end) {
            if (!blank_at(s + i))
                i++;
            else
                for (size_t b; (b = blank_at(s + i));)
                    i += b;
            k++;
        }
        xmlNodePtr prev = after, left = after->next;
        size_t chars = 0;
        while (s[i]) {
            size_t n = strcspn(s + i, "\n");
            collapsed(s + i, n, &line);
            if (line.len) {
                xmlNodePtr p = xmlNewDocNode(root->doc, NULL, (const xmlChar *)"p", NULL);
                xmlNodeAddContentLen(p, (const xmlChar *)line.data, (int)line.len);
                prev = xmlAddNextSibling(prev, p);
                added++;
                chars += line.len;
            }
            i += n + (s[i + n] == '\n');
        }
        if (added)
            drop_left_lines(left, full.data);
        if (explain && added)
            fprintf(explain, "paywall: the page's JSON-LD says the article is not free and holds its "
                             "text; %zu bytes after the last paragraph shown taken from its articleBody, "
                             "in %d paragraphs\n", chars, added);
    }
    buf_free(&full);
    buf_free(&line);
    return added;
}

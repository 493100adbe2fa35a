/* The rest of an article behind a paywall (page_paywall.c gives the whole
 * text the page declares): what follows the last paragraph shown, set
 * after it as paragraphs, a line of the text to each. */
#include "clean/normalize/normalize.h"
#include "clean/page.h"
#include "util/buf.h"
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
    bool blank = false;
    for (size_t i = 0; i < n; i++) {
        bool b = s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n' ||
                 (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0);
        if (b) {
            if ((unsigned char)s[i] == 0xC2)
                i++;
            blank = out->len > 0;
            continue;
        }
        if (blank)
            buf_putc(out, ' ');
        blank = false;
        buf_putc(out, s[i]);
    }
}

/* The last paragraph of ROOT whose words the text FULL holds after FROM:
 * it, and the end of those words in FULL in *END. */
static xmlNodePtr last_shown(xmlNodePtr root, const char *full, size_t *end)
{
    xmlNodePtr found = NULL;
    size_t from = 0;
    buf_t t;
    buf_init(&t);
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (!xml_is(c, "p"))
            continue;
        page_text(c, &t);
        if (t.len < PAYWALL_ANCHOR_MIN)
            continue;
        const char *at = strstr(full + from, t.data);
        if (!at)
            continue;
        found = c;
        from = (size_t)(at - full) + t.len;
    }
    buf_free(&t);
    *end = from;
    return found;
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
    size_t end;
    xmlNodePtr after = full.len ? last_shown(root, full.data, &end) : NULL;
    int added = 0;
    if (after && full.len - end >= PAYWALL_REST_MIN) {
        /* find the same place in the text with its line breaks: the
         * collapsed text's END-th byte is that many non-blank bytes and
         * blanks between words in */
        size_t i = 0, k = 0;
        const char *s = text;
        while (s[i] && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
            i++;
        while (s[i] && k < end) {
            bool blank = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ||
                         ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0);
            if (blank) {
                while (s[i] && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ||
                                ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)))
                    i += (unsigned char)s[i] == 0xC2 ? 2 : 1;
                k++;
            } else {
                i++;
                k++;
            }
        }
        xmlNodePtr prev = after;
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
        if (explain && added)
            fprintf(explain, "paywall: the page's JSON-LD says the article is not free and holds its "
                             "text; %zu bytes after the last paragraph shown taken from its articleBody, "
                             "in %d paragraphs\n", chars, added);
    }
    buf_free(&full);
    buf_free(&line);
    return added;
}

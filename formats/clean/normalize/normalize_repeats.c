/* Lines the rebuilt article holds twice because the page did: a caption
 * set again as a line of its own beside its picture; a quotation pulled
 * out of the text and set large beside it; a summary above the text that
 * the text then says again. */
#include "clean/normalize/normalize.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/shingle.h"
#include "util/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A short line that repeats a picture's caption is the caption again: it
 * goes, and the caption stays in its figure. (A short line the article
 * holds twice is no sign of furniture: sections repeat their headings.) */
static bool short_line(xmlNodePtr n, nz_line *t, xmlChar **text)
{
    if (!xml_is(n, "p"))
        return false;
    *text = xmlNodeGetContent(n);
    *t = nz_line_measure(*text ? (const char *)*text : "");
    return t->chars > 0 && t->chars <= NZ_LINE_SHORT && t->stops == 0 && !t->date;
}

/* Captions compared without their white space: a caption set again as a
 * line may be wrapped differently. They are gathered and sorted once, so a
 * page of many short lines and many pictures costs n log n, not n². */
typedef struct {
    char **text;
    size_t len, cap;
} captions;

static char *squeeze(const xmlChar *s)
{
    size_t n = 0;
    char *out = xmalloc(xmlStrlen(s) + 1);
    for (; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\t')
            out[n++] = (char)*s;
    out[n] = '\0';
    return out;
}

static int text_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void captions_gather(captions *c, xmlNodePtr root)
{
    for (xmlNodePtr f = root->children; f; f = f->next)
        if (xml_is(f, "figure"))
            for (xmlNodePtr k = f->children; k; k = k->next)
                if (xml_is(k, "figcaption")) {
                    xmlChar *cap = xmlNodeGetContent(k);
                    if (cap) {
                        ALLOC_GROW(c->text, c->len + 1, c->cap);
                        c->text[c->len++] = squeeze(cap);
                    }
                    xmlFree(cap);
                }
    if (c->len)
        qsort(c->text, c->len, sizeof *c->text, text_cmp);
}

static bool is_caption_repeat(const captions *c, const xmlChar *text)
{
    if (!c->len)
        return false;
    char *key = squeeze(text);
    bool found = bsearch(&key, c->text, c->len, sizeof *c->text, text_cmp) != NULL;
    free(key);
    return found;
}

static void captions_free(captions *c)
{
    for (size_t i = 0; i < c->len; i++)
        free(c->text[i]);
    free(c->text);
}

/* Block N goes, told as WHY with its TEXT. */
static void drop_block(nz *z, xmlNodePtr n, const char *why, const xmlChar *text)
{
    if (z->o->explain)
        fprintf(z->o->explain, "%s: %.*s\n", why, utf8_clip((const char *)text, 60), (const char *)text);
    nz_discard(z, n);
}

/* The stops that end S go: a quotation's last stop may be the text's comma. */
static void drop_end_stops(buf_t *s)
{
    static const char *const stops[] = { ".", "!", "?", ";", ",", "。", "！", "？", "；", "，", NULL };
    for (bool cut = true; cut;) {
        cut = false;
        for (int i = 0; stops[i] && !cut; i++) {
            size_t k = strlen(stops[i]);
            if (s->len >= k && !memcmp(s->data + s->len - k, stops[i], k)) {
                s->data[s->len -= k] = '\0';
                cut = true;
            }
        }
    }
}

/* A pull quote: a quotation set large beside the text, in words the text
 * says too. Compared without spaces, quotation marks and case, against the
 * article's paragraphs gathered once; only the first PULL_QUOTES_MAX
 * quotations are looked at, so a page of many costs no more. */
#define PULL_QUOTE_MIN 10
#define PULL_QUOTE_MAX 300
#define PULL_QUOTES_MAX 32

static void squeeze_words(const char *s, buf_t *out)
{
    static const char *const marks[] = { "“", "”", "‘", "’", "「", "」", "『", "』", "…", NULL };
    while (*s) {
        size_t k = 0;
        /* every mark starts E2 or E3; the rest of the text skips the list */
        bool lead = (unsigned char)*s == 0xE2 || (unsigned char)*s == 0xE3;
        for (int i = 0; lead && marks[i] && !k; i++)
            if (!strncmp(s, marks[i], strlen(marks[i])))
                k = strlen(marks[i]);
        if (!k && !strchr(" \n\t\"'", *s))
            buf_putc(out, (char)((*s >= 'A' && *s <= 'Z') ? *s + 32 : *s));
        s += k ? k : 1;
    }
}

/* The words of the quotation N, all but its LAST_OUT last blocks, are in
 * TEXT. */
static bool words_said_in(xmlNodePtr n, int last_out, const char *text)
{
    buf_t q;
    buf_init(&q);
    xmlNodePtr stop = n->last;
    for (int i = 0; i < last_out && stop; i++)
        stop = stop->prev;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (last_out && c == (stop ? stop->next : n->children))
            break;
        xmlChar *t = xmlNodeGetContent(c);
        squeeze_words(t ? (const char *)t : "", &q);
        xmlFree(t);
    }
    drop_end_stops(&q);
    size_t chars = q.len ? utf8_length(q.data, q.len) : 0;
    bool said = chars >= PULL_QUOTE_MIN && chars <= PULL_QUOTE_MAX && strstr(text, q.data);
    buf_free(&q);
    return said;
}

/* A pull quote says the text's words, then perhaps whose they are, on a
 * short line of its own under them ("Dana Ruiz", a <cite>). */
#define PULL_QUOTE_WHO 60

/* The line P (its text T) says whose the words are: it opens with a
 * dash, or is set whole as a citation, or is a name and a title, a few
 * words without a sentence's end or a colon. */
static bool names_speaker(xmlNodePtr p, const char *t)
{
    t += strspn(t, " \t\n");
    static const char *const dashes[] = { "—", "–", "―", "-", "~", NULL };
    for (int i = 0; dashes[i]; i++)
        if (!strncmp(t, dashes[i], strlen(dashes[i])))
            return true;
    xmlNodePtr only = NULL;
    int elements = 0;
    for (xmlNodePtr c = p->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            only = c, elements++;
        else if (c->type == XML_TEXT_NODE && !xmlIsBlankNode(c))
            elements = 2;
    if (elements == 1 && xml_is(only, "em"))
        return true;
    int words = 1;
    for (const char *q = t; *q; q++) {
        if (strchr(".!?:", *q) || !strncmp(q, "。", 3) || !strncmp(q, "：", 3))
            return false;
        words += *q == ' ' && q[1] && q[1] != ' ';
    }
    return words <= 6;
}

static bool quote_said_in(xmlNodePtr n, const char *text)
{
    if (words_said_in(n, 0, text))
        return true;
    xmlNodePtr who = n->last;
    while (who && who->type != XML_ELEMENT_NODE)
        who = who->prev;
    if (!who || !xml_is(who, "p") || who == n->children)
        return false;
    xmlChar *t = xmlNodeGetContent(who);
    bool attribution = t && utf8_length((const char *)t, strlen((const char *)t)) <= PULL_QUOTE_WHO &&
                       names_speaker(who, (const char *)t);
    xmlFree(t);
    return attribution && words_said_in(n, 1, text);
}

static void drop_pull_quotes(nz *z)
{
    xmlNodePtr first = z->root->children;
    while (first && !xml_is(first, "blockquote"))
        first = first->next;
    if (!first)
        return;
    buf_t text;
    buf_init(&text);
    for (xmlNodePtr n = z->root->children; n; n = n->next)
        if (xml_is(n, "p")) {
            xmlChar *t = xmlNodeGetContent(n);
            squeeze_words(t ? (const char *)t : "", &text);
            buf_putc(&text, '\n');
            xmlFree(t);
        }
    int seen = 0;
    for (xmlNodePtr n = first, next; n && text.len && seen < PULL_QUOTES_MAX; n = next) {
        next = n->next;
        if (!xml_is(n, "blockquote"))
            continue;
        seen++;
        xmlChar *t = xmlNodeGetContent(n);
        if (quote_said_in(n, text.data))
            drop_block(z, n, "dropped a quotation: a pull quote, the text's own words again", t);
        xmlFree(t);
    }
    buf_free(&text);
}

void nz_drop_repeats(nz *z)
{
    drop_pull_quotes(z);
    captions caps = {0};
    captions_gather(&caps, z->root);
    for (xmlNodePtr n = caps.len ? z->root->children : NULL; n;) {
        xmlNodePtr next = n->next;
        nz_line t;
        xmlChar *text = NULL;
        if (short_line(n, &t, &text) && is_caption_repeat(&caps, text))
            drop_block(z, n, "dropped a line: the caption of a picture, repeated", text);
        xmlFree(text);
        n = next;
    }
    captions_free(&caps);
}

static bool beside_text(xmlNodePtr n)
{
    return n->type != XML_ELEMENT_NODE || xml_is(n, "h1") || xml_is(n, "figure") || nz_empty(n);
}

xmlNodePtr nz_only_text_block(xmlNodePtr before, xmlNodePtr last)
{
    xmlNodePtr only = NULL;
    for (xmlNodePtr n = before ? before->next : NULL; n; n = n->next) {
        if (!beside_text(n)) {
            if (only || !(xml_is(n, "p") || xml_is(n, "blockquote")))
                return NULL;
            only = n;
        }
        if (n == last)
            break;
    }
    return only;
}

/* The summary: the first block of text under the title, pictures aside. */
static xmlNodePtr first_text_block(xmlNodePtr root)
{
    for (xmlNodePtr n = root->children; n; n = n->next)
        if (!beside_text(n))
            return n;
    return NULL;
}

/* A page's abstract (a 摘要 box, a standfirst) set in a box of its own above
 * the text, when the text goes on to say it again sentence by sentence:
 * printed, the reader reads it twice. It goes and the text stays whole. A
 * lead the text does not repeat is the article's own and stays; so does a
 * paragraph of the text itself, however often the text repeats it. */
void nz_drop_lead_summary(nz *z)
{
    xmlNodePtr lead = first_text_block(z->root);
    if (!lead || lead != z->lead_box)
        return;
    xmlChar *text = xmlNodeGetContent(lead);
    nz_line t = nz_line_measure(text ? (const char *)text : "");
    buf_t rest;
    buf_init(&rest);
    for (xmlNodePtr n = lead->next; n; n = n->next) {
        xmlChar *c = xmlNodeGetContent(n);
        if (c) {
            buf_puts(&rest, (const char *)c);
            buf_putc(&rest, '\n');
        }
        xmlFree(c);
    }
    int rest_chars = rest.data ? nz_line_measure(rest.data).chars : 0;
    /* A summary the length of the text is no summary of it. A lead the text
     * does not repeat shares a few runs at most (a name, a figure); a
     * summary made of the text's sentences, reworded here and there, shares
     * most of them. */
    if (t.chars > NZ_LINE_SHORT / 2 && rest_chars >= 2 * t.chars &&
        shingle_share((const char *)text, rest.data) >= 0.6)
        drop_block(z, lead, "dropped the lead: a summary the text repeats", text);
    buf_free(&rest);
    xmlFree(text);
}

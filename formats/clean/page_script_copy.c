/* A page that a script fills: the server sends the article's markup as
 * data, and a script copies it into an empty box when the page opens. A
 * saved page keeps the data and the empty box. The data is one of
 *   - a <textarea>'s text (read as text, never as tags),
 *   - a hidden <input>'s value,
 *   - a string in a script's data (a single-page app's first state:
 *     "content": "\u003cp\u003e…"), whose markup opens the string and
 *     whose name says it is a body.
 * The markup is parsed and set in the data's place, so that the article
 * is scored as its reader saw it. A text area a reader types into, data
 * that holds words rather than paragraphs of markup, or data holding less
 * text than the page shows (a copy of the shown article) stays as it is. */
#include "clean/page.h"
#include "util/buf.h"
#include "util/json_string.h"
#include "util/xml_node.h"

#include <libxml/tree.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

/* A page's handful of such copies; more are no article's. */
#define PAGE_SCRIPT_COPIES_MAX 16
/* A script string shorter than this holds no article's paragraphs. */
#define SCRIPT_STRING_MIN 64

/* How many block tags (<p>, <br>, <div>, <h1>..<h6>) the text S opens. */
static int markup_blocks(const char *s)
{
    int n = 0;
    for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<')) {
        size_t k = 0;
        if (p[1] == 'p' || p[1] == 'P')
            k = 2;
        else if (!strncasecmp(p + 1, "br", 2))
            k = 3;
        else if (!strncasecmp(p + 1, "div", 3))
            k = 4;
        else if ((p[1] == 'h' || p[1] == 'H') && p[2] >= '1' && p[2] <= '6')
            k = 3;
        if (k && (p[k] == '>' || p[k] == ' ' || p[k] == '/' || p[k] == '\t' || p[k] == '\n'))
            n++;
    }
    return n;
}

static bool inside_form(xmlNodePtr n)
{
    for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (xml_is(n, "form"))
            return true;
    return false;
}

/* Bytes of the markup S outside its tags: the text it would show. */
static size_t markup_text(const char *s)
{
    size_t n = 0;
    bool tag = false;
    for (; *s; s++) {
        if (*s == '<')
            tag = true;
        else if (*s == '>')
            tag = false;
        else if (!tag && *s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
            n++;
    }
    return n;
}

/* The name the string opening at Q (its quote) in S is given, as JSON's
 * key or a script's variable ("content": "…", var body = "…"), names an
 * article's body: its content, body, text, html or detail, not related
 * items, comments or a list. */
static bool names_a_body(const char *s, const char *q)
{
    const char *p = q;
    while (p > s && strchr(" \t\r\n", p[-1]))
        p--;
    if (p == s || (p[-1] != ':' && p[-1] != '='))
        return false;
    p--;
    while (p > s && strchr(" \t\r\n", p[-1]))
        p--;
    if (p > s && (p[-1] == '"' || p[-1] == '\''))
        p--;
    const char *end = p;
    while (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '-'))
        p--;
    char name[64];
    size_t n = (size_t)(end - p) < sizeof name ? (size_t)(end - p) : sizeof name - 1;
    for (size_t i = 0; i < n; i++)
        name[i] = (char)tolower((unsigned char)p[i]);
    name[n] = '\0';
    static const char *const body[] = { "content", "body", "text", "html", "detail", "article", NULL };
    static const char *const other[] = { "related", "comment", "recommend", "list", NULL };
    bool named = false;
    for (int i = 0; body[i] && !named; i++)
        named = strstr(name, body[i]) != NULL;
    for (int i = 0; other[i] && named; i++)
        named = !strstr(name, other[i]);
    return named;
}

/* The longest string of the script text S whose markup opens it and holds
 * blocks, decoded, into OUT; false when none does. Only double-quoted
 * strings: JSON's, and the ones a scan of code cannot misread, since a
 * quote inside them is always escaped. */
static bool script_markup_string(const char *s, buf_t *out)
{
    size_t n = strlen(s), best = 0;
    buf_t str;
    buf_init(&str);
    for (const char *q = memchr(s, '"', n); q; q = memchr(q, '"', n - (size_t)(q - s))) {
        const char *v = q + 1;
        size_t len = json_string_end(v, n - (size_t)(v - s));
        q = v + len + (v + len < s + n);
        if (len < SCRIPT_STRING_MIN || q >= s + n)
            continue;
        size_t lead = 0;
        while (lead < len && strchr(" \t\r\n", v[lead]))
            lead++;
        /* "<" as JSON or a script writes it when it must not close a
         * <script> element */
        if ((v[lead] != '<' && strncasecmp(v + lead, "\\u003c", 6) && strncasecmp(v + lead, "\\x3c", 4)) ||
            !names_a_body(s, v - 1))
            continue;
        buf_reset(&str);
        json_string_decode(&str, v, len);
        size_t text = markup_blocks(str.data) >= 2 ? markup_text(str.data) : 0;
        if (text > best) {
            best = text;
            buf_reset(out);
            buf_puts(out, str.data);
        }
    }
    buf_free(&str);
    return best > 0;
}

/* The markup N holds as data for a script, into OUT; false when N holds
 * none. */
static bool script_copy_markup(xmlNodePtr n, buf_t *out)
{
    xmlChar *text = NULL;
    bool found = false;
    if (xml_is(n, "textarea") && !inside_form(n)) {
        text = xmlNodeGetContent(n);
        found = text && markup_blocks((const char *)text) >= 2;
    } else if (xml_is(n, "input") && !inside_form(n)) {
        xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
        if (type && !strcasecmp((const char *)type, "hidden")) {
            text = xmlGetProp(n, (const xmlChar *)"value");
            found = text && markup_blocks((const char *)text) >= 2;
        }
        xmlFree(type);
    } else if (xml_is(n, "script") && !page_is_json_ld(n)) {
        text = xmlNodeGetContent(n);
        found = text && script_markup_string((const char *)text, out);
        xmlFree(text);
        return found;
    }
    if (found)
        buf_puts(out, (const char *)text);
    xmlFree(text);
    return found;
}

int page_script_copy_text(xmlNodePtr n, int *punct)
{
    *punct = 0;
    buf_t markup;
    buf_init(&markup);
    int chars = 0;
    if (script_copy_markup(n, &markup)) {
        bool tag = false;
        for (const unsigned char *p = (const unsigned char *)markup.data; *p; p++) {
            if (*p == '<')
                tag = true;
            else if (*p == '>')
                tag = false;
            else if (!tag && (*p & 0xC0) != 0x80 && !strchr(" \n\t\r", *p)) {
                chars++;
                /* ，。 and , . : what sentences hold */
                *punct += *p == ',' || *p == '.' || !strncmp((const char *)p, "，", 3) ||
                          !strncmp((const char *)p, "。", 3);
            }
        }
    }
    buf_free(&markup);
    return chars;
}

/* N replaced by a <div> of the body of the markup HTML, under N's own
 * class and id. */
static bool copy_inline(xmlNodePtr n, const char *html)
{
    htmlDocPtr fdoc = page_parse_markup(html, strlen(html));
    xmlNodePtr body = fdoc ? page_body(xmlDocGetRootElement(fdoc)) : NULL;
    xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class"), *id = xmlGetProp(n, (const xmlChar *)"id");
    xmlNodePtr div = body && body->children ? page_body_in_place(n, fdoc) : NULL;
    if (div && cls)
        xmlSetProp(div, (const xmlChar *)"class", cls);
    if (div && id)
        xmlSetProp(div, (const xmlChar *)"id", id);
    xmlFree(cls);
    xmlFree(id);
    xmlFreeDoc(fdoc);
    return div != NULL;
}

/* Bytes of text the page shows outside its text areas, scripts and styles,
 * up to LIMIT. */
static size_t shown_text(xmlNodePtr n, size_t so_far, size_t limit)
{
    for (; n && so_far < limit; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content)
            so_far += strlen((const char *)n->content);
        else if (n->type == XML_ELEMENT_NODE && !xml_is(n, "textarea") && !xml_is(n, "script") &&
                 !xml_is(n, "style") && !xml_is(n, "template"))
            so_far = shown_text(n->children, so_far, limit);
    }
    return so_far;
}

static void copies_walk(xmlNodePtr n, int *seen, int *inlined, size_t shown, buf_t *markup)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        buf_reset(markup);
        if (*seen >= PAGE_SCRIPT_COPIES_MAX || !script_copy_markup(n, markup)) {
            copies_walk(n->children, seen, inlined, shown, markup);
            continue;
        }
        /* more than the page shows: its text, not a copy of the shown one */
        if (markup_text(markup->data) > shown) {
            ++*seen;
            xmlNodePtr prev = n->prev, parent = n->parent;
            if (copy_inline(n, markup->data)) {
                ++*inlined;
                n = prev ? prev->next : parent->children;
            }
        }
    }
}

int page_inline_script_copies(htmlDocPtr doc)
{
    int seen = 0, inlined = 0;
    buf_t markup;
    buf_init(&markup);
    if (doc)
        copies_walk(doc->children, &seen, &inlined, shown_text(doc->children, 0, (size_t)1 << 30), &markup);
    buf_free(&markup);
    return inlined;
}

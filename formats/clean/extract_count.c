/* Counting what a subtree holds for the scorer and the cleaner: its
 * characters, its sentence punctuation, and how much of both is link
 * text; and which elements start a block. */
#include "clean/extract.h"
#include "clean/extract_int.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <string.h>
#include <strings.h>

bool extract_is_block_tag(const char *name)
{
    /* By first letter, since this runs for every element more than once;
     * libxml2's HTML parser gives names in lower case. */
    static const char *const by_letter[26][12] = {
        ['a' - 'a'] = { "address", "article", "aside" },
        ['b' - 'a'] = { "blockquote", "body" },
        ['c' - 'a'] = { "center", "caption" },
        ['d' - 'a'] = { "dd", "details", "dialog", "div", "dl", "dt" },
        ['f' - 'a'] = { "fieldset", "figcaption", "figure", "footer", "form" },
        ['h' - 'a'] = { "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html" },
        ['l' - 'a'] = { "li" },
        ['m' - 'a'] = { "main", "menu" },
        ['n' - 'a'] = { "nav" },
        ['o' - 'a'] = { "ol" },
        ['p' - 'a'] = { "p", "pre" },
        ['s' - 'a'] = { "section" },
        ['t' - 'a'] = { "table", "tbody", "td", "tfoot", "th", "thead", "tr" },
        ['u' - 'a'] = { "ul" },
    };
    unsigned c = (unsigned char)name[0] | 0x20;
    if (c < 'a' || c > 'z')
        return false;
    for (const char *const *b = by_letter[c - 'a']; *b; b++)
        if (strcasecmp(name, *b) == 0)
            return true;
    return false;
}

/* ---- counting ----------------------------------------------------------- */

static int ex_punct_at(const unsigned char *p)
{
    /* ，。、；：？！ are EF BC 8C, E3 80 82, E3 80 81, EF BC 9B, EF BC 9A, EF BC 9F, EF BC 81 */
    if (p[0] == 0xe3 && p[1] == 0x80 && (p[2] == 0x81 || p[2] == 0x82))
        return 3;
    if (p[0] == 0xef && p[1] == 0xbc &&
        (p[2] == 0x8c || p[2] == 0x9b || p[2] == 0x9a || p[2] == 0x9f || p[2] == 0x81))
        return 3;
    if ((p[0] == ',' || p[0] == '.' || p[0] == ';' || p[0] == '?' || p[0] == '!') && p[1] == ' ')
        return 1;
    return 0;
}

void ex_count_text(const unsigned char *s, extract_counts *c, bool in_link)
{
    /* every text node of the page comes through here, most of it ASCII or
     * three-byte Han: those are told apart byte by byte, the rest decoded */
    const unsigned char *end = s + strlen((const char *)s);
    int chars = 0, punct = 0;
    while (s < end) {
        unsigned char b = *s;
        if (b < 0x80) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                chars++;
                punct += (b == ',' || b == '.' || b == ';' || b == '?' || b == '!') && s[1] == ' ';
            }
            s++;
            continue;
        }
        int k = ex_punct_at(s);
        if (k) {
            punct++;
            chars++;
            s += k;
            continue;
        }
        if (b == 0xc2 && s[1] == 0xa0) {
            s += 2;
            continue;
        }
        if (b == 0xe3 && s[1] == 0x80 && s[2] == 0x80) {
            s += 3;
            continue;
        }
        int len;
        utf8_decode((const char *)s, (size_t)(end - s), &len);
        chars++;
        s += len;
    }
    c->chars += chars;
    c->punct += punct;
    if (in_link) {
        c->link_chars += chars;
        c->link_punct += punct;
    }
}

static void ex_count_walk(xmlNodePtr n, extract_counts *c, bool in_link)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            ex_count_text(n->content, c, in_link);
        else if (n->type == XML_ELEMENT_NODE)
            ex_count_walk(n->children, c, in_link || xml_is(n, "a"));
    }
}

void extract_count(xmlNodePtr n, extract_counts *c)
{
    memset(c, 0, sizeof *c);
    if (n->type == XML_ELEMENT_NODE)
        ex_count_walk(n->children, c, xml_is(n, "a"));
    else if (n->type == XML_TEXT_NODE)
        ex_count_text(n->content, c, false);
}

bool ex_has_stop(const char *text)
{
    for (const char *p = text; *p; p++)
        if (!strncmp(p, "。", 3) || !strncmp(p, "！", 3) || !strncmp(p, "？", 3) ||
            (strchr(".!?", *p) && p[1] == ' '))
            return true;
    return false;
}

/* The text behind a paywall, as the page declares it to search engines:
 * a JSON-LD article that says it is not free to read
 * ("isAccessibleForFree": false) and carries its whole text in
 * "articleBody", while the markup shows its opening paragraphs and an
 * offer. The reader who saved the page could read it; folio gives the
 * rest after the paragraphs shown. */
#include "clean/page.h"
#include "util/json_string.h"
#include "util/xml_node.h"

#include <string.h>
#include <strings.h>

/* The value after KEY's colon in the N bytes at S: its first byte, or NULL
 * when KEY is not there. */
static const char *json_value_of(const char *s, size_t n, const char *key)
{
    size_t k = strlen(key);
    for (const char *p = s; p + k + 2 < s + n && (p = memchr(p, '"', (size_t)(s + n - p))); p++) {
        if (p + k + 2 > s + n || memcmp(p + 1, key, k) || p[k + 1] != '"')
            continue;
        const char *v = p + k + 2;
        while (v < s + n && strchr(" \t\r\n", *v))
            v++;
        if (v >= s + n || *v != ':')
            continue;
        v++;
        while (v < s + n && strchr(" \t\r\n", *v))
            v++;
        return v < s + n ? v : NULL;
    }
    return NULL;
}

/* The data says the article is not free: false, or the string "false". */
static bool says_not_free(const char *s, size_t n)
{
    const char *v = json_value_of(s, n, "isAccessibleForFree");
    if (!v)
        return false;
    if (*v == '"')
        v++;
    return (size_t)(s + n - v) >= 5 && !strncasecmp(v, "false", 5);
}

static void paywalled_text_in(xmlNodePtr n, buf_t *out)
{
    for (; n && !out->len; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!page_is_json_ld(n)) {
            paywalled_text_in(n->children, out);
            continue;
        }
        xmlChar *raw = xmlNodeGetContent(n);
        const char *s = raw ? (const char *)raw : "";
        size_t len = strlen(s);
        const char *v = says_not_free(s, len) ? json_value_of(s, len, "articleBody") : NULL;
        if (v && *v == '"') {
            v++;
            json_string_decode(out, v, json_string_end(v, (size_t)(s + len - v)));
        }
        xmlFree(raw);
    }
}

void page_paywalled_text(htmlDocPtr doc, buf_t *out)
{
    paywalled_text_in(doc ? doc->children : NULL, out);
}

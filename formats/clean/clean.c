#include "clean/clean.h"
#include "article/article.h"
#include "charset/charset.h"
#include "clean/extract.h"
#include "clean/normalize/normalize.h"
#include "clean/page.h"
#include "clean/meta/page_meta.h"
#include "clean/rules/site_rules.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>

/* Markup at all within the first bytes: plain text is not a captured page. */
static bool clean_has_markup(const char *s, size_t len)
{
    size_t probe = len < 8192 ? len : 8192;
    for (size_t i = 0; i + 1 < probe; i++)
        if (s[i] == '<' && (s[i + 1] == '!' || s[i + 1] == '/' || (s[i + 1] | 0x20) >= 'a'))
            if ((s[i + 1] | 0x20) <= 'z' || s[i + 1] == '!' || s[i + 1] == '/')
                return true;
    return false;
}

/* Share of CJK characters in TEXT: decides the language when the page
 * does not say. */
static bool clean_mostly_cjk(xmlNodePtr n)
{
    long cjk = 0, letters = 0;
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            for (const unsigned char *s = n->content; *s; s++) {
                if (*s >= 0xe3 && *s <= 0xe9)
                    cjk++;
                else if ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z')
                    letters++;
            }
        } else if (n->type == XML_ELEMENT_NODE && n->children) {
            if (clean_mostly_cjk(n->children))
                return true;
        }
    }
    return cjk * 4 > letters && cjk > 0;
}

static void clean_language(article_meta *m, xmlNodePtr body, const char *charset)
{
    if (m->lang && *m->lang)
        return;
    if (clean_mostly_cjk(body->children))
        article_meta_set(&m->lang, strncmp(charset, "BIG5", 4) == 0 ? "zh-TW" : "zh-CN");
    else
        article_meta_set(&m->lang, "en");
}

/* The first heading or, failing that, the page's <title>: an article
 * always has an h1. */
static void clean_fallback_title(article_meta *m, htmlDocPtr doc)
{
    if (m->title && *m->title)
        return;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root; n; ) {
        if (xml_is(n, "title")) {
            buf_t t;
            buf_init(&t);
            page_text(n, &t);
            if (t.len)
                article_meta_set(&m->title, t.data);
            buf_free(&t);
            return;
        }
        if (n->children && n->type == XML_ELEMENT_NODE)
            n = n->children;
        else {
            while (n && !n->next)
                n = n->parent;
            if (n)
                n = n->next;
        }
    }
}

static bool clean_body_has_text(xmlNodePtr article)
{
    for (xmlNodePtr c = article->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xml_is(c, "h1"))
            continue;
        extract_counts k;
        extract_count(c, &k);
        if (k.chars > 0)
            return true;
        if (xml_is(c, "figure"))
            return true;
    }
    return false;
}

/* Browsers mark a saved page with <!-- saved from url=(0051)http://… -->:
 * where it was captured, when the page names no canonical URL itself. */
static char *clean_saved_from(const char *s, size_t len)
{
    const char *key = "saved from url=(";
    size_t probe = len < 4096 ? len : 4096;
    for (size_t i = 0; i + strlen(key) < probe; i++) {
        if (strncmp(s + i, key, strlen(key)) != 0)
            continue;
        const char *p = memchr(s + i, ')', probe - i);
        if (!p)
            return NULL;
        p++;
        size_t n = 0;
        while (p + n < s + len && p[n] != ' ' && p[n] != '-' && (unsigned char)p[n] > ' ')
            n++;
        if (n > 7 && (!strncmp(p, "http://", 7) || !strncmp(p, "https://", 8)))
            return xstrndup(p, n);
        return NULL;
    }
    return NULL;
}

/* The rule file for the page: --site's, or its own host's. */
static const site_rules *clean_pick_rules(const clean_options *o, htmlDocPtr doc, const char *url)
{
    if (!o->rules)
        return NULL;
    buf_t host;
    buf_init(&host);
    const char *how = "--site";
    bool known = o->site ? site_rules_url_host(o->site, &host)
                         : site_rules_page_host(doc, url, &host, &how);
    const site_rules *r = known ? site_rules_for(o->rules, host.data) : NULL;
    if (o->explain) {
        if (!known)
            fprintf(o->explain, "rules: no host known for the page (no canonical URL, og:url, <base> or SiteDomain)\n");
        else if (!r)
            fprintf(o->explain, "rules: host %s (from %s): no rule file\n", host.data, how);
        else
            fprintf(o->explain, "rules: host %s (from %s): %s\n", host.data, how, r->path);
        site_rules_explain_notes(r, o->explain);
    }
    buf_free(&host);
    return r;
}

int clean_page(const unsigned char *data, size_t len, const clean_options *o,
               buf_t *out, buf_t *why)
{
    if (len == 0) {
        buf_puts(why, "empty input");
        return CLEAN_FAILED;
    }
    const char *kind = page_not_html(data, len);
    if (kind) {
        buf_printf(why, "not HTML (starts like %s)", kind);
        return CLEAN_FAILED;
    }
    charset_how how;
    const char *charset = charset_sniff_declared(data, len, o->charset, &how);
    buf_t utf8;
    buf_init(&utf8);
    long bad = charset_to_utf8(data, len, charset, &utf8);
    if (bad < 0) {
        buf_printf(why, "cannot decode charset %s", charset);
        buf_free(&utf8);
        return CLEAN_FAILED;
    }
    if (o->explain)
        fprintf(o->explain, "charset: %s (by %s), %ld undecodable sequences\n",
                charset, charset_how_name(how), bad);
    if (!clean_has_markup(utf8.data, utf8.len)) {
        buf_puts(why, "not HTML (no markup)");
        buf_free(&utf8);
        return CLEAN_FAILED;
    }
    htmlDocPtr doc = page_parse_utf8(utf8.data, utf8.len);
    char *saved_from = clean_saved_from(utf8.data, utf8.len);
    buf_free(&utf8);
    if (!doc || !xmlDocGetRootElement(doc)) {
        buf_puts(why, "not HTML (nothing to parse)");
        xmlFreeDoc(doc);
        free(saved_from);
        return CLEAN_FAILED;
    }
    extract_prune(doc);

    article_meta meta;
    memset(&meta, 0, sizeof meta);
    page_meta_nodes nodes;
    memset(&nodes, 0, sizeof nodes);
    page_meta_extract(doc, &meta, &nodes, o->now);
    if (!meta.url && saved_from)
        article_meta_set(&meta.url, saved_from);
    if (!meta.url && o->url)
        article_meta_set(&meta.url, o->url);
    free(saved_from);
    /* In FiveFilters' order: metadata before strip: can remove it, the
     * body after. */
    const site_rules *rules = clean_pick_rules(o, doc, meta.url);
    if (rules) {
        site_rules_meta(rules, doc, &meta, &nodes, o->now, o->explain);
        site_rules_strip(rules, doc, &nodes, o->explain);
    }
    clean_fallback_title(&meta, doc);

    extract_result res;
    if (!rules || !site_rules_body(rules, doc, &res, o->explain))
        extract_choose(doc, &nodes, &res, o->explain);
    int status = CLEAN_OK;
    if (res.not_article) {
        buf_puts(why, res.not_article);
        status = res.list_page ? CLEAN_NOT_ARTICLE : CLEAN_FAILED;
    } else {
        /* Relative images are found where the page was fetched from,
         * whatever address it gives itself. */
        normalize_options no = { o->url ? o->url : meta.url, &nodes, o->explain,
                                 o->resource, o->resource_ctx };
        if (!no.resource && o->path) {
            no.resource = clean_resource_beside;
            no.resource_ctx = (void *)o->path;
        }
        xmlDocPtr outdoc = xmlNewDoc((const xmlChar *)"1.0");
        xmlNodePtr body = normalize_article(&res, &no, outdoc, &meta);
        if (!clean_body_has_text(body)) {
            buf_puts(why, "no article text found");
            status = CLEAN_FAILED;
        } else {
            clean_language(&meta, body, charset);
            article_write_xhtml(&meta, body, out);
        }
        xmlFreeDoc(outdoc);
    }
    article_meta_free(&meta);
    xmlFreeDoc(doc);
    return status;
}

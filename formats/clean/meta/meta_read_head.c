/* The metadata a page states outright: meta tags (ArticleTitle, PubDate,
 * og:*, ContentSource, author…), <link rel=canonical>, <base>, <title>,
 * JSON-LD, and <html lang>. */
#include "clean/meta/page_meta_int.h"
#include "clean/furniture.h"
#include "clean/page.h"
#include "util/alloc.h"
#include "util/json_string.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static char *attr(xmlNodePtr n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* Take V into slot K unless it is filled; V is libxml2-allocated. */
static void put(pm_page *p, int k, char *v)
{
    if (!v)
        return;
    const char *s = v;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    if (!p->meta[k] && *s)
        p->meta[k] = xstrdup(s);
    xmlFree(v);
}

static bool in_list(const char *key, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(key, list[i]) == 0)
            return true;
    return false;
}
#define IN(key, list) in_list(key, list, sizeof list / sizeof list[0])

/* The slot a meta tag's name (or property, or itemprop) fills, or -1. */
static int meta_slot(const char *k)
{
    static const char *const strong_dates[] = {
        "pubdate", "publishdate", "publish_date", "publish-date", "publishtime",
        "publication_date", "article:published_time", "og:release_date", "datepublished",
        "firstpublishedtime", "weibo: article:create_at", "weibo:article:create_at",
        "og:published_time", "published_time", "dc.date.issued", "dcterms.issued",
        "sailthru.date", "parsely-pub-date", "release_date", "article.published",
        "article_date_original", "original-publish-date", "article.created", "displaydate",
        "pub_date", "apub:time", "citation_publication_date", "citation_date",
    };
    static const char *const weak_dates[] = {
        "dc.date", "dcterms.date", "date", "dc.date.created", "dcterms.created",
        "datecreated", "created", "dc:date",
    };
    /* when the page was last changed: a date when no other is found */
    static const char *const modified_dates[] = {
        "datemodified", "dateupdate", "article:modified_time", "og:updated_time",
    };
    static const char *const authors[] = {
        "author", "article:author", "byl", "sailthru.author", "parsely-author",
        "citation_author", "article:author_name",
    };
    static const char *const dc_titles[] = { "dc.title", "dcterms.title", "dc:title",
                                             "parsely-title" };
    if (strcasecmp(k, "ArticleTitle") == 0)
        return PM_M_ARTICLETITLE;
    if (strcasecmp(k, "og:title") == 0)
        return PM_M_OGTITLE;
    if (strcasecmp(k, "twitter:title") == 0)
        return PM_M_TWTITLE;
    if (strcasecmp(k, "headline") == 0)
        return PM_M_HEADLINE;
    if (IN(k, dc_titles))
        return PM_M_DCTITLE;
    if (strcasecmp(k, "og:site_name") == 0 || strcasecmp(k, "SiteName") == 0)
        return PM_M_SITENAME;
    /* Apart: some pages put the article's title here (msn.com), so it
     * stands in only when no og:site_name names the site. */
    if (strcasecmp(k, "application-name") == 0)
        return PM_M_APPNAME;
    if (IN(k, strong_dates))
        return PM_M_DATE_STRONG;
    if (IN(k, weak_dates))
        return PM_M_DATE_WEAK;
    if (IN(k, modified_dates))
        return PM_M_DATE_MODIFIED;
    if (strcasecmp(k, "ContentSource") == 0 || strcasecmp(k, "source") == 0)
        return PM_M_SOURCE;
    if (strcasecmp(k, "dc.creator") == 0 || strcasecmp(k, "dcterms.creator") == 0 ||
        strcasecmp(k, "dc:creator") == 0)
        return PM_M_DCCREATOR;
    if (IN(k, authors))
        return PM_M_AUTHOR;
    if (strcasecmp(k, "og:url") == 0)
        return PM_M_OGURL;
    if (strcasecmp(k, "editor") == 0)
        return PM_M_EDITOR;
    if (strcasecmp(k, "generator") == 0)
        return PM_M_GENERATOR;
    return -1;
}

/* A paper's authors, one citation_author tag each, joined up to this
 * many bytes: a page of thousands of tags is not a list of names. */
#define CITED_AUTHORS_BYTES 512

/* NAME is one of the ", "-joined LIST already, whole. */
static bool names_listed(const char *list, const char *name)
{
    size_t k = strlen(name);
    for (const char *p = list; p && *p; p = strstr(p, ", "), p = p ? p + 2 : NULL)
        if (!strncmp(p, name, k) && (p[k] == '\0' || !strncmp(p + k, ", ", 2)))
            return true;
    return false;
}

static void read_meta(pm_page *p, xmlNodePtr n)
{
    static const char *const keys[] = { "name", "property", "itemprop" };
    for (size_t a = 0; a < 3; a++) {
        char *key = attr(n, keys[a]);
        if (!key)
            continue;
        /* RDFa allows several properties in one attribute. */
        for (char *save = NULL, *k = strtok_r(key, " \t\n", &save); k;
             k = strtok_r(NULL, " \t\n", &save)) {
            int slot = meta_slot(k);
            /* a paper names its authors one tag each: all of them */
            bool more = slot == PM_M_AUTHOR && p->meta[slot] && p->cited_authors &&
                        strcasecmp(k, "citation_author") == 0;
            if (slot < 0 || (p->meta[slot] && !more))
                continue;
            char *v = attr(n, "content");
            if (!v && slot == PM_M_DATE_STRONG)
                v = attr(n, "datetime");
            if (v && (slot == PM_M_AUTHOR || slot == PM_M_DCCREATOR) &&
                (strncmp(v, "http", 4) == 0 || strchr(v, '@'))) {
                /* A profile URL or a handle, not a name. */
                xmlFree(v);
                continue;
            }
            if (more) {
                size_t have = strlen(p->meta[slot]);
                if (v && *v && have + strlen(v) + 2 <= CITED_AUTHORS_BYTES && !names_listed(p->meta[slot], v)) {
                    char *joined = xmalloc(have + strlen(v) + 3);
                    sprintf(joined, "%s, %s", p->meta[slot], v);
                    free(p->meta[slot]);
                    p->meta[slot] = joined;
                }
                xmlFree(v);
                continue;
            }
            if (slot == PM_M_AUTHOR)
                p->cited_authors = strcasecmp(k, "citation_author") == 0;
            put(p, slot, v);
        }
        xmlFree(key);
    }
}

static void read_link(pm_page *p, xmlNodePtr n)
{
    char *rel = attr(n, "rel");
    if (rel && strcasecmp(rel, "canonical") == 0)
        put(p, PM_M_CANONICAL, attr(n, "href"));
    xmlFree(rel);
}

/* The string value after "KEY": in JSON-LD, without a JSON parser: the
 * fields wanted are flat strings, and a wrong guess only loses a fallback. */
static char *json_string_after(const char *s, const char *key, size_t window)
{
    const char *k = strstr(s, key);
    if (!k)
        return NULL;
    const char *p = k + strlen(key), *lim = p + window;
    while (*p && p < lim && *p != '"')
        p++;
    if (*p != '"')
        return NULL;
    const char *v = ++p;
    size_t end = json_string_end(v, strlen(v));
    if (!v[end] || end == 0 || end > 300)
        return NULL;
    buf_t out;
    buf_init(&out);
    json_string_decode(&out, v, end);
    return buf_detach(&out);
}

/* The names of the objects in the array at S ("author": [{"name": …},
 * {"name": …}]), joined by ", "; NULL when S holds no array or no name.
 * Strings are skipped whole, so that a bracket inside one counts for
 * nothing; only the objects' own "name" is taken, not a nested one's. */
static char *json_author_names(const char *s)
{
    while (*s == ' ' || *s == ':' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    if (*s != '[')
        return NULL;
    buf_t out;
    buf_init(&out);
    int depth = 0, names = 0;
    for (const char *q = s; *q && names < 8; q++) {
        if (*q == '"') {
            const char *key = q;
            for (q++; *q && *q != '"'; q++)
                if (*q == '\\' && q[1])
                    q++;
            if (!*q)
                break;
            const char *colon = q + 1;
            while (*colon == ' ' || *colon == '\n' || *colon == '\t' || *colon == '\r')
                colon++;
            if (depth == 2 && q - key == 5 && strncmp(key, "\"name\"", 6) == 0 && *colon == ':') {
                char *v = json_string_after(key, "\"name\"", 8);
                /* as many names as an author field holds (80 bytes) */
                if (v && *v && out.len + 2 + strlen(v) <= 80) {
                    if (names++)
                        buf_puts(&out, ", ");
                    buf_puts(&out, v);
                }
                free(v);
            }
        } else if (*q == '[' || *q == '{') {
            depth++;
        } else if (*q == ']' || *q == '}') {
            if (--depth == 0)
                break;
        }
    }
    if (!names) {
        buf_free(&out);
        return NULL;
    }
    return buf_detach(&out);
}

/* The name of the object at KEY ("author": {"name": …}), or KEY's own
 * string ("author": "…"). Only a name close after the key is the
 * object's own, not that of the next object. */
static char *json_object_name(const char *s, const char *key)
{
    const char *k = strstr(s, key);
    if (!k)
        return NULL;
    const char *nm = strstr(k, "\"name\"");
    if (nm && nm - k < 120)
        return json_string_after(nm, "\"name\"", 8);
    const char *v = k + strlen(key);
    while (*v == ' ' || *v == ':' || *v == '\n' || *v == '\t' || *v == '\r')
        v++;
    /* an object's "@id", "@type" or nothing is no name */
    return *v == '"' ? json_string_after(k, key, 8) : NULL;
}

/* A box the page names as furniture (comments, replies, related
 * stories, a sidebar) holds other items' times. */
static bool in_furniture(xmlNodePtr n)
{
    for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent)
        if (furniture_unlikely(a) || xml_is(a, "aside"))
            return true;
    return false;
}

static void read_script_date(pm_page *p, xmlNodePtr n)
{
    if (p->meta[PM_M_SCRIPT_DATE] || in_furniture(n))
        return;
    xmlChar *s = xmlNodeGetContent(n);
    size_t len;
    const char *v = s ? page_script_date((const char *)s, strlen((const char *)s), &len) : NULL;
    if (v)
        p->meta[PM_M_SCRIPT_DATE] = xstrndup(v, len);
    xmlFree(s);
}

static void read_ld_json(pm_page *p, xmlNodePtr n)
{
    if (!page_is_json_ld(n)) {
        read_script_date(p, n);
        return;
    }
    xmlChar *s = xmlNodeGetContent(n);
    if (!s)
        return;
    const char *t = (const char *)s;
    if (!p->meta[PM_M_LD_DATE])
        p->meta[PM_M_LD_DATE] = json_string_after(t, "\"datePublished\"", 8);
    /* the Chinese search engine's form (its cambrian.jsonld context) names
     * it pubDate; elsewhere a pubDate may be a related item's */
    if (!p->meta[PM_M_LD_DATE] && strstr(t, "cambrian.jsonld"))
        p->meta[PM_M_LD_DATE] = json_string_after(t, "\"pubDate\"", 8);
    if (!p->meta[PM_M_LD_HEADLINE])
        p->meta[PM_M_LD_HEADLINE] = json_string_after(t, "\"headline\"", 8);
    if (!p->meta[PM_M_LD_AUTHOR]) {
        const char *a = strstr(t, "\"author\"");
        if (a)
            p->meta[PM_M_LD_AUTHOR] = json_author_names(a + 8);
        if (a && !p->meta[PM_M_LD_AUTHOR])
            p->meta[PM_M_LD_AUTHOR] = json_object_name(a, "\"author\"");
    }
    if (!p->meta[PM_M_LD_PUBLISHER])
        p->meta[PM_M_LD_PUBLISHER] = json_object_name(t, "\"publisher\"");
    xmlFree(s);
}

void pm_read_rdfa(pm_page *p, xmlNodePtr n)
{
    if (xmlHasProp(n, (const xmlChar *)"property") && xmlHasProp(n, (const xmlChar *)"content"))
        read_meta(p, n);
}

/* Elements seen anywhere (head or body) that carry metadata. */
bool pm_read_meta_element(pm_page *p, xmlNodePtr n)
{
    if (xml_is(n, "meta")) {
        read_meta(p, n);
        return true;
    }
    if (xml_is(n, "link")) {
        read_link(p, n);
        return true;
    }

    if (xml_is(n, "base")) {
        put(p, PM_M_BASE, attr(n, "href"));
        return true;
    }
    if (xml_is(n, "script")) {
        read_ld_json(p, n);
        return true;
    }
    if (xml_is(n, "title")) {
        if (!p->meta[PM_M_TITLE]) {
            buf_t b;
            buf_init(&b);
            page_text(n, &b);
            if (b.len)
                p->meta[PM_M_TITLE] = buf_detach(&b);
            buf_free(&b);
        }
        return true;
    }
    return false;
}

static void head_walk(pm_page *p, xmlNodePtr n)
{
    for (; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !pm_read_meta_element(p, n))
            head_walk(p, n->children);
}

void pm_read_head(htmlDocPtr doc, pm_page *p)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root)
        return;
    char *lang = attr(root, "lang");
    if (!lang)
        lang = (char *)xmlGetNsProp(root, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    if (!lang)
        lang = attr(root, "xml:lang");
    put(p, PM_M_LANG, lang);
    for (xmlNodePtr n = root->children; n; n = n->next)
        if (xml_is(n, "head"))
            head_walk(p, n->children);
}

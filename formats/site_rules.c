#include "site_rules.h"
#include "io.h"
#include "page.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const sr_kind_names[] = {
    "title", "body", "strip", "strip_id_or_class", "date", "author"
};

/* libxml2 would print XPath errors in its own words, once per page; folio
 * reports a bad rule once, with the file and line. */
#if LIBXML_VERSION >= 21200
static void sr_silent(void *ctx, const xmlError *err) { (void)ctx; (void)err; }
#else
static void sr_silent(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
#endif

static xmlXPathContextPtr sr_context(xmlDocPtr doc)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    if (ctx) {
        ctx->error = sr_silent;
        /* Relative rules ("div[@id='x']") start from the document, as in
         * FiveFilters. */
        ctx->node = (xmlNodePtr)doc;
    }
    return ctx;
}

static void *sr_grow(void *p, size_t n, size_t size)
{
    p = realloc(p, (n + 1) * size);
    if (!p) {
        fputs("folio: out of memory\n", stderr);
        exit(1);
    }
    return p;
}

/* ---- reading a rule file ------------------------------------------------ */

static void sr_note(site_rules *r, int line, const char *fmt, const char *a, size_t alen)
{
    buf_t b;
    buf_init(&b);
    buf_printf(&b, fmt, (int)alen, a);
    r->notes = sr_grow(r->notes, r->n_notes, sizeof *r->notes);
    r->notes[r->n_notes++] = (site_note){ line, buf_detach(&b) };
}

static int sr_kind_of(const char *name, size_t n)
{
    for (size_t k = 0; k < sizeof sr_kind_names / sizeof *sr_kind_names; k++)
        if (strlen(sr_kind_names[k]) == n && strncasecmp(name, sr_kind_names[k], n) == 0)
            return (int)k;
    return -1;
}

/* FiveFilters matches strip_id_or_class as a substring of the class or the
 * id; rule files written for it expect that. */
static bool sr_id_or_class_xpath(const char *v, buf_t *out)
{
    char q = strchr(v, '\'') ? '"' : '\'';
    if (strchr(v, q))
        return false;
    buf_printf(out, "//*[contains(@class,%c%s%c) or contains(@id,%c%s%c)]", q, v, q, q, v, q);
    return true;
}

static void sr_add(site_rules *r, int kind, int line, const char *v, size_t vlen)
{
    char *value = strndup(v, vlen);
    buf_t expr;
    buf_init(&expr);
    if (kind == SITE_STRIP_ID_OR_CLASS) {
        if (!sr_id_or_class_xpath(value, &expr)) {
            sr_note(r, line, "strip_id_or_class with both quote marks ignored: %.*s", v, vlen);
            free(value);
            buf_free(&expr);
            return;
        }
    } else {
        buf_puts(&expr, value);
    }
    xmlXPathContextPtr ctx = sr_context(NULL);
    xmlXPathCompExprPtr comp = ctx ? xmlXPathCtxtCompile(ctx, (const xmlChar *)expr.data) : NULL;
    xmlXPathFreeContext(ctx);
    buf_free(&expr);
    if (!comp) {
        buf_t where;
        buf_init(&where);
        buf_printf(&where, "%s:%d", r->path, line);
        io_error(where.data, "bad XPath: %s", value);
        buf_free(&where);
        free(value);
        return;
    }
    r->rules = sr_grow(r->rules, r->n_rules, sizeof *r->rules);
    r->rules[r->n_rules++] = (site_rule){ (site_rule_kind)kind, line, value, comp };
}

static bool sr_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }

static void sr_line(site_rules *r, const char *p, const char *e, int line)
{
    while (p < e && sr_blank(*p))
        p++;
    while (e > p && sr_blank(e[-1]))
        e--;
    if (p == e || *p == '#')
        return;
    const char *colon = memchr(p, ':', (size_t)(e - p));
    if (!colon) {
        sr_note(r, line, "not a directive, ignored: %.*s", p, (size_t)(e - p));
        return;
    }
    const char *ne = colon, *v = colon + 1;
    while (ne > p && sr_blank(ne[-1]))
        ne--;
    while (v < e && sr_blank(*v))
        v++;
    int kind = sr_kind_of(p, (size_t)(ne - p));
    if (kind < 0)
        sr_note(r, line, "unknown directive %.*s, ignored", p, (size_t)(ne - p));
    else if (v == e)
        sr_note(r, line, "empty %.*s, ignored", p, (size_t)(ne - p));
    else
        sr_add(r, kind, line, v, (size_t)(e - v));
}

site_rules *site_rules_parse(const char *text, size_t len, const char *path)
{
    site_rules *r = calloc(1, sizeof *r);
    if (!r || !(r->path = strdup(path))) {
        fputs("folio: out of memory\n", stderr);
        exit(1);
    }
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    for (int line = 1; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        sr_line(r, p, nl ? nl : end, line);
        p = nl ? nl + 1 : end;
    }
    return r;
}

void site_rules_free(site_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_rules; i++) {
        free(r->rules[i].value);
        xmlXPathFreeCompExpr(r->rules[i].xpath);
    }
    for (size_t i = 0; i < r->n_notes; i++)
        free(r->notes[i].what);
    free(r->rules);
    free(r->notes);
    free(r->path);
    free(r);
}

size_t site_rules_count(const site_rules *r, site_rule_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; r && i < r->n_rules; i++)
        n += r->rules[i].kind == kind;
    return n;
}

void site_rules_explain_notes(const site_rules *r, FILE *explain)
{
    for (size_t i = 0; explain && r && i < r->n_notes; i++)
        fprintf(explain, "rules: %s:%d: %s\n", r->path, r->notes[i].line, r->notes[i].what);
}

/* ---- finding the file for a host ---------------------------------------- */

typedef struct {
    char *name;
    site_rules *rules;   /* NULL: no such file */
} sr_file;

struct site_rules_dir {
    char *dir;
    sr_file *files;
    size_t n_files;
};

site_rules_dir *site_rules_open(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return NULL;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return NULL;
    }
    site_rules_dir *d = calloc(1, sizeof *d);
    if (!d || !(d->dir = strdup(dir))) {
        fputs("folio: out of memory\n", stderr);
        exit(1);
    }
    return d;
}

void site_rules_close(site_rules_dir *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_files; i++) {
        free(d->files[i].name);
        site_rules_free(d->files[i].rules);
    }
    free(d->files);
    free(d->dir);
    free(d);
}

/* Host names only: the name becomes part of a file path, so nothing that
 * could climb out of the folder ("..", "/") gets through. */
static bool sr_host_ok(const char *h)
{
    size_t n = strlen(h);
    if (n == 0 || n > 253 || h[0] == '.' || h[0] == '-' || h[n - 1] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)h[i];
        if (!(islower(c) || isdigit(c) || c == '-' || c == '_' || c == '.'))
            return false;
        if (c == '.' && h[i + 1] == '.')
            return false;
    }
    return true;
}

int site_rules_names(const char *host, buf_t *out)
{
    buf_reset(out);
    if (!host || !sr_host_ok(host))
        return 0;
    int k = 0;
    buf_printf(out, "%s.txt", host);
    buf_putc(out, '\0');
    k++;
    if (strncmp(host, "www.", 4) == 0 && strchr(host + 4, '.')) {
        buf_printf(out, "%s.txt", host + 4);
        buf_putc(out, '\0');
        k++;
    }
    /* A wildcard for a bare top-level domain (".cn") would be a rule for
     * half the web: parents keep at least two labels. */
    for (const char *dot = strchr(host, '.'); dot; dot = strchr(dot + 1, '.')) {
        if (!strchr(dot + 1, '.'))
            break;
        buf_printf(out, "%s.txt", dot);
        buf_putc(out, '\0');
        k++;
    }
    return k;
}

static site_rules *sr_read(const site_rules_dir *d, const char *name)
{
    buf_t path, text;
    buf_init(&path);
    buf_init(&text);
    buf_printf(&path, "%s%s%s", d->dir, d->dir[0] && d->dir[strlen(d->dir) - 1] == '/' ? "" : "/", name);
    struct stat st;
    site_rules *r = NULL;
    if (stat(path.data, &st) == 0 && S_ISREG(st.st_mode) && io_read_all(path.data, &text) == 0)
        r = site_rules_parse(text.data ? text.data : "", text.len, path.data);
    buf_free(&path);
    buf_free(&text);
    return r;
}

/* Each file is read once a run: a batch over one site reports a bad rule
 * once, not once a page. */
static const site_rules *sr_load(site_rules_dir *d, const char *name)
{
    for (size_t i = 0; i < d->n_files; i++)
        if (strcmp(d->files[i].name, name) == 0)
            return d->files[i].rules;
    site_rules *r = sr_read(d, name);
    char *copy = strdup(name);
    if (!copy) {
        fputs("folio: out of memory\n", stderr);
        exit(1);
    }
    d->files = sr_grow(d->files, d->n_files, sizeof *d->files);
    d->files[d->n_files++] = (sr_file){ copy, r };
    return r;
}

const site_rules *site_rules_for(site_rules_dir *d, const char *host)
{
    buf_t names;
    buf_init(&names);
    int k = site_rules_names(host, &names);
    const site_rules *found = NULL;
    const char *name = names.data;
    for (int i = 0; i < k && !found; i++, name += strlen(name) + 1)
        found = sr_load(d, name);
    buf_free(&names);
    return found;
}

/* ---- the page's host ---------------------------------------------------- */

bool site_rules_url_host(const char *url, buf_t *out)
{
    buf_reset(out);
    if (!url)
        return false;
    const char *p = url;
    while (*p && isspace((unsigned char)*p))
        p++;
    const char *s = p;
    while (isalnum((unsigned char)*s) || *s == '+' || *s == '-' || *s == '.')
        s++;
    bool schemeless = false;
    if (*s == ':' && s > p) {
        if (s[1] != '/' || s[2] != '/')
            return false;
        p = s + 3;
    } else if (p[0] == '/' && p[1] == '/') {
        p += 2;
    } else {
        /* og:url is sometimes written without a scheme: "www.x.com/a/1". */
        schemeless = true;
    }
    size_t n = strcspn(p, "/?#\\ \t\r\n");
    for (size_t i = n; i > 0; i--)
        if (p[i - 1] == '@') {
            p += i;
            n -= i;
            break;
        }
    const char *colon = memchr(p, ':', n);
    if (colon)
        n = (size_t)(colon - p);
    while (n && p[n - 1] == '.')
        n--;
    for (size_t i = 0; i < n; i++)
        buf_putc(out, (char)tolower((unsigned char)p[i]));
    if (!out->len || (schemeless && !memchr(out->data, '.', out->len)) || !sr_host_ok(out->data)) {
        buf_reset(out);
        return false;
    }
    return true;
}

bool site_rules_page_host(htmlDocPtr doc, const char *url, buf_t *out, const char **how)
{
    if (url && site_rules_url_host(url, out)) {
        *how = "url";
        return true;
    }
    /* Government sites must name their domain in a SiteDomain meta tag
     * (the national site-design rules): a host when the capture kept no
     * address. It may hold several ("a.gov.cn,b.gov.cn"); the first is the
     * site's own. */
    bool found = false;
    xmlXPathContextPtr ctx = sr_context(doc);
    xmlXPathObjectPtr o = ctx ? xmlXPathEval((const xmlChar *)
        "//meta[translate(@name,'SITEDOMAIN','sitedomain')='sitedomain']/@content", ctx) : NULL;
    if (o && o->type == XPATH_NODESET && o->nodesetval && o->nodesetval->nodeNr > 0) {
        xmlChar *v = xmlXPathCastNodeToString(o->nodesetval->nodeTab[0]);
        char *first = (char *)v;
        while (*first && (isspace((unsigned char)*first) || *first == ','))
            first++;
        first[strcspn(first, ",; \t")] = '\0';
        found = site_rules_url_host(first, out);
        xmlFree(v);
    }
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    *how = "SiteDomain";
    return found;
}

/* ---- applying the rules to a page --------------------------------------- */

static xmlXPathObjectPtr sr_eval(const site_rule *rule, htmlDocPtr doc)
{
    xmlXPathContextPtr ctx = sr_context(doc);
    xmlXPathObjectPtr o = ctx ? xmlXPathCompiledEval(rule->xpath, ctx) : NULL;
    xmlXPathFreeContext(ctx);
    return o;
}

static int sr_node_count(xmlXPathObjectPtr o)
{
    return o && o->type == XPATH_NODESET && o->nodesetval ? o->nodesetval->nodeNr : 0;
}

static void sr_explain(FILE *explain, const site_rules *r, const site_rule *rule, const char *what)
{
    if (explain)
        fprintf(explain, "rules: %s: %s %s %s\n", r->path, sr_kind_names[rule->kind], rule->value, what);
}

/* The text a title:, date: or author: rule gives: of the first node it
 * matched (an element, an attribute such as a meta tag's content), or the
 * string it computed. FROM gets the element, if it was one. */
static bool sr_result_text(xmlXPathObjectPtr o, buf_t *out, xmlNodePtr *from)
{
    *from = NULL;
    buf_reset(out);
    if (o && o->type == XPATH_STRING && o->stringval) {
        xmlNodePtr t = xmlNewText(o->stringval);
        page_text(t, out);
        xmlFreeNode(t);
    } else if (sr_node_count(o) > 0) {
        xmlNodePtr n = o->nodesetval->nodeTab[0];
        if (n->type == XML_ELEMENT_NODE || n->type == XML_ATTRIBUTE_NODE || n->type == XML_TEXT_NODE)
            page_text(n, out);
        if (n->type == XML_ELEMENT_NODE)
            *from = n;
    }
    return out->len > 0;
}

/* An author element often repeats its label; 佚名 and the like name nobody. */
static const char *sr_author(buf_t *text)
{
    static const char *const labels[] = { "作者：", "作者:", "作者 ", NULL };
    static const char *const nobody[] = { "佚名", "本站", "本网", NULL };
    const char *v = text->data;
    for (const char *const *l = labels; *l; l++)
        if (strncmp(v, *l, strlen(*l)) == 0) {
            v += strlen(*l);
            while (*v == ' ')
                v++;
            break;
        }
    for (const char *const *n = nobody; *n; n++)
        if (strcmp(v, *n) == 0)
            return "";
    return v;
}

/* Apply one title:, date: or author: rule; false when it gave nothing. */
static bool sr_meta_one(const site_rule *rule, htmlDocPtr doc, article_meta *m,
                        page_meta_nodes *nodes, long long now, buf_t *text)
{
    xmlXPathObjectPtr o = sr_eval(rule, doc);
    xmlNodePtr from;
    bool ok = sr_result_text(o, text, &from);
    xmlXPathFreeObject(o);
    if (!ok)
        return false;
    if (rule->kind == SITE_TITLE) {
        article_meta_set(&m->title, text->data);
        if (from && nodes)
            nodes->title_node = from;
    } else if (rule->kind == SITE_DATE) {
        char day[11];
        if (!page_meta_find_date(text->data, day, now))
            return false;
        article_meta_set(&m->date, day);
        buf_reset(text);
        buf_puts(text, day);
    } else {
        article_meta_set(&m->creator, sr_author(text));
    }
    return true;
}

void site_rules_meta(const site_rules *r, htmlDocPtr doc, article_meta *m,
                     page_meta_nodes *nodes, long long now, FILE *explain)
{
    static const site_rule_kind kinds[] = { SITE_TITLE, SITE_DATE, SITE_AUTHOR };
    buf_t text, what;
    buf_init(&text);
    buf_init(&what);
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        for (size_t i = 0; i < r->n_rules; i++) {
            const site_rule *rule = &r->rules[i];
            if (rule->kind != kinds[k])
                continue;
            bool ok = sr_meta_one(rule, doc, m, nodes, now, &text);
            buf_reset(&what);
            buf_printf(&what, ok ? "gave \"%s\"" : "gave nothing%s", ok ? text.data : "");
            sr_explain(explain, r, rule, what.data);
            if (ok)
                break;
        }
    buf_free(&text);
    buf_free(&what);
}

static bool sr_within(xmlNodePtr n, xmlNodePtr a)
{
    for (; n; n = n->parent)
        if (n == a)
            return true;
    return false;
}

/* Clear what NODES points to inside the subtree GONE. */
static void sr_forget(page_meta_nodes *nodes, xmlNodePtr gone)
{
    if (!nodes)
        return;
    if (sr_within(nodes->title_node, gone))
        nodes->title_node = NULL;
    if (sr_within(nodes->info_node, gone))
        nodes->info_node = NULL;
    if (sr_within(nodes->source_node, gone))
        nodes->source_node = NULL;
}

static bool sr_removable(xmlNodePtr n, xmlNodePtr root)
{
    return n != root && n->parent &&
           (n->type == XML_ELEMENT_NODE || n->type == XML_TEXT_NODE ||
            n->type == XML_CDATA_SECTION_NODE || n->type == XML_COMMENT_NODE);
}

void site_rules_strip(const site_rules *r, htmlDocPtr doc, page_meta_nodes *nodes,
                      FILE *explain)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (size_t i = 0; i < r->n_rules; i++) {
        const site_rule *rule = &r->rules[i];
        if (rule->kind != SITE_STRIP && rule->kind != SITE_STRIP_ID_OR_CLASS)
            continue;
        xmlXPathObjectPtr o = sr_eval(rule, doc);
        int n = sr_node_count(o), removed = 0;
        /* Unlink every match before freeing any: a match inside another
         * must not be freed with it while the set still points to it. */
        for (int j = 0; j < n; j++) {
            xmlNodePtr x = o->nodesetval->nodeTab[j];
            if (!sr_removable(x, root)) {
                o->nodesetval->nodeTab[j] = NULL;
                continue;
            }
            sr_forget(nodes, x);
            xmlUnlinkNode(x);
            removed++;
        }
        for (int j = 0; j < n; j++)
            if (o->nodesetval->nodeTab[j]) {
                xmlFreeNode(o->nodesetval->nodeTab[j]);
                o->nodesetval->nodeTab[j] = NULL;
            }
        xmlXPathFreeObject(o);
        if (explain) {
            char what[64];
            snprintf(what, sizeof what, "removed %d node%s", removed, removed == 1 ? "" : "s");
            sr_explain(explain, r, rule, what);
        }
    }
}

static bool sr_inside_any(xmlNodePtr n, xmlNodePtr const *set, int k)
{
    for (xmlNodePtr a = n->parent; a; a = a->parent)
        for (int i = 0; i < k; i++)
            if (a == set[i])
                return true;
    return false;
}

/* Fill RES with the elements O matched, outermost only, in document order;
 * false when they hold no text. */
static bool sr_body_nodes(xmlXPathObjectPtr o, extract_result *res)
{
    extract_result r;
    memset(&r, 0, sizeof r);
    int n = sr_node_count(o);
    for (int j = 0; j < n && r.n_nodes < EXTRACT_MAX_NODES; j++) {
        xmlNodePtr x = o->nodesetval->nodeTab[j];
        if (x->type != XML_ELEMENT_NODE || sr_inside_any(x, r.nodes, r.n_nodes))
            continue;
        extract_counts c;
        extract_count(x, &c);
        r.nodes[r.n_nodes++] = x;
        r.chars += c.chars;
        r.punct += c.punct;
        r.link_chars += c.link_chars;
    }
    if (r.chars == 0)
        return false;
    *res = r;
    return true;
}

bool site_rules_body(const site_rules *r, htmlDocPtr doc, extract_result *res, FILE *explain)
{
    for (size_t i = 0; i < r->n_rules; i++) {
        const site_rule *rule = &r->rules[i];
        if (rule->kind != SITE_BODY)
            continue;
        xmlXPathObjectPtr o = sr_eval(rule, doc);
        bool ok = sr_body_nodes(o, res);
        if (explain) {
            char what[64];
            if (ok)
                snprintf(what, sizeof what, "matched %d node%s", res->n_nodes, res->n_nodes == 1 ? "" : "s");
            else
                snprintf(what, sizeof what, "matched %s", sr_node_count(o) ? "no text" : "nothing");
            sr_explain(explain, r, rule, what);
        }
        xmlXPathFreeObject(o);
        if (ok)
            return true;
    }
    return false;
}

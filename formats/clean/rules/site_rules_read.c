/* Reading a rule file: one directive a line, each XPath compiled once. */
#include "clean/rules/site_rules_int.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- shared with site_rules_find.c and site_rules_apply.c --------------- */

const char *const sr_kind_names[] = {
    "title", "body", "strip", "strip_id_or_class", "date", "author"
};

/* libxml2 would print XPath errors in its own words, once per page; folio
 * reports a bad rule once, with the file and line. */
#if LIBXML_VERSION >= 21200
static void sr_silent(void *ctx, const xmlError *err) { (void)ctx; (void)err; }
#else
static void sr_silent(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
#endif

xmlXPathContextPtr sr_context(xmlDocPtr doc)
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

/* ---- reading a rule file ------------------------------------------------ */

static void sr_note(site_rules *r, int line, const char *fmt, const char *a, size_t alen)
{
    buf_t b;
    buf_init(&b);
    buf_printf(&b, fmt, (int)alen, a);
    r->notes = xreallocarray(r->notes, r->n_notes + 1, sizeof *r->notes);
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

static void sr_add(site_rules *r, int kind, int line, const char *v, size_t vlen, const reporter *rep)
{
    char *value = xstrndup(v, vlen);
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
        report_error(rep, where.data, "bad XPath: %s", value);
        buf_free(&where);
        free(value);
        return;
    }
    r->rules = xreallocarray(r->rules, r->n_rules + 1, sizeof *r->rules);
    r->rules[r->n_rules++] = (site_rule){ (site_rule_kind)kind, line, value, comp };
}

static bool sr_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }

static void sr_line(site_rules *r, const char *p, const char *e, int line, const reporter *rep)
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
        sr_add(r, kind, line, v, (size_t)(e - v), rep);
}

site_rules *site_rules_parse(const char *text, size_t len, const char *path, const reporter *rep)
{
    site_rules *r = xcalloc(1, sizeof *r);
    r->path = xstrdup(path);
    const char *p = text, *end = text + len;
    if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    for (int line = 1; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        sr_line(r, p, nl ? nl : end, line, rep);
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

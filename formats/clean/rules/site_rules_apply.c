/* Applying a site's rules to a page: title, date and author, blocks to
 * strip, the body. */
#include "clean/rules/site_rules_int.h"
#include "clean/page.h"

#include <string.h>

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

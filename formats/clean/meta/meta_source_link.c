/* The 原文链接 line: where the article was first published, when the page
 * names it ("原文链接：http://…"), and the element to drop from the body. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"
#include "clean/page.h"
#include "util/xml_node.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool url_char(unsigned char c)
{
    return c > ' ' && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\'';
}

static char *first_link(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is(n, "a")) {
            char *h = (char *)xmlGetProp(n, (const xmlChar *)"href");
            if (h && pm_absolute_http(h)) {
                char *r = xstrdup(h);
                xmlFree(h);
                return r;
            }
            xmlFree(h);
        }
        char *r = first_link(n->children);
        if (r)
            return r;
    }
    return NULL;
}

void pm_find_source(pm_page *p, article_meta *m, page_meta_nodes *nodes)
{
    static const char *const labels[] = { "原文链接", "原文地址", "原文网址", "原始链接",
                                          "原文出处", "原文URL", "原文url" };
    for (size_t i = 0; i < p->n_lines; i++) {
        const char *s = pm_line_text(p, i);
        const char *hit = NULL;
        for (size_t k = 0; k < sizeof labels / sizeof labels[0] && !hit; k++)
            hit = strstr(s, labels[k]);
        if (!hit || p->lines[i].chars > 400)
            continue;
        char *url = NULL;
        const char *h = strstr(hit, "http");
        if (h && (strncasecmp(h, "http://", 7) == 0 || strncasecmp(h, "https://", 8) == 0)) {
            const char *e = h;
            while (url_char((unsigned char)*e))
                e++;
            url = xstrndup(h, (size_t)(e - h));
        }
        xmlNodePtr owner = pm_line_owner(&p->lines[i]);
        size_t used_to = i;
        if (!url)
            url = first_link(owner ? owner->children : NULL);
        if (!url && i + 1 < p->n_lines) {
            /* The label alone on its line, the link on the next. */
            const char *nx = pm_line_text(p, i + 1);
            if (strncasecmp(nx, "http", 4) == 0) {
                const char *e = nx;
                while (url_char((unsigned char)*e))
                    e++;
                url = xstrndup(nx, (size_t)(e - nx));
            } else {
                url = first_link(pm_line_owner(&p->lines[i + 1])->children);
            }
            used_to = i + 1;
        }
        if (!url || !pm_absolute_http(url)) {
            free(url);
            continue;
        }
        article_meta_set(&m->source, url);
        free(url);
        if (nodes) {
            xmlNodePtr n = owner;
            int chars = p->lines[i].chars;
            if (used_to != i) {
                n = pm_common_ancestor(n, pm_line_owner(&p->lines[used_to]));
                chars += p->lines[used_to].chars;
            }
            if (n && n->type == XML_ELEMENT_NODE && pm_count_chars(n, chars + 20) <= chars + 20)
                nodes->source_node = n;
        }
        return;
    }
}

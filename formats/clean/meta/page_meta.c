/* Reading an article's metadata off a captured page, one field after the
 * other, each by the rules of its own file (meta_title.c, meta_date.c,
 * meta_publisher.c, meta_author.c, meta_source_link.c, meta_url.c,
 * meta_lang.c). The title comes first: the date, 来源 and 作者 are read
 * from the info line under it before anything else on the page, because
 * sidebars and footers carry other dates. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"

#include <stdlib.h>
#include <string.h>

void page_meta_extract(htmlDocPtr doc, article_meta *m, page_meta_nodes *nodes, long long now,
                       FILE *explain)
{
    pm_page p;
    memset(&p, 0, sizeof p);
    buf_init(&p.text);
    p.explain = explain;
    if (nodes)
        memset(nodes, 0, sizeof *nodes);
    if (!doc || !m)
        return;
    long today = pm_today(now);
    tkeys ks = { 0 };
    pm_read_page(doc, &p, &ks);

    title_pick tp = { 0 };
    bool weak;
    pm_set_title(&p, &ks, today, m, &tp, &weak);
    size_t after_title = tp.cand ? tp.cand->line_end : 0;

    pm_info info = { 0 };
    pm_info_read(&p, tp.cand, today, &info);
    pm_set_date(&p, &info, after_title, now, today, m);
    pm_info_read_further(&p, after_title, &info);
    pm_set_publisher(&p, &info, after_title, m);
    pm_set_author(&p, &info, m);
    if (nodes) {
        nodes->title_node = tp.cand ? tp.cand->node : NULL;
        nodes->title_weak = weak;
        if (tp.cand)
            nodes->info_node = pm_info_element(&p, &info, tp.cand->chars);
    }
    pm_info_free(&info);
    page_meta_title_heading(doc, &p, m, nodes);

    pm_find_source(&p, m, nodes);
    pm_set_url(&p, m);
    pm_set_lang(m, p.meta[PM_M_LANG]);

    free(tp.text);
    pm_free_keys(&ks);
    pm_page_free(&p);
}

/* 来源, the publisher, strongest witness first: the info line under the
 * title, a labelled "来源：…" further down (meta_info_line.c), the
 * ContentSource tag, an element marked as the source, a 公文's 发布机构, and last whoever put the page up: the
 * WeChat account, else the site's own name for itself (og:site_name, then
 * the JSON-LD publisher). */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The issuing body of a 公文 as its open-government record gives it
 * (发布机构, 发文机关), the value in the label's line or in the next (a
 * table cell of its own). */
static char *document_issuer(const pm_page *p)
{
    static const char *const labels[] = { "发布机构", "发文机关" };
    for (size_t i = 0; i < p->n_lines; i++) {
        if (p->lines[i].chars > 40)
            continue;
        const char *s = pm_line_text(p, i);
        while (*s == ' ' || *s == PM_GAP || *s == PM_EDGE)
            s++;
        size_t k = 0;
        while (k < 2 && strncmp(s, labels[k], strlen(labels[k])) != 0)
            k++;
        if (k == 2)
            continue;
        s += strlen(labels[k]);
        for (;;) {
            if (*s == ' ' || *s == ':' || *s == PM_GAP || *s == PM_EDGE)
                s++;
            else if (strncmp(s, "：", 3) == 0)
                s += 3;
            else
                break;
        }
        if (!*s) {
            if (i + 1 >= p->n_lines || p->lines[i + 1].chars > 30)
                return NULL;
            s = pm_line_text(p, i + 1);
        }
        /* Names of bodies hold no spaces; a space ends the field. */
        size_t n = strcspn(s, (const char[]){ ' ', PM_GAP, PM_EDGE, 0 });
        char *v = n && n <= 60 ? xstrndup(s, n) : NULL;
        if (v && (pm_is_anonymous(v) || strchr(v, ':') || strstr(v, "："))) {
            free(v);
            v = NULL;
        }
        return v;
    }
    return NULL;
}

/* Is V the name of a platform that hosts other people's pages, which
 * their og:site_name gives instead of a publisher? */
static bool names_platform(const char *v)
{
    static const char *const platforms[] = { "微信公众平台", "微信", "WeChat", "Weixin", "今日头条",
                                             "头条号", "百家号", "搜狐号", "网易号" };
    for (size_t i = 0; i < sizeof platforms / sizeof platforms[0]; i++)
        if (strcasecmp(v, platforms[i]) == 0)
            return true;
    return false;
}

void pm_set_publisher(const pm_page *p, pm_info *f, size_t after_title, article_meta *m)
{
    if (!f->publisher) {
        char *v = pm_trimmed_copy(p->meta[PM_M_SOURCE], 60);
        if (v && !pm_is_anonymous(v) && !pm_absolute_http(v))
            f->publisher = v;
        else
            free(v);
    }
    /* the mark counts where an info line stands: just under the title */
    if (!f->publisher && after_title && p->source_node && p->source_line + 1 >= after_title &&
        p->source_line <= after_title + 4) {
        char *v = pm_marked_source(p);
        if (v && *v && !pm_is_anonymous(v) && !pm_absolute_http(v) && !names_platform(v))
            f->publisher = v;
        else
            free(v);
    }
    if (!f->publisher)
        f->publisher = document_issuer(p);
    /* With no 来源 stated, whoever put the page up is its publisher: the
     * WeChat account, else the site's own name for itself. */
    const int pub_slots[] = { PM_M_ACCOUNT, PM_M_SITENAME, PM_M_LD_PUBLISHER };
    for (size_t i = 0; i < 3 && !f->publisher; i++) {
        char *v = pm_trimmed_copy(p->meta[pub_slots[i]], 60);
        if (v && !pm_is_anonymous(v) && !pm_absolute_http(v) && !names_platform(v) &&
            !(m->title && strcmp(v, m->title) == 0))
            f->publisher = v;
        else
            free(v);
    }
    article_meta_set(&m->publisher, f->publisher);
}

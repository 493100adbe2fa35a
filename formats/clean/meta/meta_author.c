/* 作者, the author, strongest witness first: the info line under the
 * title, a labelled byline further down (meta_info_line.c), then the
 * DC.creator, author and JSON-LD author tags, unless the tag names the
 * site or the page's editor. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Is V the site's name rather than a person's ("网易" on every 163.com
 * page)? Also a bare number, as some CMSs put a user id there. */
static bool names_site(const char *v, const pm_page *p)
{
    bool letter = false;
    for (const unsigned char *q = (const unsigned char *)v; *q; q++)
        if (*q >= 0x80 || (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'))
            letter = true;
    if (!letter)
        return true;
    const char *site = p->meta[PM_M_SITENAME];
    if (site && strcasecmp(site, v) == 0)
        return true;
    if (site && strstr(site, v))
        return true;
    /* The last piece of the <title> names the site ("…_网易财经"); the
     * middle ones may name the author ("… - John C. Welch - Medium"). */
    const char *t = p->meta[PM_M_TITLE];
    size_t st[16], en[16];
    size_t np = t ? pm_title_pieces(t, false, st, en, 16) : 0, vl = strlen(v);
    for (size_t i = np - 1; np > 1 && i == np - 1; i++)
        for (size_t k = st[i]; k + vl <= en[i]; k++)
            if (memcmp(t + k, v, vl) == 0)
                return true;
    return false;
}

/* Is V the page's editor? Some CMSs put the 编辑 (編輯) in the author tag,
 * and the page says so: "编辑：倪仕轩", or a meta editor tag with the same name. */
static bool names_editor(const char *v, const pm_page *p)
{
    const char *ed = p->meta[PM_M_EDITOR];
    if (ed && (strcmp(ed, v) == 0 || strstr(v, ed) || strstr(ed, v)))
        return true;
    size_t vl = strlen(v);
    for (size_t i = 0; i < p->n_lines; i++) {
        const char *s = pm_line_text(p, i);
        for (const char *q = strstr(s, v); q; q = strstr(q + vl, v)) {
            /* 编辑 with its colon just before the name. */
            const char *b = q - (q - s > 12 ? 12 : q - s);
            for (const char *e = b; e + 6 <= q; e++)
                if (memcmp(e, "编辑", 6) == 0 || memcmp(e, "編輯", 6) == 0)
                    return true;
        }
    }
    return false;
}

void pm_set_author(const pm_page *p, pm_info *f, article_meta *m)
{
    if (!f->author) {
        const int slots[] = { PM_M_DCCREATOR, PM_M_AUTHOR, PM_M_LD_AUTHOR };
        for (size_t i = 0; i < 3 && !f->author; i++) {
            const char *raw = p->meta[slots[i]];
            if (raw && (strncmp(raw, "By ", 3) == 0 || strncmp(raw, "by ", 3) == 0))
                raw += 3;
            char *v = pm_trimmed_copy(raw, 80);
            if (v)
                pm_strip_roles(v);
            if (v && !pm_is_anonymous(v) && !names_site(v, p) && !names_editor(v, p))
                f->author = v;
            else
                free(v);
        }
    }
    /* The byline may shout ("By JEFFREY GETTLEMAN"); the tag has the name
     * as the site writes it elsewhere. */
    if (f->author && p->meta[PM_M_AUTHOR] && strcasecmp(f->author, p->meta[PM_M_AUTHOR]) == 0) {
        free(f->author);
        f->author = xstrdup(p->meta[PM_M_AUTHOR]);
    }
    article_meta_set(&m->creator, f->author);
}

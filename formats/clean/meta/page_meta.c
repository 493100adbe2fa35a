/* Reading an article's metadata off a captured page. The title is the
 * on-page heading that the <title> (or a title meta tag) names; the date,
 * 来源 and 作者 come from the info line under that heading before anything
 * else on the page, because sidebars and footers carry other dates. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"
#include "clean/page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the info line ---- */

typedef struct {
    pm_date date;
    int     date_label;
    size_t  date_line;
    bool    has_date;
    char   *publisher, *author;
    size_t  used[8];
    size_t  n_used;
} info_found;

static void use_line(info_found *f, size_t i)
{
    for (size_t k = 0; k < f->n_used; k++)
        if (f->used[k] == i)
            return;
    if (f->n_used < 8)
        f->used[f->n_used++] = i;
}

/* Read lines [FROM, TO) (stepping by STEP, which may be -1) as the info
 * block: dates, 来源, 作者. Stops at the first line of prose. */
static void read_info(pm_page *p, size_t from, size_t count, int step, long today,
                      info_found *f)
{
    size_t i = from;
    for (size_t k = 0; k < count; k++, i += (size_t)(ptrdiff_t)step) {
        if (i >= p->n_lines)
            break;
        const pm_line *l = &p->lines[i];
        if (l->chars > 160)
            break;      /* the article's text has begun */
        pm_fields fl = { 0 };
        pm_fields_read(pm_line_text(p, i), l->len, true, &fl);
        if (fl.noise) {
            pm_fields_free(&fl);
            continue;
        }
        pm_date d;
        int label;
        bool dated = pm_line_date(p, i, today, &d, &label);
        /* A bare date in a short line counts; in a longer one only with a
         * label, or it may be a date the prose mentions. */
        if (dated && (label > 0 || l->chars <= 60 || fl.has_label)) {
            if (!f->has_date || (label > f->date_label && f->date_label <= 0 && k < 4)) {
                f->date = d;
                f->date_label = label;
                f->date_line = i;
                f->has_date = true;
                use_line(f, i);
            }
        }
        /* "Source:" alone on a line a few lines down credits a chart or a
         * photo; an info line says it beside the date or the byline. */
        bool credit = fl.source_en && k >= 2 && !dated && !fl.author;
        if (fl.publisher && !f->publisher && !credit) {
            f->publisher = fl.publisher;
            fl.publisher = NULL;
            use_line(f, i);
        }
        if (fl.author && !f->author) {
            f->author = fl.author;
            fl.author = NULL;
            use_line(f, i);
        }
        if (fl.has_label)
            use_line(f, i);
        pm_fields_free(&fl);
    }
}

/* The smallest element holding the info lines, if it holds little else
 * (the title may sit in it too); NULL when it would take the article. */
static xmlNodePtr info_element(pm_page *p, const info_found *f, int title_chars)
{
    if (!f->n_used)
        return NULL;
    xmlNodePtr n = NULL;
    int chars = 0;
    for (size_t k = 0; k < f->n_used; k++) {
        n = k ? pm_common_ancestor(n, pm_line_owner(&p->lines[f->used[k]]))
              : pm_line_owner(&p->lines[f->used[k]]);
        chars += p->lines[f->used[k]].chars;
    }
    int limit = chars + title_chars + 40;
    if (n && n->type == XML_ELEMENT_NODE && pm_count_chars(n, limit) <= limit)
        return n;
    /* The lines are spread out: settle for the first one alone. */
    n = pm_line_owner(&p->lines[f->used[0]]);
    limit = p->lines[f->used[0]].chars + title_chars + 40;
    if (n && n->type == XML_ELEMENT_NODE && pm_count_chars(n, limit) <= limit)
        return n;
    return NULL;
}

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

/* Is V the name of a platform that hosts other people's pages, which
 * their og:site_name gives instead of a publisher? */
static bool names_platform(const char *v)
{
    static const char *const platforms[] = { "微信公众平台", "微信", "WeChat", "Weixin" };
    for (size_t i = 0; i < sizeof platforms / sizeof platforms[0]; i++)
        if (strcasecmp(v, platforms[i]) == 0)
            return true;
    return false;
}

/* ---- putting it together ---- */

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

/* A 公文's own date is its 成文日期, which the open-government record gives
 * beside the 发布日期 on which the portal put it up; a compilation orders
 * documents by the former. The date may stand in the label's line or the
 * next one (a table cell of its own). */
static bool document_date(const pm_page *p, long long now, char out[11])
{
    for (size_t i = 0; i < p->n_lines; i++) {
        const char *s = pm_line_text(p, i);
        while (*s == ' ')
            s++;
        if (strncmp(s, "成文日期", strlen("成文日期")) != 0 || p->lines[i].chars > 40)
            continue;
        if (page_meta_find_date(s, out, now))
            return true;
        if (i + 1 < p->n_lines && p->lines[i + 1].chars <= 30 &&
            page_meta_find_date(pm_line_text(p, i + 1), out, now))
            return true;
    }
    return false;
}

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

static void set_date(article_meta *m, const pm_date *d)
{
    char s[11];
    snprintf(s, sizeof s, "%04u-%02u-%02u", (unsigned)d->y % 10000u, (unsigned)d->m % 100u, (unsigned)d->d % 100u);
    article_meta_set(&m->date, s);
}

static char *trimmed_copy(const char *s, size_t max)
{
    if (!s)
        return NULL;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    if (!n || n > max)
        return NULL;
    return xstrndup(s, n);
}

void page_meta_extract(htmlDocPtr doc, article_meta *m, page_meta_nodes *nodes, long long now)
{
    pm_page p;
    memset(&p, 0, sizeof p);
    buf_init(&p.text);
    if (nodes)
        memset(nodes, 0, sizeof *nodes);
    if (!doc || !m)
        return;
    long today = pm_today(now);
    pm_read_head(doc, &p);

    /* The strings the title may be named by, most trusted first. */
    static const int title_slots[] = { PM_M_ARTICLETITLE, PM_M_DCTITLE, PM_M_OGTITLE,
                                       PM_M_TWTITLE, PM_M_HEADLINE, PM_M_TITLE };
    static const int title_weight[] = { 1, 1, 1, 1, 1, 0 };
    tkeys ks = { 0 };
    buf_t tmp;
    buf_init(&tmp);
    bool keyed[sizeof title_slots / sizeof title_slots[0]] = { false };
    for (size_t i = 0; i < sizeof title_slots / sizeof title_slots[0]; i++)
        if (p.meta[title_slots[i]]) {
            pm_title_keys(&ks, p.meta[title_slots[i]], title_weight[i], &tmp);
            keyed[i] = true;
        }
    for (size_t i = 0; i < ks.n; i++)
        if (ks.keys[i].chars < (int)sizeof p.want_len)
            p.want_len[ks.keys[i].chars] = 1;
    /* Captures wrapped in other markup put <title> in the body, where the
     * walk finds it late: keep every short element until then. */
    p.want_any = ks.n == 0;
    pm_read_body(doc, &p);
    if (!p.meta[PM_M_SITENAME] && p.meta[PM_M_APPNAME])
        p.meta[PM_M_SITENAME] = xstrdup(p.meta[PM_M_APPNAME]);
    for (size_t i = 0; i < sizeof title_slots / sizeof title_slots[0]; i++)
        if (p.meta[title_slots[i]] && !keyed[i])
            pm_title_keys(&ks, p.meta[title_slots[i]], title_weight[i], &tmp);
    if (p.meta[PM_M_LD_HEADLINE])
        pm_title_keys(&ks, p.meta[PM_M_LD_HEADLINE], 1, &tmp);
    for (size_t i = 0; i < ks.n; i++)
        if (ks.keys[i].chars < (int)sizeof p.want_len)
            p.want_len[ks.keys[i].chars] = 1;

    const char *site = p.meta[PM_M_SITENAME];
    title_pick tp = { 0 };
    pm_match_title(&p, &ks, site, today, &tp);
    char *named = NULL;
    if (!tp.cand) {
        static const int order[] = { PM_M_ARTICLETITLE, PM_M_DCTITLE, PM_M_OGTITLE,
                                     PM_M_TWTITLE, PM_M_HEADLINE, PM_M_LD_HEADLINE, PM_M_TITLE };
        for (size_t i = 0; i < sizeof order / sizeof order[0] && !named; i++)
            named = pm_title_from_string(p.meta[order[i]], site);
        /* No element shows the named title. When the name is only the
         * site's, the heading above the info line is the title. */
        if (!named || pm_looks_like_site_name(named, site))
            pm_structural_title(&p, today, &tp);
    }
    article_meta_set(&m->title, tp.cand && tp.text ? tp.text : named);
    free(named);
    xmlNodePtr title_node = tp.cand ? tp.cand->node : NULL;
    if (nodes)
        nodes->title_node = title_node;

    /* The info line: under the title first, then just above it. */
    info_found f = { 0 };
    size_t after = 0;
    if (tp.cand) {
        after = tp.cand->line_end;
        read_info(&p, after, 10, 1, today, &f);
        if (tp.cand->line_start > 0 && (!f.has_date || (!f.publisher && !f.author)))
            read_info(&p, tp.cand->line_start - 1, 4, -1, today, &f);
    }

    /* Dates: a meta tag that says "published", then the info line, then a
     * labelled date anywhere, then the weaker tags and the page's own URL. */
    pm_date d;
    bool dated = false;
    if (pm_date_meta(p.meta[PM_M_LD_DATE], today, &d) ||
        pm_date_meta(p.meta[PM_M_DATE_STRONG], today, &d))
        dated = true;
    if (!dated && p.time_node) {
        char *dt = (char *)xmlGetProp(p.time_node, (const xmlChar *)"datetime");
        dated = pm_date_meta(dt, today, &d);
        xmlFree(dt);
    }
    if (!dated && f.has_date) {
        d = f.date;
        dated = true;
    }
    if (!dated) {
        /* A labelled date anywhere, nearest after the title first. */
        for (size_t pass = 0; pass < 2 && !dated; pass++) {
            size_t from = pass == 0 ? after : 0, to = pass == 0 ? p.n_lines : after;
            for (size_t i = from; i < to && !dated; i++) {
                int label;
                if (p.lines[i].chars > 200 || !pm_line_date(&p, i, today, &d, &label) || label <= 0)
                    continue;
                pm_fields fl = { 0 };
                pm_fields_read(pm_line_text(&p, i), p.lines[i].len, false, &fl);
                dated = !fl.noise;
                pm_fields_free(&fl);
            }
        }
    }
    if (!dated)
        dated = pm_date_meta(p.meta[PM_M_DATE_WEAK], today, &d);
    if (!dated)
        dated = pm_date_url(p.meta[PM_M_CANONICAL], today, &d) ||
                pm_date_url(p.meta[PM_M_OGURL], today, &d);
    char doc_day[11];
    if (document_date(&p, now, doc_day))
        article_meta_set(&m->date, doc_day);
    else if (dated)
        set_date(m, &d);

    /* 来源 and 作者: the info line, then labelled short lines after the
     * title (an article often ends with "来源：…" or "（记者 …）"), then
     * meta tags. */
    if (!f.publisher || !f.author) {
        for (size_t i = after; i < p.n_lines && (!f.publisher || !f.author); i++) {
            const pm_line *l = &p.lines[i];
            const char *s = pm_line_text(&p, i);
            size_t n = l->len;
            if (l->chars > 60) {
                /* Only a closing "（记者 …）" of a paragraph. */
                const char *open = NULL;
                for (const char *q = s; q < s + n; q++)
                    if (strncmp(q, "（", 3) == 0 || *q == '(')
                        open = q;
                if (!open || s + n - open > 60)
                    continue;
                n = (size_t)(s + n - open);
                s = open;
            }
            pm_fields fl = { 0 };
            pm_fields_read(s, n, false, &fl);
            if (!fl.noise) {
                if (!f.publisher && fl.publisher) {
                    f.publisher = fl.publisher;
                    fl.publisher = NULL;
                }
                if (!f.author && fl.author) {
                    f.author = fl.author;
                    fl.author = NULL;
                }
            }
            pm_fields_free(&fl);
        }
    }
    if (!f.publisher) {
        char *v = trimmed_copy(p.meta[PM_M_SOURCE], 60);
        if (v && !pm_is_anonymous(v) && !pm_absolute_http(v))
            f.publisher = v;
        else
            free(v);
    }
    if (!f.publisher)
        f.publisher = document_issuer(&p);
    /* With no 来源 stated, whoever put the page up is its publisher: the
     * WeChat account, else the site's own name for itself. */
    const int pub_slots[] = { PM_M_ACCOUNT, PM_M_SITENAME };
    for (size_t i = 0; i < 2 && !f.publisher; i++) {
        char *v = trimmed_copy(p.meta[pub_slots[i]], 60);
        if (v && !pm_is_anonymous(v) && !pm_absolute_http(v) && !names_platform(v) &&
            !(m->title && strcmp(v, m->title) == 0))
            f.publisher = v;
        else
            free(v);
    }
    if (!f.author) {
        const int slots[] = { PM_M_DCCREATOR, PM_M_AUTHOR, PM_M_LD_AUTHOR };
        for (size_t i = 0; i < 3 && !f.author; i++) {
            const char *raw = p.meta[slots[i]];
            if (raw && (strncmp(raw, "By ", 3) == 0 || strncmp(raw, "by ", 3) == 0))
                raw += 3;
            char *v = trimmed_copy(raw, 80);
            if (v)
                pm_strip_roles(v);
            if (v && !pm_is_anonymous(v) && !names_site(v, &p) && !names_editor(v, &p))
                f.author = v;
            else
                free(v);
        }
    }
    /* The byline may shout ("By JEFFREY GETTLEMAN"); the tag has the name
     * as the site writes it elsewhere. */
    if (f.author && p.meta[PM_M_AUTHOR] && strcasecmp(f.author, p.meta[PM_M_AUTHOR]) == 0) {
        free(f.author);
        f.author = xstrdup(p.meta[PM_M_AUTHOR]);
    }
    article_meta_set(&m->publisher, f.publisher);
    article_meta_set(&m->creator, f.author);
    if (nodes && tp.cand)
        nodes->info_node = info_element(&p, &f, tp.cand->chars);
    free(f.publisher);
    free(f.author);

    pm_find_source(&p, m, nodes);

    /* Where the page was captured. */
    const int url_slots[] = { PM_M_CANONICAL, PM_M_OGURL, PM_M_BASE };
    for (size_t i = 0; i < 3; i++)
        if (pm_absolute_http(p.meta[url_slots[i]])) {
            article_meta_set(&m->url, p.meta[url_slots[i]]);
            break;
        }
    pm_set_lang(m, p.meta[PM_M_LANG]);

    free(tp.text);
    pm_free_keys(&ks);
    buf_free(&tmp);
    pm_page_free(&p);
}

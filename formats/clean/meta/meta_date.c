/* The article's date, strongest witness first: a meta tag that says
 * "published" (or JSON-LD's datePublished, a <time datetime>), the info
 * line under the title (meta_info_line.c), a labelled date anywhere on the
 * page, a 落款 date, the weaker date tags, a date a script sets into the
 * page (publish_time = "…"), a date in the page's own URL,
 * and last the date of the page's last edit, labelled (编辑于) or tagged. A 公文's
 * 成文日期 overrides them all. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"

#include <stdio.h>
#include <string.h>

/* A 公文's own date is its 成文日期, which the open-government record gives
 * beside the 发布日期 on which the portal put it up; a compilation orders
 * documents by the former. The date may stand in the label's line or the
 * next one (a table cell of its own). */
/* A box over a 解读 that names the document it reads ("解读文件：…")
 * gives that document's 成文日期, not the page's: the
 * record's lines before I, up to eight back. */
static bool names_other_document(const pm_page *p, size_t i)
{
    for (size_t k = i > 8 ? i - 8 : 0; k < i; k++)
        if (pm_line_opens(p, k, "解读文件") || pm_line_opens(p, k, "被解读文件"))
            return true;
    return false;
}

static bool document_date(const pm_page *p, long long now, char out[11])
{
    for (size_t i = 0; i < p->n_lines; i++) {
        if (!pm_line_opens(p, i, "成文日期") || p->lines[i].chars > 40 || names_other_document(p, i))
            continue;
        if (page_meta_find_date(pm_line_text(p, i), out, now))
            return true;
        if (i + 1 < p->n_lines && p->lines[i + 1].chars <= 30 &&
            page_meta_find_date(pm_line_text(p, i + 1), out, now))
            return true;
    }
    return false;
}

static void put_date(article_meta *m, const pm_date *d)
{
    char s[11];
    snprintf(s, sizeof s, "%04u-%02u-%02u", (unsigned)d->y % 10000u, (unsigned)d->m % 100u, (unsigned)d->d % 100u);
    article_meta_set(&m->date, s);
}

/* A date labelled as the publication's (发布时间：…), or with KIND
 * PM_DATE_EDITED as the last edit's (编辑于), anywhere on the page,
 * nearest after the title (from line AFTER) first, on a line that is not a
 * footer's. */
static bool labelled_date(const pm_page *p, size_t after, long today, int kind, pm_date *d)
{
    for (size_t pass = 0; pass < 2; pass++) {
        size_t from = pass == 0 ? after : 0, to = pass == 0 ? p->n_lines : after;
        for (size_t i = from; i < to; i++) {
            int label;
            if (p->lines[i].chars > 200 || !pm_line_date(p, i, today, d, &label) || label != kind)
                continue;
            pm_fields fl = { 0 };
            pm_fields_read(pm_line_text(p, i), p->lines[i].len, false, &fl);
            bool dated = !fl.noise;
            pm_fields_free(&fl);
            if (dated)
                return true;
        }
    }
    return false;
}

/* The 落款 date of a notice: a line after the title that is a date written
 * the way a signature dates a document (2024年3月25日) and nothing else.
 * Comment and list dates are written with digits and dashes. */
static bool signature_date(const pm_page *p, size_t after, long today, pm_date *d)
{
    for (size_t i = after; i < p->n_lines; i++) {
        int label;
        if (p->lines[i].chars > 12 || !pm_line_date(p, i, today, d, &label))
            continue;
        const char *s = pm_line_text(p, i);
        size_t n = p->lines[i].len, from = 0;
        while (from < n && s[from] == ' ')
            from++;
        while (n > from && s[n - 1] == ' ')
            n--;
        if (d->start == from && d->end == n && strstr(s, "年") && strstr(s, "日"))
            return true;
    }
    return false;
}

/* A newspaper's edition line after its article: the paper in 《》 and, in
 * brackets, the day of the issue and its page ("《 人民日报 》（ 2024年03月05日
 * 第 06 版）"), the day the article was printed. */
#define EDITION_LINE_CHARS 40

static bool edition_date(const pm_page *p, size_t after, long today, pm_date *d)
{
    for (size_t i = after; i < p->n_lines; i++) {
        int label;
        if (p->lines[i].chars > EDITION_LINE_CHARS)
            continue;
        const char *s = pm_line_text(p, i);
        while (*s == ' ')
            s++;
        const char *close = strncmp(s, "《", 3) ? NULL : strstr(s, "》");
        const char *page = close ? strstr(close, "第") : NULL;
        if (!page || !strstr(page, "版") || !pm_line_date(p, i, today, d, &label))
            continue;
        const char *line = pm_line_text(p, i);
        if (line + d->start > close && line + d->end <= page)
            return true;
    }
    return false;
}

/* A stamp in universal time ("2024-01-23T03:30:00Z", "+00:00"): its day
 * is Greenwich's, which in the Americas or East Asia may be a day off the
 * day the page was published on. */
static bool universal_stamp(const char *s)
{
    if (!s || !strchr(s, 'T'))
        return false;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    return (n > 1 && s[n - 1] == 'Z') || (n > 6 && !strncmp(s + n - 6, "+00:00", 6)) ||
           (n > 5 && !strncmp(s + n - 5, "+0000", 5));
}

static long day_number(const pm_date *d);

/* The publication's date in the markup: JSON-LD's datePublished, a
 * "published" meta tag, a <time datetime>. A universal stamp gives way to
 * another witness one day off it (a stamp with the local offset, the date
 * shown under the title), which tells the local day. */
static bool published_tag_date(const pm_page *p, const pm_info *f, long today, pm_date *d)
{
    char *dt = p->time_node ? (char *)xmlGetProp(p->time_node, (const xmlChar *)"datetime") : NULL;
    const char *const tags[] = { p->meta[PM_M_LD_DATE], p->meta[PM_M_DATE_STRONG], dt };
    int first = -1;
    for (int i = 0; i < 3 && first < 0; i++)
        if (pm_date_meta(tags[i], today, d))
            first = i;
    if (first >= 0 && universal_stamp(tags[first])) {
        pm_date o;
        bool local = false;
        for (int i = first + 1; i < 3 && !local; i++)
            local = !universal_stamp(tags[i]) && pm_date_meta(tags[i], today, &o);
        if (!local && f->has_date && !f->date_in_prose) {
            o = f->date;
            local = true;
        }
        long gap = local ? day_number(&o) - day_number(d) : 0;
        if (gap == 1 || gap == -1)
            *d = o;
    }
    xmlFree(dt);
    return first >= 0;
}

/* Days since 0000-03-01 of a date in the proleptic Gregorian calendar. */
static long day_number(const pm_date *d)
{
    long y = d->y - (d->m <= 2), m = d->m <= 2 ? d->m + 9 : d->m - 3;
    return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + d->d - 1;
}

/* A dateline gives the day of the event ("2019年2月27日下午，…"); a date
 * labelled as the publication's (发布日期：) elsewhere on the page, below
 * the dateline first, on that day or within a month after it, is the
 * page's own day. A label further off is some other item's. */
static bool published_after_dateline(const pm_page *p, const pm_info *f, long today, pm_date *d)
{
    pm_date l;
    if (!labelled_date(p, f->date_line + 1, today, 1, &l))
        return false;
    long gap = day_number(&l) - day_number(&f->date);
    if (gap < 0 || gap > 31)
        return false;
    *d = l;
    return true;
}

void pm_set_date(const pm_page *p, const pm_info *f, size_t after, long long now, long today,
                 article_meta *m)
{
    pm_date d;
    bool dated = published_tag_date(p, f, today, &d);
    if (!dated && f->has_date) {
        d = f->date;
        dated = true;
        if (f->date_in_prose)
            published_after_dateline(p, f, today, &d);
    }
    if (!dated)
        dated = labelled_date(p, after, today, 1, &d);
    if (!dated)
        dated = signature_date(p, after, today, &d);
    if (!dated)
        dated = edition_date(p, after, today, &d);
    if (!dated)
        dated = pm_date_meta(p->meta[PM_M_DATE_WEAK], today, &d) ||
                pm_date_meta(p->meta[PM_M_SCRIPT_DATE], today, &d);
    if (!dated)
        dated = pm_date_url(p->meta[PM_M_CANONICAL], today, &d) ||
                pm_date_url(p->meta[PM_M_OGURL], today, &d);
    if (!dated)
        dated = labelled_date(p, after, today, PM_DATE_EDITED, &d);
    if (!dated)
        dated = pm_date_meta(p->meta[PM_M_DATE_MODIFIED], today, &d);
    char doc_day[11];
    if (document_date(p, now, doc_day))
        article_meta_set(&m->date, doc_day);
    else if (dated)
        put_date(m, &d);
}

/* The info line: the short lines right under the title (or just above it)
 * that give the date, 来源 and 作者 ("时间：2019-11-13 来源：山东省司法厅"),
 * read before anything else on the page because sidebars and footers carry
 * other dates and names; then, for 来源 and 作者 still missing, labelled
 * short lines further down. Also the element that holds the info line, for
 * the extractor to leave out of the body. */
#include "clean/meta/page_meta_int.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/xml_node.h"
#include "util/zh_doc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Line I is part of the info block; VALUED when a date, 来源 or 作者 was
 * read off it, not only a label of no field folio keeps (字号). */
static void use_line(pm_info *f, size_t i, bool valued)
{
    for (size_t k = 0; k < f->n_used; k++)
        if (f->used[k] == i) {
            f->valued[k] |= valued;
            return;
        }
    if (f->n_used < 8) {
        f->valued[f->n_used] = valued;
        f->used[f->n_used++] = i;
    }
}

/* A dateline paragraph ("2023年12月1日，会议在济南召开。") carries a date
 * but is the article's first sentence: a clause mark inside or a full stop
 * at its end, with no field label, says prose. */
static bool line_is_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
        n--;
    static const char *const ends[] = { "。", "！", "？", "；" };
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
        if (n >= 3 && memcmp(s + n - 3, ends[k], 3) == 0)
            return true;
    for (size_t i = 0; i + 3 <= n; i++)
        if (memcmp(s + i, "，", 3) == 0 && i >= 6 && n - i > 12)
            return true;
    return false;
}

/* An outlet's name standing unlabelled in a dated info line ("中国网
 * 2019-11-25 10:37", "原创 南方都市报", "石佳/中国青年报"): a word of three
 * to twelve Han characters that ends as outlets' names end. */
static char *outlet_word(const char *s, size_t n)
{
    static const char *const ends[] = { "报", "网", "社", "台", "杂志", "周刊", "在线", NULL };
    for (size_t i = 0; i < n;) {
        size_t start = i;
        int han = 0;
        while (i < n) {
            size_t at = i;
            uint32_t c = utf8_next(s, n, &i);
            if (!cp_is_han(c)) {
                i = at;
                break;
            }
            han++;
        }
        /* a name may open with Latin letters or digits ("39健康网"), where
         * they stand apart from what is before them */
        size_t from = start;
        while (from > 0 && start - from < 4 && isalnum((unsigned char)s[from - 1]))
            from--;
        if (from < start && from > 0 && !pm_is_sep(s[from - 1]) && s[from - 1] != '/')
            from = start;
        if (han >= 3 && han <= 12)
            for (int e = 0; ends[e]; e++) {
                size_t k = strlen(ends[e]);
                if (i - start >= k && !memcmp(s + i - k, ends[e], k))
                    return xstrndup(s + from, i - from);
            }
        if (i == start)
            utf8_next(s, n, &i);
    }
    return NULL;
}

/* Line L is a heading of its own below the title's level: h2 to h4. */
static bool subtitle_line(pm_line *l)
{
    for (xmlNodePtr n = pm_line_owner(l); n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (xml_is(n, "h2") || xml_is(n, "h3") || xml_is(n, "h4"))
            return true;
        if (xml_is(n, "p") || xml_is(n, "div") || xml_is(n, "body"))
            return false;
    }
    return false;
}

/* Line I gives a 公文's 成文日期, in itself or in the cell after its
 * label: the day of the document, which the record gives (meta_date.c),
 * and over a 解读 the day of the document it reads; never the page's. */
static bool signing_day(const pm_page *p, size_t i)
{
    return pm_line_opens(p, i, "成文日期") ||
           (i > 0 && p->lines[i - 1].chars <= 6 && pm_line_opens(p, i - 1, "成文日期"));
}

/* How strongly a date's label says it is the page's: the publication's
 * over none over the last edit's. */
static int date_rank(int label)
{
    return label == 1 ? 2 : label == PM_DATE_EDITED ? 0 : 1;
}

/* Read lines [FROM, TO) (stepping by STEP, which may be -1) as the info
 * block: dates, 来源, 作者. Stops at the first line of prose. */
static void read_info(pm_page *p, size_t from, size_t count, int step, long today,
                      pm_info *f)
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
        int label = 0;
        bool dated = pm_line_date(p, i, today, &d, &label) && !signing_day(p, i);
        if (!dated)
            label = 0;
        /* a subtitle (副题) under the title, a sentence of its own: the
         * info line is under it */
        if (step == 1 && k == 0 && !dated && subtitle_line(&p->lines[i]) &&
            !strstr(pm_line_text(p, i), "：") && !memchr(pm_line_text(p, i), ':', l->len)) {
            pm_fields_free(&fl);
            continue;
        }
        /* a sentence, or a law's 题注: the document's own lines */
        /* a lead that opens with its reporter (本报讯（记者 X）…。) is the
         * text's, label or not */
        bool lead = fl.has_label && l->chars > 60 && strstr(pm_line_text(p, i), "。");
        if (((!fl.has_label || lead) && label <= 0 && line_is_sentence(pm_line_text(p, i), l->len)) ||
            zh_doc_is_adoption_note(pm_line_text(p, i), l->len)) {
            /* The text has begun; its date may still date the page, and
             * the reporter its lead opens with write it. */
            if (lead && fl.author && !f->author) {
                f->author = fl.author;
                fl.author = NULL;
            }
            if (dated && !f->has_date && k < 2) {
                f->date = d;
                f->date_label = label;
                f->date_line = i;
                f->has_date = true;
                f->date_in_prose = true;
            }
            pm_fields_free(&fl);
            break;
        }
        /* A bare date in a short line counts; in a longer one only with a
         * label, or it may be a date the prose mentions. */
        if (dated && (label > 0 || l->chars <= 60 || fl.has_label)) {
            if (!f->has_date ||
                (date_rank(label) > date_rank(f->date_label) && date_rank(f->date_label) <= 1 && k < 4)) {
                f->date = d;
                f->date_label = label;
                f->date_line = i;
                f->has_date = true;
                f->date_in_prose = false;
                use_line(f, i, true);
            }
        }
        if (!fl.publisher && !fl.has_label && dated && f->date_line == i && l->chars <= 40)
            fl.publisher = outlet_word(pm_line_text(p, i), l->len);
        /* "Source:" alone on a line a few lines down credits a chart or a
         * photo; an info line says it beside the date or the byline. */
        bool credit = fl.source_en && k >= 2 && !dated && !fl.author;
        if (fl.publisher && !f->publisher && !credit) {
            f->publisher = fl.publisher;
            fl.publisher = NULL;
            use_line(f, i, true);
        }
        if (fl.author && !f->author) {
            f->author = fl.author;
            fl.author = NULL;
            use_line(f, i, true);
        }
        if (fl.has_label)
            use_line(f, i, false);
        pm_fields_free(&fl);
    }
}

/* The smallest element holding the info lines, if it holds little else
 * (the title may sit in it too); NULL when it would take the article. */
xmlNodePtr pm_info_element(pm_page *p, const pm_info *f, int title_chars)
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
    /* The lines are spread out: settle for one alone, the first that
     * gave a field (a 字号 bar may stand above it), else the first. */
    size_t one[2] = { f->used[0], f->used[0] };
    for (size_t k = f->n_used; k-- > 0;)
        if (f->valued[k])
            one[0] = f->used[k];
    for (int k = 0; k < 2; k++) {
        n = pm_line_owner(&p->lines[one[k]]);
        limit = p->lines[one[k]].chars + title_chars + 40;
        if (n && n->type == XML_ELEMENT_NODE && pm_count_chars(n, limit) <= limit)
            return n;
    }
    return NULL;
}

void pm_info_read(pm_page *p, const pm_cand *title, long today, pm_info *f)
{
    if (!title)
        return;
    read_info(p, title->line_end, 10, 1, today, f);
    if (title->line_start > 0 && (!f->has_date || (!f->publisher && !f->author)))
        read_info(p, title->line_start - 1, 4, -1, today, f);
}

void pm_info_read_further(const pm_page *p, size_t from, pm_info *f)
{
    for (size_t i = from; i < p->n_lines && (!f->publisher || !f->author); i++) {
        const pm_line *l = &p->lines[i];
        const char *s = pm_line_text(p, i);
        size_t n = l->len;
        if (l->chars > 60) {
            /* Only a closing "（记者 …）" of a paragraph, or the one a
             * dateline opens it with (新华社北京5月17日电（记者张曦月）). */
            const char *open = NULL, *first = NULL;
            for (const char *q = s; q < s + n; q++)
                if (strncmp(q, "（", 3) == 0 || *q == '(') {
                    open = q;
                    first = first ? first : q;
                }
            size_t close_len = 0;
            if (first && first - s <= 60 && (pm_at(first + (*first == '(' ? 1 : 3), s + n, "记者"))) {
                const char *c = first;
                while (c < s + n && strncmp(c, "）", 3) && *c != ')')
                    c++;
                close_len = c < s + n ? (size_t)(c - first) + (*c == ')' ? 1 : 3) : 0;
            }
            if (close_len && close_len <= 60) {
                n = close_len;
                s = first;
            } else if (!open || s + n - open > 60) {
                continue;
            } else {
                n = (size_t)(s + n - open);
                s = open;
            }
        }
        pm_fields fl = { 0 };
        pm_fields_read(s, n, false, &fl);
        if (!fl.noise) {
            if (!f->publisher && fl.publisher) {
                f->publisher = fl.publisher;
                fl.publisher = NULL;
            }
            if (!f->author && fl.author) {
                f->author = fl.author;
                fl.author = NULL;
            }
        }
        pm_fields_free(&fl);
    }
}

void pm_info_free(pm_info *f)
{
    free(f->publisher);
    free(f->author);
    f->publisher = f->author = NULL;
}

/* Does line I look like an info line (a date or a field label)? */
bool pm_info_like(const pm_page *p, size_t i, long today)
{
    if (p->lines[i].chars > 160)
        return false;
    pm_date d;
    int label;
    if (pm_line_date(p, i, today, &d, &label))
        return true;
    pm_fields f = { 0 };
    pm_fields_read(pm_line_text(p, i), p->lines[i].len, true, &f);
    bool yes = f.has_label && !f.noise;
    pm_fields_free(&f);
    return yes;
}

#include "pdf/pdf_title.h"
#include "pdf/pdf_break.h"
#include "pdf/pdf_chars.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

#define NO_WAY 1e300
/* A heading of more lines than this is set as text: balancing its lines
 * would cost more than any reader gains, and a page's mistake can make a
 * heading of a whole paragraph. */
#define TITLE_MAX_LINES 8

typedef struct {
    const pdf_break_char *ch;
    const PangoLogAttr *la;
    int n;
    long long *w;          /* prefix sums of advances */
    int *vis;              /* prefix sums of characters that are not blank */
    int em, width, indent;
    bool balance;
} title;

/* A letter, digit or mark of a Latin run: what a title never breaks in. */
static bool in_run(uint32_t c)
{
    return c && !pdf_is_cjk(c) && !pdf_is_blank(c);
}

/* The nearest character before I (after J when FORWARD) that is not blank. */
static uint32_t seen_from(const title *t, int i, bool forward)
{
    if (forward) {
        for (int k = i; k < t->n; k++)
            if (!pdf_is_blank(t->ch[k].c))
                return t->ch[k].c;
        return 0;
    }
    for (int k = i - 1; k >= 0; k--) {
        if (t->ch[k].c == ' ')
            return ' ';
        if (!pdf_is_blank(t->ch[k].c))
            return t->ch[k].c;
    }
    return 0;
}

static bool may_break(const title *t, int i)
{
    if (!t->la[i].is_line_break)
        return false;
    uint32_t before = seen_from(t, i, false), after = seen_from(t, i, true);
    return !(in_run(before) && in_run(after));
}

static bool starts_with(const title *t, int i, const uint32_t *word, int len)
{
    for (int k = 0; k < len; k++)
        if (i + k >= t->n || t->ch[i + k].c != word[k])
            return false;
    return true;
}

/* Characters that mostly end a word in titles: places (省市县区镇乡村),
 * offices (局厅委部院所站), and the suffixes of abstract and collective
 * nouns (性化者员类型率度案书制). */
static bool word_final(uint32_t c)
{
    static const char set[] = "省市县区镇乡村局厅委部院所站性化者员类型率度案书制";
    for (size_t i = 0, n = sizeof set - 1; i < n;)
        if (utf8_next(set, n, &i) == c)
            return true;
    return false;
}

/* What a break before character I is worth, in squared ems of imbalance
 * (halved): after punctuation or a headline's space, before 关于, before
 * 的, 和, 及 or 与; a break between two ideographs costs. */
static double break_bonus(const title *t, int i)
{
    static const uint32_t guanyu[] = { 0x5173, 0x4E8E };
    uint32_t before = seen_from(t, i, false);
    int at = i;
    while (at < t->n && pdf_is_blank(t->ch[at].c))
        at++;
    if (pdf_sits_left(before) || (before && before < 0x80 && strchr(",;:!?", (int)before)))
        return 12;
    /* a space beside Chinese text parts a headline's phrases */
    if (before == ' ' && at < t->n && i > 1 && (pdf_is_cjk(t->ch[at].c) || pdf_is_cjk(t->ch[i - 2].c)))
        return 12;
    if (starts_with(t, at, guanyu, 2))
        return 8;
    if (at < t->n) {
        uint32_t c = t->ch[at].c;
        if (c == 0x7684 || c == 0x548C || c == 0x53CA || c == 0x4E0E)   /* 的 和 及 与 */
            return 3;
        if (pdf_is_opening(c))
            return 3;
        /* between two ideographs with nothing to say a word ends there:
         * likely inside one ("取得新/成效"); less so after a character
         * that mostly ends a word (the suffixes of places, offices and
         * abstract nouns: "聊城市/城市", "分类/工作") */
        if (pdf_is_han(c) && pdf_is_han(before))
            return word_final(before) ? -4 : -10;
    }
    return 0;
}

/* The width of the line of characters A..B-1, blanks at its end hanging. */
static long long line_width(const title *t, int a, int b, int *visible)
{
    int e = b;
    while (e > a && pdf_is_blank(t->ch[e - 1].c))
        e--;
    *visible = t->vis[e] - t->vis[a];
    return t->w[e] - t->w[a];
}

static long long room(const title *t, bool first)
{
    if (first && t->indent > 0)
        return t->width - t->indent;
    if (!first && t->indent < 0)
        return t->width + t->indent;
    return t->width;
}

/* The widest any line may be. A line ending at a given break only widens
 * as it starts earlier, so the search for its start stops past this. */
static long long widest(const title *t)
{
    long long a = room(t, true), b = room(t, false);
    return a > b ? a : b;
}

static double line_cost(const title *t, int a, int b, bool first, bool last, double target)
{
    int visible;
    long long w = line_width(t, a, b, &visible);
    if (w > room(t, first))
        return NO_WAY;
    double em = t->em, cost;
    if (t->balance)
        cost = ((double)w - target) * ((double)w - target) / (2 * em * em);
    else
        cost = last ? 0 : (double)(room(t, first) - w) / em;
    if (last && !first && visible <= 3)
        cost += 1000;
    if (!last)
        cost -= break_bonus(t, b);
    return cost;
}

/* The fewest lines the characters S..E-1 take, by candidates CAND[0..K)
 * (CAND[K-1] is E), or -1 when a word is wider than the measure. */
static int fewest_lines(const title *t, int s, const int *cand, int k, bool first_is_start)
{
    int *lines = xmalloc(sizeof(int) * (size_t)(k + 1));
    lines[0] = 0;
    for (int j = 1; j <= k; j++) {
        lines[j] = -1;
        for (int i = j - 1; i >= 0; i--) {
            int a = i ? cand[i - 1] : s, v;
            long long w = line_width(t, a, cand[j - 1], &v);
            if (w > widest(t))
                break;
            if (lines[i] < 0 || (lines[j] >= 0 && lines[i] + 1 >= lines[j]))
                continue;
            if (w <= room(t, i == 0 && first_is_start))
                lines[j] = lines[i] + 1;
        }
    }
    int m = lines[k];
    free(lines);
    return m;
}

/* Breaks of the segment S..E-1 (between hard breaks) into OUT; returns how
 * many (its end included), or -1 to leave the layout alone. */
static int segment(const title *t, int s, int e, bool first_is_start, int *out)
{
    int *cand = xmalloc(sizeof(int) * (size_t)(e - s + 1)), k = 0;
    for (int i = s + 1; i < e; i++)
        if (may_break(t, i))
            cand[k++] = i;
    cand[k++] = e;
    int m = fewest_lines(t, s, cand, k, first_is_start);
    if (m <= 1 || m > TITLE_MAX_LINES) {
        free(cand);
        if (m != 1)
            return -1;
        out[0] = e;
        return 1;
    }
    int dummy;
    double target = (double)line_width(t, s, e, &dummy) / m;
    /* cost[j][l]: the best way to end line l at candidate j */
    size_t cells = (size_t)(k + 1) * (size_t)(m + 1);
    double *cost = xmalloc(sizeof(double) * cells);
    int *from = xmalloc(sizeof(int) * cells);
    for (size_t c = 0; c < cells; c++)
        cost[c] = NO_WAY;
    cost[0] = 0;
    for (int l = 1; l <= m; l++)
        for (int j = 1; j <= k; j++)
            for (int i = j - 1; i >= 0; i--) {
                int a = i ? cand[i - 1] : s, v;
                if (line_width(t, a, cand[j - 1], &v) > widest(t))
                    break;
                double before = cost[(size_t)i * (size_t)(m + 1) + (size_t)(l - 1)];
                if (before >= NO_WAY || (l == m) != (j == k))
                    continue;
                double c = line_cost(t, a, cand[j - 1], l == 1 && first_is_start, l == m, target);
                size_t at = (size_t)j * (size_t)(m + 1) + (size_t)l;
                if (c < NO_WAY && before + c < cost[at]) {
                    cost[at] = before + c;
                    from[at] = i;
                }
            }
    int n = 0;
    if (cost[(size_t)k * (size_t)(m + 1) + (size_t)m] < NO_WAY) {
        for (int j = k, l = m; l > 0; j = from[(size_t)j * (size_t)(m + 1) + (size_t)l], l--)
            out[l - 1] = cand[j - 1];
        n = m;
    } else
        n = -1;
    free(cand), free(cost), free(from);
    return n;
}

static void choose(PangoLayout *l, double em_pt, bool balance)
{
    if (pango_layout_get_width(l) <= 0 || pango_layout_get_line_count(l) < 2)
        return;
    int n, n_la;
    pdf_break_char *ch = pdf_break_chars(l, &n);
    if (!ch)
        return;
    title t = { ch, pango_layout_get_log_attrs_readonly(l, &n_la), n, NULL, NULL, (int)(em_pt * PANGO_SCALE),
                pango_layout_get_width(l), pango_layout_get_indent(l), balance };
    t.w = xmalloc(sizeof(long long) * (size_t)(n + 1));
    t.vis = xmalloc(sizeof(int) * (size_t)(n + 1));
    t.w[0] = 0;
    t.vis[0] = 0;
    for (int i = 0; i < n; i++) {
        t.w[i + 1] = t.w[i] + ch[i].width;
        t.vis[i + 1] = t.vis[i] + !pdf_is_blank(ch[i].c);
    }
    int *breaks = xmalloc(sizeof(int) * (size_t)(n + 1)), nb = 0;
    bool ok = true;
    for (int s = 0; s < n && ok;) {
        int e = s + 1;
        while (e < n && !t.la[e].is_mandatory_break)
            e++;
        int k = segment(&t, s, e, s == 0, breaks + nb);
        ok = k >= 0;
        nb += ok ? k : 0;
        s = e;
    }
    if (ok)
        pdf_break_keep(l, ch, n, breaks, nb);
    free(breaks), free(t.w), free(t.vis), free(ch);
}

void pdf_title_balance(PangoLayout *l, double em)
{
    choose(l, em, true);
}

void pdf_title_wrap(PangoLayout *l, double em)
{
    choose(l, em, false);
}

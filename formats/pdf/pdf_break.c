#include "pdf/pdf_break.h"
#include "pdf/pdf_chars.h"
#include "util/alloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef pdf_break_char ch_info;

typedef struct {
    ch_info *ch;
    int n;          /* characters */
    long long *w, *sq;   /* prefix sums of width and squeeze */
    int *gaps, *word_gaps;
    int em, width, indent;
} para;


/* The advance of every character, from a copy of L laid out on one line
 * per paragraph: breaking changes no advance in the scripts folio sets. */
static void measure(PangoLayout *l, const char *text, int len, ch_info *ch, const int *char_at)
{
    PangoLayout *u = pango_layout_copy(l);
    pango_layout_set_width(u, -1);
    pango_layout_set_indent(u, 0);
    for (GSList *ln = pango_layout_get_lines_readonly(u); ln; ln = ln->next) {
        PangoLayoutLine *line = ln->data;
        for (GSList *r = line->runs; r; r = r->next) {
            PangoGlyphItem *run = r->data;
            PangoGlyphString *gs = run->glyphs;
            for (int i = 0; i < gs->num_glyphs; i++) {
                int at = run->item->offset + gs->log_clusters[i];
                if (at >= 0 && at < len)
                    ch[char_at[at]].width += gs->glyphs[i].geometry.width;
            }
        }
    }
    (void)text;
    g_object_unref(u);
}

/* Each character of TEXT with its offset and advance. */
static void read_chars(PangoLayout *l, const char *text, int len, ch_info *ch)
{
    int *char_at = xmalloc(sizeof(int) * (size_t)(len + 1));
    for (int i = 0, k = 0; i < len; k++) {
        int clen;
        ch[k].c = utf8_decode(text + i, (size_t)(len - i), &clen);
        ch[k].off = i;
        for (int j = 0; j < clen && i + j < len; j++)
            char_at[i + j] = k;
        i += clen;
    }
    measure(l, text, len, ch, char_at);
    free(char_at);
}

pdf_break_char *pdf_break_chars(PangoLayout *l, int *n)
{
    const char *text = pango_layout_get_text(l);
    int len = (int)strlen(text), n_la;
    pango_layout_get_log_attrs_readonly(l, &n_la);
    *n = (int)g_utf8_strlen(text, len);
    if (len == 0 || n_la != *n + 1)
        return NULL;
    ch_info *ch = xcalloc((size_t)*n + 1, sizeof *ch);
    read_chars(l, text, len, ch);
    return ch;
}

double pdf_break_widest_word(PangoLayout *l)
{
    int n, n_la;
    ch_info *ch = pdf_break_chars(l, &n);
    if (!ch)
        return 0;
    const PangoLogAttr *la = pango_layout_get_log_attrs_readonly(l, &n_la);
    long long run = 0, widest = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && la[i].is_line_break)
            run = 0;
        if (!pdf_is_blank(ch[i].c))
            run += ch[i].width;
        if (run > widest)
            widest = run;
    }
    free(ch);
    return widest / (double)PANGO_SCALE;
}

static void classify(para *p)
{
    int em = p->em;
    for (int i = 0; i < p->n; i++) {
        ch_info *c = &p->ch[i];
        uint32_t next = i + 1 < p->n ? p->ch[i + 1].c : 0;
        if (PDF_IS_ZW(c->c))
            c->gap = i > 0 && next && pdf_gap_between(p->ch[i - 1].c, next);
        else
            c->gap = next && pdf_gap_between(c->c, next);
        c->word_gap = c->c == ' ' ||
                      (PDF_IS_ZW(c->c) && c->gap && !pdf_is_cjk(p->ch[i - 1].c) != !pdf_is_cjk(next));
        /* the blank half of a full-width mark, a third of a word space */
        if (pdf_is_fullwidth_punct(c->c) && c->c != 0x00B7 && c->c != 0x30FB && c->width > em * 3 / 4)
            c->squeeze = em / 2;
        else if (c->c == ' ')
            c->squeeze = c->width / 3;
    }
    p->w[0] = p->sq[0] = 0;
    p->gaps[0] = p->word_gaps[0] = 0;
    for (int i = 0; i < p->n; i++) {
        p->w[i + 1] = p->w[i] + p->ch[i].width;
        p->sq[i + 1] = p->sq[i] + p->ch[i].squeeze;
        p->gaps[i + 1] = p->gaps[i] + p->ch[i].gap;
        p->word_gaps[i + 1] = p->word_gaps[i] + p->ch[i].word_gap;
    }
}

typedef struct {
    long long natural, stretch, shrink;
    int visible;    /* characters that are not blank or punctuation */
} line_fit;

/* The line of characters A..B-1: trailing blanks hang, and a stop or
 * closing mark at its end takes half an em (as pdf_justify sets it). */
static line_fit fit_line(const para *p, int a, int b)
{
    line_fit f = { 0, 0, 0, 0 };
    int e = b;
    while (e > a && pdf_is_blank(p->ch[e - 1].c))
        e--;
    if (e == a)
        return f;
    f.natural = p->w[e] - p->w[a];
    const ch_info *last = &p->ch[e - 1];
    if (pdf_sits_left(last->c) && last->width > p->em * 3 / 4)
        f.natural -= p->em / 2;
    int gaps = p->gaps[e - 1] - p->gaps[a], words = p->word_gaps[e - 1] - p->word_gaps[a];
    /* a tenth of an em between ideographs still reads as set solid; word
     * gaps may open further */
    f.stretch = (long long)(gaps - words) * p->em / 10 + (long long)words * p->em / 4;
    f.shrink = p->sq[e - 1] - p->sq[a];
    for (int i = a; i < e && f.visible < 2; i++)
        if (!pdf_is_blank(p->ch[i].c) && !pdf_is_fullwidth_punct(p->ch[i].c))
            f.visible++;
    return f;
}

#define INFINITE_COST 1e30

/* Demerits of a line; LAST lines are not stretched. The scale runs: a
 * good line, a loose line (badness capped, so that a line left ragged
 * before an unbreakable run costs the same however short it is), a break
 * inside a word or number, an overfull line. */
static double line_cost(const para *p, int a, int b, bool first, bool last, bool lone_line)
{
    line_fit f = fit_line(p, a, b);
    long long width = p->width;
    if (first && p->indent > 0)
        width -= p->indent;
    else if (!first && p->indent < 0)
        width += p->indent;
    long long slack = width - f.natural;
    double bad;
    if (slack < 0) {
        if (f.shrink <= 0 || -slack > f.shrink)   /* overfull: only when nothing else can be done */
            return 1e12 + (double)(-slack - f.shrink);
        double r = (double)-slack / (double)f.shrink;
        bad = 100 * r * r * r;
    } else if (last) {
        bad = 0;
    } else if (f.stretch <= 0) {
        bad = slack > p->em ? 5000 : 100;
    } else {
        double r = (double)slack / (double)f.stretch;
        bad = r > 3.7 ? 5000 : 100 * r * r * r;
    }
    double d = (10 + bad) * (10 + bad);
    /* a paragraph does not end on a single character */
    if (last && !lone_line && f.visible < 2)
        d += 1e6;
    return d;
}

/* Positions where a line may start, in order: 0, then every break
 * opportunity; a break inside a word only where nothing else fits. */
static int break_candidates(const PangoLogAttr *la, int s, int e, int *cand, bool *emergency)
{
    int k = 0;
    for (int i = s + 1; i < e; i++)
        if (la[i].is_line_break || la[i].is_char_break) {
            emergency[k] = !la[i].is_line_break;
            cand[k++] = i;
        }
    emergency[k] = false;
    cand[k++] = e;
    return k;
}

/* Chooses the breaks of the characters S..E-1 (one paragraph between hard
 * breaks) that cost least in all, into BREAKS; returns how many. */
static int choose(const para *p, const PangoLogAttr *la, int s, int e, bool first_is_start, int *breaks)
{
    int m = e - s + 1;
    int *cand = xmalloc(sizeof(int) * (size_t)m);
    bool *emergency = xmalloc(sizeof(bool) * (size_t)m);
    double *cost = xmalloc(sizeof(double) * (size_t)(m + 1));
    int *from = xmalloc(sizeof(int) * (size_t)(m + 1));
    int k = break_candidates(la, s, e, cand, emergency);
    /* node 0 is the start S; node j > 0 is a break before cand[j-1] */
    cost[0] = 0;
    for (int j = 1; j <= k; j++) {
        int b = cand[j - 1];
        bool last = j == k;
        cost[j] = INFINITE_COST;
        from[j] = j - 1;
        for (int i = j - 1; i >= 0; i--) {
            int a = i == 0 ? s : cand[i - 1];
            if (cost[i] >= INFINITE_COST)
                continue;
            double c = line_cost(p, a, b, i == 0 && first_is_start, last, i == 0);
            if (emergency[j - 1] && !last)
                c += 1e10;
            if (cost[i] + c < cost[j]) {
                cost[j] = cost[i] + c;
                from[j] = i;
            }
            /* no longer line can be better once even full shrinking
             * leaves it overfull */
            if (p->w[b] - p->w[a] - (p->sq[b] - p->sq[a]) > (long long)p->width + p->em)
                break;
        }
    }
    int n = 0;
    for (int j = k; j > 0; j = from[j])
        n++;
    int at = n;
    for (int j = k; j > 0; j = from[j])
        breaks[--at] = cand[j - 1];
    free(cand), free(emergency), free(cost), free(from);
    return n;
}

/* Only the chosen breaks stay allowed: each line is one range in which
 * pango may not break. */
static void keep_breaks(PangoLayout *l, const ch_info *ch, int n, const int *breaks, int nb, int len)
{
    PangoAttrList *attrs = pango_layout_get_attributes(l);
    attrs = attrs ? pango_attr_list_copy(attrs) : pango_attr_list_new();
    int a = 0;
    for (int i = 0; i <= nb; i++) {
        int b = i < nb ? breaks[i] : n;
        int start = ch[a].off, end = b < n ? ch[b].off : len;
        if (end > start) {
            PangoAttribute *x = pango_attr_allow_breaks_new(FALSE);
            x->start_index = (guint)start;
            x->end_index = (guint)end;
            pango_attr_list_insert(attrs, x);
        }
        a = b;
        if (a >= n)
            break;
    }
    pango_layout_set_attributes(l, attrs);
    pango_attr_list_unref(attrs);
}

/* Pango breaks after a zero-width space whatever the attributes say, so
 * each one the breaker did not choose becomes a word joiner, which draws
 * and copies as the same nothing and keeps the same bytes' length. */
static void close_unused_breaks(PangoLayout *l, const ch_info *ch, int n, const int *breaks, int nb, int len)
{
    char *text = NULL;
    for (int i = 0, b = 0; i < n; i++) {
        if (ch[i].c != PDF_ZWSP)
            continue;
        while (b < nb && breaks[b] <= i)
            b++;
        if (b < nb && breaks[b] == i + 1)
            continue;
        if (!text && !(text = g_strndup(pango_layout_get_text(l), (gsize)len)))
            return;
        memcpy(text + ch[i].off, "\xE2\x81\xA0", 3);   /* U+2060 */
    }
    if (text) {
        pango_layout_set_text(l, text, len);
        g_free(text);
    }
}

void pdf_break_keep(PangoLayout *l, const pdf_break_char *ch, int n, const int *breaks, int nb)
{
    int len = (int)strlen(pango_layout_get_text(l));
    /* the last break of all is the text's end, which needs no range */
    if (nb > 0 && breaks[nb - 1] >= n)
        nb--;
    keep_breaks(l, ch, n, breaks, nb, len);
    close_unused_breaks(l, ch, n, breaks, nb, len);
}

#define PDF_BREAK_MAX_LINES 300

void pdf_break_lines(PangoLayout *l, double em_pt)
{
    int width = pango_layout_get_width(l);
    const char *text = pango_layout_get_text(l);
    int len = (int)strlen(text);
    /* one line: there is nothing to choose. Pages of one paragraph keep
     * pango's own lines: each chosen line is a range pango copies at every
     * line it sets, which grows as the square of the lines. */
    int lines = width > 0 && len > 0 ? pango_layout_get_line_count(l) : 0;
    if (lines < 2 || lines > PDF_BREAK_MAX_LINES)
        return;
    int n_la;
    const PangoLogAttr *la = pango_layout_get_log_attrs_readonly(l, &n_la);
    para p = { 0 };
    p.n = (int)g_utf8_strlen(text, len);
    if (n_la != p.n + 1)
        return;
    p.em = (int)(em_pt * PANGO_SCALE);
    p.width = width;
    p.indent = pango_layout_get_indent(l);
    p.ch = xcalloc((size_t)p.n + 1, sizeof *p.ch);
    p.w = xmalloc(sizeof(long long) * (size_t)(p.n + 1));
    p.sq = xmalloc(sizeof(long long) * (size_t)(p.n + 1));
    p.gaps = xmalloc(sizeof(int) * (size_t)(p.n + 1));
    p.word_gaps = xmalloc(sizeof(int) * (size_t)(p.n + 1));
    int *breaks = xmalloc(sizeof(int) * (size_t)(p.n + 1));
    int nb = 0;
    read_chars(l, text, len, p.ch);
    classify(&p);
    /* each run between hard breaks is a paragraph of its own */
    for (int s = 0; s < p.n;) {
        int e = s + 1;
        while (e < p.n && !la[e].is_mandatory_break)
            e++;
        bool starts = s == 0 || p.ch[s - 1].c == '\n' || p.ch[s - 1].c == 0x2029;
        nb += choose(&p, la, s, e, starts, breaks + nb);
        s = e;
    }
    pdf_break_keep(l, p.ch, p.n, breaks, nb);
    free(p.ch), free(p.w), free(p.sq), free(p.gaps), free(p.word_gaps), free(breaks);
}

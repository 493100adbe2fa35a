/* Which element on the page shows the title, and the title itself: the
 * heading that a title string (<title>, ArticleTitle, og:title) names, or
 * the right piece of that string. Also the line helpers the info reader
 * shares. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"
#include "clean/page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the title ---- */


/* A separator between a title and a site or section name at S[I], or 0.
 * '-' and '_' also appear inside titles ("COVID-19", "file_name"): they
 * separate only next to a space or a non-ASCII character. */
static size_t sep_at(const char *s, size_t i, bool liberal)
{
    static const char *const seps[] = {
        " - ", " – ", " — ", " | ", " :: ", " · ", " » ", " / ",
        "——", "—", "|", "｜", "丨", "::", "»", "－", "–", " •",
    };
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        size_t n = strlen(seps[k]);
        if (strncmp(s + i, seps[k], n) == 0)
            return n;
    }
    unsigned char before = i ? (unsigned char)s[i - 1] : ' ';
    unsigned char after = (unsigned char)s[i + 1];
    if (s[i] == '-' || s[i] == '_') {
        if (liberal || before == ' ' || after == ' ' || before >= 0x80 || after >= 0x80)
            return 1;
    }
    /* Looking for the heading, any cut may be the one ("…ZoomEye-CSDN.NET",
     * "…技能大赛 湖南省中医药研究院附属医院"): a wrong cut matches nothing. */
    if (liberal && s[i] == ' ' && (before >= 0x80 || after >= 0x80))
        return 1;
    return 0;
}

static void add_key(tkeys *ks, const char *s, size_t len, int kind, int weight, buf_t *tmp)
{
    while (len && s[0] == ' ') { s++; len--; }
    while (len && s[len - 1] == ' ') len--;
    if (!len)
        return;
    char *raw = xstrndup(s, len);
    if (!raw)
        return;
    int chars = pm_norm_title(raw, tmp);
    free(raw);
    if (chars < 2)
        return;
    if (ks->n == ks->cap) {
        size_t cap = ks->cap ? ks->cap * 2 : 32;
        tkey *nk = xreallocarray(ks->keys, cap, sizeof *nk);
        if (!nk)
            return;
        ks->keys = nk;
        ks->cap = cap;
    }
    ks->keys[ks->n++] = (tkey){ xstrdup(tmp->data), chars, kind, 0, false, false, weight };
}

/* Pieces of T between separators: start and end offsets, trimmed. */
size_t pm_title_pieces(const char *t, bool liberal, size_t *st, size_t *en, size_t max)
{
    size_t n = strlen(t), np = 0, b = 0;
    for (size_t i = 0; i <= n && np < max; i++) {
        size_t k = i < n ? sep_at(t, i, liberal) : 1;
        if (!k || (i == 0 && i < n))
            continue;
        size_t s = b, e = i;
        while (s < e && t[s] == ' ') s++;
        while (e > s && t[e - 1] == ' ') e--;
        if (e > s) {
            st[np] = s;
            en[np++] = e;
        }
        b = i + k;
        i += k - 1;
    }
    return np;
}

/* Keys for one title string: the whole, every cut before and after a
 * separator, and every piece between two. Cuts at the looser separators
 * (a bare "-", a space next to CJK) only serve to find the heading, and
 * must cover most of the string. */
void pm_title_keys(tkeys *ks, const char *t, int weight, buf_t *tmp)
{
    if (!t || !*t)
        return;
    size_t st[16], en[16], n = strlen(t);
    size_t np = pm_title_pieces(t, false, st, en, 16);
    size_t from = ks->n;
    add_key(ks, t, n, K_FULL, weight, tmp);
    if (ks->n == from)
        return;
    int whole = ks->keys[from].chars;
    int longest = 0;
    size_t piece_from = ks->n;
    for (size_t i = 0; np > 1 && i < np; i++) {
        size_t before = ks->n;
        int kind = i == 0 ? K_PREFIX : i + 1 == np ? K_SUFFIX : K_SEG;
        add_key(ks, t + st[i], en[i] - st[i], kind, weight, tmp);
        if (ks->n > before) {
            ks->keys[before].first = i == 0;
            ks->keys[before].longest = true;    /* settled below */
            if (ks->keys[before].chars > longest)
                longest = ks->keys[before].chars;
        }
    }
    for (size_t i = piece_from; i < ks->n; i++)
        ks->keys[i].longest = ks->keys[i].chars >= longest;
    for (size_t i = 1; i + 1 < np; i++) {
        add_key(ks, t, en[i], K_PREFIX, weight, tmp);
        add_key(ks, t + st[i], n - st[i], K_SUFFIX, weight, tmp);
    }
    size_t loose_from = ks->n;
    size_t lst[16], len_[16];
    size_t nl = pm_title_pieces(t, true, lst, len_, 16);
    for (size_t i = 0; nl > np && i + 1 < nl; i++)
        add_key(ks, t, len_[i], K_PREFIX, weight, tmp);
    for (size_t i = from; i < ks->n; i++) {
        tkey *k = &ks->keys[i];
        k->cover = (double)k->chars / whole;
        if (i >= loose_from && k->cover < 0.5)
            k->cover = 0;   /* too short a loose cut to trust */
    }
}

void pm_free_keys(tkeys *ks)
{
    for (size_t i = 0; i < ks->n; i++)
        free(ks->keys[i].norm);
    free(ks->keys);
}

/* The piece of a title string that is the title: "标题_栏目_网站" gives
 * 标题. The first piece, unless it is short and another is much longer
 * (the "网站 - 标题" order) or it is the site's name. */
char *pm_title_from_string(const char *t, const char *site)
{
    if (!t)
        return NULL;
    size_t starts[16], ends[16];
    size_t np = pm_title_pieces(t, false, starts, ends, 16);
    if (np == 0)
        return NULL;
    buf_t tmp, site_norm;
    buf_init(&tmp);
    buf_init(&site_norm);
    if (site)
        pm_norm_title(site, &site_norm);
    size_t best = 0;
    int best_chars = -1, first_chars = -1;
    for (size_t i = 0; i < np; i++) {
        char *piece = xstrndup(t + starts[i], ends[i] - starts[i]);
        int c = piece ? pm_norm_title(piece, &tmp) : 0;
        bool is_site = site && site_norm.len && tmp.len && strcmp(tmp.data, site_norm.data) == 0;
        free(piece);
        if (i == 0)
            first_chars = is_site ? 0 : c;
        if (!is_site && c > best_chars) {
            best_chars = c;
            best = i;
        }
    }
    buf_free(&tmp);
    buf_free(&site_norm);
    size_t pick = (first_chars >= 10 || first_chars * 3 > best_chars) ? 0 : best;
    return xstrndup(t + starts[pick], ends[pick] - starts[pick]);
}

/* ---- lines ---- */

const char *pm_line_text(const pm_page *p, size_t i)
{
    return p->text.data + p->lines[i].off;
}

/* The first date in line I that is not labelled as something else; its
 * label in *LABEL. */
bool pm_line_date(const pm_page *p, size_t i, long today, pm_date *d, int *label)
{
    const char *s = pm_line_text(p, i);
    size_t n = p->lines[i].len, from = 0;
    while (from < n && pm_date_scan(s, n, from, today, d)) {
        int l = pm_date_label(s, n, d);
        if (l >= 0) {
            *label = l;
            return true;
        }
        from = d->end;
    }
    return false;
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

bool pm_is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
    for (; n; n = n->parent)
        if (n == a)
            return true;
    return false;
}

xmlNodePtr pm_common_ancestor(xmlNodePtr a, xmlNodePtr b)
{
    if (!a || !b)
        return a ? a : b;
    for (xmlNodePtr x = a; x; x = x->parent)
        if (pm_is_ancestor(x, b))
            return x;
    return NULL;
}

/* ---- choosing the title ---- */


static double cand_bonus(const pm_page *p, const pm_cand *c, long today)
{
    double b = 0;
    if (c->flags & PM_C_H1) b += 3;
    else if (c->flags & PM_C_H2) b += 2;
    else if (c->flags & PM_C_H3) b += 1;
    if (c->flags & PM_C_CLASS) b += 2;
    if (c->flags & PM_C_BOLD) b += 1;
    if (c->flags & PM_C_LINK) b -= 4;
    if (c->flags & PM_C_LOGO) b -= 6;
    if (c->flags & PM_C_HEADER) b -= 3;
    /* A heading is a line of its own; the same words inside a longer line
     * are a breadcrumb or a list entry. */
    if (c->line_end > c->line_start) {
        int line_chars = 0;
        for (size_t i = c->line_start; i < c->line_end && i < p->n_lines; i++)
            line_chars += p->lines[i].chars;
        if (line_chars <= c->chars + 2)
            b += 2;
        else
            b -= 3;
    }
    for (size_t i = c->line_end; i < c->line_end + 3 && i < p->n_lines; i++)
        if (pm_info_like(p, i, today)) {
            b += 2;
            break;
        }
    return b;
}

static char *cand_text(const pm_cand *c)
{
    buf_t b;
    buf_init(&b);
    page_text(c->node, &b);
    char *s = b.len ? buf_detach(&b) : NULL;
    buf_free(&b);
    return s;
}

/* The element whose text a title string names, best first. */
void pm_match_title(pm_page *p, const tkeys *ks, const char *site, long today,
                        title_pick *best)
{
    buf_t norm, site_norm;
    buf_init(&norm);
    buf_init(&site_norm);
    if (site)
        pm_norm_title(site, &site_norm);
    for (size_t ci = 0; ci < p->n_cands; ci++) {
        pm_cand *c = &p->cands[ci];
        if (c->chars >= (int)sizeof p->want_len || !p->want_len[c->chars])
            continue;
        char *text = cand_text(c);
        if (!text)
            continue;
        pm_norm_title(text, &norm);
        if (site_norm.len && strcmp(norm.data, site_norm.data) == 0) {
            free(text);
            continue;
        }
        double m = -1;
        for (size_t i = 0; i < ks->n; i++) {
            const tkey *k = &ks->keys[i];
            if (k->chars != c->chars || strcmp(k->norm, norm.data) != 0)
                continue;
            double s;
            if (k->kind == K_FULL)
                s = 10;
            else if (k->cover <= 0 ||
                     (k->cover < 0.4 && !k->longest && !(k->first && k->cover >= 0.25)))
                continue;       /* a section or site name, not the title */
            else if (k->kind == K_PREFIX)
                s = 6 + 4 * k->cover;
            else if (k->kind == K_SUFFIX)
                s = 5 + 4 * k->cover;
            else
                s = 4 + 4 * k->cover;
            s += k->weight;
            if (s > m)
                m = s;
        }
        if (m < 0) {
            free(text);
            continue;
        }
        m += cand_bonus(p, c, today);
        bool better = !best->cand || m > best->score ||
                      (m == best->score && pm_is_ancestor(c->node, best->cand->node));
        if (better) {
            free(best->text);
            best->cand = c;
            best->text = text;
            best->score = m;
        } else {
            free(text);
        }
    }
    buf_free(&norm);
    buf_free(&site_norm);
}

/* With no title string to go by: the heading right above an info line. */
void pm_structural_title(pm_page *p, long today, title_pick *best)
{
    static const unsigned order[] = { PM_C_H1, PM_C_CLASS, PM_C_H2, PM_C_BOLD, PM_C_H3 };
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
        for (size_t ci = 0; ci < p->n_cands; ci++) {
            pm_cand *c = &p->cands[ci];
            if (!(c->flags & order[o]) || (c->flags & (PM_C_LINK | PM_C_LOGO | PM_C_HEADER)) ||
                c->chars < 5 || c->chars > 100 || c->line_end != c->line_start + 1)
                continue;
            if (p->lines[c->line_start].chars > c->chars + 2)
                continue;
            bool info = false;
            for (size_t i = c->line_end; i < c->line_end + 3 && i < p->n_lines; i++)
                if (pm_info_like(p, i, today)) {
                    info = true;
                    break;
                }
            if (!info)
                continue;
            /* Candidates come children first: keep the outermost of a
             * nest that shows the same text. */
            while (ci + 1 < p->n_cands && p->cands[ci + 1].chars == c->chars &&
                   pm_is_ancestor(p->cands[ci + 1].node, c->node) &&
                   !(p->cands[ci + 1].flags & (PM_C_LINK | PM_C_LOGO | PM_C_HEADER)))
                c = &p->cands[++ci];
            best->cand = c;
            best->text = cand_text(c);
            best->score = 1;
            return;
        }
    }
}

/* A <title> that names the site, not the article: the site's own name, a
 * greeting ("欢迎访问…"), or a word or two. */
bool pm_looks_like_site_name(const char *t, const char *site)
{
    buf_t a, b;
    buf_init(&a);
    buf_init(&b);
    int chars = pm_norm_title(t, &a);
    bool same = false;
    if (site) {
        pm_norm_title(site, &b);
        same = b.len && a.len && strcmp(a.data, b.data) == 0;
    }
    static const char *const words[] = { "欢迎", "访问", "首页", "门户", "主页", "Home", "home" };
    bool word = false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        word = word || (a.data && strstr(a.data, words[i]));
    /* Names of sites end so: "…新闻网", "…人民政府", "…官方网站". */
    static const char *const tails[] = { "网", "网站", "政府", "官网", "门户", "首页", "频道" };
    bool tail = false;
    for (size_t i = 0; i < sizeof tails / sizeof tails[0] && a.data; i++) {
        size_t n = strlen(tails[i]);
        tail = tail || (a.len >= n && strcmp(a.data + a.len - n, tails[i]) == 0);
    }
    buf_free(&a);
    buf_free(&b);
    return same || word || chars <= 6 || (tail && chars <= 16);
}

/* Which element on the page shows the title: the one whose text a title
 * string names, scored by how much of the string it is and by how it looks
 * (a heading of its own line, an info line under it); or, with no string to
 * go by, the heading right above an info line. */
#include "clean/meta/page_meta_int.h"
#include "clean/page.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <stdlib.h>
#include <string.h>

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
    page_text_heading(c->node, &b);
    char *s = b.len ? buf_detach(&b) : NULL;
    buf_free(&b);
    return s;
}

/* A heading may open with a badge set apart in an element of its own
 * (<span>原创</span>, 独家, 置顶, "New") before the title's words. */
#define BADGE_CHARS 4

static xmlNodePtr cand_badge(const pm_cand *c, int *chars)
{
    if (!(c->flags & (PM_C_H1 | PM_C_H2 | PM_C_H3 | PM_C_CLASS)))
        return NULL;
    for (xmlNodePtr k = c->node->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE && k->content &&
            k->content[strspn((const char *)k->content, " \t\r\n")])
            return NULL;   /* the words come first */
        if (k->type != XML_ELEMENT_NODE)
            continue;
        static const char *const tags[] = { "span", "em", "i", "b", "strong", "label", "small", "sup", NULL };
        for (int i = 0; tags[i]; i++)
            if (xml_is(k, tags[i])) {
                *chars = pm_count_chars(k, BADGE_CHARS + 1);
                return *chars > 0 && *chars <= BADGE_CHARS ? k : NULL;
            }
        return NULL;
    }
    return NULL;
}

/* A page's own h1 that a whole title string opens with, up to a mark
 * ("雾屿岛四日｜在海风和灯塔之间慢下来,雾屿岛旅游攻略 - 马蜂窝"), is the
 * title even where a separator inside the headline cut the string
 * elsewhere: S plays a prefix key's part, or -1. */
#define H1_OPENS_TITLE_COVER 0.5

static double h1_opens_key(const tkey *k, const char *norm, int chars)
{
    size_t n = strlen(norm);
    if (k->kind != K_FULL || chars < 4 || (double)chars / k->chars < H1_OPENS_TITLE_COVER ||
        strncmp(k->norm, norm, n) != 0)
        return -1;
    unsigned char c = (unsigned char)k->norm[n];
    bool mark = (c && strchr(",;-|!?.([", c)) ||
                (c == 0xE3 && (unsigned char)k->norm[n + 1] == 0x80 &&
                 ((unsigned char)k->norm[n + 2] == 0x81 || (unsigned char)k->norm[n + 2] == 0x82));
    return mark ? 6 + 4.0 * chars / k->chars : -1;
}

/* How well the normalised text NORM of CHARS characters matches a title
 * key; below zero when it matches none. */
static double key_score(const tkeys *ks, const char *norm, int chars, bool own_h1)
{
    double m = -1;
    for (size_t i = 0; i < ks->n; i++) {
        const tkey *k = &ks->keys[i];
        if (k->cut && chars > k->chars && !strncmp(norm, k->norm, strlen(k->norm))) {
            double s = (k->kind == K_FULL ? 10 : 6 + 4 * k->cover) + k->weight;
            if (s > m)
                m = s;
            continue;
        }
        if (own_h1 && k->chars > chars) {
            double s = h1_opens_key(k, norm, chars);
            if (s >= 0 && s + k->weight > m)
                m = s + k->weight;
        }
        if (k->chars != chars || strcmp(k->norm, norm) != 0)
            continue;
        double s;
        if (k->kind == K_FULL)
            s = 10;
        else if (k->cover <= 0 ||
                 (k->cover < 0.4 && !k->longest &&
                  !(k->first && (k->cover >= 0.25 || own_h1))))
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
    return m;
}

/* The text of C that a title key names, its badge left off when only
 * that matches, for the caller to free; *SCORE how well. NULL for none. */
static char *cand_match(const pm_page *p, const pm_cand *c, const tkeys *ks, const buf_t *site_norm,
                        double *score)
{
    int badge_chars = 0;
    xmlNodePtr badge = cand_badge(c, &badge_chars);
    /* A page's own h1 showing the first part of its title string is the
     * title, however long the site's name after it ("金锺国 - 维基百科，
     * 自由的百科全书"). */
    bool own_h1 = (c->flags & PM_C_H1) && !(c->flags & (PM_C_LINK | PM_C_LOGO | PM_C_HEADER));
    bool want = own_h1 || (c->chars < (int)sizeof p->want_len && p->want_len[c->chars]);
    bool want_bare = badge && c->chars - badge_chars < (int)sizeof p->want_len &&
                     p->want_len[c->chars - badge_chars];
    if (!want && !want_bare)
        return NULL;
    char *text = cand_text(c);
    if (!text)
        return NULL;
    buf_t norm;
    buf_init(&norm);
    pm_norm_title(text, &norm);
    bool site = site_norm->len && !strcmp(norm.data, site_norm->data);
    *score = site || !want ? -1 : key_score(ks, norm.data, c->chars, own_h1);
    if (*score < 0 && want_bare && !site) {
        buf_t b;
        buf_init(&b);
        page_text_heading(badge, &b);
        size_t skip = b.len && !strncmp(text, b.data, b.len) ? b.len : 0;
        buf_free(&b);
        if (skip) {
            skip += strspn(text + skip, " ");
            pm_norm_title(text + skip, &norm);
            *score = key_score(ks, norm.data, c->chars - badge_chars, own_h1);
        }
        if (*score >= 0)
            memmove(text, text + skip, strlen(text + skip) + 1);
    }
    buf_free(&norm);
    if (*score < 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* The element whose text a title string names, best first. */
void pm_match_title(pm_page *p, const tkeys *ks, const char *site, long today,
                        title_pick *best)
{
    buf_t site_norm;
    buf_init(&site_norm);
    if (site)
        pm_norm_title(site, &site_norm);
    for (size_t ci = 0; ci < p->n_cands; ci++) {
        pm_cand *c = &p->cands[ci];
        double m;
        char *text = cand_match(p, c, ks, &site_norm, &m);
        if (!text)
            continue;
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
    buf_free(&site_norm);
}

/* With no title string to go by: the heading right above an info line. */
/* C may be a title: a heading of one line, not a link, a logo or the
 * page's header, and no date in it (which heads a comment or a list entry). */
static bool structural_candidate(const pm_page *p, const pm_cand *c, long today)
{
    return !(c->flags & (PM_C_LINK | PM_C_LOGO | PM_C_HEADER)) && c->chars >= 5 && c->chars <= 100 &&
           c->line_end == c->line_start + 1 && p->lines[c->line_start].chars <= c->chars + 2 &&
           !pm_info_like(p, c->line_start, today);
}

/* The page's one h1 fit to be a title, with a line of prose in the few
 * lines under it (a page with no info line); NULL when there are more. */
#define SOLE_H1_PROSE 30

static pm_cand *sole_h1(pm_page *p, long today)
{
    pm_cand *found = NULL;
    for (size_t ci = 0; ci < p->n_cands; ci++) {
        pm_cand *c = &p->cands[ci];
        if (!(c->flags & PM_C_H1))
            continue;
        /* a long title may be broken over lines (<br>) */
        if (found || (c->flags & (PM_C_LINK | PM_C_LOGO | PM_C_HEADER)) || c->chars < 5 || c->chars > 100 ||
            c->line_end > c->line_start + 3 || pm_info_like(p, c->line_start, today))
            return NULL;
        found = c;
    }
    if (!found)
        return NULL;
    for (size_t i = found->line_end; i < found->line_end + 4 && i < p->n_lines; i++)
        if (p->lines[i].chars >= SOLE_H1_PROSE)
            return found;
    return NULL;
}

/* Line I reads as prose: long, with a sentence's marks, not a link. */
static bool prose_line(const pm_page *p, size_t i)
{
    if (p->lines[i].chars < SOLE_H1_PROSE)
        return false;
    for (xmlNodePtr a = p->lines[i].owner; a && a->type == XML_ELEMENT_NODE; a = a->parent)
        if (xml_is(a, "a"))
            return false;
    const char *s = pm_line_text(p, i);
    size_t n = p->lines[i].len;
    static const char *const marks[] = { "，", "。", "、", ", ", ". ", NULL };
    for (size_t at = 0; at < n; at++)
        for (int k = 0; marks[k]; k++)
            if (n - at >= strlen(marks[k]) && !memcmp(s + at, marks[k], strlen(marks[k])))
                return true;
    return false;
}

/* C into BEST when its text is fit to be a title; whether it was. */
static bool pick_fit(const pm_page *p, pm_cand *c, title_pick *best)
{
    char *text = cand_text(c);
    if (!text || pm_not_title(p, text)) {
        free(text);
        return false;
    }
    best->cand = c;
    best->text = text;
    best->score = 1;
    return true;
}

/* With no info line under any heading: the first heading of its own line
 * (an h1, a box named as the title, an h2) that prose directly follows. */
static void heading_over_prose(pm_page *p, long today, title_pick *best)
{
    static const unsigned order[] = { PM_C_H1, PM_C_CLASS, PM_C_H2 };
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++)
        for (size_t ci = 0; ci < p->n_cands; ci++) {
            pm_cand *c = &p->cands[ci];
            if (!(c->flags & order[o]) || !structural_candidate(p, c, today))
                continue;
            size_t i = c->line_end;
            while (i < p->n_lines && i < c->line_end + 2 && !prose_line(p, i))
                i++;
            if (i >= p->n_lines || !prose_line(p, i))
                continue;
            if (pick_fit(p, c, best))
                return;
        }
}

void pm_heading_title(pm_page *p, long today, title_pick *best)
{
    pm_cand *h1 = sole_h1(p, today);
    if (h1)
        pick_fit(p, h1, best);
}

void pm_structural_title(pm_page *p, long today, title_pick *best)
{
    static const unsigned order[] = { PM_C_H1, PM_C_CLASS, PM_C_H2, PM_C_BOLD, PM_C_H3 };
    pm_cand *h1 = sole_h1(p, today);
    for (size_t o = 0; o < sizeof order / sizeof order[0]; o++) {
        for (size_t ci = 0; ci < p->n_cands; ci++) {
            pm_cand *c = &p->cands[ci];
            if (!(c->flags & order[o]) || (c != h1 && !structural_candidate(p, c, today)))
                continue;
            bool info = c == h1;
            for (size_t i = c->line_end; i < c->line_end + 3 && i < p->n_lines && !info; i++)
                info = pm_info_like(p, i, today);
            if (!info)
                continue;
            char *text = cand_text(c);
            const char *why = text ? pm_not_title(p, text) : "empty";
            if (why && p->explain)
                fprintf(p->explain, "meta: title \"%.*s\" rejected: %s\n", utf8_clip(text ? text : "", 80), text ? text : "", why);
            free(text);
            if (why)
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
    heading_over_prose(p, today, best);
}

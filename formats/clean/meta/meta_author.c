/* 作者, the author, strongest witness first: the info line under the
 * title, a labelled byline further down (meta_info_line.c), then the
 * DC.creator, author and JSON-LD author tags, unless the tag names the
 * site or the page's editor; never a value that is no author's name
 * (meta_reject.c). */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Is V the site's name rather than a person's ("网易" on every 163.com
 * page), or part of it? Also a bare number, as some CMSs put a user id
 * there. The reason, or NULL. */
static const char *names_site(const char *v, const pm_page *p)
{
    bool letter = false;
    for (const unsigned char *q = (const unsigned char *)v; *q; q++)
        if (*q >= 0x80 || (*q >= 'A' && *q <= 'Z') || (*q >= 'a' && *q <= 'z'))
            letter = true;
    if (!letter)
        return "no letters, a number";
    const char *site = p->meta[PM_M_SITENAME];
    if (site && (strcasecmp(site, v) == 0 || strstr(site, v)))
        return "part of the site's name";
    /* The last piece of the <title> names the site ("…_网易财经"); the
     * middle ones may name the author ("… - John C. Welch - Medium"). */
    const char *t = p->meta[PM_M_TITLE];
    size_t st[16], en[16];
    size_t np = t ? pm_title_pieces(t, false, st, en, 16) : 0, vl = strlen(v);
    for (size_t i = np - 1; np > 1 && i == np - 1; i++)
        for (size_t k = st[i]; k + vl <= en[i]; k++)
            if (memcmp(t + k, v, vl) == 0)
                return "part of the site's name (the last part of <title>)";
    return NULL;
}

/* Is V the page's editor? Some CMSs put the 编辑 (編輯) in the author tag,
 * and the page says so: "编辑：倪仕轩", or a meta editor tag with the same name.
 * The reason, or NULL. */
static const char *names_editor(const char *v, const pm_page *p)
{
    static const char *const why = "the page's editor (编辑), not its author";
    const char *ed = p->meta[PM_M_EDITOR];
    if (ed && (strcmp(ed, v) == 0 || strstr(v, ed) || strstr(ed, v)))
        return why;
    size_t vl = strlen(v);
    for (size_t i = 0; i < p->n_lines; i++) {
        const char *s = pm_line_text(p, i);
        for (const char *q = strstr(s, v); q; q = strstr(q + vl, v)) {
            /* 编辑 with its colon just before the name. */
            const char *b = q - (q - s > 12 ? 12 : q - s);
            for (const char *e = b; e + 6 <= q; e++)
                if (memcmp(e, "编辑", 6) == 0 || memcmp(e, "編輯", 6) == 0)
                    return why;
        }
    }
    return NULL;
}

/* Is V (found in FROM) no author? Told to --explain. */
static bool rejected(const pm_page *p, const char *v, const char *from, const char *why)
{
    if (why && p->explain)
        fprintf(p->explain, "meta: author \"%.*s\" (%s) rejected: %s\n", utf8_clip(v, 80), v, from, why);
    return why != NULL;
}

/* Whether W, the byline's last word, is an English month, shouted with
 * the name ("JULY") or cut short ("Jan."): "May" or "June" as written in
 * a name is a name. */
static bool is_month_word(const char *w)
{
    bool caps = true;
    for (const char *c = w; *c && *c != '.'; c++)
        caps &= *c >= 'A' && *c <= 'Z';
    if (!caps && !strchr(w, '.'))
        return false;
    const unsigned char *p = (const unsigned char *)w, *end = p + strlen(w);
    return pm_month_name(&p, end) && p == end;
}

/* Whether the author tag TAG is the byline BYLINE, as it stands or run on
 * into the month of the date beside it. */
static bool tag_names_byline(const char *tag, const char *byline)
{
    size_t n;
    if (!*tag || !utf8_starts_nocase(byline, tag, &n))
        return false;
    const char *rest = byline + n;
    return *rest == '\0' || (*rest == ' ' && is_month_word(rest + 1));
}

/* Chinese names that the byline listed with 、 or ， ("郑晨、李想") are
 * set apart by one space, as folio writes every list of Chinese names. In
 * place. */
static void join_han_names(char *v)
{
    static const char *const seps[] = { "、", "，", "," };
    bool han = false;
    for (const char *p = v; *p && !han; p++)
        han = (unsigned char)*p >= 0xE4 && (unsigned char)*p <= 0xE9;
    if (!han)
        return;
    char *out = v;
    for (const char *p = v; *p;) {
        size_t k = 0;
        for (size_t i = 0; !k && i < sizeof seps / sizeof seps[0]; i++)
            if (!strncmp(p, seps[i], strlen(seps[i])))
                k = strlen(seps[i]);
        if (k || *p == ' ') {
            p += k ? k : 1;
            if (out > v && out[-1] != ' ')
                *out++ = ' ';
            continue;
        }
        *out++ = *p++;
    }
    while (out > v && out[-1] == ' ')
        out--;
    *out = 0;
}

/* V is a person's name in Latin letters: two or three capitalised words
 * of letters alone ("Arjun Mehta"). */
static bool person_shaped(const char *v)
{
    int words = 0;
    for (const char *q = v; *q;) {
        if (!(*q >= 'A' && *q <= 'Z'))
            return false;
        words++;
        q++;
        while ((*q >= 'a' && *q <= 'z') || *q == '-' || *q == '\'')
            q++;
        if (*q == ' ')
            q++;
        else if (*q)
            return false;
    }
    return words >= 2 && words <= 3;
}

/* A personal site is named for its author: a tag naming the site is still
 * the author's when the name is a person's and the date line under the
 * title names it too ("February 18, 2024 · 4 min · Arjun Mehta"). */
static bool own_site_byline(const pm_page *p, const pm_info *f, const char *v)
{
    if (!f->has_date || f->date_in_prose || f->date_line >= p->n_lines || !person_shaped(v))
        return false;
    return strstr(pm_line_text(p, f->date_line), v) != NULL;
}

void pm_set_author(const pm_page *p, pm_info *f, article_meta *m)
{
    if (f->author && rejected(p, f->author, "the page's text", pm_not_author(p, f->author, m->publisher))) {
        free(f->author);
        f->author = NULL;
    }
    if (!f->author) {
        const int slots[] = { PM_M_DCCREATOR, PM_M_AUTHOR, PM_M_LD_AUTHOR };
        static const char *const names[] = { "DC.creator", "the author tag", "JSON-LD" };
        for (size_t i = 0; i < 3 && !f->author; i++) {
            const char *raw = p->meta[slots[i]];
            if (raw && (strncmp(raw, "By ", 3) == 0 || strncmp(raw, "by ", 3) == 0))
                raw += 3;
            char *v = pm_trimmed_copy(raw, 80);
            if (v)
                pm_strip_roles(v);
            bool own = v && own_site_byline(p, f, v);
            const char *why = !v || pm_is_anonymous(v) || own ? NULL : names_site(v, p);
            if (!why && v && !pm_is_anonymous(v))
                why = names_editor(v, p);
            if (!why && v && !pm_is_anonymous(v) && !own)
                why = pm_not_author(p, v, m->publisher);
            if (v && !pm_is_anonymous(v) && !rejected(p, v, names[i], why))
                f->author = v;
            else
                free(v);
        }
    }
    if (!f->author) {
        char *v = pm_markup_byline(p);
        if (v && !pm_is_anonymous(v) &&
            !rejected(p, v, "the marked-up byline", pm_not_author(p, v, m->publisher)))
            f->author = v;
        else
            free(v);
    }
    /* The byline may shout ("By JEFFREY GETTLEMAN", "By TOMÁS REYES"), and
     * run on into the date beside it ("JEFFREY GETTLEMAN JAN."); the tag or
     * the JSON-LD has the name as the site writes it elsewhere. */
    for (int k = 0; k < 2 && f->author; k++) {
        const char *tag = p->meta[k ? PM_M_LD_AUTHOR : PM_M_AUTHOR];
        if (tag && strlen(tag) <= 80 && tag_names_byline(tag, f->author)) {
            free(f->author);
            f->author = xstrdup(tag);
            break;
        }
    }
    /* A tag or a byline that runs on past the name into the agency's
     * ("JESSE M. HARLAN Associated Press"): the JSON-LD's name is the
     * person's, as the site writes it. */
    const char *ld = p->meta[PM_M_LD_AUTHOR];
    size_t used;
    if (f->author && ld && *ld && strlen(ld) <= 80 && !strchr(ld, ',') &&
        utf8_starts_nocase(f->author, ld, &used) && f->author[used] == ' ' && !pm_is_anonymous(ld) &&
        !names_site(ld, p) && !pm_not_author(p, ld, m->publisher)) {
        free(f->author);
        f->author = xstrdup(ld);
    }
    /* A byline read as its first name only, where the JSON-LD or the
     * author tag lists them all ("Stella Kim" of "Stella Kim, Jennifer
     * Jett"). */
    for (int k = 0; k < 2 && f->author; k++) {
        const char *all = p->meta[k ? PM_M_AUTHOR : PM_M_LD_AUTHOR];
        size_t n = strlen(f->author);
        if (all && strlen(all) <= 80 && strncmp(all, f->author, n) == 0 && strncmp(all + n, ", ", 2) == 0 &&
            !pm_is_anonymous(all) && !names_site(all, p) && !names_editor(all, p) &&
            !pm_not_author(p, all, m->publisher)) {
            free(f->author);
            f->author = xstrdup(all);
            break;
        }
    }
    if (f->author) {
        pm_tidy_author(p, m->publisher, &f->author);
        join_han_names(f->author);
    }
    article_meta_set(&m->creator, f->author);
}

/* The title: the on-page heading that a title string names (ArticleTitle,
 * og:title, the <title>…), else the piece of that string that is the
 * title, else, when the strings name only the site, the heading above the
 * info line; and, when the page gave nothing, its <title> as it stands. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"
#include "clean/page.h"
#include "util/xml_node.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* The strings the title may be named by, most trusted first. */
static const int title_slots[] = { PM_M_ARTICLETITLE, PM_M_DCTITLE, PM_M_OGTITLE,
                                   PM_M_TWTITLE, PM_M_HEADLINE, PM_M_TITLE };
static const int title_weight[] = { 1, 1, 1, 1, 1, 0 };
#define N_SLOTS (sizeof title_slots / sizeof title_slots[0])

static void want_key_lengths(pm_page *p, const tkeys *ks)
{
    for (size_t i = 0; i < ks->n; i++) {
        const tkey *k = &ks->keys[i];
        /* a cut string's heading is longer, up to three times */
        for (int len = k->chars; len < (int)sizeof p->want_len && len <= (k->cut ? 3 * k->chars : k->chars); len++)
            p->want_len[len] = 1;
    }
}

void pm_read_page(htmlDocPtr doc, pm_page *p, tkeys *ks)
{
    buf_t tmp;
    buf_init(&tmp);
    pm_read_head(doc, p);
    bool keyed[N_SLOTS] = { false };
    for (size_t i = 0; i < N_SLOTS; i++)
        if (p->meta[title_slots[i]]) {
            pm_title_keys(ks, p->meta[title_slots[i]], title_weight[i], &tmp);
            keyed[i] = true;
        }
    want_key_lengths(p, ks);
    /* Captures wrapped in other markup put <title> in the body, where the
     * walk finds it late: keep every short element until then. */
    p->want_any = ks->n == 0;
    pm_read_body(doc, p);
    if (!p->meta[PM_M_SITENAME] && p->meta[PM_M_APPNAME]) {
        p->meta[PM_M_SITENAME] = xstrdup(p->meta[PM_M_APPNAME]);
        p->site_from_app = true;
    }
    for (size_t i = 0; i < N_SLOTS; i++)
        if (p->meta[title_slots[i]] && !keyed[i])
            pm_title_keys(ks, p->meta[title_slots[i]], title_weight[i], &tmp);
    if (p->meta[PM_M_LD_HEADLINE])
        pm_title_keys(ks, p->meta[PM_M_LD_HEADLINE], 1, &tmp);
    want_key_lengths(p, ks);
    buf_free(&tmp);
}

static void explain_title(const pm_page *p, const char *t, const char *why)
{
    if (p->explain)
        fprintf(p->explain, "meta: title \"%.*s\" rejected: %s\n", utf8_clip(t, 80), t, why);
}

/* TP's element, unless its text is no title. */
static void check_pick(const pm_page *p, title_pick *tp)
{
    const char *why = tp->cand ? pm_not_title(p, tp->text ? tp->text : "") : NULL;
    if (!why)
        return;
    explain_title(p, tp->text ? tp->text : "", why);
    free(tp->text);
    *tp = (title_pick){ 0 };
}

/* The title a title string names, from the most trusted string on, unless
 * it is no title. */
static char *named_title(const pm_page *p, const char *site)
{
    static const int order[] = { PM_M_ARTICLETITLE, PM_M_DCTITLE, PM_M_OGTITLE, PM_M_TWTITLE,
                                 PM_M_HEADLINE, PM_M_LD_HEADLINE, PM_M_TITLE };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        char *named = pm_title_from_string(p->meta[order[i]], site);
        const char *why = named ? pm_not_title(p, named) : NULL;
        if (named && !why)
            return named;
        if (named)
            explain_title(p, named, why);
        free(named);
    }
    return NULL;
}

/* NAMED is a piece of the title string T other than its first: picked
 * as the longer of "印務局 - 澳門特別行政區公報", a guess that the page's
 * own heading betters. */
static bool later_piece(const char *t, const char *named)
{
    size_t st[16], en[16];
    size_t np = t ? pm_title_pieces(t, false, st, en, 16) : 0;
    return np > 1 && !(en[0] - st[0] == strlen(named) && !strncmp(t + st[0], named, en[0] - st[0]));
}

void pm_set_title(pm_page *p, const tkeys *ks, long today, article_meta *m, title_pick *tp,
                  bool *weak)
{
    const char *site = p->meta[PM_M_SITENAME];
    pm_match_title(p, ks, site, today, tp);
    check_pick(p, tp);
    /* The site's name shown on the page (its footer, the 落款) is what a
     * <title> of the site's name alone finds: no heading, no title. */
    if (tp->cand && !(tp->cand->flags & PM_C_H1) && pm_looks_like_site_name(tp->text, site) &&
        p->meta[PM_M_TITLE] && pm_looks_like_site_name(p->meta[PM_M_TITLE], site)) {
        explain_title(p, tp->text, "the site's name, as the <title> names only the site");
        free(tp->text);
        *tp = (title_pick){ 0 };
    }
    char *named = NULL;
    *weak = false;
    if (!tp->cand) {
        named = named_title(p, site);
        /* No element shows the named title. When the name is only the
         * site's, the heading above the info line is the title; failing
         * that the name stands, as a title the article may better. The
         * page's one h1 over its text betters a later piece of the
         * <title> that the page never shows. */
        if (!named || pm_looks_like_site_name(named, site)) {
            pm_structural_title(p, today, tp);
            check_pick(p, tp);
            *weak = !tp->cand;
        } else if (later_piece(p->meta[PM_M_TITLE], named)) {
            pm_heading_title(p, today, tp);
            if (tp->cand && p->explain)
                fprintf(p->explain, "title: \"%s\" from the page's one h1, for \"%s\" shows nowhere on the page\n",
                        tp->text, named);
        }
        if (!tp->cand && !named)
            named = pm_labelled_title(p);
    }
    article_meta_set(&m->title, tp->cand && tp->text ? tp->text : named);
    free(named);
}

void page_meta_title_fallback(htmlDocPtr doc, article_meta *m, page_meta_nodes *nodes)
{
    if (m->title && *m->title)
        return;
    if (nodes)
        nodes->title_weak = true;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root; n; ) {
        if (xml_is(n, "title")) {
            buf_t t;
            buf_init(&t);
            page_text(n, &t);
            if (t.len)
                article_meta_set(&m->title, t.data);
            buf_free(&t);
            return;
        }
        if (n->children && n->type == XML_ELEMENT_NODE)
            n = n->children;
        else {
            while (n && !n->next)
                n = n->parent;
            if (n)
                n = n->next;
        }
    }
}

/* The page's first <h1>, or NULL. */
static xmlNodePtr first_h1(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is(n, "h1"))
            return n;
        if (xml_is(n, "head") || xml_is(n, "a"))
            continue;
        xmlNodePtr h = first_h1(n->children);
        if (h)
            return h;
    }
    return NULL;
}

/* H opens with the piece of title string T of LEN bytes, then a colon or
 * a dash and more words: "Angedacht: Ein Grab, das leer bleibt" under a
 * <title> or og:title of "Angedacht". */
static bool heading_extends(const char *h, const char *t, size_t len)
{
    if (len < 2 || strncmp(h, t, len))
        return false;
    const char *r = h + len;
    while (*r == ' ')
        r++;
    static const char *const seps[] = { ":", "：", "–", "—", "-", "|", NULL };
    for (int i = 0; seps[i]; i++)
        if (!strncmp(r, seps[i], strlen(seps[i]))) {
            r += strlen(seps[i]);
            while (*r == ' ')
                r++;
            return utf8_length(r, strlen(r)) >= 3;
        }
    return false;
}

void page_meta_title_heading(htmlDocPtr doc, const pm_page *p, article_meta *m, page_meta_nodes *nodes)
{
    xmlNodePtr h1 = doc ? first_h1(xmlDocGetRootElement(doc)) : NULL;
    if (!h1 || !m->title)
        return;
    buf_t h;
    buf_init(&h);
    page_text_heading(h1, &h);
    bool extends = false;
    const int slots[] = { PM_M_OGTITLE, PM_M_TITLE };
    for (size_t k = 0; k < 2 && !extends && h.len && h.len <= 300; k++) {
        const char *t = p->meta[slots[k]];
        size_t st[16], en[16];
        size_t np = t ? pm_title_pieces(t, false, st, en, 16) : 0;
        for (size_t i = 0; i < np && !extends; i++)
            extends = heading_extends(h.data, t + st[i], en[i] - st[i]);
    }
    if (extends && strcmp(m->title, h.data)) {
        if (p->explain)
            fprintf(p->explain, "title: \"%s\" from the h1 that opens with the title string's \"%s\"\n", h.data, m->title);
        article_meta_set(&m->title, h.data);
    }
    if (extends && nodes)
        nodes->title_node = h1;
    buf_free(&h);
}

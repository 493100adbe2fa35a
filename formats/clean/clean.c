/* clean_page, stage by stage: the bytes decoded and parsed, the metadata
 * read, the site's rules applied, the article's blocks chosen, rebuilt and
 * written. */
#include "clean/clean.h"
#include "article/article.h"
#include "article/article_xml.h"
#include "charset/charset.h"
#include "clean/extract.h"
#include "clean/normalize/normalize.h"
#include "clean/page.h"
#include "clean/meta/page_meta.h"
#include "clean/rules/site_rules.h"
#include "util/media_type.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <libxml/uri.h>
#include <stdlib.h>
#include <string.h>

/* Markup at all within the first bytes: else the page is plain text. */
static bool clean_has_markup(const char *s, size_t len)
{
    size_t probe = len < 8192 ? len : 8192;
    for (size_t i = 0; i + 1 < probe; i++)
        if (s[i] == '<' && (s[i + 1] == '!' || s[i + 1] == '/' || (s[i + 1] | 0x20) >= 'a'))
            if ((s[i + 1] | 0x20) <= 'z' || s[i + 1] == '!' || s[i + 1] == '/')
                return true;
    return false;
}

static bool clean_body_has_text(xmlNodePtr article)
{
    for (xmlNodePtr c = article->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || xml_is(c, "h1"))
            continue;
        extract_counts k;
        extract_count(c, &k);
        if (k.chars > 0)
            return true;
        if (xml_is(c, "figure"))
            return true;
    }
    return false;
}

/* The rule file for the page: --site's, or its own host's. */
static const site_rules *clean_pick_rules(const clean_options *o, htmlDocPtr doc, const char *url)
{
    if (!o->rules)
        return NULL;
    buf_t host;
    buf_init(&host);
    const char *how = "--site";
    bool known = o->site ? site_rules_url_host(o->site, &host)
                         : site_rules_page_host(doc, url, &host, &how);
    const site_rules *r = known ? site_rules_for(o->rules, host.data) : NULL;
    if (o->explain) {
        if (!known)
            fprintf(o->explain, "rules: no host known for the page (no canonical URL, og:url, <base> or SiteDomain)\n");
        else if (!r)
            fprintf(o->explain, "rules: host %s (from %s): no rule file\n", host.data, how);
        else
            fprintf(o->explain, "rules: host %s (from %s): %s\n", host.data, how, r->path);
        site_rules_explain_notes(r, o->explain);
    }
    buf_free(&host);
    return r;
}

/* DATA decoded by the charset it declares (or the container's, or a guess)
 * and parsed, plain text as paragraphs. NULL with the cause in WHY when it
 * is neither an HTML page nor text; else the
 * charset used into *CHARSET and the address a browser noted when it saved
 * the page (or NULL) into *SAVED_FROM. What is lost in decoding is told on
 * the FIRST reading only. */
static htmlDocPtr clean_parse(const unsigned char *data, size_t len, const clean_options *o, bool first,
                              const char **charset, char **saved_from, buf_t *why)
{
    if (len == 0) {
        buf_puts(why, "empty input");
        return NULL;
    }
    if (len > (size_t)CLEAN_PAGE_MAX) {
        buf_printf(why, "too large for a page (%zu MB; folio reads at most %ld MB)", len >> 20,
                   CLEAN_PAGE_MAX >> 20);
        return NULL;
    }
    const char *kind = media_type_not_html(data, len);
    if (kind) {
        buf_printf(why, "not HTML (starts like %s)", kind);
        return NULL;
    }
    charset_how how;
    *charset = charset_sniff_declared(data, len, o->charset, &how);
    buf_t utf8;
    buf_init(&utf8);
    long bad = charset_to_utf8(data, len, *charset, &utf8);
    if (bad < 0) {
        buf_printf(why, "cannot decode charset %s", *charset);
        buf_free(&utf8);
        return NULL;
    }
    if (o->explain)
        fprintf(o->explain, "charset: %s (by %s), %ld undecodable sequences\n",
                *charset, charset_how_name(how), bad);
    if (bad > 0 && first)
        report_warning(o->report, o->path, "%ld byte sequence%s not valid %s, left out of the text", bad,
                       bad == 1 ? " is" : "s are", *charset);
    if (!clean_has_markup(utf8.data, utf8.len)) {
        if (!page_text_is_prose(utf8.data, utf8.len, bad)) {
            buf_puts(why, "neither HTML nor text");
            buf_free(&utf8);
            return NULL;
        }
        if (o->explain)
            fprintf(o->explain, "input: plain text, read as paragraphs\n");
        buf_t html;
        buf_init(&html);
        page_text_to_html(utf8.data, utf8.len, &html);
        buf_free(&utf8);
        utf8 = html;
    }
    htmlDocPtr doc = page_parse_utf8(utf8.data, utf8.len);
    *saved_from = page_meta_saved_from(utf8.data, utf8.len);
    buf_free(&utf8);
    long line = 0;
    size_t cut = doc ? page_cut_long_text(doc, ARTICLE_TEXT_MAX, &line) : 0;
    if (cut)
        report_warning(o->report, o->path, "a run of text longer than %d MB (line %ld)%s was cut to %d MB",
                       ARTICLE_TEXT_MAX / 1000000, line, cut > 1 ? " and others" : "",
                       ARTICLE_TEXT_MAX / 1000000);
    if (!doc || !xmlDocGetRootElement(doc)) {
        buf_puts(why, "not HTML (nothing to parse)");
        xmlFreeDoc(doc);
        free(*saved_from);
        *saved_from = NULL;
        return NULL;
    }
    return doc;
}

/* An image embedded as a data: URI must fit in one attribute value that
 * the readers take (ARTICLE_TEXT_MAX, base64 making 4 bytes of 3). */
#define CLEAN_IMAGE_MAX ((ARTICLE_TEXT_MAX - 100) / 4 * 3)

typedef struct {
    resource_fn fn;
    void *ctx;
    const clean_options *o;
} clean_resource;

/* Relative images and style sheets are found where the page was fetched
 * from, whatever address it gives itself. */
static clean_resource clean_page_resource(const clean_options *o)
{
    clean_resource r = { o->resource, o->resource_ctx, o };
    if (!r.fn && o->path) {
        r.fn = resource_beside;
        r.ctx = (void *)o->path;
    }
    return r;
}

/* A style sheet or a frame's document the page links to, found as its
 * images are: its address made absolute against the page's own, for
 * captures keyed by address. */
static bool clean_fetch(void *ctx, const char *src, const char *abs, buf_t *bytes, buf_t *type)
{
    clean_resource *r = ctx;
    (void)abs;
    xmlChar *full = r->o->url ? xmlBuildURI((const xmlChar *)src, (const xmlChar *)r->o->url) : NULL;
    bool found = r->fn(r->ctx, src, (const char *)full, bytes, type);
    xmlFree(full);
    return found;
}

static bool clean_resource_capped(void *ctx, const char *src, const char *abs, buf_t *bytes, buf_t *type)
{
    clean_resource *r = ctx;
    if (!r->fn(r->ctx, src, abs, bytes, type))
        return false;
    if (bytes->len <= CLEAN_IMAGE_MAX)
        return true;
    report_warning(r->o->report, r->o->path, "image %s is larger than %d MB; kept as its address",
                   src, CLEAN_IMAGE_MAX / 1000000);
    buf_reset(bytes);
    return false;
}

/* The blocks extract_choose kept (RES) rebuilt as the article and written
 * with META to OUT; CLEAN_FAILED with the cause in WHY when no text is left.
 * The page's tree *PAGE is freed as soon as the article is rebuilt: a page
 * of a huge table would otherwise be held three times over, as the page,
 * the article and its XHTML. */
static int clean_write_article(const extract_result *res, const page_meta_nodes *nodes,
                               const clean_options *o, const char *charset, const char *paywalled,
                               article_meta *meta, htmlDocPtr *page, buf_t *out, buf_t *why)
{
    clean_resource images = clean_page_resource(o);
    normalize_options no = { o->url ? o->url : meta->url, nodes, o->explain,
                             images.fn ? clean_resource_capped : NULL, &images };
    int status = CLEAN_OK;
    xmlDocPtr outdoc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr body = normalize_article(res, &no, outdoc, meta);
    nz_paywall_rest(body, paywalled, o->explain);
    xmlFreeDoc(*page);
    *page = NULL;
    buf_t past;
    buf_init(&past);
    if (!clean_body_has_text(body)) {
        buf_puts(why, "no article text found");
        status = CLEAN_FAILED;
    } else if (!article_xml_fits(body, 3, &past)) {
        /* html, body and article stand above the body's blocks */
        buf_printf(why, "the article would hold %s, more than its readers take", past.data);
        status = CLEAN_FAILED;
    } else {
        page_meta_lang_fallback(meta, body, charset);
        article_write_xhtml(meta, body, out);
        if (meta->next)
            report_warning(o->report, o->path, "the article continues on its next page, %s, "
                           "which this capture does not hold", meta->next);
    }
    buf_free(&past);
    xmlFreeDoc(outdoc);
    return status;
}

/* The page the article continues on, from the pager's links: told, since
 * the capture holds this page only. With no address for the page, the
 * name of its file stands for it. */
static void clean_find_next(const clean_options *o, const page_next_links *pager, article_meta *meta)
{
    const char *self = o->url ? o->url : meta->url;
    if (!self && o->path)
        self = strrchr(o->path, '/') ? strrchr(o->path, '/') + 1 : o->path;
    meta->next = self ? page_next_pick(pager, self) : NULL;
    if (meta->next && o->explain)
        fprintf(o->explain, "next page: %s; the article continues there\n", meta->next);
}

/* Whether the blocks the page hides hold its article, which a script
 * would show: without them no article is left, or a list of links, or one
 * far smaller than they are, in text or in the sentences it holds (a
 * "loading" line standing in for the body). A hidden copy for printing
 * holds no more sentences than the article shown. */
#define HIDDEN_BODY_PUNCT 5

static bool clean_hidden_body(const extract_prune_stats *hidden, const extract_result *res)
{
    if (hidden->hidden_chars == 0)
        return false;
    bool prose = hidden->hidden_punct >= HIDDEN_BODY_PUNCT;
    if (res->not_article)
        return !res->list_page || prose;
    return res->whole_body || res->chars * 3 < hidden->hidden_chars ||
           (prose && res->punct * 3 < hidden->hidden_punct);
}

/* One reading of the page: hidden blocks dropped or kept. *RETRY is set
 * when dropping them left no article, or one far smaller than what was
 * hidden (a body that a script reveals), and nothing is written. */
static int clean_page_pass(const unsigned char *data, size_t len, const clean_options *o,
                           bool drop_hidden, bool *retry, buf_t *out, buf_t *why)
{
    const char *charset = NULL;
    char *saved_from = NULL;
    htmlDocPtr doc = clean_parse(data, len, o, drop_hidden, &charset, &saved_from, why);
    if (!doc)
        return CLEAN_FAILED;
    extract_prune_stats hidden;
    clean_resource sheets = clean_page_resource(o);
    int frames = page_inline_frames(doc, sheets.fn ? clean_fetch : NULL, &sheets);
    if (o->explain && frames)
        fprintf(o->explain, "frames: %d frame documents the capture holds set in their frames' place\n", frames);
    /* a script's copy of the article is hidden content: read only when
     * the page shows no article without it */
    int copies = drop_hidden ? 0 : page_inline_script_copies(doc);
    if (o->explain && copies)
        fprintf(o->explain, "script copies: %d text areas, hidden fields or script strings held "
                            "an article's markup, set in their place\n", copies);
    page_next_links pager;
    page_next_collect(doc, &pager);
    extract_prune(doc, drop_hidden, sheets.fn ? clean_fetch : NULL, &sheets, &hidden);
    extract_drop_skipped(doc, o->explain);
    if (o->explain && hidden.hidden)
        fprintf(o->explain, "hidden: %d blocks the page hides dropped (%d characters), %d of them by its style sheet\n",
                hidden.hidden, hidden.hidden_chars, hidden.hidden_by_sheet);
    if (o->explain && hidden.players)
        fprintf(o->explain, "players: %d media players dropped with their controls\n", hidden.players);
    if (o->explain && hidden.opened)
        fprintf(o->explain, "toggles: %d panels a toggle folds away opened, read as text\n", hidden.opened);
    if (o->explain && hidden.panes)
        fprintf(o->explain, "tabs: %d panes the page does not show read, parts of the text and no copy of "
                            "the pane it shows\n", hidden.panes);
    if (o->explain && hidden.folded)
        fprintf(o->explain, "folds: %d blocks the style sheet folds until the reader opens them read\n",
                hidden.folded);
    if (o->explain && hidden.forms)
        fprintf(o->explain, "forms: %d entry fields dropped with their prompts\n", hidden.forms);

    article_meta meta;
    memset(&meta, 0, sizeof meta);
    page_meta_nodes nodes;
    memset(&nodes, 0, sizeof nodes);
    page_meta_extract(doc, &meta, &nodes, o->now, o->explain);
    buf_t paywalled;
    buf_init(&paywalled);
    page_paywalled_text(doc, &paywalled);
    extract_drop_json_ld(doc->children);
    if (!meta.url && saved_from)
        article_meta_set(&meta.url, saved_from);
    if (!meta.url && o->url)
        article_meta_set(&meta.url, o->url);
    free(saved_from);
    clean_find_next(o, &pager, &meta);
    page_next_free(&pager);
    /* In FiveFilters' order: metadata before strip: can remove it, the
     * body after. */
    const site_rules *rules = clean_pick_rules(o, doc, meta.url);
    if (rules) {
        site_rules_meta(rules, doc, &meta, &nodes, o->now, o->explain);
        site_rules_strip(rules, doc, &nodes, o->explain);
    }
    page_meta_title_fallback(doc, &meta, &nodes);

    extract_result res;
    if (!rules || !site_rules_body(rules, doc, &res, o->explain))
        extract_choose(doc, &nodes, &res, o->explain);
    int status;
    if (clean_hidden_body(&hidden, &res)) {
        *retry = true;
        status = CLEAN_FAILED;
    } else if (res.not_article) {
        buf_puts(why, res.not_article);
        status = res.list_page ? CLEAN_NOT_ARTICLE : CLEAN_FAILED;
    } else {
        status = clean_write_article(&res, &nodes, o, charset, paywalled.data, &meta, &doc, out, why);
    }
    buf_free(&paywalled);
    article_meta_free(&meta);
    xmlFreeDoc(doc);
    return status;
}

int clean_page(const unsigned char *data, size_t len, const clean_options *o,
               buf_t *out, buf_t *why)
{
    bool retry = false;
    int status = clean_page_pass(data, len, o, true, &retry, out, why);
    if (retry) {
        if (o->explain)
            fprintf(o->explain, "hidden: without the hidden blocks no article is left, or one far "
                                "smaller than they are; reading the page with them\n");
        status = clean_page_pass(data, len, o, false, &retry, out, why);
    }
    /* every refusal names its cause */
    if (status != CLEAN_OK && !why->len)
        buf_puts(why, "no article text found");
    return status;
}

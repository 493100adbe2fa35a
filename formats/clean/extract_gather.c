/* The siblings of the chosen block that belong to the article too: those
 * scoring near it, paragraphs set in boxes of their own beside it, a lede
 * boxed right before it, the attachments after it; never a copy of it. */
#include "clean/extract_int.h"
#include "clean/meta/page_meta.h"
#include "util/media_type.h"
#include "util/shingle.h"
#include "util/zh_doc.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

static bool has_double_dash(const char *w, size_t len)
{
    for (size_t i = 0; i + 1 < len; i++)
        if (w[i] == '-' && w[i + 1] == '-')
            return true;
    return false;
}

/* A class that says which pane is shown now ("active", "show", "in"), or
 * a script's hook ("js-product-details"): the pane's state, not its kind. */
static bool state_class(const char *w, size_t len)
{
    static const char *const states[] = { "active", "show", "in", "fade", "open", "current", "selected",
                                          "is-active", "is-selected", "is-open", "visible", NULL };
    for (int i = 0; states[i]; i++)
        if (strlen(states[i]) == len && !strncasecmp(w, states[i], len))
            return true;
    return len > 3 && !strncmp(w, "js-", 3);
}

/* Every class of A but its modifiers ("panel--description", a BEM
 * modifier naming which one of a kind it is) and its state is one of B's. */
static bool ex_classes_within(const char *a, const char *b)
{
    size_t len;
    int n = 0;
    for (const char *p = a, *w; (w = xml_class_next(&p, &len));) {
        if ((len >= 2 && has_double_dash(w, len)) || state_class(w, len))
            continue;
        if (!xml_class_has_n(b, w, len))
            return false;
        n++;
    }
    return n > 0;
}

/* N is a tab's pane: so its role says, or a class of its ("tabs-panel",
 * "wc-tab", "tab-pane"; not "table"). */
static bool ex_tab_pane(xmlNodePtr n, const char *cls)
{
    const char *role = xml_attr_ref(n, "role");
    if (role && !strcmp(role, "tabpanel"))
        return true;
    size_t len;
    for (const char *p = cls, *w; (w = xml_class_next(&p, &len));)
        for (size_t i = 0; i + 3 <= len; i++)
            if ((i == 0 || w[i - 1] == '-' || w[i - 1] == '_') && !strncasecmp(w + i, "tab", 3) &&
                (i + 3 == len || !isalpha((unsigned char)w[i + 3]) || (w[i + 3] | 0x20) == 's'))
                return true;
    return false;
}

/* A and B have one class list, or, two panes of a set of tabs, one but
 * for their modifiers ("panel panel--description", "panel
 * panel--additional_information"). Short lists only: a class list of
 * thousands of names is no tab's. */
#define EX_MODIFIED_CLASSES 16

static bool ex_same_class(xmlNodePtr a, xmlNodePtr b)
{
    const char *ca = xml_attr_ref(a, "class"), *cb = xml_attr_ref(b, "class");
    if (!ca || !cb || !*ca)
        return false;
    if (!strcmp(ca, cb))
        return true;
    size_t len;
    int names = 0;
    for (const char *p = ca; xml_class_next(&p, &len) && names <= EX_MODIFIED_CLASSES;)
        names++;
    return names <= EX_MODIFIED_CLASSES && ex_tab_pane(a, ca) && ex_tab_pane(b, cb) && ex_classes_within(ca, cb) &&
           ex_classes_within(cb, ca);
}

static bool ex_picture_before(xmlNodePtr s, xmlNodePtr top);

/* A lede set in a box of its own right before the text (核心提示：……,
 * 导语：……), or before the picture boxed right before it: no blocks
 * inside, no links, sentences of its own. */
static bool ex_lede_before(xmlNodePtr s, xmlNodePtr top)
{
    xmlNodePtr next = xml_next_element(s);
    const ex_stat *st = ex_stat_of(s);
    if (!next || (next != top && !ex_picture_before(next, top)))
        return false;
    if (!st->is_block || st->has_block || st->all.link_chars || st->all.punct < 2 || st->all.chars < 30)
        return false;
    /* sentences, not an info line's labels (日期：… 来源：…) */
    xmlChar *text = xmlNodeGetContent(s);
    bool stops = text && ex_has_stop((const char *)text);
    xmlFree(text);
    return stops;
}

/* A picture with its caption set in a box right before the text: a
 * picture, a line of words under it (none of them a link, but a credit's
 * in the caption) and no more.
 * A picture alone may be an advertisement's, and one that links to a page
 * a teaser's (an aside's promotion). */
#define EX_PICTURE_CAPTION_MIN 8
#define EX_PICTURE_CAPTION_MAX 200

/* S stands after the TITLE node: a box between the title and the text,
 * not a column of the site's forms set before both. */
static bool ex_after_title(xmlNodePtr s, xmlNodePtr title)
{
    return title && ex_stat_of(title) && ex_stat_of(title)->order < ex_stat_of(s)->order;
}

/* N holds a link to something other than a picture's file. */
static bool ex_links_to_a_page(xmlNodePtr n)
{
    for (n = n->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *href = xml_is(n, "a") ? xml_attr_ref(n, "href") : NULL;
        /* a caption's credit links its agency, not a story */
        if ((href && *href && !media_type_image_by_name(href)) || (!xml_is(n, "figcaption") && ex_links_to_a_page(n)))
            return true;
    }
    return false;
}

/* Every link below S stands in a figure's caption: a credit's, a
 * licence's ("Purchase Licensing Rights"), not a teaser's headline. */
static bool ex_links_in_caption(xmlNodePtr s)
{
    for (xmlNodePtr d = s->children; d; d = xml_next_in_order(d, s)) {
        if (d->type != XML_ELEMENT_NODE || !xml_is(d, "a"))
            continue;
        bool captioned = false;
        for (xmlNodePtr a = d->parent; a && a != s->parent && !captioned; a = a->parent)
            captioned = xml_is(a, "figcaption");
        if (!captioned)
            return false;
    }
    return true;
}

static bool ex_picture_before(xmlNodePtr s, xmlNodePtr top)
{
    const ex_stat *st = ex_stat_of(s);
    int words = st->all.chars - st->all.link_chars;
    if (xml_next_element(s) != top || words < EX_PICTURE_CAPTION_MIN || words > EX_PICTURE_CAPTION_MAX ||
        (st->all.link_chars && (st->all.link_chars * 2 > words || !ex_links_in_caption(s))))
        return false;
    static const char *const pictures[] = { "img", "picture", NULL };
    return !xml_is(s, "aside") && xml_find_any(s, pictures) && !ex_links_to_a_page(s);
}

/* A paragraph a template set in a heading's tag: the lead under the title
 * ("news-detail__spot"), sentences and more of them than a heading holds. */
#define EX_HEADING_PROSE 80

static bool ex_prose_heading(xmlNodePtr s)
{
    static const char *const tags[] = { "h2", "h3", "h4", "h5", "h6", NULL };
    const ex_stat *st = ex_stat_of(s);
    if (!xml_is_any(s, tags) || !st || st->all.link_chars || st->all.chars < EX_HEADING_PROSE)
        return false;
    xmlChar *t = xmlNodeGetContent(s);
    const char *p = t ? (const char *)t : "";
    size_t n = strlen(p);
    while (n && strchr(" \t\r\n\"'", p[n - 1]))
        n--;
    /* and its last sentence ends too, as a heading's words do not; a
     * question asked is a FAQ's heading */
    bool ends = (n && strchr(".!", p[n - 1])) ||
                (n >= 3 && (!memcmp(p + n - 3, "。", 3) || !memcmp(p + n - 3, "！", 3)));
    bool prose = ends && ex_has_stop(p);
    xmlFree(t);
    return prose;
}

/* The paragraph a sibling is: a <p>, or a <p> wrapped alone in boxes with
 * no text of their own (a CMS that sets each paragraph in a numbered box),
 * or a paragraph set as a heading. */
static xmlNodePtr ex_wrapped_paragraph(xmlNodePtr s)
{
    if (s && ex_prose_heading(s))
        return s;
    while (s && !xml_is(s, "p")) {
        if (!xml_is(s, "div") && !xml_is(s, "section"))
            return NULL;
        xmlNodePtr only = NULL;
        for (xmlNodePtr c = s->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && !xmlIsBlankNode(c))
                return NULL;
            if (c->type != XML_ELEMENT_NODE)
                continue;
            if (only)
                return NULL;
            only = c;
        }
        s = only;
    }
    return s;
}

/* A sibling that says again what TOP says, and nothing else: a copy a
 * sheet the capture lacks would hide (a print copy, a script's source),
 * not more text. A section that repeats a few sentences is no copy. */
#define EX_COPY_SHARE 0.9
#define EX_COPY_SIZE 0.8

static bool ex_copy_of(xmlNodePtr s, xmlChar **top_text, xmlNodePtr top)
{
    if (ex_stat_of(s)->all.chars < ex_stat_of(top)->all.chars * EX_COPY_SIZE)
        return false;
    if (!*top_text)
        *top_text = xmlNodeGetContent(top);
    xmlChar *text = xmlNodeGetContent(s);
    bool copy = text && *top_text && shingle_share((const char *)text, (const char *)*top_text) >= EX_COPY_SHARE &&
                shingle_share((const char *)*top_text, (const char *)text) >= EX_COPY_SHARE;
    xmlFree(text);
    return copy;
}

/* A 落款 set in a box of its own after the text: the issuer's name and
 * the date it ends with (2024年5月16日), one only (SIGNED_OFF: one came),
 * or the note of how the document is made public (（此件主动公开）);
 * short, no link, no sentence. */
#define EX_SIGNATURE_CHARS 80

/* S, a 落款 joined, ends with its date (not only the note of how it is
 * made public). */
static bool ex_signed(xmlNodePtr s)
{
    xmlChar *raw = xmlNodeGetContent(s);
    const char *t = raw ? (const char *)raw : "";
    size_t n = strlen(t);
    while (n && strchr(" \t\r\n", t[n - 1]))
        n--;
    bool dated = n >= 3 && !strncmp(t + n - 3, "日", 3);
    xmlFree(raw);
    return dated;
}

static bool ex_signature_after(xmlNodePtr s, bool signed_off)
{
    const ex_stat *st = ex_stat_of(s);
    if (!st || st->all.link_chars || !st->all.chars || st->all.chars > EX_SIGNATURE_CHARS)
        return false;
    xmlChar *raw = xmlNodeGetContent(s);
    const char *t = raw ? (const char *)raw : "";
    size_t n = strlen(t);
    while (n && strchr(" \t\r\n", t[n - 1]))
        n--;
    /* a label before the date says what the date is of (最后更新：, 发布时间：)
     * and a weekday the reader's day: the page's, not the document's */
    char day[11];
    bool dated = n >= 3 && !strncmp(t + n - 3, "日", 3) && strstr(t, "年") && !strstr(t, "。") &&
                 !strstr(t, "：") && !strchr(t, ':') && !strstr(t, "星期") && !strstr(t, "今天") &&
                 page_meta_find_date(t, day, 0);
    bool sign = (dated && !signed_off) || zh_doc_is_release_note(t);
    xmlFree(raw);
    return sign;
}

/* Siblings that score well enough, or read like paragraphs of the same
 * text, belong to the article too. */
/* A sentence ends in TEXT: 。！？, or . ! ? before a space or the end,
 * not a dotted abbreviation's last dot ("4:11 a.m.", "U.S."). */
bool ex_ends_sentence(const char *text)
{
    for (const char *p = text; *p; p++) {
        if (!strncmp(p, "。", 3) || !strncmp(p, "！", 3) || !strncmp(p, "？", 3))
            return true;
        if (strchr(".!?", *p) && (p[1] == ' ' || p[1] == '\n' || !p[1]) && !(p - text >= 2 && p[-2] == '.'))
            return true;
    }
    return false;
}

/* N holds a paragraph of prose outside the TITLE: a block of no blocks
 * with EX_TITLE_BOX_PROSE characters outside links and a sentence's end. */
#define EX_TITLE_BOX_PROSE 40

static bool holds_prose_besides(xmlNodePtr n, xmlNodePtr title)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || c == title)
            continue;
        const ex_stat *s = ex_stat_of(c);
        if (!s)
            continue;
        if (s->has_block) {
            if (holds_prose_besides(c, title))
                return true;
        } else if (s->is_block && s->all.chars - s->all.link_chars >= EX_TITLE_BOX_PROSE) {
            xmlChar *text = xmlNodeGetContent(c);
            bool prose = text && ex_ends_sentence((const char *)text);
            xmlFree(text);
            if (prose)
                return true;
        }
    }
    return false;
}

/* S is the box of the TITLE above TOP, and holds no prose besides it:
 * what else it holds is the headline's company (a standfirst, a byline,
 * the time), which scores on its dates' commas and its place by the
 * title. A lede set under the title there is prose, and comes. */
static bool ex_title_box(xmlNodePtr s, xmlNodePtr top, xmlNodePtr title)
{
    if (!title || ex_stat_of(s)->order > ex_stat_of(top)->order || !xml_is_ancestor(s, title))
        return false;
    return !holds_prose_besides(s, title);
}

/* A box between two kept parts of the text, a list of sentences and no
 * link, is the text's too, however little it scores on its own (a
 * standfirst's points under their label, between the editor's note and
 * the text). */
#define BETWEEN_CHARS_MIN 40

static int ex_sentence_stops(const char *t)
{
    int stops = 0;
    for (const char *p = t; *p; p++)
        stops += !strncmp(p, "。", 3) || !strncmp(p, "！", 3) || !strncmp(p, "？", 3) ||
                 ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || !p[1]));
    return stops;
}

/* A list of sentences, two at least, and nothing a reader acts on or
 * looks at: the text's points. A notice between the parts (a prompt to
 * scan a code, a poll, a cookie or a paywall notice, "loading comments")
 * is a line or two, not a list, or has a picture, a control or a link,
 * or opens with a furniture's word. */
static bool ex_between_kept(xmlNodePtr s)
{
    static const char *const acted[] = { "img", "picture", "svg", "input", "button", "select", "textarea",
                                         "form", "iframe", "video", "audio", "canvas", NULL };
    static const char *const lists[] = { "ul", "ol", NULL };
    ex_stat *st = ex_stat_of(s);
    xmlNodePtr list = xml_is_any(s, lists) ? s : xml_find_any(s, lists);
    int items = 0;
    for (xmlNodePtr li = list ? list->children : NULL; li; li = li->next)
        items += xml_is(li, "li");
    if (!st || st->unlikely || st->all.link_chars || st->all.chars < BETWEEN_CHARS_MIN || st->in_record ||
        items < 2 || ex_made_of_records(s) || xml_find_any(s, acted))
        return false;
    xmlChar *t = xmlNodeGetContent(s);
    bool prose = t && ex_ends_sentence((const char *)t) && ex_sentence_stops((const char *)t) >= 2 &&
                 !furniture_text_rule((const char *)t) && !furniture_line_start_rule((const char *)t);
    xmlFree(t);
    return prose;
}

static void ex_fill_between(extract_result *r, xmlNodePtr top, xmlChar **top_text)
{
    for (int i = 0; i + 1 < r->n_nodes && r->n_nodes < EXTRACT_MAX_NODES; i++) {
        xmlNodePtr a = r->nodes[i], b = r->nodes[i + 1];
        if (a->parent != b->parent)
            continue;
        for (xmlNodePtr s = a->next; s && s != b && r->n_nodes < EXTRACT_MAX_NODES; s = s->next) {
            if (s->type != XML_ELEMENT_NODE || !ex_between_kept(s) || ex_copy_of(s, top_text, top))
                continue;
            memmove(&r->nodes[i + 2], &r->nodes[i + 1], sizeof r->nodes[0] * (size_t)(r->n_nodes - i - 1));
            memmove(&r->why[i + 2], &r->why[i + 1], sizeof r->why[0] * (size_t)(r->n_nodes - i - 1));
            r->nodes[i + 1] = s;
            r->why[i + 1] = "a list of sentences without links between two kept parts of the text";
            r->n_nodes++;
            i++;
        }
    }
}

/* A box of the best block's kind holding a table of facts scores on no
 * sentence, yet is a part of the same text. */
#define SAME_KIND_DATA_CHARS 20

void ex_gather(xmlNodePtr top, const char *top_why, xmlNodePtr title, extract_result *r, FILE *explain)
{
    double topf = ex_final(top);
    double threshold = topf * 0.2 > 10 ? topf * 0.2 : 10;
    bool seen_top = false, prev_kept = false, signed_off = false;
    xmlChar *top_text = NULL;
    for (xmlNodePtr s = top->parent ? top->parent->children : top; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || r->n_nodes >= EXTRACT_MAX_NODES)
            continue;
        const char *why = s == top ? top_why : NULL;
        seen_top |= s == top;
        ex_stat *st = ex_stat_of(s);
        /* comments beside a post are no part of it */
        bool thread = st && ex_made_of_short_records(s) && !ex_made_of_records(top);
        if (!why && st && !st->unlikely && !thread && !ex_is_other_entry(s, top)) {
            /* list items and records share a class by being alike, not by
             * being parts of one text */
            bool alike = xml_is(s, "li") || st->in_record || ex_stat_of(top)->in_record;
            double bonus = !alike && ex_same_class(s, top) ? topf * 0.2 : 0;
            /* a sibling of another class comes for its text, not its name:
             * a box of teasers named like an article scores on the name */
            double named = st->class_weight > 0 ? st->class_weight * st->near_title * (1 - ex_link_density(&st->all)) : 0;
            double own = bonus ? ex_final(s) : ex_final(s) - named;
            if (st->candidate && own + bonus >= threshold && !ex_title_box(s, top, title))
                why = bonus ? "a sibling of the same class scoring within reach of the best"
                            : "a sibling scoring at least a fifth of the best";
            else if (!alike && ex_same_class(s, top) && st->all.chars >= SAME_KIND_DATA_CHARS &&
                     !st->all.link_chars && (xml_find(s, "table") || xml_find(s, "dl")))
                why = "a sibling of the same kind holding a table of data (a tab of a product's details)";
            else if (ex_wrapped_paragraph(s)) {
                /* a boxed paragraph with a link is as often a notice
                 * (report an error, subscribe) as a paragraph, and a boxed
                 * sentence after the text a blurb (about the paper) */
                double ld = ex_link_density(&st->all), most = xml_is(s, "p") ? 0.25 : 0.01;
                if (st->all.chars > 80 && ld < most)
                    why = "a sibling paragraph of prose";
                else if ((xml_is(s, "p") || !seen_top) && st->all.chars > 0 && ld == 0 && st->all.punct > 0)
                    why = "a sibling sentence without links";
                else if (ex_picture_before(s, top))
                    why = "the picture and its caption in a box of their own, right before the text";
                else if (seen_top && prev_kept && furniture_links_all_documents(s))
                    why = "the attachments after the text: links to documents only";
            } else if (ex_lede_before(s, top)) {
                why = "the lede in a box of its own, right before the text";
            } else if (ex_picture_before(s, top)) {
                why = "the picture and its caption in a box of their own, right before the text";
            } else if ((seen_top || (xml_next_element(s) == top && ex_after_title(s, title))) &&
                       furniture_links_all_documents(s)) {
                why = seen_top ? "the attachments after the text: links to documents only"
                               : "the attachments right before the text: links to documents only";
            } else if (seen_top && prev_kept && ex_signature_after(s, signed_off)) {
                why = "the 落款 right after the text: the issuer and the date, or how it is made public";
            }
        }
        if (why && s != top && ex_copy_of(s, &top_text, top)) {
            if (explain) {
                xmlChar *p = xmlGetNodePath(s);
                fprintf(explain, "dropped %s: a copy of the kept text beside it\n", p ? (char *)p : "?");
                xmlFree(p);
            }
            why = NULL;
        }
        if (why) {
            r->why[r->n_nodes] = why;
            r->nodes[r->n_nodes++] = s;
        }
        if (s->type == XML_ELEMENT_NODE)
            prev_kept = why != NULL;
        /* one 落款: a date line after it is the page's */
        signed_off |= why && s != top && ex_signed(s);
        if (!top->parent)
            break;
    }
    ex_fill_between(r, top, &top_text);
    xmlFree(top_text);
}

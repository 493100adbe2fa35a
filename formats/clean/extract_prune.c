/* Taking out of a parsed page what never holds article text: scripts,
 * styles, form controls, comments, and what the page hides from its
 * reader. */
#include "clean/extract_int.h"
#include "clean/page.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The class T (LEN bytes) is NAME, alone or last in a generated name
 * ("ssrcss-1f39n02-VisuallyHidden"). */
static bool ex_names_class(const char *t, size_t len, const char *name)
{
    size_t k = strlen(name);
    /* "not-sr-only" (focus:not-sr-only) shows what sr-only hid */
    bool undone = len >= k + 4 && !strncasecmp(t + len - k - 4, "not-", 4);
    return (len == k && !strncasecmp(t, name, len)) ||
           (len > k + 1 && (t[len - k - 1] == '-' || t[len - k - 1] == '_') && !strncasecmp(t + len - k, name, k) &&
            !undone);
}

/* Words set for screen readers only, by the class every framework gives
 * them ("Image caption, ", "Published", "opens in a new window"): no
 * reader of the page sees them. */
static bool ex_for_screen_readers(xmlNodePtr n)
{
    static const char *const names[] = { "sr-only", "visually-hidden", "visuallyhidden",
                                         "screen-reader-text", "screen-reader-only", "element-invisible",
                                         NULL };
    /* names that also mean a state a script sets on a block as the page
     * scrolls ("reveal off-screen"): a label only on a span of words */
    static const char *const inline_names[] = { "off-screen", "offscreen", "show-for-sr", "assistive-text",
                                                NULL };
    static const char *const spans[] = { "span", "label", "em", "b", "strong", "small", NULL };
    bool span = xml_is_any(n, spans);
    xmlChar *cls = xmlGetProp(n, (const xmlChar *)"class");
    bool yes = false;
    for (const char *t = (const char *)cls; t && *t && !yes;) {
        while (*t == ' ' || *t == '\t' || *t == '\n')
            t++;
        size_t len = strcspn(t, " \t\n");
        for (int i = 0; names[i] && !yes; i++)
            yes = ex_names_class(t, len, names[i]);
        for (int i = 0; span && inline_names[i] && !yes; i++)
            yes = ex_names_class(t, len, inline_names[i]);
        t += len;
    }
    xmlFree(cls);
    return yes;
}

/* Hidden from the reader: an inline display:none, visibility:hidden or font-size:0, the
 * hidden attribute, or aria-hidden="true". Class names say nothing here: a
 * CMS body class does not make a hidden copy visible. */
bool extract_hidden_inline(xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE || !n->properties)
        return false;
    const char *style = xml_attr_ref(n, "style"), *aria = xml_attr_ref(n, "aria-hidden");
    if (xmlHasProp(n, (const xmlChar *)"hidden") || (aria && !strcasecmp(aria, "true")))
        return true;
    if (!style)
        return false;
    char small[256];
    size_t len = strlen(style);
    char *s = len < sizeof small ? small : xmalloc(len + 1), *w = s;
    for (const char *p = style; *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            *w++ = (char)tolower((unsigned char)*p);
    *w = '\0';
    bool hidden = strstr(s, "display:none") || strstr(s, "visibility:hidden");
    /* a box of no height or off the screen holds a copy (a print
     * or a reading-aloud copy); words set at no size, a mark the site
     * slips into its text to trace copies, but a box so set whose
     * children size their own words again is a row of cells closed up */
    if (!hidden && (strstr(s, "font-size:0") || strstr(s, "height:0") || strstr(s, ":-"))) {
        int v = css_style_verdict(s);
        hidden = v == 1 || (v == 2 && !xml_has_element_child(n));
    }
    if (s != small)
        free(s);
    return hidden;
}

static bool ex_never_content(xmlNodePtr n)
{
    static const char *const tags[] = {
        "script", "style", "noscript", "iframe", "frame", "frameset", "input",
        "select", "textarea", "button", "object", "embed", "applet",
        "template", "canvas", "map", "area", "audio", "video", "option",
        /* a formula's source beside its drawn form (TeX in MathML) */
        "annotation", "annotation-xml", NULL
    };
    return xml_is_any(n, tags);
}

/* A slide a carousel's script copied so that its loop has no seam: the
 * same picture and caption as a slide beside it. The libraries name the
 * copies so (Swiper, slick, Owl). */
static bool ex_carousel_clone(xmlNodePtr n)
{
    const char *cls = xml_attr_ref(n, "class");
    return cls && (xml_class_has(cls, "swiper-slide-duplicate") || xml_class_has(cls, "slick-cloned") ||
                   (xml_class_has(cls, "owl-item") && xml_class_has(cls, "cloned")));
}

/* A player's controls and notices ("倍速", "1.5X", "00:00/00:00", "当前视频
 *播放失败") sit around its <video> in a box of short words; a sign-up or
 * search form's prompt ("SIGN UP FOR OUR NEWSLETTER", "搜索") sits around
 * its entry field the same way. The box is the furthest ancestor of the
 * video or the field that stays short and nearly free of sentence marks;
 * it goes with them, which folio never keeps. */
#define WIDGET_CHARS 300
#define WIDGET_PUNCT 8
#define WIDGET_NODES 400

/* Whether the subtree at N may be part of a widget's box: short, nearly
 * free of sentence marks, without an article's title (a player under the
 * title must not take it, or the date beside it), and for a form without
 * a paragraph of prose (a form beside a short article must not take the
 * article with it). The walk gives up as soon as it is not, or has seen
 * WIDGET_NODES nodes, so each step up costs little. */
/* A player's box shows the clip's times, never a day, which is the
 * article's. */
bool extract_has_day(const char *t)
{
    for (; *t; t++) {
        if (!isdigit((unsigned char)t[0]) || !isdigit((unsigned char)t[1]) || !isdigit((unsigned char)t[2]) ||
            !isdigit((unsigned char)t[3]))
            continue;
        const char *m = t + 4;
        if (!strncmp(m, "年", 3))
            m += 3;
        else if (*m == '-' || *m == '/' || *m == '.')
            m++;
        else
            continue;
        if (isdigit((unsigned char)*m) && (m > t + 5 || isdigit((unsigned char)m[1]) || m[1] == '-' ||
                                            m[1] == '/' || !strncmp(m + 1, "月", 3)))
            return true;
    }
    return false;
}

/* T holds a sentence's end: a stop inside it, or a full stop that ends it
 * after a word (a one-sentence answer beside a "Sorted by" list). */
static bool ex_sentence(const char *t)
{
    if (ex_has_stop(t))
        return true;
    size_t n = strlen(t);
    while (n && isspace((unsigned char)t[n - 1]))
        n--;
    return (n >= 2 && strchr(".!?", t[n - 1]) && isalpha((unsigned char)t[n - 2])) ||
           (n >= 3 && (!memcmp(t + n - 3, "。", 3) || !memcmp(t + n - 3, "！", 3) || !memcmp(t + n - 3, "？", 3)));
}

static bool ex_box_walk(xmlNodePtr n, bool form, bool signup, bool in_p, extract_counts *c, int *nodes)
{
    for (; n; n = n->next) {
        if (++*nodes > WIDGET_NODES)
            return false;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            ex_count_text(n->content, c, false);
            if (c->chars > WIDGET_CHARS || c->punct > WIDGET_PUNCT)
                return false;
            /* a paragraph's sentence, however deep in its spans; a sign-up's
             * pitch says a sentence or two ("Subscribe to the newsletter.") */
            if (form && !signup && in_p && ex_sentence((const char *)n->content))
                return false;
            if (extract_has_day((const char *)n->content))
                return false;
        } else if (n->type == XML_ELEMENT_NODE) {
            /* a form's prompt is words: a linked picture beside it is the
             * site's logo in the header the search box shares */
            if (xml_is(n, "h1") || (form && xml_is(n, "img") && n->parent && xml_is(n->parent, "a")) ||
                !ex_box_walk(n->children, form, signup, in_p || xml_is(n, "p"), c, nodes))
                return false;
        }
    }
    return true;
}

static xmlNodePtr ex_widget_box(xmlNodePtr widget, bool form, bool signup)
{
    xmlNodePtr box = widget;
    for (xmlNodePtr p = widget->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent) {
        if (xml_is(p, "body") || xml_is(p, "html") || xml_is(p, "figure") || xml_is(p, "p"))
            break;
        extract_counts c = { 0 };
        int nodes = 0;
        if (!ex_box_walk(p->children, form, signup, false, &c, &nodes))
            break;
        box = p;
    }
    return box;
}

/* A field a reader types into: a text area, or an input of a text kind
 * (not a hidden value, a box to tick or a button). */
static bool ex_entry_field(xmlNodePtr n)
{
    if (xml_is(n, "textarea"))
        return true;
    if (!xml_is(n, "input"))
        return false;
    static const char *const kinds[] = { "text", "email", "search", "tel", "url", "password", NULL };
    xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
    bool entry = !type || !*type;
    for (int i = 0; !entry && kinds[i]; i++)
        entry = xmlStrcasecmp(type, (const xmlChar *)kinds[i]) == 0;
    xmlFree(type);
    return entry;
}

/* A field for an e-mail address: a sign-up's. */
static bool ex_email_field(xmlNodePtr n)
{
    const char *type = xml_attr_ref(n, "type");
    return xml_is(n, "input") && type && !strcasecmp(type, "email");
}

typedef struct {
    xmlNodePtr *boxes;
    bool *player;
    size_t count, cap, cap_kinds;
} widget_boxes;

/* The boxes are found first and taken out after, so that no walk goes on
 * in a tree that was cut. They come in document order, so a box can only
 * lie inside the last one kept, and only the last ones can lie inside a
 * new box. */
static void ex_keep_box(widget_boxes *w, xmlNodePtr box, bool player, extract_prune_stats *st)
{
    if (w->count && (w->boxes[w->count - 1] == box || xml_is_ancestor(w->boxes[w->count - 1], box)))
        return;
    while (w->count && xml_is_ancestor(box, w->boxes[w->count - 1])) {
        w->count--;
        if (w->player[w->count])
            st->players--;
        else
            st->forms--;
    }
    ALLOC_GROW(w->boxes, w->count + 1, w->cap);
    ALLOC_GROW(w->player, w->count + 1, w->cap_kinds);
    w->player[w->count] = player;
    w->boxes[w->count++] = box;
    if (player)
        st->players++;
    else
        st->forms++;
}

/* A player a script draws (video.js, JW Player, a site's own): a box named
 * for it, holding only what the player shows over the clip (its title,
 * "00:00 / 01:02", "Click to play"), no sentence of the text. */
#define NAMED_PLAYER_CHARS 160

/* The text below N into OUT, until it holds LIMIT bytes. */
void extract_text_upto(xmlNodePtr n, buf_t *out, size_t limit)
{
    for (; n && out->len < limit; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content)
            buf_add(out, (const char *)n->content, strnlen((const char *)n->content, limit - out->len));
        else if (n->type == XML_ELEMENT_NODE)
            extract_text_upto(n->children, out, limit);
    }
}

static bool ex_player_token(const char *t, size_t len)
{
    char low[64];
    if (len >= sizeof low)
        return false;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)tolower((unsigned char)t[i]);
    low[len] = '\0';
    if (!strcmp(low, "video-js") || !strcmp(low, "jwplayer") || !strcmp(low, "jw-player"))
        return true;
    size_t k = strlen("player");
    return len > k && !strcmp(low + len - k, "player") &&
           (strstr(low, "video") || strstr(low, "audio") || strstr(low, "media"));
}

static bool ex_named_player(xmlNodePtr n)
{
    bool named = false;
    static const char *const attrs[] = { "class", "id", NULL };
    for (int i = 0; attrs[i] && !named; i++) {
        const char *v = n->properties ? xml_attr_ref(n, attrs[i]) : NULL;
        for (const char *p = v; p && *p && !named;) {
            size_t len = strcspn(p, " \t\n");
            named = len && ex_player_token(p, len);
            p += len;
            p += strspn(p, " \t\n");
        }
    }
    if (!named)
        return false;
    /* read no further than a player's words go: boxes named so may nest */
    buf_t text;
    buf_init(&text);
    extract_text_upto(n->children, &text, NAMED_PLAYER_CHARS * 4);
    extract_counts c = { 0 };
    if (text.len)
        ex_count_text((const unsigned char *)text.data, &c, false);
    bool chrome = text.len < NAMED_PLAYER_CHARS * 4 && c.chars <= NAMED_PLAYER_CHARS &&
                  !(text.len && ex_sentence(text.data));
    buf_free(&text);
    return chrome;
}

/* A list to choose from ("Sorted by:", "字号"): it goes with its label,
 * the <label> or the short prompt just before it, and nothing more (a
 * font-size picker sits in the article's own box). */
#define SELECT_PROMPT_CHARS 24

static xmlNodePtr ex_select_prompt(xmlNodePtr sel)
{
    xmlNodePtr prev = sel->prev;
    while (prev && prev->type == XML_TEXT_NODE && xmlIsBlankNode(prev))
        prev = prev->prev;
    if (!prev || prev->type != XML_ELEMENT_NODE || !xml_is(prev, "label"))
        return NULL;
    extract_counts c = { 0 };
    extract_count(prev, &c);
    return c.chars <= SELECT_PROMPT_CHARS ? prev : NULL;
}

static void ex_find_widgets(xmlNodePtr n, widget_boxes *w, extract_prune_stats *st)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (ex_named_player(n)) {
            ex_keep_box(w, n, true, st);
            continue;
        }
        xmlNodePtr prompt = xml_is(n, "select") ? ex_select_prompt(n) : NULL;
        if (prompt) {
            ex_keep_box(w, prompt, false, st);
            continue;
        }
        xmlNodePtr poll = extract_choice_control(n) ? extract_poll_box(n) : NULL;
        if (poll) {
            ex_keep_box(w, poll, false, st);
            continue;
        }
        bool player = xml_is(n, "video") || xml_is(n, "audio");
        if (!player && !ex_entry_field(n)) {
            ex_find_widgets(n->children, w, st);
            continue;
        }
        xmlNodePtr box = ex_widget_box(n, !player, !player && ex_email_field(n));
        if (box != n)
            ex_keep_box(w, box, player, st);
    }
}

static void ex_prune_widgets(xmlNodePtr root, extract_prune_stats *st)
{
    widget_boxes w = { NULL, NULL, 0, 0, 0 };
    ex_find_widgets(root, &w, st);
    for (size_t i = 0; i < w.count; i++) {
        xmlUnlinkNode(w.boxes[i]);
        xmlFreeNode(w.boxes[i]);
    }
    free(w.boxes);
    free(w.player);
}

void extract_drop_json_ld(xmlNodePtr n)
{
    while (n) {
        xmlNodePtr next = n->next;
        if (n->type == XML_ELEMENT_NODE && page_is_metadata_script(n)) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE) {
            extract_drop_json_ld(n->children);
        }
        n = next;
    }
}

/* N stands in a list's item outside any form and says more than a word
 * (a number, or three words): a list the reader ticks off as they go (a
 * recipe's ingredients, a checklist), whose items are the text's. A
 * filter's topics are single words. */
static bool ex_in_checklist(xmlNodePtr n)
{
    xmlChar *t = xmlNodeGetContent(n);
    const char *p = t ? (const char *)t : "";
    int words = 0, han = 0;
    bool digit = false, in_word = false;
    for (size_t i = 0, len = strlen(p); i < len;) {
        uint32_t c = utf8_next(p, len, &i);
        digit = digit || (c >= '0' && c <= '9');
        han += cp_is_han(c);
        bool letter = c != ' ' && c != '\n' && c != '\t' && c != 0xA0;
        words += letter && !in_word;
        in_word = letter;
    }
    xmlFree(t);
    if (!digit && words < 3 && han < 6)
        return false;
    bool item = false;
    for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
        if (xml_is(a, "form"))
            return false;
        item = item || xml_is(a, "li");
    }
    return item;
}

/* A choice's label: a <label> around a box to tick or a button to choose
 * ("满意", "基本满意", "不满意" under a rating), words of a form, not of the
 * text; but not a box to tick in a checklist's item. */
static bool ex_choice_label(xmlNodePtr n)
{
    if (!xml_is(n, "label"))
        return false;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !xml_is(c, "input"))
            continue;
        xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
        bool radio = type && !xmlStrcasecmp(type, (const xmlChar *)"radio");
        bool tick = type && !xmlStrcasecmp(type, (const xmlChar *)"checkbox");
        xmlFree(type);
        if (radio || (tick && !ex_in_checklist(n)))
            return true;
    }
    return false;
}

/* An <object> showing a document (a notice's PDF) holds, for a browser
 * that cannot show it, the document's text as HTML: paragraphs of it,
 * not the one line of "your browser cannot…". That text is the page's. */
#define OBJECT_FALLBACK_CHARS 100

static int ex_fallback_blocks(xmlNodePtr n)
{
    static const char *const blocks[] = { "p", "div", "table", "ul", "ol", "h2", "h3", "section", NULL };
    int k = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            /* an <embed> left open holds what follows it */
            k += xml_is_any(c, blocks) ? 1 : xml_is(c, "embed") ? ex_fallback_blocks(c) : 0;
    return k;
}

static bool ex_object_fallback(xmlNodePtr obj)
{
    if (!ex_fallback_blocks(obj))
        return false;
    extract_counts c;
    extract_count(obj, &c);
    if (c.chars - c.link_chars < OBJECT_FALLBACK_CHARS)
        return false;
    for (xmlNodePtr e = obj->children; e; e = e->next)
        if (e->type == XML_ELEMENT_NODE && xml_is(e, "embed") && e->children)
            xmlNodeSetName(e, (const xmlChar *)"div");
    return true;
}

#define PANE_CHECKS_MAX 256

/* The sentences of an article, not an embed code's credit line. */
#define SCRIPT_COPY_PROSE_PUNCT 5

/* ABOVE: the names of the elements above N, for the sheet's rules. */
static void ex_prune_walk(xmlNodePtr n, const css_hidden *sheet, const css_above *above,
                          extract_prune_stats *st)
{
    while (n) {
        xmlNodePtr next = n->next;
        /* JSON-LD and a script setting the date stay for the metadata,
         * read after the prune; they go then, before scoring
         * (extract_drop_json_ld) */
        if (n->type == XML_ELEMENT_NODE && page_is_metadata_script(n)) {
            n = next;
            continue;
        }
        if (n->type == XML_ELEMENT_NODE && xml_is(n, "object") && ex_object_fallback(n))
            xmlNodeSetName(n, (const xmlChar *)"div");
        /* a declarative shadow root (a SingleFile capture's web
         * components) is shown where its host stands: no template */
        if (n->type == XML_ELEMENT_NODE && xml_is(n, "template") &&
            (xmlHasProp(n, (const xmlChar *)"shadowrootmode") || xmlHasProp(n, (const xmlChar *)"shadowroot")))
            xmlNodeSetName(n, (const xmlChar *)"div");
        /* an AMP page's pictures are its own elements, an <img> each */
        if (n->type == XML_ELEMENT_NODE && (xml_is(n, "amp-img") || xml_is(n, "amp-anim")))
            xmlNodeSetName(n, (const xmlChar *)"img");
        /* markup a script copies into the page (a text area's, a hidden
         * field's, a string of its data) is a hidden body, read on the
         * pass that keeps what is hidden */
        int copy_punct, copy = sheet && n->type == XML_ELEMENT_NODE ? page_script_copy_text(n, &copy_punct) : 0;
        if (copy && copy_punct >= SCRIPT_COPY_PROSE_PUNCT) {
            st->hidden++;
            st->hidden_chars += copy;
            st->hidden_punct += copy_punct;
        }
        bool drop = n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE ||
                    (n->type == XML_ELEMENT_NODE &&
                     (ex_never_content(n) || ex_for_screen_readers(n) || ex_choice_label(n) ||
                      ex_carousel_clone(n)));
        if (!drop && sheet && n->type == XML_ELEMENT_NODE &&
            !xmlHasProp(n, (const xmlChar *)EXTRACT_OPENED_ATTR)) {
            bool inline_hidden = extract_hidden_inline(n);
            int sheet_says = inline_hidden ? CSS_SHOWN : css_hidden_match(sheet, n, above);
            bool by_sheet = sheet_says != CSS_SHOWN;
            /* a few hundred panes are told apart; past them, a page of
             * thousands of hidden boxes is taken as it hides them */
            int pane = (by_sheet || inline_hidden) && st->panes_checked++ < PANE_CHECKS_MAX
                           ? extract_pane_kind(n, sheet)
                           : PANE_NONE;
            if (pane == PANE_PART || (sheet_says == CSS_FOLDED && pane != PANE_COPY)) {
                /* a part of the text the page splits into tabs or pages,
                 * or folds away until the reader opens it */
                st->panes += pane == PANE_PART;
                st->folded += pane != PANE_PART;
                by_sheet = inline_hidden = false;
            }
            if (by_sheet || inline_hidden) {
                extract_counts c;
                extract_count(n, &c);
                st->hidden++;
                st->hidden_by_sheet += by_sheet;
                st->hidden_chars += c.chars - c.link_chars;
                st->hidden_punct += c.punct - c.link_punct;
                drop = true;
            }
        }
        if (drop) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (xml_is(n, "svg")) {
            /* a drawing: an icon beside a button's word stays one, but a
             * chart's labels ("Office", "Retail") are no text; HTML set
             * inside it (a foreignObject, as some editors lay out a whole
             * article) is read as any other */
            css_above in = *above;
            css_above_add(&in, n);
            for (xmlNodePtr c = n->children, after; c; c = after) {
                after = c->next;
                if (xml_is(c, "foreignObject") || xml_is(c, "foreignobject")) {
                    css_above deeper = in;
                    css_above_add(&deeper, c);
                    ex_prune_walk(c->children, sheet, &deeper, st);
                } else {
                    xmlUnlinkNode(c);
                    xmlFreeNode(c);
                }
            }
        } else if (n->type == XML_ELEMENT_NODE && n->children) {
            css_above in = *above;
            if (sheet && sheet->count)
                css_above_add(&in, n);
            ex_prune_walk(n->children, sheet, &in, st);
        }
        n = next;
    }
}

void extract_prune(htmlDocPtr doc, bool drop_hidden, resource_fn sheets, void *sheets_ctx,
                   extract_prune_stats *st)
{
    memset(st, 0, sizeof *st);
    /* read before the walk takes the style elements out */
    css_hidden sheet = { 0 };
    if (drop_hidden)
        css_hidden_collect(doc, sheets, sheets_ctx, &sheet);
    st->opened = extract_open_toggles(doc);
    ex_prune_widgets(doc->children, st);
    css_above none = { { 0 } };
    ex_prune_walk(doc->children, drop_hidden ? &sheet : NULL, &none, st);
    css_hidden_free(&sheet);
}

/* Figures: an image with its caption. Pages mark them with <figure> and
 * <figcaption>, or set an image alone in a paragraph with a short centred
 * line under it (图为…). */
#include "clean/normalize/normalize.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* A caption is a line: longer words are a paragraph of the text. */
#define NF_CAPTION_CHARS 80

static bool nf_blank(xmlNodePtr c)
{
    return xml_is(c, "br") || (c->type == XML_TEXT_NODE && xmlIsBlankNode(c));
}

/* The only child of N that is not blank, or NULL. */
static xmlNodePtr nf_sole(xmlNodePtr n)
{
    xmlNodePtr only = NULL;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (nf_blank(c))
            continue;
        if (only)
            return NULL;
        only = c;
    }
    return only;
}

/* The picture output node C is: an image, a link around one, or either
 * inside an inline element that holds nothing else (<strong><img/></strong>,
 * the bold face a page left on a picture); else NULL. */
static xmlNodePtr nf_picture(xmlNodePtr c)
{
    if (xml_is(c, "img") || (xml_is(c, "a") && c->children && xml_is(c->children, "img") &&
                            !c->children->next))
        return c;
    if (!xml_is(c, "strong") && !xml_is(c, "em") && !xml_is(c, "u"))
        return NULL;
    xmlNodePtr only = nf_sole(c);
    return only ? nf_picture(only) : NULL;
}

/* Is N (an output block) an image and nothing else but blanks? */
static bool nf_image_only(xmlNodePtr n)
{
    if (!xml_is(n, "p") && !xml_is(n, "figure"))
        return false;
    int images = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (nf_picture(c))
            images++;
        else if (!nf_blank(c))
            return false;
    }
    return images == 1;
}

/* Put what WRAP holds in its place. While the article is still being
 * written (Z given) the writer may point into WRAP, so it goes to the trash. */
static void nf_unwrap(nz *z, xmlNodePtr wrap)
{
    while (wrap->children) {
        xmlNodePtr c = wrap->children;
        xmlUnlinkNode(c);
        xmlAddPrevSibling(wrap, c);
    }
    if (z)
        nz_discard(z, wrap);
    else {
        xmlUnlinkNode(wrap);
        xmlFreeNode(wrap);
    }
}

/* The figure FIG holds its picture itself, not inside the face a page left
 * around it; its caption is set as a caption, not in that face. */
static void nf_unwrap_picture(nz *z, xmlNodePtr fig)
{
    for (xmlNodePtr c = fig->children; c; c = c->next) {
        xmlNodePtr pic = nf_picture(c);
        if (pic && pic != c) {
            while (pic->parent != fig)
                nf_unwrap(z, pic->parent);
            break;
        }
    }
}

bool nz_under_bare_image(nz *z, xmlNodePtr src)
{
    if (z->flat || !nz_block_aligned(src, "center"))
        return false;
    nz_close_para(z);
    xmlNodePtr prev = z->flow->last;
    return prev && nf_image_only(prev) && !(xml_is(prev, "figure") && prev->last && xml_is(prev->last, "figcaption"));
}

/* Inline content of a caption: into a figcaption of the figure FIG. */
static void nf_caption(nz *z, xmlNodePtr fig, xmlNodePtr src_first)
{
    xmlNodePtr cap = xmlNewChild(fig, NULL, (const xmlChar *)"figcaption", NULL);
    nz_fill_flat(z, cap, src_first);
    xmlNodePtr face = nf_sole(cap);
    if (face && xml_is(face, "strong"))
        nf_unwrap(z, face);
    if (nz_empty(cap))
        nz_discard(z, cap);
}

bool nz_try_caption(nz *z, xmlNodePtr src, const extract_counts *c)
{
    if (c->chars == 0 || c->chars > 80 || c->link_chars || !nz_under_bare_image(z, src))
        return false;
    xmlNodePtr prev = z->flow->last;
    xmlNodeSetName(prev, (const xmlChar *)"figure");
    nf_unwrap_picture(z, prev);
    nf_caption(z, prev, src->children);
    return true;
}

/* Does output node N show a picture (an image, or a link around one)? */
static bool nf_holds_image(xmlNodePtr n)
{
    return xml_is(n, "img") || xml_find(n, "img");
}

/* A figure's caption comes last, and alone: pages put a credit after it
 * ("</figcaption><br/>(图片来源)"), or a second caption, which no reader
 * may find there (HTML lets a figcaption only first or last). Pictures
 * after it go before it; anything else joins it. */
static void nf_settle_caption(nz *z, xmlNodePtr fig)
{
    xmlNodePtr cap = NULL;
    for (xmlNodePtr c = fig->children; c && !cap; c = c->next)
        if (xml_is(c, "figcaption"))
            cap = c;
    if (!cap)
        return;
    for (xmlNodePtr n = cap->next; n; ) {
        xmlNodePtr next = n->next;
        xmlUnlinkNode(n);
        if (xml_is(n, "figcaption")) {
            xmlAddChild(cap, xmlNewNode(NULL, (const xmlChar *)"br"));
            while (n->children) {
                xmlNodePtr k = n->children;
                xmlUnlinkNode(k);
                xmlAddChild(cap, k);
            }
            nz_discard(z, n);
        } else if (nf_holds_image(n)) {
            xmlAddPrevSibling(cap, n);
        } else {
            /* Words run on after the caption's with a space between. */
            if (n->type == XML_TEXT_NODE && cap->last && cap->last->type == XML_TEXT_NODE)
                xmlNodeAddContent(cap, (const xmlChar *)" ");
            xmlAddChild(cap, n);
        }
        n = next;
    }
    nz_trim_end(cap);
    while (cap->children && xml_is(cap->children, "br")) {
        xmlNodePtr br = cap->children;
        xmlUnlinkNode(br);
        nz_discard(z, br);
    }
    if (nz_empty(cap))
        nz_discard(z, cap);
}

/* Source node N is a picture: an image, or a link around one alone. */
static bool nf_source_picture(xmlNodePtr n)
{
    if (xml_is(n, "img"))
        return true;
    xmlNodePtr only = xml_is(n, "a") ? nf_sole(n) : NULL;
    return only && xml_is(only, "img");
}

static bool nf_skippable(xmlNodePtr c)
{
    return nf_blank(c) || c->type == XML_COMMENT_NODE;
}

/* A dimension the page gave the image, in pixels, or 0. */
static long nf_img_size(xmlNodePtr img, const char *name)
{
    char *v = nz_attr(img, name);
    long n = v ? strtol(v, NULL, 10) : 0;
    xmlFree(v);
    return n;
}

#define NF_PICTURE_PX 150

/* Words set beside a picture in its own block are its caption when the
 * block says they are apart from it: a line break between them, the words
 * in an element of their own, the block centred, a picture shown large, or
 * words that repeat its alt text. An emoji or an icon inside a sentence has
 * none of these. */
static bool nf_caption_apart(xmlNodePtr block, xmlNodePtr pic, xmlNodePtr first, const char *words)
{
    bool br = false;
    for (xmlNodePtr c = pic->next; c != first; c = c->next)
        br = br || xml_is(c, "br");
    int parts = 0;
    for (xmlNodePtr c = first; c; c = c->next)
        parts += !nf_skippable(c);
    xmlNodePtr img = xml_is(pic, "img") ? pic : nf_sole(pic);
    if (br || (parts == 1 && first->type == XML_ELEMENT_NODE) || nz_block_aligned(block, "center") ||
        nf_img_size(img, "width") >= NF_PICTURE_PX || nf_img_size(img, "height") >= NF_PICTURE_PX)
        return true;
    char *alt = nz_attr(img, "alt");
    const char *a = alt ? alt : "";
    while (*a == ' ')
        a++;
    size_t n = strlen(a);
    while (n && a[n - 1] == ' ')
        n--;
    char *said = xstrndup(a, n);
    bool repeats = n >= 6 && strstr(words, said);
    free(said);
    xmlFree(alt);
    return repeats;
}

/* A block holding a picture and, after it, a short line of words apart
 * from it: a figure and its caption ("<p><img/><br/>图为…</p>",
 * "<div><img/><span>…</span></div>"). True when SRC was written so. */
bool nz_try_picture_caption(nz *z, xmlNodePtr src, const extract_counts *c)
{
    if (z->flat || c->chars < 2 || c->chars > NF_CAPTION_CHARS || c->link_chars)
        return false;
    xmlNodePtr pic = src->children;
    while (pic && nf_skippable(pic))
        pic = pic->next;
    if (!pic || !nf_source_picture(pic))
        return false;
    xmlNodePtr first = pic->next;
    while (first && nf_skippable(first))
        first = first->next;
    /* a heading under the picture heads what follows, captions nothing */
    for (xmlNodePtr k = first; k; k = k->next)
        if (nf_holds_image(k) || nz_heading_tag(k))
            return false;
    xmlChar *raw = xmlNodeGetContent(src);
    bool apart = first && nf_caption_apart(src, pic, first, raw ? (const char *)raw : "");
    xmlFree(raw);
    if (!apart)
        return false;
    nz_close_para(z);
    xmlNodePtr fig = xmlNewChild(z->flow, NULL, (const xmlChar *)"figure", NULL);
    nz_place saved;
    nz_enter(z, fig, true, &saved);
    nz_node(z, pic);
    bool shown = fig->children != NULL;
    if (shown) {
        z->inl = fig;
        nf_caption(z, fig, first);
        nz_trim_end(fig);
        nf_settle_caption(z, fig);
    }
    nz_leave(z, &saved);
    if (!shown)
        nz_discard(z, fig);
    return shown;
}

/* Besides its caption, SRC holds a block of its own: a table, a listing,
 * a quotation. A player or a frame pruned away leaves the caption alone. */
static bool nf_holds_text_apart(xmlNodePtr src)
{
    for (xmlNodePtr c = src->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !xml_is(c, "figcaption") && extract_is_block_tag((const char *)c->name)) {
            extract_counts k;
            extract_count(c, &k);
            if (k.chars)
                return true;
        }
    return false;
}

/* A figure of no picture sets a table, a listing or a quotation apart:
 * its content is written as blocks of their own, the caption a paragraph
 * after them, as a figure's caption is no text without its picture. */
static void nf_figure_of_text(nz *z, xmlNodePtr src)
{
    nz_block_boundary(z);
    for (xmlNodePtr c = src->children; c; c = c->next) {
        if (xml_is(c, "figcaption")) {
            nz_block_boundary(z);
            nz_open_para(z, "p");
            nz_children(z, c->children);
            nz_close_para(z);
        } else {
            nz_node(z, c);
        }
    }
    nz_block_boundary(z);
}

void nz_figure(nz *z, xmlNodePtr src)
{
    static const char *const pictures[] = { "img", "picture", "svg", NULL };
    if (!xml_find_any(src, pictures) && nf_holds_text_apart(src)) {
        nf_figure_of_text(z, src);
        return;
    }
    nz_close_para(z);
    xmlNodePtr fig = xmlNewChild(z->flow, NULL, (const xmlChar *)"figure", NULL);
    /* Images land in the figure itself; any caption in a figcaption. */
    nz_place saved;
    nz_enter(z, fig, true, &saved);
    for (xmlNodePtr c = src->children; c; c = c->next) {
        if (xml_is(c, "figcaption"))
            nf_caption(z, fig, c->children);
        else
            nz_node(z, c);
        z->inl = fig;
    }
    nz_trim_end(fig);
    nf_settle_caption(z, fig);
    nz_leave(z, &saved);
    if (!fig->children)
        nz_discard(z, fig);
}

/* The ways Chinese pages mark a picture's caption or credit: it opens
 * with 图为, 图：, 图/, 图片来源, 资料图, 摄影, 上图 or a triangle or arrow
 * pointing at the picture (▲), or ends with 摄 (who took it), 供图 or
 * 截图. */
static bool nf_caption_line(const char *s)
{
    static const char *const opens[] = { "图为", "图：", "图:", "图/", "图片来源", "图片：", "资料图", "摄影：",
                                         "摄影/", "上图", "下图", "左图", "右图", "▲", "△", "↑", NULL };
    while (*s == ' ')
        s++;
    for (int i = 0; opens[i]; i++)
        if (!strncmp(s, opens[i], strlen(opens[i])))
            return true;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    static const char *const ends[] = { "摄", "摄）", "摄)", "供图", "供图）", "截图", "截图）", NULL };
    for (int i = 0; ends[i]; i++) {
        size_t k = strlen(ends[i]);
        if (n >= k && !strncmp(s + n - k, ends[i], k))
            return true;
    }
    return false;
}

/* A short line right under a figure that has no caption, marked as one,
 * is its caption: it moves into the figure. */
static void nf_take_caption(xmlNodePtr fig)
{
    for (xmlNodePtr c = fig->children; c; c = c->next)
        if (xml_is(c, "figcaption"))
            return;
    xmlNodePtr next = fig->next;
    while (next && next->type != XML_ELEMENT_NODE)
        next = next->next;
    if (!next || !xml_is(next, "p"))
        return;
    for (xmlNodePtr c = next->children; c; c = c->next)
        if (xml_is(c, "br"))
            return;   /* lines of text, not a caption */
    xmlChar *raw = xmlNodeGetContent(next);
    const char *text = raw ? (const char *)raw : "";
    bool caption = utf8_length(text, strlen(text)) <= NF_CAPTION_CHARS && nf_caption_line(text);
    xmlFree(raw);
    if (!caption)
        return;
    xmlNodeSetName(next, (const xmlChar *)"figcaption");
    xmlUnlinkNode(next);
    xmlAddChild(fig, next);
}

void nz_mark_figures(xmlNodePtr article)
{
    for (xmlNodePtr n = article->children; n; n = n->next) {
        if (xml_is(n, "p") && !xmlHasProp(n, (const xmlChar *)"class") && nf_image_only(n)) {
            xmlNodeSetName(n, (const xmlChar *)"figure");
            nf_unwrap_picture(NULL, n);
            /* Breaks around a lone image were layout, not content. */
            for (xmlNodePtr c = n->children; c; ) {
                xmlNodePtr next = c->next;
                if (xml_is(c, "br") || (c->type == XML_TEXT_NODE && xmlIsBlankNode(c))) {
                    xmlUnlinkNode(c);
                    xmlFreeNode(c);
                }
                c = next;
            }
        }
        if (xml_is(n, "figure"))
            nf_take_caption(n);
    }
}

#include "clean/normalize/normalize.h"
#include "clean/furniture.h"
#include "clean/page.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

char *nz_attr(xmlNodePtr n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

int nz_heading_tag(xmlNodePtr n)
{
    const char *t = (const char *)n->name;
    if ((t[0] == 'h' || t[0] == 'H') && t[1] >= '1' && t[1] <= '6' && !t[2])
        return t[1] - '0';
    return 0;
}

bool nz_ends_question(const char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n\"'", s[n - 1]))
        n--;
    return (n && s[n - 1] == '?') || (n >= 3 && !memcmp(s + n - 3, "？", 3));
}

bool nz_text_equal_title(nz *z, const char *text)
{
    return z->meta->title && *text && strcmp(text, z->meta->title) == 0;
}

/* Does the next inline content begin a line? */
static bool nz_at_line_start(nz *z)
{
    return !z->para || z->brs || nz_empty(z->para);
}

/* Has the article any text yet, beyond its title? */
static bool nz_body_started(nz *z)
{
    /* A kicker or a section label above the byline is not yet the text. */
    int chars = 0;
    for (xmlNodePtr c = z->root->children; c && chars < 40; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !xml_is(c, "h1")) {
            if (!xml_is(c, "p") && !nz_heading_tag(c) && !nz_empty(c))
                return true;
            xmlChar *t = xmlNodeGetContent(c);
            chars += t ? (int)utf8_length((const char *)t, strlen((const char *)t)) : 0;
            xmlFree(t);
        }
    return chars >= 40;
}

int nz_count_links(xmlNodePtr n, int at_most)
{
    int k = 0;
    for (xmlNodePtr c = n->children; c && k < at_most; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            k += xml_is(c, "a") ? 1 : nz_count_links(c, at_most - k);
    return k;
}

/* A digit in N's text outside its links. */
static bool nz_figures_outside_links(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content && strpbrk((const char *)c->content, "0123456789"))
            return true;
        if (c->type == XML_ELEMENT_NODE && !xml_is(c, "a") && nz_figures_outside_links(c))
            return true;
    }
    return false;
}

/* A card among the paragraphs: one link (a name) and figures beside it (a
 * price, a rating, a count) is data, not a list of links. */
static bool nz_data_card(xmlNodePtr n)
{
    return nz_count_links(n, 2) == 1 && nz_figures_outside_links(n);
}

/* A phrase rule judges a line. When a block opens with an inline element
 * that alone holds the phrase (a picture's credit "© Provided by …" in the
 * paragraph's first span) and prose of its own follows, the line is that
 * element: it is judged as one, and the paragraph stays. */
static bool nz_phrase_in_lead(xmlNodePtr n, const extract_counts *c)
{
    if (c->link_chars * 2 >= c->chars)
        return false;
    xmlNodePtr lead = n->children;
    while (lead && (lead->type == XML_COMMENT_NODE || xmlIsBlankNode(lead)))
        lead = lead->next;
    if (!lead || lead->type != XML_ELEMENT_NODE || xml_is(lead, "a") ||
        extract_is_block_tag((const char *)lead->name))
        return false;
    buf_t lt;
    buf_init(&lt);
    page_text(lead, &lt);
    bool phrase = lt.data && furniture_line_start_rule(lt.data);
    buf_free(&lt);
    if (!phrase)
        return false;
    nz_line rest = { 0 };
    for (xmlNodePtr x = lead->next; x; x = x->next) {
        xmlChar *t = xmlNodeGetContent(x);
        nz_line m = nz_line_measure(t ? (const char *)t : "");
        xmlFree(t);
        rest.chars += m.chars;
        rest.stops += m.stops;
    }
    return rest.stops > 0 && rest.chars >= 30;
}

/* Nothing but blanks and comments follows N among its siblings. */
static bool nz_nothing_after(xmlNodePtr n)
{
    for (xmlNodePtr x = n->next; x; x = x->next)
        if (!(x->type == XML_TEXT_NODE && xmlIsBlankNode(x)) && x->type != XML_COMMENT_NODE)
            return false;
    return true;
}

/* The element after N among its siblings, or NULL. */
static xmlNodePtr nz_element_after(xmlNodePtr n)
{
    xmlNodePtr x = n->next;
    while (x && x->type != XML_ELEMENT_NODE)
        x = x->next;
    return x;
}

/* Inline N makes a line of its own: it starts one, and nothing but
 * blanks follows it in its block. */
static bool nz_whole_line(nz *z, xmlNodePtr n)
{
    return nz_at_line_start(z) && nz_nothing_after(n);
}

/* Inline N starts a line, and a block or nothing comes after it: the
 * line ends with it. */
static bool nz_line_of_its_own(nz *z, xmlNodePtr n)
{
    if (!nz_at_line_start(z))
        return false;
    for (xmlNodePtr x = n->next; x; x = x->next) {
        if (x->type == XML_COMMENT_NODE || (x->type == XML_TEXT_NODE && xmlIsBlankNode(x)))
            continue;
        return x->type == XML_ELEMENT_NODE && (extract_is_block_tag((const char *)x->name) || xml_is(x, "br"));
    }
    return true;
}

/* The block after heading N is a paragraph of the text: a sentence, not
 * a box its own name sets apart. A heading's class names its anchor or
 * its style ("anchorWithStickyNavbar"); what it heads says what it is. */
static bool nz_prose_follows(xmlNodePtr n)
{
    xmlNodePtr x = nz_element_after(n);
    if (!x || !xml_is(x, "p") || furniture_unlikely(x))
        return false;
    extract_counts f;
    extract_count(x, &f);
    return f.chars >= 40 && f.punct >= 1 && f.link_chars * 2 < f.chars;
}

/* The block after N is a line of the text: words that no furniture rule
 * takes. */
static bool nz_text_goes_on(xmlNodePtr n)
{
    xmlNodePtr x = nz_element_after(n);
    if (!x || !extract_is_block_tag((const char *)x->name) || furniture_unlikely(x))
        return false;
    buf_t t;
    buf_init(&t);
    page_text(x, &t);
    nz_line m = nz_line_measure(t.data ? t.data : "");
    bool text = m.chars >= 4 && !furniture_text_rule(t.data);
    buf_free(&t);
    return text;
}

/* Nothing but blanks follows N in its block, and no label ends just
 * before it ("In this article:", "标签："): that names what N lists. */
static bool nz_ends_block_unlabelled(xmlNodePtr n)
{
    if (!nz_nothing_after(n))
        return false;
    xmlNodePtr prev = n->prev;
    while (prev && prev->type == XML_TEXT_NODE && xmlIsBlankNode(prev))
        prev = prev->prev;
    if (!prev)
        return true;
    xmlChar *t = xmlNodeGetContent(prev);
    size_t len = t ? strlen((const char *)t) : 0;
    while (len && (t[len - 1] == ' ' || t[len - 1] == '\n' || t[len - 1] == '\t'))
        len--;
    bool label = (len && t[len - 1] == ':') || (len >= 3 && !memcmp(t + len - 3, "：", 3));
    xmlFree(t);
    return !label;
}

const char nz_why_link_bar[] = "a bar of short links: places to go, not text";

const char nz_why_furniture_name[] = "furniture by its class or id";
const char nz_why_link_list[] = "a list of links";

/* Why a source block is left out, or NULL to keep it. */
/* Text rules judge whole lines: a span inside a sentence is not one, but
 * a <font> that starts a line may be a breadcrumb, and a span after an
 * attachment's link its size. */
static const char *nz_inline_drop_reason(nz *z, xmlNodePtr n, const char *text, const extract_counts *c)
{
    if (c->chars <= 24 && !c->link_chars && furniture_attachment_stat(text) && nz_after_document_link(n))
        return "an attachment's size or count of downloads, beside its link";
    /* a slide's count set beside its picture, the desk's initials after
     * the text: a line of its own */
    if (c->chars <= 24 && nz_line_of_its_own(z, n)) {
        const char *rule = furniture_text_rule(text);
        if (rule == furniture_gallery_count || rule == furniture_desk_initials)
            return rule;
    }
    return c->chars <= 300 && nz_at_line_start(z) ? furniture_line_start_rule(text) : NULL;
}

static const char *nz_drop_reason(nz *z, xmlNodePtr n, const char *text, const extract_counts *c)
{
    const page_meta_nodes *s = z->o->skip;
    bool block = extract_is_block_tag((const char *)n->name);
    if (s && n == s->title_node)
        return "the title, written as the h1";
    /* Below the article's text, a date line is the 落款, not the info line. */
    if (s && n == s->info_node && !nz_body_started(z))
        return "the info line (date, 来源, 作者), kept as metadata";
    if (s && n == s->source_node)
        return "the 原文链接 line, kept as dcterms.source";
    if (nz_heading_tag(n) && nz_text_equal_title(z, text))
        return "the title, written as the h1";
    /* an aside of the story's own figures, a table of data, is the
     * text's; one of links or a quote set large is not */
    if (xml_is(n, "aside") && !(xml_find(n, "table") && c->link_chars * 10 < c->chars))
        return "an aside: set beside the text, not in it";
    if (nz_kicker(s, n, text, c))
        return "a kicker above the title";
    if (nz_bracketed_link(text, c) && (block || nz_whole_line(z, n)))
        return "a link in brackets alone: a control ([edit], [返回顶部])";
    /* "[Bearbeiten | Quelltext bearbeiten]" after a heading's words */
    if (n->parent && nz_heading_tag(n->parent) && !block &&
        c->link_chars && c->chars <= 48 && c->chars - c->link_chars <= 4 && nz_in_square_brackets(text))
        return "links in brackets after a heading: its controls ([edit | source])";
    if (c->chars <= 2000 && !c->link_chars && nz_line_numbers(n))
        return "the line numbers beside code";
    if (nz_icon_button(n, c))
        return "a button: an icon and a word, or an icon alone";
    if (c->chars <= 8 && nz_script_count(n))
        return "a count beside a script's button";
    /* a formula is the text's whatever its renderer names it (MathJax's
     * "CtxtMenu_Attached_0" names the menu it attaches) */
    if (furniture_unlikely(n) && !(c->punct >= 10 && c->chars && c->link_chars * 10 < c->chars * 3) &&
        !(nz_heading_tag(n) && nz_prose_follows(n)) && !xml_is(n, "mjx-container") && !xml_find(n, "math"))
        return nz_why_furniture_name;
    if (block && nz_paywall_offer(n, c))
        return "a paywall's offer: its pitch and its button";
    if (block && nz_body_started(z) && nz_appeal_box(n, c))
        return "an appeal: a few lines and a button asking the reader to act";
    if (nz_shouted_link(n, c, text))
        return "a link shouted in capitals alone in its paragraph: a promotion";
    if (nz_reply_subject(n, text))
        return "a reply's subject over a post: the thread's title again";
    if (block && nz_attribution_line(n, c))
        return "who posted it and when: a post's attribution";
    if (c->link_chars && c->chars <= 200 && !furniture_links_all_documents(n) &&
        nz_link_bar(n, !block) &&
        (block || nz_ends_block_unlabelled(n)))
        return nz_why_link_bar;
    if (!block)
        return nz_inline_drop_reason(z, n, text, c);
    if (c->chars <= 300) {
        const char *rule = furniture_text_rule(text);
        if (rule == furniture_empty_label && (nz_label_heads_prose(n) || nz_attachment_label(n, text)))
            rule = NULL;
        /* a label over links to documents (相关文件) names attachments */
        if (rule == furniture_related_box && xmlNextElementSibling(n) &&
            furniture_holds_document_link(xmlNextElementSibling(n)))
            rule = NULL;
        if (rule && nz_phrase_in_lead(n, c))
            rule = NULL;
        /* a heading names what loads ("Loading video", a section's);
         * one of dots alone is a placeholder still */
        if (rule == furniture_loading_line && nz_heading_tag(n) && !strstr(text, "...") && !strstr(text, "…"))
            rule = NULL;
        /* a notice's number to call, with its text going on after it (the
         * 落款), is the notice's; at the end of the kept text, a footer's */
        if (rule == furniture_contact_line && nz_text_goes_on(n))
            rule = NULL;
        /* the attachments stay; their counts go one by one */
        if (rule == furniture_attachment_stats && furniture_holds_document_link(n))
            rule = NULL;
        if (rule)
            return rule;
    }
    if (c->chars <= 300 && nz_pointer_line(n))
        return "a label and one link: a pointer to another page";
    if (c->chars <= 300 && c->link_chars && nz_breadcrumb_line(n))
        return "a breadcrumb: the sections above the page";
    if (c->chars <= 300 && !furniture_links_all_documents(n) && nz_labelled_link_bar(n))
        return "a label over a bar of links or a line each of headlines: places to go";
    if (c->chars <= 300 && nz_share_bar(n))
        return "a bar of links that share the article";
    /* A block that is mostly links and has no sentences outside them is a
     * link list: headlines carry punctuation of their own. */
    if (c->chars >= 10 && c->link_chars * 10 > c->chars * 6 && c->punct - c->link_punct <= 1 &&
        !xml_is(n, "a") && !xml_is(n, "p") && !nz_heading_tag(n) && !nz_data_card(n) &&
        !furniture_links_all_documents(n))
        return nz_why_link_list;
    if (c->chars >= 10 && nz_dated_headlines(n) && !furniture_links_all_documents(n))
        return nz_why_link_list;
    return NULL;
}

static void nz_explain_drop(nz *z, xmlNodePtr n, const char *why, const char *text)
{
    if (!z->o->explain)
        return;
    xmlChar *path = xmlGetNodePath(n);
    fprintf(z->o->explain, "dropped %s: %s: %.*s\n", path ? (char *)path : "?", why, utf8_clip(text, 60), text);
    xmlFree(path);
}

static void nz_original_link(nz *z, const char *text)
{
    if (z->meta->source)
        return;
    const char *p = strstr(text, "http");
    if (!p)
        return;
    size_t n = 0;
    while (p[n] && p[n] != ' ' && (unsigned char)p[n] < 0x80)
        n++;
    char *url = xstrndup(p, n);
    article_meta_set(&z->meta->source, url);
    free(url);
}

static const char *nz_inline_tag(xmlNodePtr n)
{
    static const struct { const char *from, *to; } map[] = {
        { "strong", "strong" }, { "b", "strong" }, { "em", "em" }, { "i", "em" },
        { "cite", "em" }, { "dfn", "em" }, { "var", "em" },
        { "sub", "sub" }, { "sup", "sup" }, { "s", "s" }, { "strike", "s" },
        { "del", "s" }, { "u", "u" }, { "ins", "u" }, { "code", "code" },
        { "tt", "code" }, { "kbd", "code" }, { "samp", "code" },
        { "ruby", "ruby" }, { "rt", "rt" },
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (xml_is(n, map[i].from))
            return map[i].to;
    if ((xml_is(n, "span") || xml_is(n, "font")) && nz_is_bold_el(n))
        return "strong";
    return NULL;
}

/* An inline element is written only when it ends up holding something. */
static void nz_inline(nz *z, xmlNodePtr src, const char *tag)
{
    /* Bold inside a bold heading says nothing more. */
    if (!strcmp(tag, "strong") && z->para && nz_heading_tag(z->para)) {
        nz_children(z, src->children);
        return;
    }
    xmlNodePtr el = nz_add_inline(z, tag);
    xmlNodePtr para_at_open = z->para;
    z->inl = el;
    nz_children(z, src->children);
    if (z->para == para_at_open && z->inl == el)
        z->inl = el->parent;
    if (!nz_empty(el))
        return;
    /* Only spaces or breaks: keep them, lose the formatting. */
    while (el->children) {
        xmlNodePtr c = el->children;
        xmlUnlinkNode(c);
        xmlAddPrevSibling(el, c);
    }
    if (z->inl == el)
        z->inl = el->parent;
    nz_discard(z, el);
}

/* A generic block: a heading set with layout, a 落款, or a container whose
 * inline content becomes paragraphs. */
/* A kept box set flush right after the text, short, is a 落款: the lines
 * written from it after BEFORE are the signature's. */
static void nz_mark_signature(nz *z, xmlNodePtr n, xmlNodePtr before)
{
    extract_counts c;
    extract_count(n, &c);
    if (!c.chars || c.chars > 80 || !nz_block_aligned(n, "right"))
        return;
    for (xmlNodePtr x = before ? before->next : z->root->children; x; x = x->next)
        if (xml_is(x, "p"))
            xmlSetProp(x, (const xmlChar *)"class", (const xmlChar *)"signature");
}

static void nz_generic_block(nz *z, xmlNodePtr n, const char *text, const extract_counts *c)
{
    if (!z->flat && c->chars) {
        if (nz_try_picture_caption(z, n, c))
            return;
        int level = nz_heading_like(z, n, text);
        if (level) {
            nz_heading(z, n, level);
            return;
        }
        if (nz_try_caption(z, n, c))
            return;
        if (nz_block_aligned(n, "right") && c->chars <= 80) {
            nz_open_para(z, "p");
            xmlSetProp(z->para, (const xmlChar *)"class", (const xmlChar *)"signature");
            nz_children(z, n->children);
            nz_close_para(z);
            return;
        }
    }
    nz_block_boundary(z);
    xmlNodePtr flow = z->flow, before = z->flow->last;
    nz_children(z, n->children);
    nz_block_boundary(z);
    if (z->flow == flow)
        nz_drop_orphan_heading(z, n, before ? before->next : flow->children, c);
}

void nz_node(nz *z, xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        nz_related_words(z, n);
        nz_text(z, (const char *)n->content);
        return;
    }
    if (n->type != XML_ELEMENT_NODE)
        return;
    if (xml_is(n, "br")) {
        if (z->para)
            z->brs++;
        return;
    }
    if (xml_is(n, "img")) {
        nz_img(z, n);
        return;
    }
    if (xml_is(n, "hr")) {
        if (!z->flat) {
            nz_close_para(z);
            xmlNewChild(z->flow, NULL, (const xmlChar *)"hr", NULL);
        }
        return;
    }
    if (xml_is(n, "rp"))
        return;

    if (nz_heading_tag(n))
        nz_strip_permalinks(z, n);
    extract_counts c;
    extract_count(n, &c);
    bool block = extract_is_block_tag((const char *)n->name);
    buf_t text;
    buf_init(&text);
    /* Only short blocks are judged by their words (furniture lines,
     * headings, 落款); a long one's text is never needed whole. */
    if (c.chars <= 300)
        page_text(n, &text);
    const char *why = c.chars <= 2000 ? nz_drop_reason(z, n, text.data ? text.data : "", &c) : NULL;
    if (!why && (block || xml_is(n, "a")))
        why = nz_inserted_box(z, n, &c);
    else if (!why)
        nz_related_words(z, n);
    nz_note_related_label(z, n, why, text.data ? text.data : "");
    if (why) {
        if (!strcmp(why, "the 原文链接 line, kept as dcterms.source") || !strcmp(why, "original link"))
            nz_original_link(z, text.data ? text.data : "");
        nz_explain_drop(z, n, why, text.data ? text.data : "");
        nz_drop_orphan_label(z, n, why);
        buf_free(&text);
        return;
    }
    const char *t = text.data ? text.data : "";
    int h = nz_heading_tag(n);
    /* sentences set in a heading's tag (a lead under the title) read as
     * the paragraph they are */
    nz_line hl = h ? nz_line_measure(t) : (nz_line){ 0 };
    if (h >= 2 && hl.chars >= NZ_HEADING_PROSE && hl.stops >= 2 && !c.link_chars && !nz_ends_question(t))
        h = 0;
    if (xml_is(n, "a"))
        nz_link(z, n);
    else if (h && !z->flat)
        nz_heading(z, n, h < 2 ? 2 : h);
    else if (xml_is(n, "ul") || xml_is(n, "ol"))
        nz_list(z, n);
    else if (xml_is(n, "table"))
        nz_table(z, n);
    else if (xml_is(n, "blockquote") && !z->flat)
        nz_blockquote(z, n);
    else if (xml_is(n, "pre"))
        nz_pre(z, n);
    else if (xml_is(n, "figure") && !z->flat)
        nz_figure(z, n);
    else if (nz_inline_tag(n))
        nz_inline(z, n, nz_inline_tag(n));
    else if (block)
        nz_generic_block(z, n, t, &c);
    else {
        z->edge = true;
        nz_children(z, n->children);
    }
    buf_free(&text);
}

void nz_children(nz *z, xmlNodePtr first)
{
    for (xmlNodePtr n = first; n; n = n->next)
        nz_node(z, n);
}

xmlNodePtr normalize_article(const extract_result *r, const normalize_options *o,
                             xmlDocPtr out, article_meta *meta)
{
    nz z;
    memset(&z, 0, sizeof z);
    z.out = out;
    z.o = o;
    z.meta = meta;
    z.root = xmlNewDocNode(out, NULL, (const xmlChar *)"article", NULL);
    xmlDocSetRootElement(out, z.root);
    z.flow = z.root;
    z.trash = xmlNewNode(NULL, (const xmlChar *)"trash");
    xmlNewTextChild(z.root, NULL, (const xmlChar *)"h1", (const xmlChar *)(meta->title ? meta->title : ""));
    /* The open-government record table usually stands above the body,
     * outside the block that holds the text; it belongs at the head. */
    if (r->n_nodes) {
        xmlNodePtr table = nz_find_docmeta(xmlDocGetRootElement(r->nodes[0]->doc));
        if (table && !extract_kept_holds(r, table))
            nz_table(&z, table);
    }
    for (int i = 0; i < r->n_nodes; i++) {
        xmlNodePtr n = r->nodes[i];
        nz_close_para(&z);
        /* The chosen container is the article, not a block in it: only its
         * parts are judged as furniture or headings. */
        bool container = extract_is_block_tag((const char *)n->name) && !nz_heading_tag(n) &&
                         !xml_is(n, "table") && !xml_is(n, "ul") && !xml_is(n, "ol") &&
                         !xml_is(n, "pre") && !xml_is(n, "blockquote") && !xml_is(n, "p") &&
                         !xml_is(n, "figure");
        xmlNodePtr before = z.root->last;
        if (container)
            nz_children(&z, n->children);
        else
            nz_node(&z, n);
        nz_close_para(&z);
        if (container && i > 0)
            nz_mark_signature(&z, n, before);
        if (i == 0 && r->n_nodes > 1)
            z.lead_box = nz_only_text_block(before, z.root->last);
    }
    nz_close_para(&z);
    xml_merge_text(z.root);
    nz_cut_after_editor(&z);
    nz_cut_comment_thread(&z);
    nz_trim_tail(&z);
    nz_drop_original_title(&z);   /* before the head's words are judged by what follows them */
    nz_trim_head(&z);
    nz_drop_title_repeat(&z);
    nz_join_wrapped(&z, z.root);
    nz_flatten_heading_breaks(z.root);
    nz_merge_runs(z.root);
    /* After the repeat is dropped: a title from the first sentence leaves
     * the text whole. */
    nz_settle_title(&z);
    nz_settle_byline(&z);
    nz_mark_figures(z.root);
    nz_drop_repeats(&z);
    nz_drop_lead_summary(&z);
    nz_mark_attachments(z.root);
    xmlFreeNode(z.trash);
    return z.root;
}

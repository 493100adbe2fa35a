#include "md/md_internal.h"

#include <string.h>

/* Inline content -> marked Markdown (see md_internal.h), then md_resolve.
 * Whitespace follows what a browser shows: runs collapse to one space,
 * none at a line's edges, and a line break between two CJK characters
 * disappears instead of turning into a space. */

typedef struct {
    const md_options *opt;
    md_inline_kind kind;
    xmlNodePtr limit;      /* lookahead for the next character stops here */
    buf_t out;             /* marked */
    uint32_t last;         /* the last character of text written, 0 at a line start */
    bool at_space;         /* a space here would collapse (line start, after a space) */
    bool has_content;
    int breaks;            /* <br>s held back until something visible follows */
    int open[MD_EMPH_KINDS];
    int in_link;
} md_inl;

static void inl_nodes(md_inl *st, xmlNodePtr first, xmlNodePtr stop);

static bool inl_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Write the held-back line breaks: something follows them, so that no
 * paragraph starts or ends with one (Markdown cannot say it). */
static void inl_flush_breaks(md_inl *st)
{
    for (; st->breaks > 0; st->breaks--) {
        while (st->out.len && st->out.data[st->out.len - 1] == ' ')
            st->out.data[--st->out.len] = '\0';
        buf_puts(&st->out, st->kind == MD_IN_PARA ? "\\\n" : "<br />");
    }
}

static void inl_visible(md_inl *st)
{
    inl_flush_breaks(st);
    st->has_content = true;
    st->at_space = false;
}

static void inl_text(md_inl *st, xmlNodePtr t)
{
    const char *s = (const char *)t->content;
    size_t n = s ? strlen(s) : 0, i = 0;
    while (i < n) {
        if (inl_ascii_space(s[i])) {
            size_t j = i;
            bool newline = false;
            for (; j < n && inl_ascii_space(s[j]); j++)
                newline |= s[j] == '\n' || s[j] == '\r';
            size_t at = j;
            uint32_t next = j < n ? utf8_next(s, n, &at) : md_next_char(t, st->limit);
            if (!st->at_space && !md_space_dropped(st->last, next, newline)) {
                buf_putc(&st->out, ' ');
                st->at_space = true;
            }
            i = j;
            continue;
        }
        inl_visible(st);
        size_t k = i;
        st->last = utf8_next(s, n, &k);
        md_escape_char(s, n, i, k, st->in_link > 0, &st->out);
        i = k;
    }
}

static void inl_mark(md_inl *st, int kind, bool opening)
{
    buf_putc(&st->out, MD_MARK);
    buf_putc(&st->out, opening ? md_mark_open[kind] : md_mark_close[kind]);
}

static bool inl_has_visible(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && !md_is_blank(c))
            return true;
        if (xml_is(c, "img") || (c->type == XML_ELEMENT_NODE && inl_has_visible(c)))
            return true;
    }
    return false;
}

/* Raw inline HTML around the content, which stays Markdown. */
static void inl_tag(md_inl *st, xmlNodePtr e, const char *name)
{
    inl_flush_breaks(st);
    buf_printf(&st->out, "<%s>", name);
    inl_nodes(st, e->children, NULL);
    buf_printf(&st->out, "</%s>", name);
}

static void inl_emphasis(md_inl *st, xmlNodePtr e, int kind)
{
    static const char *const tags[MD_EMPH_KINDS] = { "strong", "em", "s" };
    if (!inl_has_visible(e)) {
        inl_nodes(st, e->children, NULL);
        return;
    }
    /* **a **b** c** cannot nest in Markdown: the inner one is HTML. */
    if (st->open[kind]) {
        inl_tag(st, e, tags[kind]);
        return;
    }
    inl_flush_breaks(st);
    inl_mark(st, kind, true);
    st->open[kind]++;
    inl_nodes(st, e->children, NULL);
    st->open[kind]--;
    inl_mark(st, kind, false);
}

static void inl_code(md_inl *st, xmlNodePtr e)
{
    buf_t code;
    buf_init(&code);
    md_text_content(e, &code);
    size_t run = 0, longest = 0;
    for (size_t i = 0; i < code.len; i++) {
        /* A code span is one line here: a line break could start a block. */
        if (code.data[i] == '\n' || code.data[i] == '\r')
            code.data[i] = ' ';
        run = code.data[i] == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    if (code.len) {
        const char *c = code.data;
        bool all_spaces = strspn(c, " ") == code.len;
        bool pad = c[0] == '`' || c[code.len - 1] == '`' ||
                   (c[0] == ' ' && c[code.len - 1] == ' ' && !all_spaces);
        inl_visible(st);
        for (size_t i = 0; i <= longest; i++)
            buf_putc(&st->out, '`');
        buf_puts(&st->out, pad ? " " : "");
        buf_add(&st->out, c, code.len);
        buf_puts(&st->out, pad ? " " : "");
        for (size_t i = 0; i <= longest; i++)
            buf_putc(&st->out, '`');
        st->last = '`';
    }
    buf_free(&code);
}

/* Can HREF be written as a CommonMark autolink <HREF>: a scheme of 2 to 32
 * characters, a colon, and nothing an autolink cannot hold ('|' would end
 * a table cell)? */
static bool inl_autolinkable(const char *href)
{
    size_t scheme = 0;
    if (!((*href >= 'a' && *href <= 'z') || (*href >= 'A' && *href <= 'Z')))
        return false;
    while (href[scheme] && strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-", href[scheme]))
        scheme++;
    if (scheme < 2 || scheme > 32 || href[scheme] != ':')
        return false;
    for (const unsigned char *p = (const unsigned char *)href; *p; p++)
        if (*p <= ' ' || *p == '<' || *p == '>' || *p == '|' || *p == 0x7F)
            return false;
    return true;
}

/* A link whose text is its own address, and only that, as <HREF>. */
static bool inl_autolink(md_inl *st, xmlNodePtr e, const char *href)
{
    for (xmlNodePtr c = e->children; c; c = c->next)
        if (c->type != XML_TEXT_NODE)
            return false;
    buf_t text;
    buf_init(&text);
    md_text_content(e, &text);
    const char *t = text.data ? text.data : "";
    size_t lead = strspn(t, " \t\n\r"), n = strlen(t + lead);
    while (n && strchr(" \t\n\r", t[lead + n - 1]))
        n--;
    bool same = n == strlen(href) && !strncmp(t + lead, href, n) && inl_autolinkable(href);
    buf_free(&text);
    if (!same)
        return false;
    inl_visible(st);
    buf_printf(&st->out, "<%s>", href);
    st->last = '>';
    return true;
}

static void inl_link(md_inl *st, xmlNodePtr e)
{
    char *href = md_attr(e, "href");
    if (!href || st->in_link) {
        inl_nodes(st, e->children, NULL);
        xmlFree(href);
        return;
    }
    if (inl_autolink(st, e, href)) {
        xmlFree(href);
        return;
    }
    inl_flush_breaks(st);
    buf_putc(&st->out, '[');
    st->in_link++;
    inl_nodes(st, e->children, NULL);
    st->in_link--;
    buf_puts(&st->out, "](");
    md_link_destination(href, &st->out);
    buf_putc(&st->out, ')');
    xmlFree(href);
}

static void inl_image(md_inl *st, xmlNodePtr e)
{
    char *src = md_attr(e, "src"), *alt = md_attr(e, "alt");
    buf_t where;
    buf_init(&where);
    md_image_src(st->opt, src ? src : "", &where);
    inl_visible(st);
    buf_puts(&st->out, "![");
    md_escape_plain(alt ? alt : "", &st->out);
    buf_puts(&st->out, "](");
    md_link_destination(where.data ? where.data : "", &st->out);
    buf_putc(&st->out, ')');
    st->last = 0;
    buf_free(&where);
    xmlFree(src);
    xmlFree(alt);
}

static void inl_break(md_inl *st)
{
    if (st->has_content)
        st->breaks++;
    st->at_space = true;
    st->last = 0;
}

/* A heading is one line, and a raw <br /> in it is not read alike by every
 * renderer (some drop raw HTML): the break is written as a space. */
static void inl_heading_break(md_inl *st, xmlNodePtr br)
{
    uint32_t sep = cp_break_as_space(st->at_space ? ' ' : st->last, md_next_char(br, st->limit));
    if (!st->has_content || !sep)
        return;
    if (sep == ' ') {
        buf_putc(&st->out, ' ');
    } else {
        utf8_encode(&st->out, sep);
        st->last = sep;
    }
    st->at_space = true;
}

static void inl_element(md_inl *st, xmlNodePtr e)
{
    static const char *const raw[] = { "sub", "sup", "u", "ruby", "rt", "rp" };
    if (xml_is(e, "br") && st->kind == MD_IN_HEADING) {
        inl_heading_break(st, e);
    } else if (xml_is(e, "br")) {
        inl_break(st);
    } else if (xml_is(e, "strong") || xml_is(e, "b")) {
        inl_emphasis(st, e, MD_STRONG);
    } else if (xml_is(e, "em") || xml_is(e, "i")) {
        inl_emphasis(st, e, MD_EM);
    } else if (xml_is(e, "s") || xml_is(e, "del") || xml_is(e, "strike")) {
        inl_emphasis(st, e, MD_STRIKE);
    } else if (xml_is(e, "code") || xml_is(e, "kbd") || xml_is(e, "samp")) {
        inl_code(st, e);
    } else if (xml_is(e, "a")) {
        inl_link(st, e);
    } else if (xml_is(e, "img")) {
        inl_image(st, e);
    } else {
        for (size_t i = 0; i < sizeof raw / sizeof *raw; i++) {
            if (xml_is(e, raw[i])) {
                inl_tag(st, e, raw[i]);
                return;
            }
        }
        /* span(lang), and anything outside the subset: its content. */
        inl_nodes(st, e->children, NULL);
    }
}

static void inl_nodes(md_inl *st, xmlNodePtr first, xmlNodePtr stop)
{
    for (xmlNodePtr n = first; n && n != stop; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            inl_text(st, n);
        else if (n->type == XML_ELEMENT_NODE)
            inl_element(st, n);
    }
}

void md_inline(const md_options *opt, xmlNodePtr first, xmlNodePtr stop,
               xmlNodePtr limit, md_inline_kind kind, buf_t *out)
{
    md_inl st;
    memset(&st, 0, sizeof st);
    st.opt = opt;
    st.kind = kind;
    st.limit = limit;
    st.at_space = true;
    buf_init(&st.out);
    inl_nodes(&st, first, stop);
    md_resolve(st.out.data, st.out.len, kind, out);
    buf_free(&st.out);
}

void md_inline_text(const char *text, md_inline_kind kind, buf_t *out)
{
    xmlNodePtr t = xmlNewText((const xmlChar *)text);
    md_inline(NULL, t, NULL, t, kind, out);
    xmlFreeNode(t);
}

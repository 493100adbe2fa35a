#include "zhpunct/zhpunct.h"
#include "util/alloc.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The decision is made on a run: the decoded text of one block, across the
 * inline elements in it. Each character remembers the bytes it came from,
 * so that everything not converted is copied back byte for byte. */

enum { ZF_FROZEN = 1, ZF_CHANGED = 2, ZF_DROPPED = 4 };

/* Context classes on either side of a mark. */
enum { ZC_NONE = 0, ZC_ATTACHED = 1, ZC_CJK = 2, ZC_EDGE = 3 };

typedef struct {
    uint32_t cp;
    uint32_t out;          /* written instead of cp when ZF_CHANGED */
    size_t   off;          /* where its bytes start in its source */
    unsigned char len;
    unsigned char flags;
} zp_char;

typedef struct {
    const char *text;
    xmlNodePtr  node;      /* the text node it came from, or NULL */
    size_t      first;     /* its first character in the run */
} zp_src;

typedef struct {
    zp_char *c;
    size_t   n, cap;
    zp_src  *src;
    size_t   nsrc, srccap;
} zp_run;

const char *const zhpunct_mark_name[ZP_MARKS] = { "，", "：", "；", "（）", "！", "？" };

static void zp_add(zp_run *r, const char *text, xmlNodePtr node, bool frozen)
{
    ALLOC_GROW(r->src, r->nsrc + 1, r->srccap);
    r->src[r->nsrc] = (zp_src){ text, node, r->n };
    /* A byte that begins no character stands for itself as U+FFFD, which
     * no rule treats as CJK, and is copied back as it was. */
    for (size_t off = 0, n = strlen(text); off < n;) {
        ALLOC_GROW(r->c, r->n + 1, r->cap);
        zp_char *ch = &r->c[r->n++];
        int len;
        ch->cp = utf8_decode(text + off, n - off, &len);
        ch->len = (unsigned char)len;
        ch->out = ch->cp;
        ch->off = off;
        ch->flags = frozen ? ZF_FROZEN : 0;
        off += ch->len;
    }
    r->nsrc++;
}

/* --- classes of characters ----------------------------------------------- */

/* Han or kana: the letters of CJK text, as against its punctuation. */
static bool zp_is_han(uint32_t cp)
{
    return cp_is_han(cp) || cp_is_kana(cp);
}

/* Opening marks: a mark before one of them belongs to the text after. */
static bool zp_is_open(uint32_t cp)
{
    static const uint32_t open[] = { 0x201C, 0x2018, 0x3008, 0x300A, 0x300C, 0x300E,
                                     0x3010, 0x3014, 0x3016, 0xFF08, 0xFF3B, 0xFF5B };
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
        if (cp == open[i])
            return true;
    return false;
}

/* CJK text and the opening marks. The closing curly quotes are not here:
 * English uses them too, so they count only by what they quote. */
static bool zp_is_cjk(uint32_t cp)
{
    return cp_is_cjk(cp) || zp_is_open(cp);
}

static bool zp_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r';
}

/* strchr would match the terminator for 0 and fold code points to bytes. */
static bool zp_in(uint32_t cp, const char *set)
{
    return cp > 0 && cp < 0x80 && strchr(set, (int)cp) != NULL;
}

static bool zp_is_mark(uint32_t cp)
{
    return zp_in(cp, ",:;!?()");
}

/* --- the run as the rules see it: converted marks as their new form ------ */

static uint32_t zp_at(const zp_run *r, size_t i)
{
    return r->c[i].flags & ZF_CHANGED ? r->c[i].out : r->c[i].cp;
}

/* A word of ASCII that may sit inside Chinese text: "GPS", "100%", "2020",
 * or a protected URL whose own marks are part of it. */
static bool zp_in_token(const zp_run *r, size_t i)
{
    uint32_t cp = zp_at(r, i);
    if (cp <= 0x20 || cp >= 0x7F)
        return false;
    return !zp_is_mark(cp) || (r->c[i].flags & ZF_FROZEN);
}

#define ZP_QUOTE_REACH 256

/* Whether a closing curly quote at I closes a Chinese quotation: one whose
 * text holds Han, or whose opening quote follows CJK. */
static bool zp_quote_is_zh(const zp_run *r, size_t i)
{
    uint32_t open = zp_at(r, i) == 0x201D ? 0x201C : 0x2018;
    /* Bounded, so that an English text full of apostrophes stays linear. */
    size_t stop = i > ZP_QUOTE_REACH ? i - ZP_QUOTE_REACH : 0;
    for (size_t j = i; j-- > stop;) {
        uint32_t cp = zp_at(r, j);
        if (cp == open)
            return j > 0 && zp_is_cjk(zp_at(r, j - 1));
        if (zp_is_han(cp))
            return true;
    }
    return false;
}

/* Whether the character at I ends Chinese text: CJK that does not open
 * something, a Chinese closing quote, or an ellipsis or dash after one. */
static bool zp_ends_cjk(const zp_run *r, size_t i)
{
    for (;;) {
        uint32_t cp = zp_at(r, i);
        if (cp == 0x201D || cp == 0x2019)
            return zp_quote_is_zh(r, i);
        if ((cp == 0x2026 || cp == 0x2014) && i > 0) {
            do
                i--;
            while (i > 0 && (r->c[i].flags & ZF_DROPPED));
            if (r->c[i].flags & ZF_DROPPED)
                return false;
            continue;
        }
        return zp_is_cjk(cp) && !zp_is_open(cp);
    }
}

static bool zp_live(const zp_run *r, size_t i)
{
    return !(r->c[i].flags & ZF_DROPPED);
}

/* What stands just before I: CJK, an ASCII token glued to CJK (NUMERIC
 * says whether it is a number), the start of the run, or something else. */
static int zp_left(const zp_run *r, size_t i, bool *numeric)
{
    size_t j = i;
    while (j > 0 && !zp_live(r, j - 1))
        j--;
    if (numeric)
        *numeric = false;
    if (j == 0)
        return ZC_EDGE;
    if (zp_ends_cjk(r, j - 1))
        return ZC_CJK;
    if (!zp_in_token(r, j - 1))
        return ZC_NONE;
    bool digits = true;
    while (j > 0 && zp_in_token(r, j - 1)) {
        uint32_t cp = zp_at(r, --j);
        digits = digits && (cp_is_ascii_digit(cp) || zp_in(cp, ".%+-"));
    }
    if (j > 0 && zp_at(r, j - 1) == ' ')
        j--;
    if (j == 0 || !zp_ends_cjk(r, j - 1))
        return ZC_NONE;
    if (numeric)
        *numeric = digits;
    return ZC_ATTACHED;
}

/* What stands after I, past spaces: CJK or an opening mark, a quote, a
 * number or an ASCII token glued to CJK, the end of the run, or else. */
static int zp_right(const zp_run *r, size_t i)
{
    size_t k = i + 1;
    /* Past spaces, and past a few marks not yet converted, which are
     * decided after this one: "好?!" in one pass, not one per mark. */
    for (int marks = 0; k < r->n; k++) {
        uint32_t cp = zp_at(r, k);
        if (zp_is_mark(cp) && cp != '(' && !(r->c[k].flags & ZF_FROZEN) && marks < 4)
            marks++;
        else if (!zp_is_space(cp))
            break;
    }
    if (k >= r->n)
        return ZC_EDGE;
    uint32_t cp = zp_at(r, k);
    if (zp_is_cjk(cp))
        return ZC_CJK;
    if (cp == '"' || cp == '\'' || cp_is_ascii_digit(cp))
        return ZC_ATTACHED;
    if (!zp_in_token(r, k))
        return ZC_NONE;
    while (k < r->n && zp_in_token(r, k))
        k++;
    if (k < r->n && zp_at(r, k) == ' ')
        k++;
    return k < r->n && zp_is_han(zp_at(r, k)) ? ZC_ATTACHED : ZC_NONE;
}

/* --- what is never touched ----------------------------------------------- */

static void zp_freeze(zp_run *r, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        r->c[i].flags |= ZF_FROZEN;
}

/* A URL runs from its scheme (or "www.") to the first space or non-ASCII
 * character, less the sentence punctuation that ends it, as linkifiers read
 * it. Its own marks ("?", ":", "(") are part of it. */
static size_t zp_url_end(const zp_run *r, size_t k)
{
    size_t end = k;
    bool iri = false;
    for (; end < r->n && r->c[end].cp > 0x20 && r->c[end].cp != 0x7F; end++) {
        uint32_t cp = r->c[end].cp;
        /* Han belongs to the URL only where a URL part starts ("://例子.cn",
         * "/路径", "?q=中"): Han glued after "a.html" is the sentence. */
        if (cp >= 0x80 && !(zp_is_han(cp) && (iri || zp_in(r->c[end - 1].cp, "/?=&#.:"))))
            break;
        iri = iri || cp >= 0x80;
    }
    int depth = 0;
    for (size_t i = k; i < end; i++)
        depth += r->c[i].cp == '(' ? 1 : r->c[i].cp == ')' ? -1 : 0;
    while (end > k) {
        uint32_t cp = r->c[end - 1].cp;
        if (cp == ')' && depth < 0)
            depth++;
        else if (!zp_in(cp, ",;:!?."))
            break;
        end--;
    }
    return end;
}

static bool zp_match(const zp_run *r, size_t i, const char *s)
{
    for (; *s; s++, i++)
        if (i >= r->n || r->c[i].cp != (unsigned char)*s)
            return false;
    return true;
}

static void zp_protect(zp_run *r)
{
    for (size_t i = 0; i < r->n; i++) {
        bool word_start = i == 0 || !cp_is_ascii_alnum(r->c[i - 1].cp);
        if (zp_match(r, i, "://") && i > 0 && cp_is_ascii_alnum(r->c[i - 1].cp)) {
            size_t start = i;
            while (start > 0 && (cp_is_ascii_alnum(r->c[start - 1].cp) || zp_in(r->c[start - 1].cp, "+-.")))
                start--;
            size_t end = zp_url_end(r, i);
            zp_freeze(r, start, end);
            i = end;
        } else if (word_start && (zp_match(r, i, "www.") || zp_match(r, i, "WWW."))) {
            size_t end = zp_url_end(r, i);
            zp_freeze(r, i, end);
            i = end;
        } else if (r->c[i].cp == '@') {
            size_t start = i, end = i + 1;
            while (start > 0 && (cp_is_ascii_alnum(r->c[start - 1].cp) || zp_in(r->c[start - 1].cp, "._%+-")))
                start--;
            while (end < r->n && (cp_is_ascii_alnum(r->c[end].cp) || zp_in(r->c[end].cp, ".-")))
                end++;
            if (start < i && end > i + 1)
                zp_freeze(r, start, end);
        }
    }
}

/* --- the rules ----------------------------------------------------------- */

static void zp_convert(zp_run *r, size_t i, uint32_t to, int mark, zhpunct_counts *counts)
{
    r->c[i].out = to;
    r->c[i].flags |= ZF_CHANGED;
    /* A full-width mark carries its own space. */
    for (size_t k = i + 1; k < r->n && zp_is_space(r->c[k].cp) && !(r->c[k].flags & ZF_FROZEN); k++) {
        r->c[k].flags |= ZF_DROPPED;
        if (counts)
            counts->spaces++;
    }
    if (counts && mark >= 0)
        counts->mark[mark]++;
}

static bool zp_has_cjk(const zp_run *r, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (zp_is_cjk(zp_at(r, i)))
            return true;
    return false;
}

/* A pair is made full-width together or not at all: when it holds Chinese,
 * or when it sits in Chinese ("(1)加强", "聊城(Liaocheng)市") with nothing
 * Latin glued to it, as in "f(x)". */
static bool zp_parens(zp_run *r, zhpunct_counts *counts)
{
    size_t *stack = xcalloc(r->n + 1, sizeof *stack), depth = 0;
    bool changed = false;
    for (size_t i = 0; i < r->n; i++) {
        if (r->c[i].flags & (ZF_FROZEN | ZF_CHANGED))
            continue;
        if (r->c[i].cp == '(') {
            stack[depth++] = i;
            continue;
        }
        if (r->c[i].cp != ')' || depth == 0)
            continue;
        size_t o = stack[--depth];
        int left = zp_left(r, o, NULL), right = zp_right(r, i);
        bool after_mark = i + 1 < r->n && zp_is_mark(r->c[i + 1].cp) && r->c[i + 1].cp != '(';
        bool inside = zp_has_cjk(r, o + 1, i);
        bool before_ok = left == ZC_CJK || left == ZC_EDGE;
        bool after_ok = right == ZC_CJK || right == ZC_EDGE || after_mark;
        bool beside = before_ok && after_ok && (left == ZC_CJK || right == ZC_CJK);
        bool glued = o > 0 && cp_is_ascii_alnum(r->c[o - 1].cp) && zp_live(r, o - 1);
        if ((inside && (!glued || left != ZC_NONE)) || beside) {
            zp_convert(r, o, 0xFF08, -1, counts);
            zp_convert(r, i, 0xFF09, ZP_PARENS, counts);
            changed = true;
        }
    }
    free(stack);
    return changed;
}

static bool zp_marks(zp_run *r, zhpunct_counts *counts)
{
    bool changed = false;
    for (size_t i = 0; i < r->n; i++) {
        zp_char *ch = &r->c[i];
        if (ch->flags & (ZF_FROZEN | ZF_CHANGED | ZF_DROPPED) || !zp_is_mark(ch->cp) ||
            ch->cp == '(' || ch->cp == ')')
            continue;
        uint32_t prev = i > 0 ? r->c[i - 1].cp : 0;
        uint32_t next = i + 1 < r->n ? r->c[i + 1].cp : 0;
        /* 1,000  10:30  1:2  1;2 */
        if (cp_is_ascii_digit(prev) && cp_is_ascii_digit(next))
            continue;
        bool numeric;
        int left = zp_left(r, i, &numeric), right = zp_right(r, i);
        bool ok = false;
        switch (ch->cp) {
        case ',':
        case ';':
            ok = (left == ZC_CJK && right != ZC_NONE) || (left == ZC_ATTACHED && right == ZC_CJK);
            break;
        case ':':
            /* "中文:http://" converts its colon, "http://" keeps its own. */
            ok = left == ZC_CJK && next != '/';
            break;
        case '!':
        case '?':
            ok = next != '=' && next != '&' &&
                 (left == ZC_CJK || (left == ZC_ATTACHED && numeric && right != ZC_NONE));
            break;
        default:
            break;
        }
        if (!ok)
            continue;
        static const char from[] = ",:;!?";
        static const uint32_t to[] = { 0xFF0C, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F };
        static const int mark[] = { ZP_COMMA, ZP_COLON, ZP_SEMICOLON, ZP_EXCLAM, ZP_QUESTION };
        size_t m = (size_t)(strchr(from, (int)ch->cp) - from);
        zp_convert(r, i, to[m], mark[m], counts);
        changed = true;
    }
    return changed;
}

/* The converted bytes of source S, or NULL when nothing in it changed. */
static char *zp_rebuild(const zp_run *r, size_t s)
{
    size_t first = r->src[s].first, end = s + 1 < r->nsrc ? r->src[s + 1].first : r->n;
    bool changed = false;
    for (size_t i = first; i < end && !changed; i++)
        changed = r->c[i].flags & (ZF_CHANGED | ZF_DROPPED);
    if (!changed)
        return NULL;
    buf_t b;
    buf_init(&b);
    buf_puts(&b, "");
    for (size_t i = first; i < end; i++) {
        const zp_char *ch = &r->c[i];
        if (ch->flags & ZF_DROPPED)
            continue;
        if (ch->flags & ZF_CHANGED)
            utf8_encode(&b, ch->out);
        else
            buf_add(&b, r->src[s].text + ch->off, ch->len);
    }
    return buf_detach(&b);
}

/* Enough for any real text; a cap keeps a pathological run linear. */
#define ZP_PASSES 4

static void zp_decide(zp_run *r, zhpunct_counts *counts)
{
    zp_protect(r);
    /* A converted mark is Chinese context for its neighbours ("：(注)"),
     * so decide again until nothing changes: a second run of the tool
     * then finds nothing left to do. */
    bool changed = true;
    for (int pass = 0; changed && pass < ZP_PASSES; pass++) {
        changed = zp_parens(r, counts);
        changed = zp_marks(r, counts) || changed;
    }
}

static void zp_reset(zp_run *r)
{
    r->n = 0;
    r->nsrc = 0;
}

static void zp_release(zp_run *r)
{
    free(r->c);
    free(r->src);
}

/* Decide the run gathered so far, write it back into its text nodes and
 * start the next. */
static void zp_flush(zp_run *r, zhpunct_counts *counts)
{
    if (r->n) {
        zp_decide(r, counts);
        for (size_t s = 0; s < r->nsrc; s++) {
            char *text = zp_rebuild(r, s);
            if (text && r->src[s].node)
                xmlNodeSetContent(r->src[s].node, (const xmlChar *)text);
            free(text);
        }
    }
    zp_reset(r);
}

char *zhpunct_text(const char *text, zhpunct_counts *counts)
{
    zp_run r = { 0 };
    zp_add(&r, text ? text : "", NULL, false);
    zp_decide(&r, counts);
    char *out = zp_rebuild(&r, 0);
    if (!out)
        out = xstrdup(text ? text : "");
    zp_release(&r);
    return out;
}

static void zp_walk(xmlNodePtr parent, zp_run *r, bool frozen, zhpunct_counts *counts)
{
    /* Inline elements continue the run; any other element ends it. */
    static const char *const inline_names[] = {
        "a", "em", "strong", "sub", "sup", "s", "u", "span", "ruby", "rt", "rp",
        "b", "i", "small", "mark", "abbr", "q", "cite", "dfn", "time", "bdi", "bdo", NULL
    };
    /* Code reads as context but is never changed. */
    static const char *const code_names[] = { "code", "kbd", "samp", "var", "tt", NULL };
    static const char *const skipped_names[] = { "pre", "script", "style", "textarea", "math", "svg", NULL };
    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            zp_add(r, (const char *)n->content, n, frozen);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is_any(n, skipped_names)) {
            zp_flush(r, counts);
        } else if (xml_is_any(n, code_names)) {
            zp_walk(n, r, true, counts);
        } else if (xml_is_any(n, inline_names)) {
            zp_walk(n, r, frozen, counts);
        } else {
            zp_flush(r, counts);
            zp_walk(n, r, frozen, counts);
            zp_flush(r, counts);
        }
    }
}

void zhpunct_article(article *a, zhpunct_counts *counts)
{
    zp_run r = { 0 };
    if (a->body) {
        zp_walk(a->body, &r, false, counts);
        zp_flush(&r, counts);
    }
    zp_release(&r);
    if (a->meta.title) {
        char *title = zhpunct_text(a->meta.title, counts);
        article_meta_set(&a->meta.title, title);
        free(title);
    }
}

#include "md/md_internal.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

/* Turns marked inline text into Markdown. An emphasis pair is written as
 * ** / * / ~~ only where CommonMark will read it back as emphasis, judged on
 * the characters that end up beside each delimiter; otherwise as <strong>,
 * <em>, <s>. Never by adding spaces: that would change the text. */

const char md_mark_open[MD_EMPH_KINDS] = { 'S', 'E', 'X' };
const char md_mark_close[MD_EMPH_KINDS] = { 's', 'e', 'x' };
static const char *const md_emph_md[MD_EMPH_KINDS] = { "**", "*", "~~" };
static const char *const md_emph_tag[MD_EMPH_KINDS] = { "strong", "em", "s" };

typedef struct {
    size_t start, end;   /* bytes of the marked text */
    char   type;         /* 't' text, 'd' delimiter, 'l' literal */
    char   ch;           /* the mark's kind letter, or the literal */
    int    kind;         /* delimiter: MD_STRONG... */
    bool   opening;
    int    partner;      /* delimiter: index of the other half, -1 if none */
    int    depth;        /* delimiter: how many pairs enclose it */
    bool   html;         /* delimiter: spelled as an HTML tag */
    bool   escape;       /* literal: needs its backslash */
} md_tok;

typedef struct {
    const char *s;
    md_tok *t;
    int n;
} md_toks;

static int md_kind_of(char mark, bool *opening)
{
    for (int k = 0; k < MD_EMPH_KINDS; k++) {
        if (mark == md_mark_open[k] || mark == md_mark_close[k]) {
            *opening = mark == md_mark_open[k];
            return k;
        }
    }
    return -1;
}

static void md_tokenize(const char *s, size_t len, md_toks *tk)
{
    tk->s = s;
    tk->t = xcalloc(len + 1, sizeof *tk->t);
    tk->n = 0;
    size_t text = 0;
    for (size_t i = 0; i < len; i++) {
        if ((s[i] != MD_MARK && s[i] != MD_LIT) || i + 1 >= len)
            continue;
        if (i > text)
            tk->t[tk->n++] = (md_tok){ .start = text, .end = i, .type = 't', .partner = -1 };
        md_tok m = { .start = i, .end = i + 2, .ch = s[i + 1], .partner = -1 };
        m.type = s[i] == MD_MARK ? 'd' : 'l';
        if (m.type == 'd')
            m.kind = md_kind_of(m.ch, &m.opening);
        if (m.type == 'd' && m.kind < 0)
            m.type = 't';   /* cannot happen; keep the bytes rather than guess */
        tk->t[tk->n++] = m;
        text = i + 2;
        i++;
    }
    if (len > text)
        tk->t[tk->n++] = (md_tok){ .start = text, .end = len, .type = 't', .partner = -1 };
}

static void md_pair(md_toks *tk)
{
    int *stack = xcalloc((size_t)tk->n + 1, sizeof *stack), top = 0;
    for (int i = 0; i < tk->n; i++) {
        md_tok *t = &tk->t[i];
        if (t->type != 'd')
            continue;
        if (t->opening) {
            t->depth = top;
            stack[top++] = i;
        } else if (top > 0 && tk->t[stack[top - 1]].kind == t->kind) {
            int o = stack[--top];
            t->partner = o;
            tk->t[o].partner = i;
            t->depth = top;
        }
    }
    for (int i = 0; i < tk->n; i++)
        if (tk->t[i].type == 'd' && tk->t[i].partner < 0)
            tk->t[i].html = true;
    free(stack);
}

/* The character that will stand just left (or right) of token I, 0 for a
 * line edge. *NEXT_TO gets the index of a neighbouring delimiter that is
 * still to be written as Markdown: two delimiter runs must never touch. */
static uint32_t md_left(const md_toks *tk, int i, int *next_to)
{
    if (i == 0)
        return 0;
    const md_tok *p = &tk->t[i - 1];
    if (p->type == 'd') {
        if (!p->html)
            *next_to = i - 1;
        return p->html ? '>' : '*';
    }
    if (p->type == 'l')
        return (unsigned char)p->ch;
    if (tk->s[p->end - 1] == '\n')
        return 0;
    return utf8_before(tk->s, p->end);
}

static uint32_t md_right(const md_toks *tk, int i, int *next_to)
{
    if (i + 1 >= tk->n)
        return 0;
    const md_tok *q = &tk->t[i + 1];
    if (q->type == 'd') {
        if (!q->html)
            *next_to = i + 1;
        return q->html ? '<' : '*';
    }
    if (q->type == 'l')
        return q->escape ? '\\' : (unsigned char)q->ch;
    if (tk->s[q->start] == '\n')
        return 0;
    size_t at = q->start;
    return utf8_next(tk->s, q->end, &at);
}

static void md_decide_literals(md_toks *tk)
{
    for (int i = 0; i < tk->n; i++) {
        if (tk->t[i].type != 'l')
            continue;
        int j = i;
        while (j + 1 < tk->n && tk->t[j + 1].type == 'l' && tk->t[j + 1].ch == tk->t[i].ch)
            j++;
        int touch = -1;
        uint32_t before = md_left(tk, i, &touch);
        uint32_t after = md_right(tk, j, &touch);
        bool esc = touch >= 0 || (i > 0 && tk->t[i - 1].type == 'd') ||
                   (j + 1 < tk->n && tk->t[j + 1].type == 'd') ||
                   md_may_delimit(before, after, tk->t[i].ch);
        for (int k = i; k <= j; k++)
            tk->t[k].escape = esc;
        i = j;
    }
}

static void md_to_html(md_toks *tk, int i)
{
    tk->t[i].html = true;
    if (tk->t[i].partner >= 0)
        tk->t[tk->t[i].partner].html = true;
}

/* One pass over the delimiters still spelled as Markdown, turning to HTML
 * those that cannot work; true when any did, since that changes what their
 * neighbours see and calls for another pass. */
static bool md_demote(md_toks *tk)
{
    bool changed = false;
    for (int i = 0; i < tk->n; i++) {
        md_tok *t = &tk->t[i];
        if (t->type != 'd' || t->html)
            continue;
        int touch = -1;
        uint32_t before = md_left(tk, i, &touch);
        uint32_t after = md_right(tk, i, &touch);
        if (touch >= 0) {
            /* Touching runs merge (*** …): the inner, or else the later, one yields. */
            const md_tok *o = &tk->t[touch];
            bool mine = t->depth > o->depth || (t->depth == o->depth && i > touch);
            md_to_html(tk, mine ? i : touch);
            changed = true;
            continue;
        }
        char delim = md_emph_md[t->kind][0];
        bool ok = t->opening ? md_can_open(before, after, delim)
                             : md_can_close(before, after, delim);
        if (!ok) {
            md_to_html(tk, i);
            changed = true;
        }
    }
    return changed;
}

static void md_spell(const md_toks *tk, buf_t *out)
{
    for (int i = 0; i < tk->n; i++) {
        const md_tok *t = &tk->t[i];
        if (t->type == 't') {
            buf_add(out, tk->s + t->start, t->end - t->start);
        } else if (t->type == 'l') {
            if (t->escape)
                buf_putc(out, '\\');
            buf_putc(out, t->ch);
        } else if (t->html) {
            buf_printf(out, t->opening ? "<%s>" : "</%s>", md_emph_tag[t->kind]);
        } else {
            buf_puts(out, md_emph_md[t->kind]);
        }
    }
}

static void md_trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

static void md_finish(const char *s, size_t n, md_inline_kind kind, buf_t *out)
{
    md_trim(&s, &n);
    if (kind == MD_IN_PARA) {
        while (n) {
            size_t eol = 0;
            while (eol < n && s[eol] != '\n')
                eol++;
            const char *line = s;
            size_t len = eol;
            md_trim(&line, &len);
            md_escape_line_start(line, len, out);
            if (eol < n)
                buf_putc(out, '\n');
            s += eol < n ? eol + 1 : eol;
            n -= eol < n ? eol + 1 : eol;
        }
    } else if (kind == MD_IN_CELL) {
        /* GFM splits a row on '|' before anything else, even inside code
         * spans and link destinations; a backslash keeps it in the cell. */
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '|')
                buf_putc(out, '\\');
            buf_putc(out, s[i]);
        }
    } else {
        /* A closing run of '#' would be taken for the heading's end. */
        if (n && s[n - 1] == '#') {
            buf_add(out, s, n - 1);
            buf_puts(out, "\\#");
        } else {
            buf_add(out, s, n);
        }
    }
}

void md_resolve(const char *marked, size_t len, md_inline_kind kind, buf_t *out)
{
    if (!len)
        return;
    md_toks tk;
    md_tokenize(marked, len, &tk);
    md_pair(&tk);
    md_decide_literals(&tk);
    while (md_demote(&tk))
        ;
    buf_t spelled;
    buf_init(&spelled);
    md_spell(&tk, &spelled);
    md_finish(spelled.data ? spelled.data : "", spelled.len, kind, out);
    buf_free(&spelled);
    free(tk.t);
}

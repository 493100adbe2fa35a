/* The rules that make an ASCII mark full-width: a mark standing in
 * Chinese context, a pair of parentheses that holds or sits in Chinese. */
#include "zhpunct/zhpunct_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

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

/* Enough for any real text; a cap keeps a pathological run linear. */
#define ZP_PASSES 4

void zp_decide(zp_run *r, zhpunct_counts *counts)
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

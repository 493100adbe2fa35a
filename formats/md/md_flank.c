#include "md/md_internal.h"

/* CommonMark 6.2: whether a delimiter run can open or close emphasis
 * depends only on the characters on either side of it. Chinese text makes
 * this bite: in 中**“引号”**中 the run before “ is preceded by a letter and
 * followed by punctuation, so it opens nothing. */

typedef struct { bool left, right; } md_flanking;

static md_flanking md_flanks(uint32_t before, uint32_t after, bool symbols)
{
    bool ws_before = md_is_space(before), ws_after = md_is_space(after);
    bool p_before = md_is_punct(before, symbols), p_after = md_is_punct(after, symbols);
    md_flanking f;
    f.left = !ws_after && (!p_after || ws_before || p_before);
    f.right = !ws_before && (!p_before || ws_after || p_after);
    return f;
}

static bool md_opens(uint32_t before, uint32_t after, char delim, bool symbols)
{
    md_flanking f = md_flanks(before, after, symbols);
    if (delim == '_')
        return f.left && (!f.right || md_is_punct(before, symbols));
    return f.left;
}

static bool md_closes(uint32_t before, uint32_t after, char delim, bool symbols)
{
    md_flanking f = md_flanks(before, after, symbols);
    if (delim == '_')
        return f.right && (!f.left || md_is_punct(after, symbols));
    return f.right;
}

bool md_can_open(uint32_t before, uint32_t after, char delim)
{
    return md_opens(before, after, delim, false) && md_opens(before, after, delim, true);
}

bool md_can_close(uint32_t before, uint32_t after, char delim)
{
    return md_closes(before, after, delim, false) && md_closes(before, after, delim, true);
}

bool md_may_delimit(uint32_t before, uint32_t after, char delim)
{
    for (int symbols = 0; symbols < 2; symbols++)
        if (md_opens(before, after, delim, symbols) || md_closes(before, after, delim, symbols))
            return true;
    return false;
}

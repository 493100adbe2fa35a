/* The title a record gives in a row of its own: a letter box's reply, a
 * consultation or a filed document shows its fields as label and value
 * (留言标题 | 关于…的问题), while the page's title strings name only the
 * kind of page (信件详情). Read when no title string or heading is the
 * title. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <string.h>

#define ROW_TITLE_MIN 4
#define ROW_TITLE_MAX 120

static const char *const title_labels[] = {
    "标题", "留言标题", "信件标题", "来信标题", "咨询标题", "投诉标题", "公文标题", "文件标题",
    "主题", "信件主题", "留言主题", "来信主题", "文件名称", "事项名称", NULL
};

/* The label S opens with, spaces inside it ignored (标　　题), then a colon
 * or the line's end; the byte after it, or NULL. */
static const char *after_title_label(const char *s)
{
    for (int i = 0; title_labels[i]; i++) {
        const char *l = title_labels[i], *q = s;
        while (*l) {
            while (pm_is_sep(*q) || !strncmp(q, "　", 3))
                q += *q == ' ' || *q == PM_GAP || *q == PM_EDGE ? 1 : 3;
            if (strncmp(q, l, 3))   /* the labels are all of CJK characters */
                break;
            q += 3;
            l += 3;
        }
        if (*l)
            continue;
        while (pm_is_sep(*q))
            q++;
        if (!strncmp(q, "：", 3))
            return q + 3;
        if (*q == ':')
            return q + 1;
        if (!*q)
            return q;
    }
    return NULL;
}

/* S, trimmed, when it is of a title's length and no label of its own. */
static char *title_value(const char *s)
{
    while (pm_is_sep(*s) || !strncmp(s, "　", 3))
        s += *s == ' ' || *s == PM_GAP || *s == PM_EDGE ? 1 : 3;
    size_t n = strlen(s);
    while (n && pm_is_sep(s[n - 1]))
        n--;
    size_t chars = utf8_length(s, n);
    if (chars < ROW_TITLE_MIN || chars > ROW_TITLE_MAX || memchr(s, PM_GAP, n) ||
        (n >= 3 && !memcmp(s + n - 3, "：", 3)))
        return NULL;
    char *t = xstrndup(s, n);
    for (char *q = t; *q; q++)
        if (*q == PM_EDGE)
            *q = ' ';
    return t;
}

char *pm_labelled_title(const pm_page *p)
{
    for (size_t i = 0; i < p->n_lines; i++) {
        const char *v = after_title_label(pm_line_text(p, i));
        if (!v)
            continue;
        if (*v)
            return title_value(v);
        return i + 1 < p->n_lines ? title_value(pm_line_text(p, i + 1)) : NULL;
    }
    return NULL;
}

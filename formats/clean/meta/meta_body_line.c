/* A line inside the article's body that carries metadata rather than text:
 * "本文来源：人民网　责任编辑：张三", "（来源：新华社）", "编辑：李四". Its 来源
 * goes into the head when the page gave none; its 作者 too; an editor
 * (责任编辑, 编辑, 审核…) is read past and never becomes the author. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"
#include "util/zh_fold.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

enum { BL_SOURCE, BL_AUTHOR, BL_OTHER };

/* Longer words first, so that 本文来源 is not read as 本文 and 来源. */
static const struct {
    const char *word;
    int         field;
} bl_labels[] = {
    { "本文来源", BL_SOURCE }, { "文章来源", BL_SOURCE }, { "信息来源", BL_SOURCE },
    { "稿件来源", BL_SOURCE }, { "新闻来源", BL_SOURCE }, { "消息来源", BL_SOURCE },
    { "责任编辑", BL_OTHER },  { "值班编辑", BL_OTHER },  { "来源", BL_SOURCE },
    { "出处", BL_SOURCE },     { "编辑", BL_OTHER },      { "责编", BL_OTHER },
    { "主编", BL_OTHER },      { "审核", BL_OTHER },      { "审校", BL_OTHER },
    { "校对", BL_OTHER },      { "终审", BL_OTHER },      { "编审", BL_OTHER },
    { "编译", BL_OTHER },      { "监制", BL_OTHER },      { "统筹", BL_OTHER },
    { "摄影", BL_OTHER },      { "通讯员", BL_AUTHOR },   { "作者", BL_AUTHOR },
    { "记者", BL_AUTHOR },     { "转自", BL_SOURCE },
};

/* A verb, not a label: its value follows it with no colon ("转自人民网"). */
static bool bl_bare(const char *word)
{
    return !strcmp(word, "转自");
}

/* Length of what may stand between the fields at P: blanks, brackets,
 * bars and commas; or 0. */
static size_t bl_between(const char *p, const char *end)
{
    static const char *const marks[] = { " ", "\t", "（", "）", "(", ")", "【", "】", "[", "]",
                                         "［", "］", "|", "｜", "/", "／", "，", ",", "、", "；",
                                         ";", "。", "　", "\xc2\xa0" };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (pm_at(p, end, marks[i]))
            return strlen(marks[i]);
    return 0;
}

/* The label at P, its field into *FIELD and the start of its value into
 * *VALUE; false when none stands there, or a word goes on after it with no
 * colon or blank between ("编辑部", "记者获悉"). */
static bool bl_label(const char *p, const char *end, int *field, const char **value)
{
    for (size_t i = 0; i < sizeof bl_labels / sizeof bl_labels[0]; i++) {
        if (!pm_at(p, end, bl_labels[i].word))
            continue;
        const char *q = p + strlen(bl_labels[i].word);
        bool had;
        const char *v = pm_skip_colon(q, end, &had);
        if (!had && v == q && v < end && !bl_bare(bl_labels[i].word))
            return false;
        *field = bl_labels[i].field;
        *value = v;
        return true;
    }
    return false;
}

static void bl_take(char **slot, char *v, bool author)
{
    if (v && author)
        pm_strip_roles(v);
    if (v && *v && !*slot && !pm_is_anonymous(v))
        article_meta_set(slot, v);
    free(v);
}

bool page_meta_body_line(const char *text, article_meta *m)
{
    size_t n = text ? strlen(text) : 0;
    if (!n || n > 240)
        return false;
    char *fold = xmalloc(n + 1);
    zh_fold(text, n, fold);
    pm_line_src ls = { fold, text };
    const char *p = fold, *end = fold + n;
    char *publisher = NULL, *author = NULL;
    int labels = 0;
    bool prose = false;
    while (p < end && !prose) {
        size_t k = bl_between(p, end);
        int field;
        const char *v;
        if (k) {
            p += k;
        } else if (bl_label(p, end, &field, &v)) {
            labels++;
            const char *stop = v;
            char *val = pm_read_value_to(&ls, v, end, 60, &stop);
            if (field == BL_SOURCE && !publisher)
                publisher = val;
            else if (field == BL_AUTHOR && !author)
                author = val;
            else
                free(val);
            p = stop > v ? stop : v;
        } else {
            prose = true;
        }
    }
    /* The fields read before any prose are the line's, whether or not it
     * goes on ("来源：人民网 更多精彩，请登录……"). */
    bool meta = labels && !prose;
    if (labels && m) {
        bl_take(&m->publisher, publisher, false);
        bl_take(&m->creator, author, true);
    } else {
        free(publisher);
        free(author);
    }
    free(fold);
    return meta;
}

/* Words that close a Chinese article in brackets and name nobody. */
static bool bl_not_name(const char *s, size_t n)
{
    static const char *const words[] = { "待续", "未完待续", "全文完", "组图", "节选", "摘编",
                                         "转载", "原创", "译文", "供图", "资料图", "附图", "全文",
                                         "上篇", "下篇", "中篇", "续完", "本报讯" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(s, words[i], n) == 0)
            return true;
    return false;
}

bool page_meta_closing_byline(const char *text, article_meta *m)
{
    size_t n = text ? strlen(text) : 0;
    while (n && text[n - 1] == ' ')
        n--;
    size_t close = n >= 3 && !memcmp(text + n - 3, "）", 3) ? 3 : n && text[n - 1] == ')' ? 1 : 0;
    if (!close || !m || (m->creator && *m->creator))
        return false;
    /* The bracket that opens it, not far back. */
    size_t open = n - close, from = 0;
    while (open > 0 && n - open < 48) {
        open--;
        if (!memcmp(text + open, "（", 3) || text[open] == '(') {
            from = open + (text[open] == '(' ? 1 : 3);
            break;
        }
    }
    if (!from)
        return false;
    /* One to three names of two to four Han characters, and nothing else. */
    buf_t names;
    buf_init(&names);
    int parts = 0;
    bool ok = true;
    for (size_t i = from; i < n - close && ok;) {
        while (i < n - close && (text[i] == ' ' || !strncmp(text + i, "、", 3)))
            i += text[i] == ' ' ? 1 : 3;
        size_t st = i;
        int han = 0;
        while (i < n - close && text[i] != ' ' && strncmp(text + i, "、", 3)) {
            uint32_t c = utf8_next(text, n - close, &i);
            ok = ok && cp_is_han(c);
            han++;
        }
        if (i == st)
            break;
        ok = ok && han >= 2 && han <= 4 && !bl_not_name(text + st, i - st) && ++parts <= 3;
        /* "（网易财经 张艳）": the publisher before the name is none. */
        bool publisher = m->publisher && strlen(m->publisher) == i - st &&
                         !memcmp(m->publisher, text + st, i - st);
        if (publisher)
            continue;
        if (names.len)
            buf_putc(&names, ' ');
        buf_add(&names, text + st, i - st);
    }
    ok = ok && names.len;
    if (ok)
        article_meta_set(&m->creator, names.data);
    buf_free(&names);
    return ok;
}

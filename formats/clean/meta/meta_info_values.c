/* Where a field's value ends on an info line: at a wide gap, at the next
 * label ("来源：新华社 作者：张三"), at a date or a clock time, at words no
 * name holds (浏览, 字号, 【打印】). Labels and stops are looked for in the
 * folded line (zh_fold); the value is copied from the line as written. */
#include "clean/meta/page_meta_int.h"
#include "util/zh_fold.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* The colon after a label: ':' or '：', possibly with spaces around. */
const char *pm_skip_colon(const char *p, const char *end, bool *had)
{
    *had = false;
    while (p < end && (*p == ' ' || *p == PM_GAP || *p == PM_EDGE))
        p++;
    if (p < end && *p == ':') {
        p++;
        *had = true;
    } else if (pm_at(p, end, "：")) {
        p += 3;
        *had = true;
    }
    while (p < end && (*p == ' ' || *p == PM_GAP || *p == PM_EDGE))
        p++;
    return p;
}

/* Words that begin another field. A value stops before any of them when a
 * colon follows (so that "中国时间报" survives), and before the ALWAYS
 * ones in any case: no name contains 浏览 or 字号. */
static const char *const field_words[] = {
    "发布时间", "发布日期", "发表时间", "发稿时间", "更新时间", "时间", "日期", "发布", "来源",
    "作者", "编辑", "责任编辑", "审核", "校对", "记者", "通讯员", "摄影", "供稿", "出处", "撰稿",
    "文章来源", "信息来源", "资料来源", "消息来源", "录入", "签发", "点击", "浏览", "阅读", "字号",
    "评论", "关键词", "Source", "Author", "Date", "By", "Published", "Posted", "Updated",
};
static const char *const always_stop[] = {
    "浏览", "点击", "阅读", "字号", "字体", "【", "［", "打印", "列印", "分享", "访问量", "人次",
    "责任编辑", "编辑：", "编辑:", "来源：", "来源:", "作者：", "作者:", "发布时间", "发布日期",
    "发表于", "发布于", "发表时间", "更新时间", "审核：", "校对：", "录入：", "发自",
    "摄影", "通讯员", "实习生", "阅读次数", "（", "(", "）", ")", "】", "]", "|", "｜", "丨", "•",
    "／", "。", "；", ";", "，", ",", "“", "”", "《", "》", "」", "］", "〕", "』", "’",
};

static bool field_word_here(const char *p, const char *end)
{
    for (size_t i = 0; i < sizeof field_words / sizeof field_words[0]; i++)
        if (pm_at(p, end, field_words[i])) {
            bool had;
            const char *q = p + strlen(field_words[i]);
            pm_skip_colon(q, end, &had);
            if (had)
                return true;
        }
    return false;
}

static bool always_stop_here(const char *p, const char *end)
{
    for (size_t i = 0; i < sizeof always_stop / sizeof always_stop[0]; i++)
        if (pm_at(p, end, always_stop[i]))
            return true;
    return false;
}

static const char *orig_at(const pm_line_src *ls, const char *p)
{
    return ls->orig + (p - ls->fold);
}

/* N bytes of the original line at P (a pointer into the folded copy). The
 * separators the line reader put in become plain spaces: they are markers,
 * not text ("By Kelli  Miller" had a wide gap). */
static char *copy_value(const pm_line_src *ls, const char *p, size_t n)
{
    char *out = xmalloc(n + 1);
    memcpy(out, orig_at(ls, p), n);
    out[n] = 0;
    for (char *q = out; *q; q++)
        if (*q == PM_GAP || *q == PM_EDGE)
            *q = ' ';
    return out;
}

/* Does the token at P look like the start of another field or of a date or
 * time, so that a single space before it ends the value? */
static bool next_token_is_field(const char *p, const char *end)
{
    static const char *const words[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "January", "February", "March", "April", "June", "July", "August", "September",
        "October", "November", "December", "on", "On", "Updated", "Published", "Posted",
        "Edited",
    };
    if (p >= end || pm_is_digit(*p))
        return true;
    /* A mark standing alone between spaces parts two fields ("By Dana
     * Whitlow · November 3"); inside a name it touches the words (约翰·史密斯). */
    static const char *const marks[] = { "·", "・", "—", "–", "-", "/", "⋅" };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t k = strlen(marks[i]);
        if ((size_t)(end - p) >= k && !memcmp(p, marks[i], k) &&
            (p + k == end || p[k] == ' ' || p[k] == PM_GAP || p[k] == PM_EDGE))
            return true;
    }
    size_t wl = 0;   /* the word's letters, Latin beyond ASCII too (Solís) */
    while (p + wl < end && ((p[wl] >= 'a' && p[wl] <= 'z') || (p[wl] >= 'A' && p[wl] <= 'Z') ||
                            ((unsigned char)p[wl] >= 0xC3 && (unsigned char)p[wl] <= 0xCF) ||
                            ((unsigned char)p[wl] >= 0x80 && (unsigned char)p[wl] <= 0xBF && wl)))
        wl++;
    /* A month only when a day follows: "June" is also a name. */
    const char *after = p + wl;
    if (after < end && *after == '.')
        after++;
    bool day_next = after + 1 < end && *after == ' ' && pm_is_digit(after[1]);
    for (size_t i = 0; wl && i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == wl && memcmp(p, words[i], wl) == 0 && (i >= 24 || day_next))
            return true;
    const char *t = p;
    while (t < end && *t != ' ' && *t != PM_GAP && *t != PM_EDGE) {
        /* a word's own trailing comma ends the value after the word
         * ("By Brenda Goodman, MA"), not before it */
        if (*t == ',' && t > p)
            break;
        if (*t == ':' || pm_at(t, end, "：") || always_stop_here(t, end))
            return true;
        t++;
    }
    return field_word_here(p, end);
}

/* Length of an opening bracket or quote at P, or 0: a value the page set
 * in them ("来源：[ 人民网 ]", "来源：【新华社】", "《人民日报》") is what
 * they hold. */
static size_t opening_at(const char *p, const char *end)
{
    static const char *const opening[] = { "[", "(", "\"", "【", "（", "“", "《", "［", "「",
                                           "〔", "『", "‘" };
    for (size_t i = 0; i < sizeof opening / sizeof opening[0]; i++)
        if (pm_at(p, end, opening[i]))
            return strlen(opening[i]);
    return 0;
}

/* The value at P: up to the next separator, field label, date or time.
 * Where it stopped goes to *AT when AT is not NULL. */
static char *read_value_at(const pm_line_src *ls, const char *p, const char *end, size_t max_len,
                           const char **at_out)
{
    for (size_t k; p < end;) {
        if (*p == ' ' || *p == PM_GAP || *p == PM_EDGE)
            p++;
        else if ((k = opening_at(p, end)) != 0)
            p += k;
        else
            break;
    }
    const char *v = p, *stop = p;
    while (p < end) {
        if (*p == PM_GAP && p > v && (unsigned char)p[-1] < 0x80 && p + 1 < end &&
            p[1] >= 'A' && p[1] <= 'Z' && !next_token_is_field(p + 1, end)) {
            p++;        /* "By Brenda  Goodman": a wide gap inside a Latin name */
            continue;
        }
        if (*p == PM_GAP || *p == PM_EDGE || *p == '\n')
            break;
        if (*p == ' ') {
            if (next_token_is_field(p + 1, end))
                break;
            p++;
            continue;
        }
        if (p > v && (always_stop_here(p, end) || field_word_here(p, end)))
            break;
        if (p == v && always_stop_here(p, end))
            break;
        if (pm_is_digit(*p) && p > v) {
            /* A date or a clock time right after the value. */
            const char *q = p;
            while (q < end && pm_is_digit(*q))
                q++;
            if (q < end && (*q == '-' || *q == ':' || *q == '/' || pm_at(q, end, "年")))
                break;
        }
        int len;
        utf8_decode(p, (size_t)(end - p), &len);
        p += len;
        stop = p;
    }
    if (at_out)
        *at_out = stop;
    /* Trailing colons and dashes are left over from a label with no value. */
    while (stop > v && (stop[-1] == ' ' || stop[-1] == ':' || stop[-1] == '-'))
        stop--;
    while (stop - v >= 3 && (pm_at(stop - 3, end, "：") || pm_at(stop - 3, end, "　")))
        stop -= 3;
    if (stop == v || (size_t)(stop - v) > max_len)
        return NULL;
    /* Markup that leaked into text ('size="20"') is no name. */
    for (const char *q = v; q < stop; q++)
        if (*q == '=' || *q == '<' || *q == '>' || *q == '"' || *q == '{')
            return NULL;
    return copy_value(ls, v, (size_t)(stop - v));
}

char *pm_read_value(const pm_line_src *ls, const char *p, const char *end, size_t max_len)
{
    return read_value_at(ls, p, end, max_len, NULL);
}

char *pm_read_value_to(const pm_line_src *ls, const char *p, const char *end, size_t max_len,
                       const char **stop)
{
    return read_value_at(ls, p, end, max_len, stop);
}

/* A short run of CJK characters (a Chinese name) at P, ending at a space,
 * a bracket or the line's end; its end, or NULL. Its characters are those
 * of U+4000..U+9FFF, where the unified ideographs lie (cp_is_han, wider,
 * would read names this does not). */
static const char *cjk_name(const char *p, const char *end)
{
    int n = 0;
    const char *q = p;
    while (q < end && n < 5) {
        int len;
        uint32_t c = utf8_decode(q, (size_t)(end - q), &len);
        if (c < 0x4000 || c > 0x9FFF)
            break;
        if (always_stop_here(q, end) || field_word_here(q, end))
            return NULL;
        q += len;
        n++;
    }
    if (n < 2 || n > 4)
        return NULL;
    if (q < end && *q != ' ' && *q != PM_GAP && *q != PM_EDGE && !pm_at(q, end, "）") && *q != ')')
        return NULL;
    return q;
}

/* Names after 记者 or 作者: the value, and further names that the page set
 * apart with wide gaps ("记者　伊琳　李清芬") or that another role word
 * brings ("记者 张三 通讯员 李四", where 通讯员 ends the value). */
char *pm_read_names(const pm_line_src *ls, const char *p, const char *end, size_t max_len)
{
    const char *stop;
    char *v = read_value_at(ls, p, end, max_len, &stop);
    if (!v)
        return NULL;
    for (int k = 0; k < 4; k++) {
        const char *q = stop;
        while (q < end && pm_is_sep(*q))
            q++;
        size_t rl = q < end ? pm_role_at(q, end) : 0;
        /* the paper may stand before the role: "青禾周刊实习生 何雨" */
        for (int han = 1; !rl && han <= 6 && q + 3 * han < end; han++) {
            int len;
            uint32_t c = utf8_decode(q + 3 * (han - 1), (size_t)(end - q - 3 * (han - 1)), &len);
            if (len != 3 || c < 0x4E00 || c > 0x9FFF)
                break;
            if ((rl = pm_role_at(q + 3 * han, end)) != 0)
                q += 3 * han;
        }
        if (rl) {
            bool had;
            q = pm_skip_colon(q + rl, end, &had);
        }
        const char *e = q < end ? cjk_name(q, end) : NULL;
        if (!e || q == stop)
            break;
        size_t n = strlen(v);
        v = xrealloc(v, n + 1 + (size_t)(e - q) + 1);
        v[n] = ' ';
        memcpy(v + n + 1, orig_at(ls, q), (size_t)(e - q));
        v[n + 1 + (e - q)] = 0;
        stop = e;
    }
    return v;
}


/* Reading the info line under a title: "时间:2019-11-13 来源:山东省司法厅
 * 作者:佚名 浏览量:" — labels, and values that end where the next field
 * begins. Labels are looked for in the line folded to simplified
 * characters (pm_fold), so the lists below serve 來源 and 記者 as well;
 * values are copied from the line as the page wrote it. */
#include "clean/meta/page_meta_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool at(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

/* The colon after a label: ':' or '：', possibly with spaces around. */
static const char *skip_colon(const char *p, const char *end, bool *had)
{
    *had = false;
    while (p < end && (*p == ' ' || *p == PM_GAP || *p == PM_EDGE))
        p++;
    if (p < end && *p == ':') {
        p++;
        *had = true;
    } else if (at(p, end, "：")) {
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
    "／", "。", "；", ";", "，", ",", "“", "”", "《",
};

static bool field_word_here(const char *p, const char *end)
{
    for (size_t i = 0; i < sizeof field_words / sizeof field_words[0]; i++)
        if (at(p, end, field_words[i])) {
            bool had;
            const char *q = p + strlen(field_words[i]);
            skip_colon(q, end, &had);
            if (had)
                return true;
        }
    return false;
}

static bool always_stop_here(const char *p, const char *end)
{
    for (size_t i = 0; i < sizeof always_stop / sizeof always_stop[0]; i++)
        if (at(p, end, always_stop[i]))
            return true;
    return false;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_sep(char c) { return c == ' ' || c == PM_GAP || c == PM_EDGE; }

/* The line being read: the folded copy that labels are looked for in, and
 * the original at the same offsets, that values are copied from. */
typedef struct {
    const char *fold, *orig;
} line_src;

static const char *orig_at(const line_src *ls, const char *p)
{
    return ls->orig + (p - ls->fold);
}

/* N bytes of the original line at P (a pointer into the folded copy). The
 * separators the line reader put in become plain spaces: they are markers,
 * not text ("By Kelli  Miller" had a wide gap). */
static char *copy_value(const line_src *ls, const char *p, size_t n)
{
    char *out = xmalloc(n + 1);
    if (!out)
        return NULL;
    memcpy(out, orig_at(ls, p), n);
    out[n] = 0;
    for (char *q = out; *q; q++)
        if (*q == PM_GAP || *q == PM_EDGE)
            *q = ' ';
    return out;
}

/* Length of the role word of a byline at P (记者, 通讯员, 实习生), or 0. */
static size_t role_at(const char *p, const char *end)
{
    static const char *const roles[] = { "记者", "通讯员", "实习生" };
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (at(p, end, roles[i]))
            return strlen(roles[i]);
    return 0;
}

/* Does the token at P look like the start of another field or of a date or
 * time, so that a single space before it ends the value? */
static bool next_token_is_field(const char *p, const char *end)
{
    static const char *const words[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "January", "February", "March", "April", "June", "July", "August", "September",
        "October", "November", "December", "on", "On", "Updated", "Published", "Posted",
    };
    if (p >= end || is_digit(*p))
        return true;
    size_t wl = 0;
    while (p + wl < end && ((p[wl] >= 'a' && p[wl] <= 'z') || (p[wl] >= 'A' && p[wl] <= 'Z')))
        wl++;
    /* A month only when a day follows: "June" is also a name. */
    const char *after = p + wl;
    if (after < end && *after == '.')
        after++;
    bool day_next = after + 1 < end && *after == ' ' && is_digit(after[1]);
    for (size_t i = 0; wl && i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == wl && memcmp(p, words[i], wl) == 0 && (i >= 24 || day_next))
            return true;
    const char *t = p;
    while (t < end && *t != ' ' && *t != PM_GAP && *t != PM_EDGE) {
        if (*t == ':' || at(t, end, "：") || always_stop_here(t, end))
            return true;
        t++;
    }
    return field_word_here(p, end);
}

/* The value at P: up to the next separator, field label, date or time.
 * Where it stopped goes to *AT when AT is not NULL. */
static char *read_value_at(const line_src *ls, const char *p, const char *end, size_t max_len,
                           const char **at_out)
{
    while (p < end && (*p == ' ' || *p == PM_GAP || *p == PM_EDGE))
        p++;
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
        if (is_digit(*p) && p > v) {
            /* A date or a clock time right after the value. */
            const char *q = p;
            while (q < end && is_digit(*q))
                q++;
            if (q < end && (*q == '-' || *q == ':' || *q == '/' || at(q, end, "年")))
                break;
        }
        p += pm_u8len((const unsigned char *)p);
        stop = p;
    }
    if (at_out)
        *at_out = stop;
    /* Trailing colons and dashes are left over from a label with no value. */
    while (stop > v && (stop[-1] == ' ' || stop[-1] == ':' || stop[-1] == '-'))
        stop--;
    while (stop - v >= 3 && (at(stop - 3, end, "：") || at(stop - 3, end, "　")))
        stop -= 3;
    if (stop == v || (size_t)(stop - v) > max_len)
        return NULL;
    /* Markup that leaked into text ('size="20"') is no name. */
    for (const char *q = v; q < stop; q++)
        if (*q == '=' || *q == '<' || *q == '>' || *q == '"' || *q == '{')
            return NULL;
    return copy_value(ls, v, (size_t)(stop - v));
}

static char *read_value(const line_src *ls, const char *p, const char *end, size_t max_len)
{
    return read_value_at(ls, p, end, max_len, NULL);
}

/* A short run of CJK characters (a Chinese name) at P, ending at a space,
 * a bracket or the line's end; its end, or NULL. */
static const char *cjk_name(const char *p, const char *end)
{
    int n = 0;
    const char *q = p;
    while (q < end && (unsigned char)*q >= 0xe4 && (unsigned char)*q <= 0xe9 && n < 5) {
        if (always_stop_here(q, end) || field_word_here(q, end))
            return NULL;
        q += pm_u8len((const unsigned char *)q);
        n++;
    }
    if (n < 2 || n > 4)
        return NULL;
    if (q < end && *q != ' ' && *q != PM_GAP && *q != PM_EDGE && !at(q, end, "）") && *q != ')')
        return NULL;
    return q;
}

/* Names after 记者 or 作者: the value, and further names that the page set
 * apart with wide gaps ("记者　伊琳　李清芬") or that another role word
 * brings ("记者 张三 通讯员 李四", where 通讯员 ends the value). */
static char *read_names(const line_src *ls, const char *p, const char *end, size_t max_len)
{
    const char *stop;
    char *v = read_value_at(ls, p, end, max_len, &stop);
    if (!v)
        return NULL;
    for (int k = 0; k < 4; k++) {
        const char *q = stop;
        while (q < end && is_sep(*q))
            q++;
        size_t rl = q < end ? role_at(q, end) : 0;
        if (rl) {
            bool had;
            q = skip_colon(q + rl, end, &had);
        }
        const char *e = q < end ? cjk_name(q, end) : NULL;
        if (!e || q == stop)
            break;
        size_t n = strlen(v);
        char *w = xrealloc(v, n + 1 + (size_t)(e - q) + 1);
        if (!w)
            break;
        v = w;
        v[n] = ' ';
        memcpy(v + n + 1, orig_at(ls, q), (size_t)(e - q));
        v[n + 1 + (e - q)] = 0;
        stop = e;
    }
    return v;
}

bool pm_is_anonymous(const char *v)
{
    static const char *const none[] = {
        "佚名", "本站", "本网", "admin", "administrator", "网站编辑", "未知", "不详", "匿名",
        "管理员", "本站原创", "本网原创", "原创", "暂无", "无", "网络", "互联网", "system",
        "编辑", "小编", "本站编辑", "网站管理员", "null", "none", "unknown",
    };
    if (!v || !*v)
        return true;
    char buf[64];
    v = pm_fold_small(v, buf, sizeof buf);
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        if (strcasecmp(v, none[i]) == 0)
            return true;
    return false;
}

void pm_strip_roles(char *v)
{
    size_t n = strlen(v), o = 0;
    char *f = xmalloc(n + 1);
    if (!f)
        return;
    pm_fold(v, n, f);
    const char *end = f + n;
    /* Each space-separated word: what follows a role word in it is a name;
     * what comes before the first one is the paper ("本报", "新华社"). */
    for (size_t i = 0; i < n;) {
        while (i < n && v[i] == ' ')
            i++;
        size_t st = i, seg = i;
        bool role = false;
        while (i < n && v[i] != ' ') {
            size_t rl = role_at(f + i, end);
            if (!rl) {
                i += pm_u8len((const unsigned char *)v + i);
                continue;
            }
            if (role && i > seg) {
                if (o)
                    v[o++] = ' ';
                memmove(v + o, v + seg, i - seg);
                o += i - seg;
            }
            role = true;
            i += rl;
            if (at(f + i, end, "："))
                i += 3;
            else if (i < n && f[i] == ':')
                i++;
            seg = i;
        }
        if (!role)
            seg = st;
        if (i > seg && seg < n) {
            if (o)
                v[o++] = ' ';
            memmove(v + o, v + seg, i - seg);
            o += i - seg;
        }
    }
    v[o] = 0;
    free(f);
}

static bool ends_with(const char *v, const char *tail)
{
    size_t n = strlen(v), k = strlen(tail);
    return n >= k && strcmp(v + n - k, tail) == 0;
}

static void keep(char **slot, char *v)
{
    if (!v)
        return;
    char buf[256];
    const char *fv = pm_fold_small(v, buf, sizeof buf);
    /* "贾天勇 摄" is the photographer. */
    if (*slot || pm_is_anonymous(v) || ends_with(fv, "摄") || ends_with(fv, "摄影")) {
        free(v);
        return;
    }
    *slot = v;
}

static void keep_author(char **slot, char *v)
{
    if (v)
        pm_strip_roles(v);
    keep(slot, v);
}

/* The byte before P is the end of a word that makes the label something
 * else: 责任编辑 is not 作者, 联系作者 and 可靠来源 are prose. */
static bool prefixed_by(const char *b, const char *p, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k = strlen(words[i]);
        if ((size_t)(p - b) >= k && memcmp(p - k, words[i], k) == 0)
            return true;
    }
    return false;
}

/* Author names under 记者: a few short names, not a clause of prose. */
static bool plausible_names(const char *v)
{
    char buf[256];
    v = pm_fold_small(v, buf, sizeof buf);
    size_t n = strlen(v);
    if (n > 45)
        return false;
    /* Prose after 记者 goes on with verbs and particles. */
    static const char *const prose[] = { "了", "的", "在", "到", "是", "说", "对", "从", "向",
                                        "和", "也", "就", "们", "所", "将", "已", "称", "看",
                                        "调查", "观察", "手记", "专访", "采访", "走进", "探访",
                                        "眼中", "笔下", "发现", "问", "节", "证" };
    for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++)
        if (strstr(v, prose[i]))
            return false;
    /* Each space-separated name is short. */
    size_t run = 0;
    for (const unsigned char *p = (const unsigned char *)v; *p;) {
        size_t k = pm_u8len(p);
        if (*p == ' ') {
            run = 0;
        } else if (++run > 6 && k == 3) {
            return false;
        }
        p += k;
    }
    return true;
}

/* "by" at P as a word, then a capitalised name (the link around the name
 * may come between). */
static bool byline_at(const char *s, const char *p, const char *end)
{
    if (p > s && p[-1] != ' ' && p[-1] != PM_GAP && p[-1] != PM_EDGE)
        return false;
    const char *q = p + 2;
    if (q >= end || (*q != ' ' && *q != PM_GAP && *q != PM_EDGE))
        return false;
    while (q < end && (*q == ' ' || *q == PM_GAP || *q == PM_EDGE))
        q++;
    return q < end && *q >= 'A' && *q <= 'Z';
}

/* Is there the name of a paper, agency or station right before P? */
static bool reporter_org_before(const char *s, const char *p)
{
    static const char *const org[] = { "社", "报", "台", "网", "站", "驻" };
    for (size_t i = 0; i < sizeof org / sizeof org[0]; i++)
        if (p - s >= 3 && memcmp(p - 3, org[i], 3) == 0)
            return true;
    return false;
}

/* Does 记者 at P begin a byline? Only at the start of a phrase or after the
 * name of a paper, agency or station (新华社记者, 本报记者, 频道 记者), not in
 * prose ("接受记者采访"). */
static bool reporter_before(const char *s, const char *p)
{
    if (p == s)
        return true;
    char c = p[-1];
    if (c == ' ' || c == PM_GAP || c == PM_EDGE || c == '(' || c == '[')
        return true;
    static const char *const ok[] = { "（", "【", "社", "报", "台", "网", "站", "道", "习",
                                      "约", "驻", "：", "文", "组" };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (p - s >= 3 && memcmp(p - 3, ok[i], 3) == 0)
            return true;
    return false;
}

/* Is P the start of a word: the line's start, or after a separator or an
 * opening bracket or bar? */
static bool word_start(const char *s, const char *p)
{
    return p == s || is_sep(p[-1]) || p[-1] == '|' || p[-1] == '(' || p[-1] == '[';
}

/* English labels of the date: "Published: …", "Updated: …". */
static bool english_date_label(const char *s, const char *p, const char *end)
{
    static const char *const words[] = { "Published", "published", "Posted", "posted",
                                         "Updated", "updated", "Date", "DATE" };
    if (!word_start(s, p))
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (at(p, end, words[i])) {
            bool had;
            skip_colon(p + strlen(words[i]), end, &had);
            return had;
        }
    return false;
}

static void fields_scan(const line_src *ls, size_t n, bool near, pm_fields *f)
{
    const char *s = ls->fold, *end = s + n;
    static const char *const not_author[] = { "责任", "编辑", "联系", "联络", "图片", "摄影" };
    static const char *const photo_by[] = { "Photo ", "photo ", "Photos ", "Image ", "Images ",
                                            "Illustration ", "Photograph ", "Video ", "Edited ",
                                            "edited ", "Powered ", "powered " };
    static const char *const not_source[] = { "可靠", "消息", "数据", "资金", "收入", "信息来源于" };
    static const char *const news[] = { "消息" };
    for (const char *p = s; p < end; p += pm_u8len((const unsigned char *)p)) {
        bool had;
        const char *q;
        if (at(p, end, "来源")) {
            /* "来源于" and "来源：" both introduce a value. */
            q = p + 6;
            if (at(q, end, "于"))
                q += 3;
            q = skip_colon(q, end, &had);
            /* "据消息来源称" is prose; "消息來源：中央社" a label. */
            if (prefixed_by(s, p, not_source, sizeof not_source / sizeof not_source[0]) &&
                !at(p - 6, end, "信息") && !(had && prefixed_by(s, p, news, 1)))
                continue;
            f->has_label = true;
            if (had || q > p + 6)
                keep(&f->publisher, read_value(ls, q, end, 60));
            continue;
        }
        if ((at(p, end, "作者") || at(p, end, "撰稿") || at(p, end, "撰文") ||
             at(p, end, "执笔人") || at(p, end, "执笔")) &&
            !prefixed_by(s, p, not_author, sizeof not_author / sizeof not_author[0])) {
            q = p + (at(p, end, "执笔人") ? 9 : 6);
            if (at(q, end, "简介") || at(q, end, "信息"))
                continue;
            q = skip_colon(q, end, &had);
            f->has_label = true;
            if (had || q > p + 6)
                keep_author(&f->author, read_names(ls, q, end, 60));
            continue;
        }
        size_t rl = role_at(p, end);
        if (rl && !prefixed_by(s, p, not_author, sizeof not_author / sizeof not_author[0]) &&
            reporter_before(s, p)) {
            q = skip_colon(p + rl, end, &had);
            char *v = read_names(ls, q, end, 45);
            /* "本报记者罗科苏盈发自北京" runs the name on with no space; then
             * a paper before it or 发自/报道 after it must say it is one. */
            if (v && q == p + rl) {
                const char *after = q + strlen(v);
                bool ends = after >= end || is_sep(*after) || *after == ')' || at(after, end, "）");
                bool says = at(after, end, "发自") || at(after, end, "报道") ||
                            at(after, end, "摄") || at(after, end, "电");
                if (!says && !(ends && p > s && reporter_org_before(s, p))) {
                    free(v);
                    v = NULL;
                }
            }
            if (v) {
                /* "彭冲 山东冠县报道": the place of the report is no name. */
                char *last = strrchr(v, ' ');
                char buf[64];
                if (last && ends_with(pm_fold_small(last, buf, sizeof buf), "报道"))
                    *last = 0;
            }
            if (v && plausible_names(v)) {
                f->has_label = true;
                keep_author(&f->author, v);
            } else {
                free(v);
            }
            continue;
        }
        /* English bylines: "by Nikhil Marathe", "By Ana Sandoiu". */
        if (near && (at(p, end, "By") || at(p, end, "by")) && byline_at(s, p, end) &&
            !prefixed_by(s, p, photo_by, sizeof photo_by / sizeof photo_by[0])) {
            char *v = read_value(ls, p + 2, end, 60);
            if (v)
                f->has_label = true;
            keep_author(&f->author, v);
            continue;
        }
        /* "Source: China Daily" in the info line. Further down the page, or
         * after a caption's sentence, it credits a chart or a photo. */
        if (near && (at(p, end, "Source") || at(p, end, "SOURCE")) && word_start(s, p) &&
            p - s <= 80 && !prefixed_by(s, p, photo_by, sizeof photo_by / sizeof photo_by[0])) {
            q = skip_colon(p + 6, end, &had);
            if (had) {
                f->has_label = true;
                char *v = read_value(ls, q, end, 60);
                if (v && pm_absolute_http(v)) {
                    free(v);
                    v = NULL;
                }
                if (v && !f->publisher)
                    f->source_en = true;
                keep(&f->publisher, v);
            }
            continue;
        }
        /* "文/张三", "文 | 张三", "文：张三" at the start of a line. */
        if (p == s && at(p, end, "文") && (n > 3)) {
            q = p + 3;
            while (q < end && *q == ' ')
                q++;
            if (q < end && (*q == '/' || *q == '|' || at(q, end, "／") || at(q, end, "：") ||
                            *q == ':')) {
                q += (*q == '/' || *q == '|' || *q == ':') ? 1 : 3;
                char *v = read_value(ls, q, end, 45);
                /* "文/广州日报记者赖伟行": the 记者 reading below has the name. */
                char buf[256];
                if (v && strstr(pm_fold_small(v, buf, sizeof buf), "记者")) {
                    free(v);
                    v = NULL;
                }
                keep_author(&f->author, v);
                f->has_label = true;
            }
            continue;
        }
        if (at(p, end, "时间") || at(p, end, "日期") || at(p, end, "发布") || at(p, end, "发表") ||
            at(p, end, "浏览") || at(p, end, "点击") || at(p, end, "编辑") || at(p, end, "字号")) {
            skip_colon(p + 6, end, &had);
            if (had)
                f->has_label = true;
        }
        if (english_date_label(s, p, end))
            f->has_label = true;
        if (at(p, end, "版权") || at(p, end, "Copyright") || at(p, end, "copyright") ||
            at(p, end, "©") || at(p, end, "ICP") || at(p, end, "备案") || at(p, end, "凡本"))
            f->noise = true;
    }
}

void pm_fields_read(const char *s, size_t n, bool near, pm_fields *f)
{
    char small[512];
    char *fold = n < sizeof small ? small : xmalloc(n + 1);
    if (!fold)
        return;
    pm_fold(s, n, fold);
    line_src ls = { fold, s };
    fields_scan(&ls, n, near, f);
    if (fold != small)
        free(fold);
}

void pm_fields_free(pm_fields *f)
{
    free(f->publisher);
    free(f->author);
    f->publisher = f->author = NULL;
}

/* Skip a clock time after a date: " 10:30", "10:30:00", "12:40 PM". */
static const char *skip_time(const char *p, const char *end)
{
    const char *q = p;
    while (q < end && (*q == ' ' || *q == PM_GAP || *q == PM_EDGE))
        q++;
    if (q < end && is_digit(*q)) {
        const char *r = q;
        while (r < end && (is_digit(*r) || *r == ':' || at(r, end, "：")))
            r += (*r == ':' || is_digit(*r)) ? 1 : 3;
        if (r - q >= 3)
            q = r;
        if (at(q, end, "AM") || at(q, end, "PM"))
            q += 2;
        return q;
    }
    return p;
}

static int date_label_in(const char *s, size_t n, size_t start, size_t dend)
{
    const char *b = s, *p = s + start;
    /* Before the date: step back over colons, spaces and brackets. */
    while (p > b) {
        unsigned char c = (unsigned char)p[-1];
        if (c == ' ' || c == ':' || c == PM_GAP || c == PM_EDGE || c == '[' || c == '(') {
            p--;
            continue;
        }
        if (p - b >= 3 && (memcmp(p - 3, "：", 3) == 0 || memcmp(p - 3, "【", 3) == 0 ||
                           memcmp(p - 3, "（", 3) == 0 || memcmp(p - 3, "　", 3) == 0)) {
            p -= 3;
            continue;
        }
        break;
    }
    static const char *const neg[] = { "截止", "截至", "有效期", "生效", "至", "到", "施行",
                                       "有效期至", "届满", "会议", "活动时间", "报名时间" };
    for (size_t i = 0; i < sizeof neg / sizeof neg[0]; i++) {
        size_t k = strlen(neg[i]);
        if ((size_t)(p - b) >= k && memcmp(p - k, neg[i], k) == 0)
            return -1;
    }
    static const char *const pos[] = { "时间", "日期", "发布", "发表", "发表于", "发布于", "更新",
                                       "发稿", "刊发", "上传", "录入", "日期", "Date", "date",
                                       "Published", "published", "Posted", "posted", "on", "On",
                                       "Updated", "updated" };
    for (size_t i = 0; i < sizeof pos / sizeof pos[0]; i++) {
        size_t k = strlen(pos[i]);
        if ((size_t)(p - b) >= k && memcmp(p - k, pos[i], k) == 0)
            return 1;
    }
    /* After the date (and its time): "2005-04-05 06:40 更新", "…发表". */
    const char *end = s + n;
    const char *q = skip_time(s + dend, end);
    while (q < end && (*q == ' ' || *q == PM_EDGE))
        q++;
    if (at(q, end, "更新") || at(q, end, "发布") || at(q, end, "发表"))
        return 1;
    return 0;
}

int pm_date_label(const char *s, size_t n, const pm_date *d)
{
    /* Labels stand within a few words of the date: fold only that stretch
     * (發布日期, 更新時間). */
    size_t from = d->start > 48 ? d->start - 48 : 0;
    size_t to = n - d->end > 48 ? d->end + 48 : n;
    char buf[256];
    if (to - from >= sizeof buf)
        return date_label_in(s, n, d->start, d->end);
    pm_fold(s + from, to - from, buf);
    return date_label_in(buf, to - from, d->start - from, d->end - from);
}

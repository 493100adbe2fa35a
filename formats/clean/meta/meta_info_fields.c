/* Reading the info line under a title: "时间:2019-11-13 来源:山东省司法厅
 * 作者:佚名 浏览量:" — labels, and values that end where the next field
 * begins (meta_info_values.c). Labels are looked for in the line folded
 * to simplified characters (zh_fold), so the words below serve 來源 and 記者
 * as well; values are copied from the line as the page wrote it. */
#include "clean/meta/page_meta_int.h"
#include "util/zh_fold.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <ctype.h>
#include <string.h>

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
    const char *fv = zh_fold_small(v, buf, sizeof buf);
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
    v = zh_fold_small(v, buf, sizeof buf);
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
    /* Each name, set apart by a space or a 、, is short. */
    size_t run = 0;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t c = utf8_next(v, n, &i);
        if (c == ' ' || c == 0x3001)
            run = 0;
        else if (++run > 6 && i - at == 3)
            return false;
    }
    return true;
}

/* "by" at P as a word, then a capitalised name (the link around the name
 * may come between). */
static bool byline_at(const char *s, const char *p, const char *end, size_t k)
{
    if (p > s && p[-1] != ' ' && p[-1] != PM_GAP && p[-1] != PM_EDGE)
        return false;
    const char *q = p + k;
    if (q >= end || (*q != ' ' && *q != PM_GAP && *q != PM_EDGE))
        return false;
    while (q < end && (*q == ' ' || *q == PM_GAP || *q == PM_EDGE))
        q++;
    if (q < end && *q >= 'A' && *q <= 'Z')
        return true;
    /* a capital past ASCII: Łukasz, Émile, Øystein */
    int len;
    uint32_t c = q < end ? utf8_decode(q, (size_t)(end - q), &len) : 0;
    return c >= 0xC0 && c < 0x250 && cp_fold_case(c) != c;
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
    static const char *const ok[] = { "（", "【", "〔", "［", "社", "报", "台", "网", "站", "道", "习",
                                      "约", "驻", "：", "文", "组" };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (p - s >= 3 && memcmp(p - 3, ok[i], 3) == 0)
            return true;
    return false;
}

/* The line opens with a name of 2 to 10 Han characters run on into the
 * role at P, and a gap follows the role's RL bytes: "澎湃新闻记者 贺梨萍", a
 * paper's byline whatever the paper's name ends with. */
static bool paper_opens_line(const char *s, const char *p, const char *end, size_t rl)
{
    int han = 0;
    for (size_t i = 0; i < (size_t)(p - s);) {
        if (!cp_is_han(utf8_next(s, (size_t)(p - s), &i)))
            return false;
        han++;
    }
    const char *after = p + rl;
    return han >= 2 && han <= 10 && after < end && (*after == ' ' || *after == PM_GAP);
}

/* Is P the start of a word: the line's start, or after a separator or an
 * opening bracket or bar? */
static bool word_start(const char *s, const char *p)
{
    return p == s || pm_is_sep(p[-1]) || p[-1] == '|' || p[-1] == '(' || p[-1] == '[';
}

/* English labels of the date: "Published: …", "Updated: …". */
static bool english_date_label(const char *s, const char *p, const char *end)
{
    static const char *const words[] = { "Published", "published", "Posted", "posted",
                                         "Updated", "updated", "Date", "DATE" };
    if (!word_start(s, p))
        return false;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (pm_at(p, end, words[i])) {
            bool had;
            pm_skip_colon(p + strlen(words[i]), end, &had);
            return had;
        }
    return false;
}

/* A line being scanned: its folded text S..END (N bytes), the line as
 * written that values are copied from, whether it is next to the title,
 * and the fields found so far. */
typedef struct {
    const pm_line_src *ls;
    const char *s, *end;
    size_t n;
    bool near;
    pm_fields *f;
} line_scan;

/* Words before a label that make it something else. */
/* Words a label ends in without being one: 创作者, 签约作者 (a platform's
 * card for an account), 合作者, 工作者 (新闻工作者), 写作者. */
static const char *const not_author[] = { "责任", "编辑", "联系", "联络", "图片", "摄影",
                                          "创", "签约", "合", "工", "写" };
static const char *const photo_by[] = { "Photo ", "photo ", "Photos ", "Image ", "Images ",
                                        "Illustration ", "Photograph ", "Video ", "Edited ",
                                        "edited ", "Powered ", "powered " };
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* Each read_* below looks at P for its own label and returns true when it
 * was there (whether or not a value came of it): the scan goes on past it. */

/* "来源：新华社", "来源于人民网", "消息來源：中央社". */
static bool read_source_label(const line_scan *sc, const char *p)
{
    static const char *const not_source[] = { "可靠", "消息", "数据", "资金", "收入", "信息来源于" };
    static const char *const news[] = { "消息" };
    const char *end = sc->end;
    bool had;
    if (!pm_at(p, end, "来源"))
        return false;
    /* "来源于" and "来源：" both introduce a value. */
    const char *q = p + 6;
    if (pm_at(q, end, "于"))
        q += 3;
    q = pm_skip_colon(q, end, &had);
    /* "据消息来源称" is prose; "消息來源：中央社" a label. */
    if (prefixed_by(sc->s, p, not_source, COUNT(not_source)) &&
        !pm_at(p - 6, end, "信息") && !(had && prefixed_by(sc->s, p, news, 1)))
        return true;
    /* Without a colon, a bracket after 来源 is prose: "英语来源 (en-us)". */
    if (!had && (pm_at(q, end, "(") || pm_at(q, end, "（")))
        return true;
    sc->f->has_label = true;
    if (had || q > p + 6)
        keep(&sc->f->publisher, pm_read_value(sc->ls, q, end, 60));
    return true;
}

/* "报道：覃慧玲", "采写：…": words of prose too ("据报道"), a label only
 * when a colon follows and nothing stands before them in the field. */
static bool read_report_label(const line_scan *sc, const char *p)
{
    const char *end = sc->end;
    if (!(pm_at(p, end, "报道") || pm_at(p, end, "报导") || pm_at(p, end, "采写")) ||
        (p > sc->s && !pm_is_sep(p[-1]) && p[-1] != '|' && !(p - sc->s >= 3 && pm_at(p - 3, end, "　"))))
        return false;
    bool had;
    const char *q = pm_skip_colon(p + 6, end, &had);
    if (!had)
        return false;
    sc->f->has_label = true;
    keep_author(&sc->f->author, pm_read_names(sc->ls, q, end, 60));
    return true;
}

#define OPENER_NAME_CHARS 20

/* V holds the words a sentence is made of (我, 的, 了, 吗…), which a
 * forum's user name rarely does: a reply speaking to the opener. */
static bool says_something(const char *v)
{
    static const char *const words[] = { "我", "你", "他", "她", "的", "了", "吗", "呢", "吧", "啊",
                                         "也", "是", "在", "过", "请", "谢", NULL };
    for (int i = 0; words[i]; i++)
        if (strstr(v, words[i]))
            return true;
    return false;
}

/* "作者：张三", "撰稿 李四", "执笔人：王五"; a forum's "楼主：张三", who opened
 * the thread, with its colon (楼主 alone is a reply's word for them). */
static bool read_author_label(const line_scan *sc, const char *p)
{
    const char *end = sc->end;
    bool had;
    if (pm_at(p, end, "楼主")) {
        /* a reply that speaks to the opener ("楼主：请问…") is no label */
        const char *q = pm_skip_colon(p + 6, end, &had);
        char *v = had ? pm_read_names(sc->ls, q, end, 60) : NULL;
        if (!v || strpbrk(v, "?!") || strstr(v, "？") || strstr(v, "，") || strstr(v, "。") ||
            strstr(v, "！") || utf8_length(v, strlen(v)) > OPENER_NAME_CHARS || says_something(v)) {
            free(v);
            return false;
        }
        sc->f->has_label = true;
        keep_author(&sc->f->author, v);
        return true;
    }
    if (!(pm_at(p, end, "作者") || pm_at(p, end, "撰稿") || pm_at(p, end, "撰文") ||
          pm_at(p, end, "执笔人") || pm_at(p, end, "执笔")) ||
        prefixed_by(sc->s, p, not_author, COUNT(not_author)))
        return false;
    const char *q = p + (pm_at(p, end, "执笔人") ? 9 : 6);
    if (pm_at(q, end, "简介") || pm_at(q, end, "信息"))
        return true;
    q = pm_skip_colon(q, end, &had);
    sc->f->has_label = true;
    if (had || q > p + 6)
        keep_author(&sc->f->author, pm_read_names(sc->ls, q, end, 60));
    return true;
}

/* "本报记者 张三 通讯员 李四", "新华社记者罗科苏盈发自北京". */
/* The names V read after a reporter's role end at a word naming an
 * editor's role ("每经记者 韦堃晗　每经编辑 杜喆": the desk's editor is no
 * author); a word naming a reporter's role again (每经实习记者) is passed
 * over, the names after it the line's too. */
static void cut_at_other_role(char *v)
{
    static const char *const roles[] = { "编辑", "责编", "审核", "校对", "监制", "统筹", "摄影", NULL };
    char *out = v;
    for (char *word = v; *word;) {
        char *end = strchr(word, ' ');
        size_t len = end ? (size_t)(end - word) : strlen(word);
        bool editor = false, reporter = false;
        for (int r = 0; roles[r] && !editor; r++) {
            const char *hit = strstr(word, roles[r]);
            editor = hit && hit + strlen(roles[r]) <= word + len;
        }
        for (size_t i = 0; i < len && !reporter && word != v; i += 3)
            reporter = pm_role_at(word + i, word + len) > 0;
        if (editor && word != v)
            break;
        if (!reporter) {
            if (out != v)
                *out++ = ' ';
            memmove(out, word, len);
            out += len;
        }
        if (!end)
            break;
        word = end + 1;
    }
    *out = '\0';
}

static bool read_reporter(const line_scan *sc, const char *p)
{
    const char *s = sc->s, *end = sc->end;
    bool had;
    size_t rl = pm_role_at(p, end);
    if (!rl || prefixed_by(s, p, not_author, COUNT(not_author)) ||
        !(reporter_before(s, p) || paper_opens_line(s, p, end, rl)))
        return false;
    if (pm_ends_as_photo_credit(p + rl, end))
        return true;
    const char *q = pm_skip_colon(p + rl, end, &had);
    char *v = pm_read_names(sc->ls, q, end, 45);
    bool by_parens = false;
    /* "本报记者罗科苏盈发自北京" runs the name on with no space; then
     * a paper before it or 发自/报道 after it must say it is one. */
    if (v && q == p + rl) {
        const char *after = q + strlen(v);
        bool ends = after >= end || pm_is_sep(*after) || *after == ')' || pm_at(after, end, "）");
        bool says = pm_at(after, end, "发自") || pm_at(after, end, "报道") ||
                    pm_at(after, end, "摄") || pm_at(after, end, "电") || pm_place_report_after(after, end) ||
                    pm_cut_filing_place(v);
        /* "（记者张曦月、李倩）": a paren holds the names, nothing else */
        bool parens = ends && after < end && (*after == ')' || pm_at(after, end, "）")) &&
                      ((p - s >= 3 && !memcmp(p - 3, "（", 3)) || (p > s && p[-1] == '('));
        by_parens = !says && parens;
        if (!says && !parens && !(ends && p > s && reporter_org_before(s, p))) {
            free(v);
            v = NULL;
        }
    }
    if (v) {
        /* "彭冲 山东冠县报道": the place of the report is no name, nor
         * what the reporter did to it ("陈智 整合", "综合"). */
        char *last = strrchr(v, ' ');
        char buf[64];
        const char *word = last ? zh_fold_small(last + 1, buf, sizeof buf) : "";
        if (last && (ends_with(word, "报道") || !strcmp(word, "整合") || !strcmp(word, "综合") ||
                     !strcmp(word, "整理") || !strcmp(word, "编译")))
            *last = 0;
    }
    if (v)
        cut_at_other_role(v);
    if (v && plausible_names(v)) {
        /* a dateline's paren opens a paragraph of the text, no info line */
        sc->f->has_label |= !by_parens;
        keep_author(&sc->f->author, v);
    } else {
        free(v);
    }
    return true;
}

/* English bylines next to the title: "by Nikhil Marathe", "By Ana Sandoiu". */
/* The word a byline opens with, in the languages of the pages folio
 * reads: its length at P, or 0. */
static size_t byline_word(const char *p, const char *end)
{
    static const char *const words[] = { "By", "by", "Von", "von", "Par", "par", "Por", "por", "Door", "door", NULL };
    for (int i = 0; words[i]; i++)
        if (pm_at(p, end, words[i]))
            return strlen(words[i]);
    return 0;
}

/* The words between the start of the field that holds B (the line's, or
 * the last gap, edge, bar or middle dot before it) and B. */
static int words_before_in_field(const char *s, const char *b)
{
    int words = 0;
    bool in_word = false;
    for (const char *q = b; q > s; q--) {
        char c = q[-1];
        if (c == PM_GAP || c == PM_EDGE || c == '|' || (q - s >= 2 && !strncmp(q - 2, "·", 2)))
            break;
        bool space = c == ' ';
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words;
}

/* Past the capitalised words at P (a name, perhaps), the field goes on
 * with a word in lower case: a sentence, not a credit. */
static bool goes_on_as_prose(const char *p, const char *end)
{
    bool in_word = false, capital = false;
    for (; p < end && *p != PM_GAP && *p != PM_EDGE && *p != '|'; p++) {
        if (*p == ' ' || *p == ',' ) {
            in_word = false;
            continue;
        }
        if (!in_word) {
            in_word = true;
            capital = (*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0xC0;
            if (!capital && *p >= 'a' && *p <= 'z')
                return true;
        }
    }
    return false;
}

/* A verb follows the capitalised words after "by" in the field from P:
 * they are the subject of a sentence, no byline's names. */
static bool says_of_names(const char *p, const char *end)
{
    static const char *const verbs[] = { "are", "is", "was", "were", "do", "does", "did", "have", "has",
                                         "had", "will", "would", "can", "may", "must", "should", NULL };
    while (p < end && *p != PM_GAP && *p != PM_EDGE && *p != '|') {
        while (p < end && (*p == ' ' || *p == ','))
            p++;
        const char *w = p;
        while (p < end && isalpha((unsigned char)*p))
            p++;
        if (p == w) {
            if (p < end && *p != PM_GAP && *p != PM_EDGE && *p != '|')
                p++;
            continue;
        }
        for (int i = 0; verbs[i]; i++)
            if ((size_t)(p - w) == strlen(verbs[i]) && !strncmp(w, verbs[i], (size_t)(p - w)))
                return true;
    }
    return false;
}

/* "By <a>Ola Brennan</a> and <a>Kit Moran</a>": each link ends a value,
 * and the name after "and" or "&" (", and" in a longer list) follows V,
 * read up to STOP; a person's name, not the outlet or the writer's post
 * after a comma ("…, Senior Writer"). Listed with commas. */
#define BYLINE_NAMES 4

static const char *past_name_join(const line_scan *sc, const char *q)
{
    while (q < sc->end && pm_is_sep(*q))
        q++;
    if (q < sc->end && *q == ',')
        q++;
    while (q < sc->end && pm_is_sep(*q))
        q++;
    size_t k = pm_at(q, sc->end, "and") ? 3 : pm_at(q, sc->end, "&") ? 1 : 0;
    if (!k || q + k >= sc->end || !pm_is_sep(q[k]))
        return NULL;
    q += k;
    while (q < sc->end && pm_is_sep(*q))
        q++;
    return q < sc->end ? q : NULL;
}

static char *more_linked_names(const line_scan *sc, char *v, const char *stop)
{
    for (int n = 1; v && stop && n < BYLINE_NAMES; n++) {
        const char *q = past_name_join(sc, stop), *next_stop;
        char *w = q ? pm_read_value_to(sc->ls, q, sc->end, 60, &next_stop) : NULL;
        if (!w || !pm_person_name(w)) {
            free(w);
            break;
        }
        size_t a = strlen(v), b = strlen(w);
        v = xrealloc(v, a + 2 + b + 1);
        memcpy(v + a, ", ", 2);
        memcpy(v + a + 2, w, b + 1);
        free(w);
        stop = next_stop;
    }
    return v;
}

static bool read_english_byline(const line_scan *sc, const char *p)
{
    size_t k = sc->near ? byline_word(p, sc->end) : 0;
    /* German, French, Spanish and Dutch capitalise more than names: their
     * word opens the line or a field of it, never mid-sentence */
    const char *b = p;
    while (b > sc->s && (b[-1] == ' ' || b[-1] == PM_GAP || b[-1] == PM_EDGE))
        b--;
    if (k > 2 && b > sc->s && p[-1] != PM_GAP && p[-1] != PM_EDGE && b[-1] != '|' &&
        !(b - sc->s >= 2 && !strncmp(b - 2, "·", 2)))
        return false;
    if (!k || !byline_at(sc->s, p, sc->end, k) || prefixed_by(sc->s, p, photo_by, COUNT(photo_by)))
        return false;
    /* a lower-case "by" credits after a word or two of the field ("Story
     * by", "Guest essay by"), or after more when the name ends the field
     * ("Published June 1, 2023 by Jane Doe"); further into a sentence
     * that goes on past the words it capitalises, it is prose ("the
     * potholes were filled by Monday evening, and…"), and after two when
     * a verb follows the names ("Opinions expressed by Forbes
     * Contributors are their own") */
    int before = *p == 'b' ? words_before_in_field(sc->s, b) : 0;
    if ((before > 2 && goes_on_as_prose(p + k, sc->end)) || (before == 2 && says_of_names(p + k, sc->end)))
        return false;
    const char *stop;
    char *v = pm_read_value_to(sc->ls, p + k, sc->end, 60, &stop);
    v = more_linked_names(sc, v, stop);
    if (v) {
        /* the names end where a sentence of their own does ("By Ana Ruiz.
         * New episodes every Thursday."), not at an initial's or a short
         * word's stop ("J. R.", "St. Clair") */
        for (char *q = v; *q; q++)
            if (*q == '.' && q[1] == ' ' && q - v >= 3 && islower((unsigned char)q[-1]) &&
                islower((unsigned char)q[-2]) && isalpha((unsigned char)q[-3]) && isupper((unsigned char)q[2])) {
                *q = '\0';
                break;
            }
        sc->f->has_label = true;
    }
    keep_author(&sc->f->author, v);
    return true;
}

/* "Source: China Daily" in the info line. Further down the page, or after
 * a caption's sentence, it credits a chart or a photo. */
static bool read_english_source(const line_scan *sc, const char *p)
{
    const char *s = sc->s, *end = sc->end;
    bool had;
    if (!sc->near || !(pm_at(p, end, "Source") || pm_at(p, end, "SOURCE")) || !word_start(s, p) ||
        p - s > 80 || prefixed_by(s, p, photo_by, COUNT(photo_by)))
        return false;
    const char *q = pm_skip_colon(p + 6, end, &had);
    if (had) {
        sc->f->has_label = true;
        char *v = pm_read_value(sc->ls, q, end, 60);
        if (v && pm_absolute_http(v)) {
            free(v);
            v = NULL;
        }
        if (v && !sc->f->publisher)
            sc->f->source_en = true;
        keep(&sc->f->publisher, v);
    }
    return true;
}

/* "文/张三", "文 | 张三", "文｜张三", "文：张三" at the start of a line. */
/* "东江时评网 张远" after 文/: the outlet, then its writer. The writer is
 * the author, the outlet the publisher where none is known. */
static char *split_outlet(char *v, pm_fields *f)
{
    static const char *const ends[] = { "报", "网", "社", "台", "杂志", "周刊", "在线", "客户端", "新闻" };
    char *gap = v ? strchr(v, ' ') : NULL;
    if (!gap || strchr(gap + 1, ' ') || utf8_length(v, (size_t)(gap - v)) < 3 || !gap[1])
        return v;
    bool outlet = false;
    for (size_t i = 0; !outlet && i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = strlen(ends[i]);
        outlet = (size_t)(gap - v) >= k && !memcmp(gap - k, ends[i], k);
    }
    if (!outlet)
        return v;
    char *name = xstrdup(gap + 1);
    *gap = 0;
    keep(&f->publisher, v);
    return name;
}

static bool read_wen_byline(const line_scan *sc, const char *p)
{
    const char *end = sc->end;
    bool first = p == sc->s, gap = p > sc->s && (p[-1] == ' ' || p[-1] == PM_GAP || p[-1] == PM_EDGE);
    const char *q = p;
    /* "文/图：孙浩然", "图/文：…": the words and the pictures by one hand */
    if (pm_at(q, end, "图") && (pm_at(q + 3, end, "/文") || pm_at(q + 3, end, "／文")))
        q += pm_at(q + 3, end, "/文") ? 7 : 9;
    else if (pm_at(q, end, "文"))
        q += 3;
    else
        return false;
    if ((!first && !gap) || sc->n <= 3)
        return false;
    bool both = q != p + 3;
    if (!both && (pm_at(q, end, "/图") || pm_at(q, end, "／图") || pm_at(q, end, "、图"))) {
        q += pm_at(q, end, "/图") ? 4 : 6;
        both = true;
    }
    while (q < end && *q == ' ')
        q++;
    bool colon = q < end && (pm_at(q, end, "：") || *q == ':');
    /* within a line only "文：" or "文/图：" is a label; "文/张三" opens one */
    if (!colon && (!first || both))
        return false;
    /* bars full width too: "文｜张三", the self-media's "文丨张三" */
    if (q < end && (*q == '/' || *q == '|' || pm_at(q, end, "／") || pm_at(q, end, "｜") ||
                    pm_at(q, end, "丨") || colon)) {
        q += (*q == '/' || *q == '|' || *q == ':') ? 1 : 3;
        /* "文｜图 李明远": the pictures by the same hand */
        while (q < end && (*q == ' ' || *q == PM_GAP))
            q++;
        if (pm_at(q, end, "图") && q + 3 < end && (q[3] == ' ' || q[3] == PM_GAP))
            q += 4;
        char *v = pm_read_value(sc->ls, q, end, 45);
        /* "文/广州日报记者赖伟行": the 记者 reading below has the name. */
        char buf[256];
        if (v && strstr(zh_fold_small(v, buf, sizeof buf), "记者")) {
            free(v);
            v = NULL;
        }
        v = split_outlet(v, sc->f);
        keep_author(&sc->f->author, v);
        sc->f->has_label = true;
    }
    return true;
}

/* Labels of no field folio keeps (时间, 浏览, 字号…) still make the line an
 * info line; 版权, ICP and © make it a footer's. */
static void read_other_labels(const line_scan *sc, const char *p)
{
    const char *end = sc->end;
    bool had;
    if (pm_at(p, end, "时间") || pm_at(p, end, "日期") || pm_at(p, end, "发布") ||
        pm_at(p, end, "发表") || pm_at(p, end, "浏览") || pm_at(p, end, "点击") ||
        pm_at(p, end, "编辑") || pm_at(p, end, "字号")) {
        pm_skip_colon(p + 6, end, &had);
        if (had)
            sc->f->has_label = true;
    }
    if (english_date_label(sc->s, p, end))
        sc->f->has_label = true;
    if (pm_at(p, end, "版权") || pm_at(p, end, "Copyright") || pm_at(p, end, "copyright") ||
        pm_at(p, end, "©") || pm_at(p, end, "ICP") || pm_at(p, end, "备案") ||
        pm_at(p, end, "凡本"))
        sc->f->noise = true;
}

static void fields_scan(const pm_line_src *ls, size_t n, bool near, pm_fields *f)
{
    line_scan sc = { ls, ls->fold, ls->fold + n, n, near, f };
    for (size_t i = 0; i < n;) {
        const char *p = sc.s + i;
        utf8_next(sc.s, n, &i);
        if (read_source_label(&sc, p) || read_author_label(&sc, p) || read_report_label(&sc, p) ||
            read_reporter(&sc, p) ||
            read_english_byline(&sc, p) || read_english_source(&sc, p) || read_wen_byline(&sc, p))
            continue;
        read_other_labels(&sc, p);
    }
}

void pm_fields_read(const char *s, size_t n, bool near, pm_fields *f)
{
    char small[512];
    char *fold = n < sizeof small ? small : xmalloc(n + 1);
    zh_fold(s, n, fold);
    pm_line_src ls = { fold, s };
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


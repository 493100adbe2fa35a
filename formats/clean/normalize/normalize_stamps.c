/* The stamps and credits a page sets after its text, known by their
 * shape: a labelled credit (本文来源：, 责任编辑：), a wire's trailer, a
 * timestamp, a post's stamp with its counts, a line of tags. The tail's
 * scan (normalize_lines.c) asks each of them. */
#include "clean/normalize/normalize.h"
#include "util/zh_fold.h"
#include "util/utf8.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* A credit after the text that begins with its label, 本文来源： or
 * 责任编辑：, whatever follows it in the same short line ("更多精彩，请
 * 登录……", a full stop): the label says what the line is. */
#define CREDIT_LINE 60

/* The lines a wire or a release service sets after the text: "SOURCE
 * Brightline Robotics" (the sender, in capitals), "By Yoon Seo-jin
 * (yoonsj@…)" (the byline given again at the end), "This story was
 * originally published March 5, 2024" (where and when it first ran). */
/* After "By ": two to four capitalised names, and at most an address in
 * brackets, nothing else ("Mara Quist (mquist@example.com)"). */
static bool byline_again(const char *s)
{
    int names = 0;
    while (*s && *s != '(') {
        if (*s == ' ') {
            s++;
            continue;
        }
        if (!((*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0xC3))
            return false;
        while (*s && *s != ' ' && *s != '(')
            s++;
        names++;
    }
    if (*s == '(') {
        const char *close = strchr(s, ')');
        if (!close || !memchr(s, '@', (size_t)(close - s)) || close[1 + strspn(close + 1, " ")])
            return false;
    }
    return names >= 2 && names <= 4;
}

/* A note on where the piece first ran, and a word on subscribing after. */
#define FIRST_RAN_LINE 160

bool nz_is_wire_trailer(const char *s, const nz_line *t)
{
    /* "View original content:https://…": a few words, then the address alone */
    const char *url = strstr(s, "http");
    if (url && !strchr(url, ' ') && url - s <= CREDIT_LINE && (url == s || url[-1] == ':' || url[-1] == ' '))
        return true;
    if (t->chars > FIRST_RAN_LINE)
        return false;
    if (t->chars <= CREDIT_LINE + 40 && !strncmp(s, "SOURCE ", 7) && s[7] >= 'A' && s[7] <= 'Z')
        return t->chars <= CREDIT_LINE && !strstr(s, ". ");
    if (t->chars <= CREDIT_LINE + 40 && !strncmp(s, "By ", 3) && s[3] >= 'A' && s[3] <= 'Z')
        return t->chars <= CREDIT_LINE && byline_again(s + 3);
    /* "This story was originally published …", "This article appeared in
     * the print edition…", "本文首发于…": a note that says so from its first
     * words (and may ask for a subscription after), not a sentence that
     * mentions it */
    static const char *const opens[] = { "This story was ", "This article was ", "This post was ",
                                         "This piece was ", "Originally published", "First published",
                                         "This story ", "This article ", "A version of this ",
                                         "本文首发于", "本文原载于", "原载于", NULL };
    static const char *const first_ran[] = { "originally published", "originally appeared", "first published",
                                             "first appeared", "Originally published", "First published",
                                             "appeared in", "appears in", "print edition", "首发于",
                                             "原载于", NULL };
    bool opened = false;
    for (int i = 0; opens[i] && !opened; i++)
        opened = !strncmp(s, opens[i], strlen(opens[i]));
    /* "This story appeared in…" says where in print: an issue, an edition */
    static const char *const in_print[] = { "print", "issue", "edition", "magazine", "首发", "原载", NULL };
    bool printed = false;
    for (int i = 0; in_print[i] && !printed; i++)
        printed = strstr(s, in_print[i]) != NULL;
    bool broad = !strncmp(s, "This story ", 11) || !strncmp(s, "This article ", 13);
    for (int i = 0; opened && first_ran[i]; i++)
        if (strstr(s, first_ran[i]) && t->stops <= 2 && (printed || !broad || strstr(s, "first") ||
                                                          strstr(s, "originally")))
            return true;
    return false;
}

bool nz_is_credit_line(const char *s, const nz_line *t)
{
    static const char *const labels[] = { "本文来源", "文章来源", "来源", "稿源", "责任编辑", "责编",
                                          "编辑", "校对", NULL };
    s = nz_past_openers(s);
    if (t->chars > CREDIT_LINE || t->date)
        return false;
    for (int i = 0; labels[i]; i++) {
        size_t k = strlen(labels[i]);
        if (!strncmp(s, labels[i], k))
            return !strncmp(s + k, "：", 3) || s[k] == ':' || (nz_label_separator(s + k) && s[k] != ' ' &&
                                                                strncmp(s + k, "　", 3));
    }
    return false;
}

/* A date with its clock time, alone on a line ("2019-09-08 11:42:03"): when
 * the page was posted, not a 落款, which has no time of day. */
bool nz_is_timestamp(const char *s)
{
    /* a weekday, a clock in characters, the zone ("2024年3月18日（星期一）
     * 香港时间16时30分") */
    static const char *const words[] = { "年", "月", "日", "星期", "（", "）", "(", ")", "时间", "香港", "北京",
                                         "台北", "时", "分", "一", "二", "三", "四", "五", "六", "天" };
    char fold[256];
    s = zh_fold_small(s, fold, sizeof fold);
    const char *start = s;
    bool clock = false;
    for (; *s; s++) {
        if (*s == ':' ||
            (!strncmp(s, "时", 3) && strncmp(s, "时间", 6) && s > start && isdigit((unsigned char)s[-1])))
            clock = true;
        if (strchr("0123456789-/.: ", *s))
            continue;
        size_t k = 0;
        for (size_t i = 0; !k && i < sizeof words / sizeof words[0]; i++)
            if (!strncmp(s, words[i], strlen(words[i])))
                k = strlen(words[i]);
        if (!k)
            return false;
        s += k - 1;
    }
    return clock;
}

/* Digits at S begin a date or a time ("2024年", "2024-03", "17:00"),
 * not a count. */
static bool opens_date(const char *s)
{
    while (isdigit((unsigned char)*s))
        s++;
    return strchr("-/.:", *s) ? *s != '\0' : !strncmp(s, "年", 3) || !strncmp(s, "月", 3);
}

/* A post's stamp below its text: when it went up, to the minute, and how
 * often it was read or answered, each count a number after its word and a
 * colon or a bracket ("发表于 2004年12月27日 12:40 (阅读:3727;评论:63)",
 * "posted @ 2024-03-05 12:40 阅读(320) 评论(8)"). */
bool nz_is_post_stamp(const char *s, const nz_line *t)
{
    if (!t->date || t->stops || t->chars > CREDIT_LINE + 20)
        return false;
    bool clock = false;
    int counts = 0;
    uint32_t before = 0;   /* the character before the colon or bracket */
    size_t len = strlen(s), i = 0;
    while (i < len) {
        uint32_t c = utf8_next(s, len, &i);
        bool opens = c == ':' || c == 0xFF1A || c == '(' || c == 0xFF08;
        if (opens && i < len && isdigit((unsigned char)s[i])) {
            if (cp_is_ascii_digit(before))
                clock |= c == ':';
            else if ((cp_is_han(before) || cp_is_latin(before)) && !opens_date(s + i))
                counts++;
        }
        before = c;
    }
    return clock && counts > 0;
}

/* Tags after the text: three or more short words between bars, "国贸|增长率|
 * 全球经济", no sentence among them. */
#define TAG_CHARS 12

bool nz_is_tag_line(const char *s, const nz_line *t)
{
    if (t->stops || t->chars > NZ_LINE_SHORT * 2)
        return false;
    int tags = 0, chars = 0;
    size_t len = strlen(s), i = 0;
    while (i <= len) {
        uint32_t c = i < len ? utf8_next(s, len, &i) : (i++, '|');
        if (c == '|' || c == 0xFF5C) {
            if (!chars || chars > TAG_CHARS)
                return false;
            tags++;
            chars = 0;
        } else if (c != ' ' && c != 0x3000 && c != 0xA0) {
            chars++;
        }
    }
    return tags >= 3;
}

/* A line that says when a page went up, to the minute, and at most what
 * the time is: "Posted 14 Mar 2018, 2:32pm", "Updated Sept. 12, 2018
 * 7:41 p.m. ET", "First posted March 14, 2018 14:32:05", "发布时间：
 * 2024-03-05 10:20". Its words besides the date's own (digits, a month's
 * name, a clock's marks, a zone) are a label of LABEL_WORDS at most, each
 * short. The date is the page's own, PAGE_DATE: a document's own date
 * (a 落款's, the date under a speech's title) has no time of day, and a
 * time the text sets ("报名截止时间：2024年3月10日 17:00") another day. */
#define DATED_LINE_CHARS 50
#define LABEL_WORDS 2
#define LABEL_WORD_CHARS 12

/* The word W (N bytes) is a date's or a time's: digits with their marks
 * and at most a clock's or an ordinal's ending ("2:32pm", "1st"), a
 * month's name, a zone ("ET", "GMT"), or Han digits with 年月日时分 -
 * "2024年3月5日起" is not, since it says more. */
static bool date_word(const char *w, size_t n)
{
    static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                          "sept", "oct", "nov", "dec", "january", "february", "march",
                                          "april", "june", "july", "august", "september", "october",
                                          "november", "december", "am", "pm", "a.m", "p.m", NULL };
    static const char *const endings[] = { "am", "pm", "a.m", "p.m", "st", "nd", "rd", "th", NULL };
    static const char *const han[] = { "年", "月", "日", "时", "分", "秒", NULL };
    while (n && (w[n - 1] == '.' || w[n - 1] == ','))
        n--;
    if (!n)
        return true;
    size_t upper = 0;
    for (size_t i = 0; i < n; i++)
        upper += isupper((unsigned char)w[i]) != 0;
    if (upper == n && n >= 2 && n <= 4)
        return true;
    for (int i = 0; months[i]; i++)
        if (strlen(months[i]) == n && !strncasecmp(w, months[i], n))
            return true;
    size_t i = 0;
    bool digits = false;
    while (i < n) {
        if (isdigit((unsigned char)w[i]) || (digits && strchr(":-/.", w[i]))) {
            digits = true;
            i++;
            continue;
        }
        int len;
        uint32_t c = utf8_decode(w + i, n - i, &len);
        size_t k = cp_is_han_numeral(c) ? (size_t)len : 0;
        for (int j = 0; han[j] && !k && digits; j++)
            if (!strncmp(w + i, han[j], 3))
                k = 3;
        if (!k)
            break;
        digits = true;
        i += k;
    }
    if (!digits)
        return false;
    if (i == n)
        return true;
    for (int j = 0; endings[j]; j++)
        if (strlen(endings[j]) == n - i && !strncasecmp(w + i, endings[j], n - i))
            return true;
    return false;
}

bool nz_is_dated_line(const char *s, const nz_line *t, const char *page_date)
{
    char day[11];
    if (!page_date || strlen(page_date) < 10)
        return false;
    /* 《光明日报》（2024年05月20日 03版）: a paper's issue, whose name
     * is the credit of the text */
    if (t->chars == 0 || t->chars > DATED_LINE_CHARS || strstr(s, "《") || !page_meta_find_date(s, day, 0))
        return false;
    int labels = 0;
    size_t len = strlen(s);
    bool clock = false;
    for (size_t i = 1; i + 1 < len && !clock; i++)
        clock = s[i] == ':' && isdigit((unsigned char)s[i - 1]) && isdigit((unsigned char)s[i + 1]);
    if (!clock)
        return false;
    for (size_t i = 0; i < len;) {
        /* words split at blanks, commas, brackets and CJK colons */
        size_t start = i, chars = 0;
        while (i < len) {
            size_t at = i;
            uint32_t c = utf8_next(s, len, &i);
            bool label_colon = c == ':' && (at == 0 || !isdigit((unsigned char)s[at - 1]));
            if (c == ' ' || c == ',' || c == 0x3000 || c == 0xA0 || c == 0xFF1A || c == 0xFF0C || c == '|' ||
                c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09 || label_colon) {
                i = at;
                break;
            }
            chars++;
        }
        if (i > start && !date_word(s + start, i - start)) {
            if (++labels > LABEL_WORDS || chars > LABEL_WORD_CHARS)
                return false;
            /* a Chinese label is one by its colon (发布时间：); "下午放学"
             * before a time says when something happens */
            int k;
            bool colon = i < len && (s[i] == ':' || !strncmp(s + i, "：", 3));
            if (cp_is_han(utf8_decode(s + start, i - start, &k)) && !colon)
                return false;
        }
        if (i < len && i == start)
            utf8_next(s, len, &i);
    }
    return !strncmp(day, page_date, 10);
}

/* A post's edit stamp after its text, as forums and note sites set it:
 * "编辑于 2024-04-19 09:12・IP 属地浙江", "发布于 2024-03-12 浙江". The
 * label says whose date it is; a place or two may follow. */
#define STAMP_PLACE_WORDS 2
#define STAMP_PLACE_CHARS 8

bool nz_is_edit_stamp(const char *s, const nz_line *t)
{
    static const char *const labels[] = { "编辑于", "发布于", "发表于", "更新于", "修改于", "创建于",
                                          "最后编辑于", "最后修改于", NULL };
    if (!t->date || t->stops || t->chars > CREDIT_LINE)
        return false;
    s = nz_past_openers(s);
    size_t k = 0;
    for (int i = 0; labels[i] && !k; i++)
        if (!strncmp(s, labels[i], strlen(labels[i])))
            k = strlen(labels[i]);
    if (!k || strstr(s + k, "："))
        return false;   /* "更新于 2024-10-20：官方回应" heads what follows */
    int places = 0;
    size_t len = strlen(s);
    for (size_t i = k; i < len;) {
        size_t start = i, chars = 0;
        while (i < len) {
            size_t at = i;
            uint32_t c = utf8_next(s, len, &i);
            if (c == ' ' || c == 0x3000 || c == 0xA0 || c == 0x30FB || c == 0xB7 || c == '|' ||
                c == 0xFF1A || (c == ':' && !(at && isdigit((unsigned char)s[at - 1])))) {
                i = at;
                break;
            }
            chars++;
        }
        if (i > start && !date_word(s + start, i - start) &&
            (++places > STAMP_PLACE_WORDS || chars > STAMP_PLACE_CHARS))
            return false;
        if (i < len && i == start)
            utf8_next(s, len, &i);
    }
    return true;
}

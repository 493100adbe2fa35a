/* Dates as Chinese and Western pages write them. Scanners are hand-written:
 * they run over every line near a title, and a regex would cost a compile
 * per page or a global. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"
#include "util/month_name.h"
#include "util/utf8.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

long pm_today(long long now)
{
    time_t t = now ? (time_t)now : time(NULL);
    /* China is UTC+8 and some of the world UTC+14: a page dated today
     * there may be tomorrow in UTC. */
    t += 14 * 3600;
    struct tm tm;
    if (!gmtime_r(&t, &tm))
        return 99991231;
    return (long)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}

bool pm_date_ok(int y, int m, int d, long today)
{
    static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (y < 1990 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return false;
    return (long)y * 10000 + m * 100 + d <= today;
}

/* A digit at S (ASCII or full-width), its value or -1, and its length. */
static int digit_at(const unsigned char *s, const unsigned char *end, size_t *len)
{
    if (s < end && *s >= '0' && *s <= '9') {
        *len = 1;
        return *s - '0';
    }
    if (end - s >= 3 && s[0] == 0xef && s[1] == 0xbc && s[2] >= 0x90 && s[2] <= 0x99) {
        *len = 3;
        return s[2] - 0x90;
    }
    return -1;
}

/* Read up to MAX digits at *P; the count read, the value in *V. */
static int digits(const unsigned char **p, const unsigned char *end, int max, int *v)
{
    int n = 0;
    size_t k;
    int dg;
    *v = 0;
    while (n < max && (dg = digit_at(*p, end, &k)) >= 0) {
        *v = *v * 10 + dg;
        *p += k;
        n++;
    }
    return n;
}

static bool is_digit_at(const unsigned char *s, const unsigned char *end)
{
    size_t k;
    return digit_at(s, end, &k) >= 0;
}

/* Is the byte before S (within the text starting at BEGIN) a digit? Looks
 * at both ASCII and full-width forms. */
static bool digit_before(const unsigned char *s, const unsigned char *begin)
{
    if (s > begin && s[-1] >= '0' && s[-1] <= '9')
        return true;
    return s - begin >= 3 && s[-3] == 0xef && s[-2] == 0xbc && s[-1] >= 0x90 && s[-1] <= 0x99;
}

static bool starts(const unsigned char *p, const unsigned char *end, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

static void skip_spaces(const unsigned char **p, const unsigned char *end)
{
    int n = 0;
    while (*p < end && n < 3 && (**p == ' ' || **p == PM_GAP)) {
        (*p)++;
        n++;
    }
}

/* The separator between year, month and day, as a small code so that the
 * second one can be checked against the first: '-' '/' '.' or 'Y' for 年. */
static int date_sep(const unsigned char **p, const unsigned char *end)
{
    static const struct { const char *lit; int code; } seps[] = {
        { "-", '-' }, { "/", '/' }, { ".", '.' }, { "年", 'Y' },
        { "\xef\xbc\x8d", '-' }, { "\xef\xbc\x8f", '/' }, { "\xef\xbc\x8e", '.' },
    };
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
        if (starts(*p, end, seps[i].lit)) {
            *p += strlen(seps[i].lit);
            return seps[i].code;
        }
    return 0;
}

/* Does "民國" (or 民国, 中華民國) stand right before S? */
static bool roc_era_before(const unsigned char *b, const unsigned char *s)
{
    while (s > b && s[-1] == ' ')
        s--;
    return s - b >= 6 && (!memcmp(s - 6, "民國", 6) || !memcmp(s - 6, "民国", 6));
}

/* What stands before S allows a date of three-digit years to open there:
 * the line's start, a label's colon, a space after words; never a
 * bracket or a number ("8 (812) 113-05-21" is a telephone's). */
static bool roc_may_open(const unsigned char *b, const unsigned char *s)
{
    while (s > b && s[-1] == ' ')
        s--;
    if (s == b)
        return true;
    unsigned char c = s[-1];
    bool wide_colon = s - b >= 3 && !memcmp(s - 3, "：", 3), wide_bracket = s - b >= 3 && !memcmp(s - 3, "）", 3);
    return c == ':' || wide_colon || (c >= 0x80 && !wide_bracket) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Taiwan dates its pages in the years of the Republic (民國113年 is 2024):
 * three digits from 100 (2011) on, or fewer after the era's name. */
static bool roc_year(const unsigned char *b, const unsigned char *s, int year_digits, int y)
{
    if (roc_era_before(b, s))
        return year_digits >= 2 && y >= 1;
    return year_digits == 3 && y >= 100 && y <= 199 && roc_may_open(b, s);
}

static bool numeric_date(const unsigned char *b, const unsigned char *s,
                         const unsigned char *end, long today, pm_date *out)
{
    const unsigned char *p = s;
    int y, m, d;
    if (digit_before(s, b))
        return false;
    int year_digits = digits(&p, end, 4, &y);
    bool roc = year_digits < 4 && roc_year(b, s, year_digits, y);
    if ((year_digits != 4 && !roc) || is_digit_at(p, end))
        return false;
    /* "010-2019-11-13" is a number with dashes, not a date. */
    if (s - b >= 2 && (s[-1] == '-' || s[-1] == '/' || s[-1] == '.') && digit_before(s - 1, b))
        return false;
    skip_spaces(&p, end);
    int sep = date_sep(&p, end);
    if (!sep)
        return false;
    skip_spaces(&p, end);
    int month_digits = digits(&p, end, 2, &m);
    if (month_digits < 1)
        return false;
    skip_spaces(&p, end);
    if (sep == 'Y') {
        if (!starts(p, end, "月"))
            return false;
        p += 3;
    } else if (date_sep(&p, end) != sep) {
        return false;
    }
    skip_spaces(&p, end);
    int day_digits = digits(&p, end, 2, &d);
    if (day_digits < 1 || is_digit_at(p, end))
        return false;
    if (sep == 'Y' && (starts(p, end, "日") || starts(p, end, "号")))
        p += 3;
    /* "113-05-06" is a date only written in full; "110-5-3" may be a
     * house number */
    if (roc && sep != 'Y' && !roc_era_before(b, s) && (month_digits != 2 || day_digits != 2))
        return false;
    if (roc)
        y += 1911;
    if (!pm_date_ok(y, m, d, today))
        return false;
    *out = (pm_date){ y, m, d, (size_t)(s - b), (size_t)(p - b) };
    return true;
}

/* Day and month before the year: "7/5/2005 9:23:57 PM" as US servers write
 * it (month first, unless the first number cannot be a month), and
 * "13.11.2019" as Europe does (day first). */
static bool year_last_date(const unsigned char *b, const unsigned char *s,
                           const unsigned char *end, long today, pm_date *out)
{
    const unsigned char *p = s;
    int a, c, y;
    if (digit_before(s, b) || digits(&p, end, 2, &a) < 1 || p >= end)
        return false;
    int sep = *p;
    if (sep != '/' && sep != '.' && sep != '-')
        return false;
    p++;
    if (digits(&p, end, 2, &c) < 1 || p >= end || *p != sep)
        return false;
    p++;
    if (digits(&p, end, 4, &y) != 4 || is_digit_at(p, end))
        return false;
    int m = a, d = c;
    if (sep != '/' || a > 12) {
        m = c;
        d = a;
    }
    if (!pm_date_ok(y, m, d, today))
        return false;
    *out = (pm_date){ y, m, d, (size_t)(s - b), (size_t)(p - b) };
    return true;
}

/* Chinese numerals as 落款 write them: 二〇一九年十一月十三日. */
static int cn_digit(const unsigned char **p, const unsigned char *end)
{
    static const char *const zero[] = { "〇", "零", "○", "\xef\xbc\xaf", "O", "0", "Ｏ" };
    static const char *const one_nine[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };
    for (size_t i = 0; i < sizeof zero / sizeof zero[0]; i++)
        if (starts(*p, end, zero[i])) {
            *p += strlen(zero[i]);
            return 0;
        }
    for (int i = 0; i < 9; i++)
        if (starts(*p, end, one_nine[i])) {
            *p += 3;
            return i + 1;
        }
    return -1;
}

/* 一 … 三十一, with 十, 廿 and 卅. */
static int cn_number(const unsigned char **p, const unsigned char *end)
{
    const unsigned char *q = *p;
    int tens = 0, units;
    if (starts(q, end, "廿")) {
        tens = 2;
        q += 3;
    } else if (starts(q, end, "卅")) {
        tens = 3;
        q += 3;
    } else if (starts(q, end, "十")) {
        tens = 1;
        q += 3;
    } else {
        const unsigned char *r = q;
        int dg = cn_digit(&r, end);
        if (dg <= 0)
            return -1;
        q = r;
        if (starts(q, end, "十")) {
            tens = dg;
            q += 3;
        } else {
            *p = q;
            return dg;
        }
    }
    const unsigned char *r = q;
    units = cn_digit(&r, end);
    if (units > 0)
        q = r;
    else
        units = 0;
    *p = q;
    return tens * 10 + units;
}

static bool chinese_date(const unsigned char *b, const unsigned char *s,
                         const unsigned char *end, long today, pm_date *out)
{
    const unsigned char *p = s;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        int dg = cn_digit(&p, end);
        if (dg < 0)
            return false;
        y = y * 10 + dg;
    }
    if (!starts(p, end, "年"))
        return false;
    p += 3;
    int m = cn_number(&p, end);
    if (m < 0 || !starts(p, end, "月"))
        return false;
    p += 3;
    int d = cn_number(&p, end);
    if (d < 0 || !(starts(p, end, "日") || starts(p, end, "号")))
        return false;
    p += 3;
    if (!pm_date_ok(y, m, d, today))
        return false;
    *out = (pm_date){ y, m, d, (size_t)(s - b), (size_t)(p - b) };
    return true;
}

static bool ascii_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int pm_month_name(const unsigned char **p, const unsigned char *end)
{
    static const char *const names[] = { "january", "february", "march", "april", "may", "june",
                                         "july", "august", "september", "october", "november",
                                         "december" };
    size_t n = 0;
    while (*p + n < end && ascii_alpha((*p)[n]))
        n++;
    if (n < 3)
        return 0;
    for (int i = 0; i < 12; i++) {
        size_t full = strlen(names[i]);
        bool ok = (n == full || n == 3 || (i == 8 && n == 4)) && n <= full &&
                  strncasecmp((const char *)*p, names[i], n) == 0;
        if (ok) {
            *p += n;
            if (n < full && *p < end && **p == '.')
                (*p)++;
            return i + 1;
        }
    }
    return 0;
}

static void skip_ordinal(const unsigned char **p, const unsigned char *end)
{
    static const char *const suf[] = { "st", "nd", "rd", "th" };
    for (int i = 0; i < 4; i++)
        if (end - *p >= 2 && strncasecmp((const char *)*p, suf[i], 2) == 0 &&
            !(end - *p > 2 && ascii_alpha((*p)[2]))) {
            *p += 2;
            return;
        }
}

/* "March 25, 2015" at a letter, or "25 March 2015" at a digit. */
static bool english_date(const unsigned char *b, const unsigned char *s,
                         const unsigned char *end, long today, pm_date *out)
{
    const unsigned char *p = s;
    int y, m, d;
    if (ascii_alpha(*s)) {
        if (s > b && ascii_alpha(s[-1]))
            return false;
        if (!(m = pm_month_name(&p, end)))
            return false;
        if (p >= end || *p != ' ')
            return false;
        skip_spaces(&p, end);
        if (digits(&p, end, 2, &d) < 1 || is_digit_at(p, end))
            return false;
        skip_ordinal(&p, end);
        if (p < end && *p == ',')
            p++;
        skip_spaces(&p, end);
    } else {
        if (digit_before(s, b) || digits(&p, end, 2, &d) < 1 || is_digit_at(p, end))
            return false;
        skip_ordinal(&p, end);
        if (p >= end || (*p != ' ' && *p != '-'))
            return false;
        p++;
        if (!(m = pm_month_name(&p, end)))
            return false;
        if (p < end && *p == ',')
            p++;
        if (p >= end || (*p != ' ' && *p != '-'))
            return false;
        p++;
    }
    if (digits(&p, end, 4, &y) != 4 || is_digit_at(p, end))
        return false;
    if (!pm_date_ok(y, m, d, today))
        return false;
    *out = (pm_date){ y, m, d, (size_t)(s - b), (size_t)(p - b) };
    return true;
}

/* P is at the word W: " de " of Spanish and Portuguese dates. */
static void skip_word(const unsigned char **p, const unsigned char *end, const char *w)
{
    size_t k = strlen(w);
    if ((size_t)(end - *p) > k && !strncasecmp((const char *)*p, w, k) && (*p)[k] == ' ') {
        *p += k + 1;
        skip_spaces(p, end);
    }
}

/* The day at S closes a range of days ("del 12 al 21 de abril", "du 12
 * au 21 mars", "12.–21. März"): an event's days, not a date of the page. */
static bool range_end(const unsigned char *b, const unsigned char *s)
{
    const unsigned char *p = s;
    while (p > b && p[-1] == ' ')
        p--;
    const unsigned char *word = p;
    while (word > b && p - word < 4 && ((word[-1] | 0x20) >= 'a' && (word[-1] | 0x20) <= 'z'))
        word--;
    if (word == p && p - b >= 3 && (!memcmp(p - 3, "–", 3) || !memcmp(p - 3, "—", 3)))
        word = p - 3;
    else if (word == p && p > b && p[-1] == '-')
        word = p - 1;
    if (word == p)
        return false;
    while (word > b && word[-1] == ' ')
        word--;
    if (word > b && word[-1] == '.')
        word--;
    return word > b && word[-1] >= '0' && word[-1] <= '9';
}

/* A day before a month's name in another language than English: "12.
 * März 2024", "3 maj 2024", "12 de marzo de 2024", "12.mai.2024", "12
 * марта 2024 г.". */
static bool european_date(const unsigned char *b, const unsigned char *s, const unsigned char *end, long today,
                          pm_date *out)
{
    const unsigned char *p = s;
    int y, m, d;
    if (digit_before(s, b) || digits(&p, end, 2, &d) < 1 || is_digit_at(p, end) || range_end(b, s))
        return false;
    bool dotted = p < end && *p == '.';
    if (dotted)
        p++;
    if (p < end && *p == ' ')
        skip_spaces(&p, end);
    else if (!dotted)
        return false;
    skip_word(&p, end, "de");
    size_t n = month_word_len((const char *)p, (size_t)(end - p));
    bool abbrev;
    if (!(m = month_name_number((const char *)p, n, &abbrev)))
        return false;
    p += n;
    bool dot = p < end && *p == '.';
    size_t letters = 0;
    for (size_t i = 0; i < n; i++)
        letters += ((p - n)[i] & 0xc0) != 0x80;
    if (abbrev && !dot && letters > 3 && strncasecmp((const char *)p - n, "sept", n))
        return false;   /* "Marc" is a name */
    if (dot)
        p++;
    if (p < end && *p == ',')
        p++;
    if (p < end && *p == ' ') {
        skip_spaces(&p, end);
        skip_word(&p, end, "de");
    } else if (!dot) {
        return false;
    }
    if (digits(&p, end, 4, &y) != 4 || is_digit_at(p, end) || !pm_date_ok(y, m, d, today))
        return false;
    *out = (pm_date){ y, m, d, (size_t)(s - b), (size_t)(p - b) };
    return true;
}

/* The character after the one at P, before END. */
static const unsigned char *next_char(const unsigned char *p, const unsigned char *end)
{
    int len;
    utf8_decode((const char *)p, (size_t)(end - p), &len);
    return p + len;
}

/* Bytes that may start a Chinese numeral year: 〇 零 ○ Ｏ and 一 … 九. */
static bool cn_year_lead(const unsigned char *p, const unsigned char *end)
{
    if (end - p < 7 || p[0] < 0xe2)
        return false;
    /* Cheap test first: 年 four characters on. */
    const unsigned char *q = p;
    for (int i = 0; i < 4 && q < end; i++)
        q = next_char(q, end);
    if (!starts(q, end, "年"))
        return false;
    q = p;
    return cn_digit(&q, end) >= 0;
}

bool pm_date_scan(const char *text, size_t n, size_t from, long today, pm_date *out)
{
    const unsigned char *b = (const unsigned char *)text, *end = b + n;
    for (const unsigned char *s = b + from; s < end;) {
        if (is_digit_at(s, end)) {
            if (numeric_date(b, s, end, today, out) || english_date(b, s, end, today, out) ||
                year_last_date(b, s, end, today, out) || european_date(b, s, end, today, out))
                return true;
        } else if (ascii_alpha(*s)) {
            if (english_date(b, s, end, today, out))
                return true;
            /* Skip the rest of the word: a month name only starts one. */
            while (s < end && ascii_alpha(*s))
                s++;
            continue;
        } else if (cn_year_lead(s, end) && chinese_date(b, s, end, today, out)) {
            return true;
        }
        s = next_char(s, end);
    }
    return false;
}

int page_meta_find_date(const char *text, char out[11], long long now)
{
    pm_date d;
    if (!text || !pm_date_scan(text, strlen(text), 0, pm_today(now), &d))
        return 0;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u, (unsigned)d.d % 100u);
    return 1;
}

/* Eight digits as YYYYMMDD at P, not part of a longer run. */
static bool compact_date(const unsigned char *b, const unsigned char *p,
                         const unsigned char *end, long today, pm_date *out)
{
    const unsigned char *q = p;
    int v;
    if (digit_before(p, b) || digits(&q, end, 8, &v) != 8 || is_digit_at(q, end))
        return false;
    int y = v / 10000, m = v / 100 % 100, d = v % 100;
    if (!pm_date_ok(y, m, d, today))
        return false;
    *out = (pm_date){ y, m, d, (size_t)(p - b), (size_t)(q - b) };
    return true;
}

bool pm_date_meta(const char *s, long today, pm_date *out)
{
    if (!s)
        return false;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    const unsigned char *b = (const unsigned char *)s, *end = b + strlen(s);
    if (compact_date(b, b, end, today, out))
        return true;
    return pm_date_scan(s, (size_t)(end - b), 0, today, out);
}

bool pm_date_url(const char *url, long today, pm_date *out)
{
    if (!url)
        return false;
    const char *path = strstr(url, "://");
    path = path ? strchr(path + 3, '/') : url;
    if (!path)
        return false;
    const char *q = path + strcspn(path, "?#");
    for (const char *p = path; p < q; p++) {
        if (!(*p >= '0' && *p <= '9') || (p > path && p[-1] >= '0' && p[-1] <= '9'))
            continue;
        /* Runs of digits joined by one separator each: 2019-11/13,
         * 2019/1113, 201911/13, 20191113. The date is the first eight
         * digits, and they must end where a run ends. */
        char dig[9];
        int nd = 0;
        const char *r = p;
        while (r < q && nd < 8) {
            while (r < q && *r >= '0' && *r <= '9' && nd < 8)
                dig[nd++] = *r++;
            if (r < q && *r >= '0' && *r <= '9')
                break;          /* a run longer than the date */
            if (nd == 8 || r >= q || !strchr("/-_.", *r) || r + 1 >= q ||
                !(r[1] >= '0' && r[1] <= '9'))
                break;
            r++;
        }
        if (nd != 8 || (r < q && *r >= '0' && *r <= '9'))
            continue;
        dig[8] = 0;
        int v = 0;
        for (int i = 0; i < 8; i++)
            v = v * 10 + (dig[i] - '0');
        int y = v / 10000, m = v / 100 % 100, d = v % 100;
        if (pm_date_ok(y, m, d, today)) {
            *out = (pm_date){ y, m, d, 0, 0 };
            return true;
        }
    }
    return false;
}

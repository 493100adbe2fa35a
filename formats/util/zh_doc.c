#include "util/zh_doc.h"
#include "util/utf8.h"

#include <string.h>

bool zh_doc_is_adoption_note(const char *s, size_t n)
{
    static const char *const acts[] = { "通过", "公布", "发布", "施行", "修正", "修订", "印发", "批准", "颁布" };
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
        n--;
    while (n && (*s == ' ' || *s == '\t' || *s == '\n'))
        s++, n--;
    size_t open = n >= 3 && !memcmp(s, "（", 3) ? 3 : n && *s == '(' ? 1 : 0;
    size_t close = n >= 3 && !memcmp(s + n - 3, "）", 3) ? 3 : n && s[n - 1] == ')' ? 1 : 0;
    if (!open || !close || n < open + close + 6)
        return false;
    const char *end = s + n - close;
    for (size_t k = 0; k < sizeof acts / sizeof *acts; k++)
        if (!memcmp(end - 6, acts[k], 6))
            return true;
    return false;
}

bool zh_doc_is_contents_word(const char *s)
{
    size_t n = strlen(s), i = 0;
    uint32_t word[2];
    int k = 0;
    while (i < n) {
        uint32_t c = utf8_next(s, n, &i);
        if (c == ' ' || c == 0x3000)
            continue;
        if (k == 2)
            return false;
        word[k++] = c;
    }
    return k == 2 && word[0] == 0x76EE && (word[1] == 0x5F55 || word[1] == 0x6B21);   /* 目录 目次 */
}

bool zh_doc_is_division_heading(const char *s)
{
    size_t n = strlen(s), i = 0;
    if (!n || utf8_next(s, n, &i) != 0x7B2C)   /* 第 */
        return zh_doc_is_contents_word(s);
    int digits = 0;
    uint32_t c = 0;
    while (i < n && (cp_is_han_numeral(c = utf8_next(s, n, &i)) || cp_is_ascii_digit(c)))
        digits++;
    return digits > 0 && (c == 0x7AE0 || c == 0x8282 || c == 0x7F16);   /* 章 节 编 */
}

/* The year of a 发文字号 in its brackets, "〔2015〕", "[2015]", "（2015）"; returns
 * the bytes read, 0 when there is none. */
static size_t doc_number_year(const char *s, size_t n)
{
    static const uint32_t open[] = { 0x3014, '[', 0xFF08, '(', 0x3010, 0xFF3B };
    static const uint32_t close[] = { 0x3015, ']', 0xFF09, ')', 0x3011, 0xFF3D };
    size_t i = 0;
    uint32_t c = utf8_next(s, n, &i);
    size_t k = 0;
    while (k < sizeof open / sizeof *open && open[k] != c)
        k++;
    if (k == sizeof open / sizeof *open)
        return 0;
    int digits = 0;
    while (i < n && cp_is_ascii_digit((uint32_t)(unsigned char)s[i]))
        i++, digits++;
    if (digits != 4 || i >= n || utf8_next(s, n, &i) != close[k])
        return 0;
    return i;
}

bool zh_doc_is_doc_number(const char *s)
{
    size_t n = strlen(s), i = 0;
    int han = 0;
    uint32_t c = 0;
    while (i < n) {
        size_t at = i;
        c = utf8_next(s, n, &i);
        if (c == ' ' || c == 0x3000 || c == 0xA0)
            continue;
        if (!cp_is_han(c)) {
            i = at;
            break;
        }
        han++;
    }
    if (han < 1 || han > 12)
        return false;
    size_t year = doc_number_year(s + i, n - i);
    if (!year)
        return false;
    i += year;
    while (i < n && (s[i] == ' '))
        i++;
    int digits = 0;
    while (i < n && cp_is_ascii_digit((uint32_t)(unsigned char)s[i]))
        i++, digits++;
    if (digits < 1 || digits > 5 || i >= n || utf8_next(s, n, &i) != 0x53F7)   /* 号 */
        return false;
    while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t'))
        i++;
    return i == n;
}

bool zh_doc_is_release_note(const char *s)
{
    static const char open[] = "（", close[] = "）", subject[] = "此件";
    while (*s == ' ' || *s == '\n' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
        n--;
    size_t o = strlen(open), c = strlen(close);
    /* a note of a few words: the subject, a verb, 公开 */
    if (n < o + c || n > o + c + 30 || strncmp(s, open, o) || strncmp(s + n - c, close, c))
        return false;
    const char *in = s + o;
    size_t len = n - o - c;
    if (len < strlen(subject) || strncmp(in, subject, strlen(subject)))
        return false;
    for (size_t i = 0; i + strlen("公开") <= len; i++)
        if (!strncmp(in + i, "公开", strlen("公开")))
            return true;
    return false;
}

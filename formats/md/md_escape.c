#include "md/md_internal.h"

#include <string.h>

/* Escape only what Markdown would otherwise read as syntax, so that Chinese
 * text (and most other text) comes out byte for byte. */

#define MD_NOWHERE ((size_t)-1)

static bool md_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static bool md_digit(char c) { return c >= '0' && c <= '9'; }
static bool md_alnum(char c) { return md_alpha(c) || md_digit(c); }
static bool md_hex(char c) { return md_digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

/* After '&': would "&...;" be read as an entity or character reference? */
static bool md_entity_like(const char *p, size_t n)
{
    size_t i = 0;
    bool (*ok)(char) = md_alnum;
    if (i < n && p[i] == '#') {
        i++;
        ok = md_digit;
        if (i < n && (p[i] == 'x' || p[i] == 'X'))
            i++, ok = md_hex;
    } else if (!(i < n && md_alpha(p[i]))) {
        return false;
    }
    size_t start = i;
    while (i < n && ok(p[i]))
        i++;
    return i > start && i < n && p[i] == ';';
}

/* GFM's autolink extension links bare www. names, scheme:// URLs and e-mail
 * addresses that the source had as plain text; these tests find them. */
static bool md_www_dot(const char *s, size_t i)
{
    return i >= 3 && memcmp(s + i - 3, "www", 3) == 0 && (i == 3 || !md_alnum(s[i - 4]));
}

static bool md_email_at(const char *s, size_t n, size_t i)
{
    if (i == 0 || !(md_alnum(s[i - 1]) || strchr(".+-_", s[i - 1])))
        return false;
    size_t j = i + 1;
    bool dot = false;
    while (j < n && (md_alnum(s[j]) || s[j] == '-' || s[j] == '_' || s[j] == '.')) {
        if (s[j] == '.' && j > i + 1 && j + 1 < n && md_alnum(s[j + 1]))
            dot = true;
        j++;
    }
    return dot;
}

void md_escape_char(const char *s, size_t n, size_t i, size_t k, bool in_link, buf_t *out)
{
    char c = s[i];
    char next = i + 1 < n ? s[i + 1] : '\0';
    bool esc = false;
    switch (c) {
    case '\\': case '`': case '[': case ']':
        esc = true;
        break;
    case '*': case '_': case '~':
        buf_putc(out, MD_LIT);   /* md_resolve decides, seeing both sides */
        break;
    case '<':   /* at the end of a text node the next one may go on with a tag */
        esc = !next || md_alpha(next) || next == '/' || next == '!' || next == '?';
        break;
    case '&':
        esc = !next || md_entity_like(s + i + 1, n - i - 1);
        break;
    case ':':
        esc = !in_link && i > 0 && md_alpha(s[i - 1]) && next == '/' && i + 2 < n && s[i + 2] == '/';
        break;
    case '.':
        esc = !in_link && md_www_dot(s, i);
        break;
    case '@':
        if (!in_link && md_email_at(s, n, i)) {
            /* No escape stops GFM's e-mail autolink, which works on merged
             * text; an empty comment splits the text. */
            buf_puts(out, "@<!-- -->");
            return;
        }
        break;
    case MD_MARK:
        return;   /* XML text cannot hold it; never let it pass as a marker */
    }
    if (esc)
        buf_putc(out, '\\');
    buf_add(out, s + i, k - i);
}

void md_escape_plain(const char *s, buf_t *out)
{
    bool space = false;
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && out->len)
            buf_putc(out, ' ');
        space = false;
        if (strchr("\\`*_~[]", c) || (c == '<' && i + 1 < n && (md_alpha(s[i + 1]) || strchr("/!?", s[i + 1]))) ||
            (c == '&' && md_entity_like(s + i + 1, n - i - 1)))
            buf_putc(out, '\\');
        if (c != MD_MARK && c != MD_LIT)
            buf_putc(out, c);
    }
}

void md_link_destination(const char *url, buf_t *out)
{
    size_t n = strlen(url);
    bool pointy = false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)url[i] <= ' ' || url[i] == 0x7f || url[i] == '<' || url[i] == '>')
            pointy = true;
    if (pointy)
        buf_putc(out, '<');
    for (size_t i = 0; i < n; i++) {
        char c = url[i];
        bool esc = c == '\\' || (c == '&' && md_entity_like(url + i + 1, n - i - 1)) ||
                   (pointy ? (c == '<' || c == '>') : (c == '(' || c == ')'));
        if (esc)
            buf_putc(out, '\\');
        if (c == '\n' || c == '\r')
            buf_puts(out, c == '\n' ? "%0A" : "%0D");
        else
            buf_putc(out, c);
    }
    if (pointy)
        buf_putc(out, '>');
}

static bool md_only(const char *l, size_t n, char c, size_t min)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (l[i] == c)
            count++;
        else if (l[i] != ' ' && l[i] != '\t')
            return false;
    }
    return count >= min;
}

static bool md_delimiter_row(const char *l, size_t n)
{
    bool dash = false;
    for (size_t i = 0; i < n; i++) {
        if (!strchr("|:- \t", l[i]))
            return false;
        dash |= l[i] == '-';
    }
    return dash;
}

/* Where a backslash must go so that LINE cannot open a block: a heading, a
 * quote, a list item, a thematic break or setext underline, a code fence,
 * a table row. */
static size_t md_block_start(const char *l, size_t n)
{
    size_t i = 0;
    char c = n ? l[0] : '\0';
    bool gap1 = n == 1 || l[1] == ' ' || l[1] == '\t';
    if (c == '#') {
        while (i < n && l[i] == '#')
            i++;
        return i <= 6 && (i == n || l[i] == ' ' || l[i] == '\t') ? 0 : MD_NOWHERE;
    }
    if (c == '>' || c == '|')
        return 0;
    if ((c == '-' || c == '+' || c == '*') && gap1)
        return 0;
    if ((c == '-' || c == '=') && md_only(l, n, c, 1))
        return 0;
    if ((c == '*' || c == '_') && md_only(l, n, c, 3))
        return 0;
    if (md_digit(c)) {
        while (i < n && md_digit(l[i]))
            i++;
        bool marker = i <= 9 && i < n && (l[i] == '.' || l[i] == ')') &&
                      (i + 1 == n || l[i + 1] == ' ' || l[i + 1] == '\t');
        return marker ? i : MD_NOWHERE;
    }
    if (n >= 3 && (memcmp(l, "~~~", 3) == 0 || memcmp(l, "```", 3) == 0))
        return 0;
    if (c && md_delimiter_row(l, n))
        return 0;
    return MD_NOWHERE;
}

void md_escape_line_start(const char *line, size_t len, buf_t *out)
{
    size_t at = md_block_start(line, len);
    if (at == MD_NOWHERE) {
        buf_add(out, line, len);
        return;
    }
    buf_add(out, line, at);
    buf_putc(out, '\\');
    buf_add(out, line + at, len - at);
}

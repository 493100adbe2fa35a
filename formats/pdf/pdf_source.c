#include "pdf/pdf_source.h"

#include <ctype.h>
#include <string.h>

/* The number of the N digits at S, or -1 when one is no digit. */
static int digits(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

void pdf_source_date(const char *date, buf_t *out)
{
    int year = digits(date, 4);
    int month = year >= 0 && date[4] == '-' ? digits(date + 5, 2) : -1;
    int day = month > 0 && date[7] == '-' ? digits(date + 8, 2) : -1;
    /* what follows the date part: nothing, or a time */
    size_t end = day > 0 ? 10 : month > 0 ? 7 : 4;
    if (year < 0 || (date[end] && date[end] != 'T' && date[end] != ' ') ||
        (month != -1 && (month < 1 || month > 12)) || (day != -1 && (day < 1 || day > 31))) {
        buf_puts(out, date);
        return;
    }
    /* no leading zeros: 3月5日, as dates are written in Chinese text */
    buf_printf(out, "%d年", year);
    if (month > 0)
        buf_printf(out, "%d月", month);
    if (day > 0)
        buf_printf(out, "%d日", day);
}

/* An article in Chinese, or in no language it names. */
static bool in_chinese(const char *lang)
{
    return !lang || !*lang || (tolower((unsigned char)lang[0]) == 'z' && tolower((unsigned char)lang[1]) == 'h' &&
                               (!lang[2] || lang[2] == '-' || lang[2] == '_'));
}

char *pdf_source_line(const article_meta *m)
{
    bool from = m->publisher && *m->publisher, when = m->date && *m->date;
    if (!from && !when)
        return NULL;
    /* Another language reads neither the 来源 label nor 年月日: its line
     * is the publisher and the date as written, 2020-02-24. */
    bool zh = in_chinese(m->lang);
    buf_t line;
    buf_init(&line);
    if (from)
        buf_printf(&line, zh ? "来源：%s" : "%s", m->publisher);
    if (from && when)
        buf_puts(&line, " · ");
    if (when && zh)
        pdf_source_date(m->date, &line);
    else if (when)
        buf_add(&line, m->date, strcspn(m->date, "T "));   /* the day, not its time */
    return buf_detach(&line);
}

#include "pdf/pdf_source.h"

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

char *pdf_source_line(const article_meta *m)
{
    bool from = m->publisher && *m->publisher, when = m->date && *m->date;
    if (!from && !when)
        return NULL;
    buf_t line;
    buf_init(&line);
    if (from)
        buf_printf(&line, "来源：%s", m->publisher);
    if (from && when)
        buf_puts(&line, " · ");
    if (when)
        pdf_source_date(m->date, &line);
    return buf_detach(&line);
}

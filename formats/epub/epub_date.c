#include "epub/epub_internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The package's dates. Every one comes from the articles or from
 * SOURCE_DATE_EPOCH, never from the clock: the same input makes the same
 * bytes. */

static bool epub_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static int epub_number(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* How many characters of DATE make a valid CCYY[-MM[-DD]]: 0, 4, 7 or 10. */
static size_t epub_date_prefix(const char *date)
{
    if (!date || !epub_digits(date, 4))
        return 0;
    size_t n = 4;
    if (date[4] == '-' && epub_digits(date + 5, 2)) {
        int month = epub_number(date + 5, 2);
        if (month < 1 || month > 12)
            return 4;
        n = 7;
        if (date[7] == '-' && epub_digits(date + 8, 2)) {
            int day = epub_number(date + 8, 2);
            if (day >= 1 && day <= 31)
                n = 10;
        }
    }
    return n;
}

bool epub_date_w3c(const char *date, char out[11])
{
    size_t n = epub_date_prefix(date);
    /* "2019-11-13T09:30" is a date with a time; "20191113" is not a date. */
    if (n == 0 || (date[n] && date[n] != 'T' && date[n] != ' '))
        return false;
    memcpy(out, date, n);
    out[n] = '\0';
    return true;
}

bool epub_date_modified(const char *date, char out[21])
{
    char day[11];
    if (!epub_date_w3c(date, day))
        return false;
    size_t n = strlen(day);
    int hh = 0, mm = 0, ss = 0;
    const char *t = date + n;
    if ((*t == 'T' || *t == ' ') && epub_digits(t + 1, 2) && t[3] == ':' && epub_digits(t + 4, 2)) {
        hh = epub_number(t + 1, 2);
        mm = epub_number(t + 4, 2);
        if (t[6] == ':' && epub_digits(t + 7, 2))
            ss = epub_number(t + 7, 2);
        if (hh > 23 || mm > 59 || ss > 59)
            hh = mm = ss = 0;
    }
    /* A date of a year or a month stands for its first day. The numbers
     * are checked to two digits above; the wide buffer only quiets the
     * compiler, which cannot see that. */
    char full[64];
    snprintf(full, sizeof full, "%.4s-%.2s-%.2sT%02d:%02d:%02dZ", day, n >= 7 ? day + 5 : "01",
             n >= 10 ? day + 8 : "01", hh, mm, ss);
    memcpy(out, full, 20);
    out[20] = '\0';
    return true;
}

void epub_date_from_epoch(long long epoch, char out[21])
{
    time_t t = (time_t)epoch;
    struct tm tm;
    if (epoch < 0 || !gmtime_r(&t, &tm) || tm.tm_year + 1900 > 9999) {
        snprintf(out, 21, "1980-01-01T00:00:00Z");
        return;
    }
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void epub_date_dos(const char *modified, uint16_t *dos_time, uint16_t *dos_date)
{
    int year = epub_number(modified, 4), month = epub_number(modified + 5, 2),
        day = epub_number(modified + 8, 2), hh = epub_number(modified + 11, 2),
        mm = epub_number(modified + 14, 2), ss = epub_number(modified + 17, 2);
    /* MS-DOS time starts in 1980 and ends in 2107. */
    if (year < 1980)
        year = 1980, month = 1, day = 1, hh = mm = ss = 0;
    if (year > 2107)
        year = 2107, month = 12, day = 31, hh = 23, mm = 59, ss = 58;
    *dos_date = (uint16_t)((year - 1980) << 9 | month << 5 | day);
    *dos_time = (uint16_t)(hh << 11 | mm << 5 | ss / 2);
}

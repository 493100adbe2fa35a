/* What stands around a reporter's name in a byline: a photo's credit
 * closing it (摄), the agency's filing place and day run on after it
 * (台北15日电), the place and 报导 after a slash. */
#include "clean/meta/page_meta_int.h"

#include <string.h>

/* The text from P to END closes on 摄 or 摄影, past closing brackets:
 * "（记者 王明 摄）" under a picture names who took it. */
bool pm_ends_as_photo_credit(const char *p, const char *end)
{
    static const char *const closers[] = { " ", ")", "）", "】", "]", "　" };
    for (bool more = true; more && end > p;) {
        more = false;
        for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++) {
            size_t k = strlen(closers[i]);
            if ((size_t)(end - p) >= k && !memcmp(end - k, closers[i], k)) {
                end -= k;
                more = true;
            }
        }
    }
    size_t n = (size_t)(end - p);
    return (n >= 3 && !memcmp(end - 3, "摄", 3)) || (n >= 6 && !memcmp(end - 6, "摄影", 6));
}

/* A dateline run on after the name: "陈怡君台北15日电" is a name, the
 * place and the day the agency filed. Places are of two characters
 * mostly, names of two or three: four characters before the day are two
 * and two, five or six three and the rest. Cuts V after the name; whether
 * it did. */
bool pm_cut_filing_place(char *v)
{
    static const char *const filed[] = { "日电", "日電", "日讯", "日訊" };
    size_t han = 0, i = 0, n = strlen(v);
    while (i < n && (unsigned char)v[i] >= 0xE4 && (unsigned char)v[i] <= 0xE9) {
        i += 3;
        han++;
    }
    size_t d = i;
    while (d < n && v[d] >= '0' && v[d] <= '9')
        d++;
    bool dated = d > i && d - i <= 2;
    for (size_t k = 0; dated && k < sizeof filed / sizeof filed[0]; k++)
        if (!strcmp(v + d, filed[k])) {
            size_t name = han == 4 ? 2 : han == 5 || han == 6 ? 3 : 0;
            if (name)
                v[name * 3] = 0;
            return name != 0;
        }
    return false;
}

/* "記者林志強／台中報導": the place and 报导 after a slash. */
bool pm_place_report_after(const char *p, const char *end)
{
    if (pm_at(p, end, "／"))
        p += 3;
    else if (p < end && *p == '/')
        p++;
    else
        return false;
    for (int han = 0; han <= 6 && p < end; han++, p += 3)
        if (pm_at(p, end, "报导") || pm_at(p, end, "报道"))
            return han >= 2;
    return false;
}

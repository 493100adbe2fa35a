#include "util/epoch.h"

#include <stdlib.h>
#include <string.h>

int epoch_parse(const char *text, time_t *out)
{
    size_t n = strlen(text);
    const char *digits = text + strspn(text, "0");
    /* Twelve digits reach EPOCH_MAX; more could overflow before the check. */
    if (n == 0 || strspn(text, "0123456789") != n || strlen(digits) > 12)
        return -1;
    long long v = strtoll(digits, NULL, 10);
    if (v > EPOCH_MAX || (long long)(time_t)v != v)
        return -1;
    *out = (time_t)v;
    return 0;
}

int epoch_from_env(bool *set, time_t *out, const char **text)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    *set = false;
    *text = s;
    if (!s || !*s)
        return 0;
    if (epoch_parse(s, out) != 0)
        return -1;
    *set = true;
    return 0;
}

#include "util/zh_doc.h"

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

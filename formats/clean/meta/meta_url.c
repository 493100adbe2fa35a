/* Where the page was captured: its canonical link, else og:url, else
 * <base href>, when absolute; and the address a browser notes in a page it
 * saves, for clean_page to fall back on. */
#include "clean/meta/page_meta.h"
#include "clean/meta/page_meta_int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool pm_absolute_http(const char *u)
{
    return u && (strncasecmp(u, "http://", 7) == 0 || strncasecmp(u, "https://", 8) == 0);
}

void pm_set_url(const pm_page *p, article_meta *m)
{
    const int url_slots[] = { PM_M_CANONICAL, PM_M_OGURL, PM_M_BASE };
    for (size_t i = 0; i < 3; i++)
        if (pm_absolute_http(p->meta[url_slots[i]])) {
            article_meta_set(&m->url, p->meta[url_slots[i]]);
            break;
        }
}

char *page_meta_saved_from(const char *s, size_t len)
{
    const char *key = "saved from url=(";
    size_t probe = len < 4096 ? len : 4096;
    for (size_t i = 0; i + strlen(key) < probe; i++) {
        if (strncmp(s + i, key, strlen(key)) != 0)
            continue;
        const char *p = memchr(s + i, ')', probe - i);
        if (!p)
            return NULL;
        p++;
        size_t n = 0;
        while (p + n < s + len && p[n] != ' ' && p[n] != '-' && (unsigned char)p[n] > ' ')
            n++;
        if (n > 7 && (!strncmp(p, "http://", 7) || !strncmp(p, "https://", 8)))
            return xstrndup(p, n);
        return NULL;
    }
    return NULL;
}

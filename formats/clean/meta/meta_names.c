/* Names of people and bodies as pages write them: the values that mean
 * "unknown" (佚名, 本站, admin), the role words of a byline (记者, 通讯员,
 * 实习生), and a tag's value trimmed. */
#include "clean/meta/page_meta_int.h"
#include "util/zh_fold.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Length of the role word of a byline at P (记者, 通讯员, 实习生), or 0. */
size_t pm_role_at(const char *p, const char *end)
{
    static const char *const roles[] = { "记者", "通讯员", "实习生" };
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (pm_at(p, end, roles[i]))
            return strlen(roles[i]);
    return 0;
}

bool pm_is_anonymous(const char *v)
{
    static const char *const none[] = {
        "佚名", "本站", "本网", "admin", "administrator", "网站编辑", "未知", "不详", "匿名",
        "管理员", "本站原创", "本网原创", "原创", "暂无", "无", "网络", "互联网", "system",
        "编辑", "小编", "本站编辑", "网站管理员", "null", "none", "unknown", "网络整理", "综合整理", "综合",
        /* the accounts a CMS installs (Joomla's, WordPress's, in the site's language) */
        "administrador", "administrateur", "amministratore", "super user", "webmaster", "webredaktion",
    };
    if (!v || !*v)
        return true;
    char buf[64];
    v = zh_fold_small(v, buf, sizeof buf);
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        if (strcasecmp(v, none[i]) == 0)
            return true;
    return false;
}

void pm_strip_roles(char *v)
{
    size_t n = strlen(v), o = 0;
    char *f = xmalloc(n + 1);
    zh_fold(v, n, f);
    const char *end = f + n;
    /* Each space-separated word: what follows a role word in it is a name;
     * what comes before the first one is the paper ("本报", "新华社"). */
    for (size_t i = 0; i < n;) {
        while (i < n && v[i] == ' ')
            i++;
        size_t st = i, seg = i;
        bool role = false;
        while (i < n && v[i] != ' ') {
            size_t rl = pm_role_at(f + i, end);
            if (!rl) {
                utf8_next(v, n, &i);
                continue;
            }
            if (role && i > seg) {
                if (o)
                    v[o++] = ' ';
                memmove(v + o, v + seg, i - seg);
                o += i - seg;
            }
            role = true;
            i += rl;
            if (pm_at(f + i, end, "："))
                i += 3;
            else if (i < n && f[i] == ':')
                i++;
            seg = i;
        }
        if (!role)
            seg = st;
        if (i > seg && seg < n) {
            if (o)
                v[o++] = ' ';
            memmove(v + o, v + seg, i - seg);
            o += i - seg;
        }
    }
    v[o] = 0;
    free(f);
}

char *pm_trimmed_copy(const char *s, size_t max)
{
    if (!s)
        return NULL;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    if (!n || n > max)
        return NULL;
    return xstrndup(s, n);
}

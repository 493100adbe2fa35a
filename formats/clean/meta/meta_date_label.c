/* Is a date on a line the page's own? A label before it says so (发布时间,
 * 日期, Published; 编辑于, the day of the last edit) or says it is another date (截止, 有效期至, 活动时间,
 * 引用日期: the day a source was cited; 注册时间, Registered: the day a
 * forum's member joined); so may a word after it
 * ("2005-04-05 06:40 更新"). */
#include "clean/meta/page_meta_int.h"

#include <string.h>

/* Skip a clock time after a date: " 10:30", "10:30:00", "12:40 PM". */
static const char *skip_time(const char *p, const char *end)
{
    const char *q = p;
    while (q < end && (*q == ' ' || *q == PM_GAP || *q == PM_EDGE))
        q++;
    if (q < end && pm_is_digit(*q)) {
        const char *r = q;
        while (r < end && (pm_is_digit(*r) || *r == ':' || pm_at(r, end, "：")))
            r += (*r == ':' || pm_is_digit(*r)) ? 1 : 3;
        if (r - q >= 3)
            q = r;
        if (pm_at(q, end, "AM") || pm_at(q, end, "PM"))
            q += 2;
        return q;
    }
    return p;
}

/* The weekday's name a date may open with ("Registriert: Mo 2. Feb
 * 2026", "Posted: Wed, 13 Nov"), ending at P: its start, or P. */
static const char *weekday_before(const char *b, const char *p)
{
    static const char *const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Mo", "Di", "Mi",
                                        "Do", "Fr", "Sa", "So", NULL };
    const char *q = p;
    while (q > b && (q[-1] == ' ' || q[-1] == ',' || q[-1] == PM_GAP || q[-1] == PM_EDGE))
        q--;
    for (int i = 0; days[i]; i++) {
        size_t k = strlen(days[i]);
        if ((size_t)(q - b) >= k && !memcmp(q - k, days[i], k) &&
            (q - k == b || (q - k)[-1] == ' ' || (q - k)[-1] == ':' || (q - k)[-1] == PM_GAP ||
             (q - k)[-1] == PM_EDGE))
            return q - k;
    }
    return p;
}

static int date_label_in(const char *s, size_t n, size_t start, size_t dend)
{
    const char *b = s, *p = weekday_before(s, s + start);
    /* Before the date: step back over colons, spaces and brackets. */
    while (p > b) {
        unsigned char c = (unsigned char)p[-1];
        if (c == ' ' || c == ':' || c == PM_GAP || c == PM_EDGE || c == '[' || c == '(' || c == '@') {
            p--;
            continue;
        }
        if (p - b >= 3 && (memcmp(p - 3, "：", 3) == 0 || memcmp(p - 3, "【", 3) == 0 ||
                           memcmp(p - 3, "（", 3) == 0 || memcmp(p - 3, "　", 3) == 0)) {
            p -= 3;
            continue;
        }
        break;
    }
    static const char *const neg[] = { "截止", "截至", "有效期", "生效", "至", "到", "施行",
                                       "有效期至", "届满", "会议", "活动时间", "报名时间",
                                       "引用日期", "访问日期", "检索日期", "浏览日期",
                                       /* a forum member's card: the day they joined, or last came */
                                       "注册时间", "注册日期", "注册", "最后登录", "上次登录", "Joined",
                                       "joined", "Registered", "registered", "Registriert", "Member since",
                                       "member since", "Mitglied seit", "Inscrit le", "Inscrit",
                                       "Miembro desde", "Membro desde", "Lid sinds", "Last visit",
                                       "Last seen", "last seen", "Anmeldungsdatum", "Dabei seit",
                                       "Date d'inscription", "Fecha de registro", "Registrado",
                                       "Registrato", "Iscritto" };
    for (size_t i = 0; i < sizeof neg / sizeof neg[0]; i++) {
        size_t k = strlen(neg[i]);
        if ((size_t)(p - b) >= k && memcmp(p - k, neg[i], k) == 0)
            return -1;
    }
    /* the day a post was last edited (编辑于): its own, but a later one
     * than the day it went up */
    /* the edit's label may stand a preposition off ("Updated on",
     * "Aktualisiert am", "Mis à jour le") */
    const char *before_prep = p;
    static const char *const preps[] = { " on", " am", " le", " el", " em", " il", " op", " om", " den", " um" };
    for (size_t i = 0; i < sizeof preps / sizeof preps[0]; i++) {
        size_t k = strlen(preps[i]);
        if ((size_t)(before_prep - b) > k && !memcmp(before_prep - k, preps[i], k)) {
            before_prep -= k;
            break;
        }
    }
    static const char *const edit[] = { "编辑于", "更新于", "修改于", "更新时间", "更新日期", "修改时间",
                                        "修改日期", "最后更新", "最近更新", "Updated", "updated",
                                        "Modified", "modified", "Aktualisiert", "aktualisiert",
                                        "mis à jour", "Mis à jour", "Actualizado", "actualizado",
                                        "Atualizado", "atualizado", "Aggiornato", "aggiornato",
                                        "Bijgewerkt", "bijgewerkt" };
    for (size_t i = 0; i < sizeof edit / sizeof edit[0]; i++) {
        size_t k = strlen(edit[i]);
        if (((size_t)(p - b) >= k && memcmp(p - k, edit[i], k) == 0) ||
            (before_prep != p && (size_t)(before_prep - b) >= k && memcmp(before_prep - k, edit[i], k) == 0))
            return PM_DATE_EDITED;
    }
    /* the day a 公文 was signed: the page's only through its record
     * (meta_date.c), for a 解读 gives the day of the document it reads */
    static const char signing[] = "成文日期";
    if ((size_t)(p - b) >= strlen(signing) && !memcmp(p - strlen(signing), signing, strlen(signing)))
        return 0;
    static const char *const pos[] = { "时间", "日期", "发布", "发表", "发表于", "发布于", "更新",
                                       "发稿", "刊发", "上传", "录入", "日期", "Date", "date",
                                       "Published", "published", "Posted", "posted", "on", "On" };
    for (size_t i = 0; i < sizeof pos / sizeof pos[0]; i++) {
        size_t k = strlen(pos[i]);
        if ((size_t)(p - b) >= k && memcmp(p - k, pos[i], k) == 0)
            return 1;
    }
    /* After the date (and its time): "2005-04-05 06:40 更新", "…发表". */
    const char *end = s + n;
    const char *q = skip_time(s + dend, end);
    while (q < end && (*q == ' ' || *q == PM_EDGE))
        q++;
    if (pm_at(q, end, "更新") || pm_at(q, end, "发布") || pm_at(q, end, "发表") || pm_at(q, end, "首次发布"))
        return 1;
    /* "已于 2024-03-08 10:21 修改": the last edit's, said after it, a
     * blank of any kind between */
    while (q < end && pm_is_sep(*q))
        q++;
    /* the verb ends there: 编辑部 names the desk, in a sentence */
    if ((pm_at(q, end, "修改") || pm_at(q, end, "编辑")) &&
        (q + 6 >= end || pm_is_sep(q[6]) || (unsigned char)q[6] < 0x80 || pm_at(q + 6, end, "于")))
        return PM_DATE_EDITED;
    return 0;
}

int pm_date_label(const char *s, size_t n, const pm_date *d)
{
    /* Labels stand within a few words of the date: fold only that stretch
     * (發布日期, 更新時間). */
    size_t from = d->start > 48 ? d->start - 48 : 0;
    size_t to = n - d->end > 48 ? d->end + 48 : n;
    char buf[256];
    if (to - from >= sizeof buf)
        return date_label_in(s, n, d->start, d->end);
    zh_fold(s + from, to - from, buf);
    return date_label_in(buf, to - from, d->start - from, d->end - from);
}

/* The first date in line I that is not labelled as something else; its
 * label in *LABEL. A line may give the last edit's day before the
 * publication's ("更新时间：6-20 | 发布时间：5-13", "Updated March 7,
 * first published March 6"): the edit's day is taken only when no other
 * follows. */
bool pm_line_date(const pm_page *p, size_t i, long today, pm_date *d, int *label)
{
    const char *s = pm_line_text(p, i);
    size_t n = p->lines[i].len, from = 0;
    pm_date edited;
    bool has_edited = false;
    while (from < n && pm_date_scan(s, n, from, today, d)) {
        int l = pm_date_label(s, n, d);
        if (l == PM_DATE_EDITED && !has_edited) {
            edited = *d;
            has_edited = true;
        } else if (l >= 0 && l != PM_DATE_EDITED) {
            *label = l;
            return true;
        }
        from = d->end;
    }
    if (has_edited) {
        *d = edited;
        *label = PM_DATE_EDITED;
    }
    return has_edited;
}

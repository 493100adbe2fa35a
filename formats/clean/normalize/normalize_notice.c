/* The site's notices after an article's text, known by their labels and
 * by what they forbid or disown: a 声明, a word on reprint rights; and the
 * author's note that often stands among them and is the article's. */
#include "clean/normalize/normalize.h"

#include <string.h>

/* Whether S holds any of WORDS, a list ending with NULL. */
static bool has_any(const char *s, const char *const *words)
{
    for (; *words; words++)
        if (strstr(s, *words))
            return true;
    return false;
}

/* S past the spaces and opening brackets a credit line may begin with:
 * "（责任编辑：…）", "【责编：…】", "[来源：…]". */
const char *nz_past_openers(const char *s)
{
    while (*s == ' ' || *s == '[' || !strncmp(s, "（", 3) || !strncmp(s, "【", 3) || *s == '(')
        s += (unsigned char)*s < 0x80 ? 1 : 3;
    return s;
}

/* A disclaimer after the text says so in its label ("声明：", "免责声明：",
 * "Disclaimer:"): the site's words about every article it carries, a
 * sentence or two, however they are phrased. */
#define DISCLAIMER_LINE 300

bool nz_is_disclaimer(const char *s, const nz_line *t)
{
    static const char *const kinds[] = { "免责", "特别", "郑重", "版权", "" };
    s = nz_past_openers(s);
    if (t->chars > DISCLAIMER_LINE)
        return false;
    if (!strncmp(s, "Disclaimer:", 11) || !strncmp(s, "DISCLAIMER:", 11))
        return true;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        size_t k = strlen(kinds[i]);
        if (!strncmp(s, kinds[i], k) && !strncmp(s + k, "声明", 6))
            return !strncmp(s + k + 6, "：", 3) || s[k + 6] == ':';
    }
    return false;
}

/* The site's word on its rights over what it carries, set after the text:
 * "转载请注明出处", "未经授权，不得转载", "如有侵权，请联系删除", "本文仅为
 * 作者观点，不代表本站立场". A sentence or two, known by what it forbids
 * or disowns, not by where it is phrased. */
#define RIGHTS_LINE 150

/* "图片均来自网络", "部分内容来源于网络": the site disowns the pictures or
 * the words it took from elsewhere, in a line of a few words. */
#define FROM_WEB_LINE 40

static bool nz_is_from_the_web(const char *s, const nz_line *t)
{
    static const char *const what[] = { "图", "内容", "信息", "素材", "资料", "文章", "本文", NULL };
    static const char *const from[] = { "来自", "来源", "源自", "取自", "选自", NULL };
    const char *web = strstr(s, "网络");
    if (!web || t->chars > FROM_WEB_LINE || t->stops > 2 || !has_any(s, what))
        return false;
    for (int i = 0; from[i]; i++) {
        const char *f = strstr(s, from[i]);
        if (f && f < web && web - f <= 12)   /* 来自网络, 来源于网络, 均来源于网络 */
            return true;
    }
    return false;
}

/* Where the picture at the head came from, "题图来自 Unsplash，基于 CC0
 * 协议", "头图来源：视觉中国": the site's credit, in a line of a few words. */
#define PICTURE_CREDIT_LINE 40

static bool nz_is_picture_credit(const char *s, const nz_line *t)
{
    static const char *const pictures[] = { "题图", "头图", "封面图", "封面", "首图", NULL };
    static const char *const from[] = { "来自", "来源", "：", ":", NULL };
    s = nz_past_openers(s);
    if (t->chars > PICTURE_CREDIT_LINE || t->stops > 1)
        return false;
    for (int i = 0; pictures[i]; i++) {
        size_t k = strlen(pictures[i]);
        if (strncmp(s, pictures[i], k))
            continue;
        for (int j = 0; from[j]; j++)
            if (!strncmp(s + k, from[j], strlen(from[j])))
                return true;
    }
    return false;
}

bool nz_is_rights_notice(const char *s, const nz_line *t)
{
    if (t->chars > RIGHTS_LINE)
        return false;
    if (nz_is_from_the_web(s, t))
        return true;
    static const char *const reprint[] = { "注明", "禁止", "不得", "勿", "谢绝", "严禁", "申请", "如需", "授权", NULL };
    if (strstr(s, "转载") && has_any(s, reprint))
        return true;
    if (strstr(s, "侵权") && strstr(s, "联系"))
        return true;
    /* where the piece came from, with leave to carry it: "本文来自微信公众号
     * “…”，作者：…，某网经授权发布" */
    const char *o = nz_past_openers(s);
    static const char *const came[] = { "来自", "来源于", "转自", "选自", NULL };
    if ((!strncmp(o, "本文", 6) || !strncmp(o, "文章", 6)) && strstr(s, "授权") && has_any(s, came))
        return true;
    /* or where it came from and who wrote it, as a reprint's note says it:
     * "本文来自微信公众号：某某（ID：…），作者：…，编辑：…" */
    if ((!strncmp(o, "本文", 6) || !strncmp(o, "文章", 6)) && (strstr(s, "公众号") || strstr(s, "作者："))) {
        for (int i = 0; came[i]; i++)
            if (!strncmp(o + 6, came[i], strlen(came[i])))
                return true;
    }
    if (nz_is_picture_credit(s, t))
        return true;
    /* it disowns the author's views, or says they are the author's alone
     * ("该文观点仅代表作者本人，某平台仅提供信息存储空间服务") */
    const char *disown = strstr(s, "不代表");
    if (!disown)
        disown = strstr(s, "仅代表作者");
    return disown && (strstr(disown, "立场") || strstr(disown, "观点") || strstr(s, "观点仅代表"));
}

/* A note on the author after the text ("作者为……", "（作者系……）",
 * "作者张三，现为……"): the article's own, kept, and no end to the site's
 * lines above it. The name between may be a handle of Latin letters. */
#define AUTHOR_NAME_BYTES 40

bool nz_is_author_note(const char *s, const nz_line *t)
{
    static const char *const verbs[] = { "为", "系", "是", "曾", "现", NULL };
    s = nz_past_openers(s);
    if (t->stops == 0 || t->chars > RIGHTS_LINE || strncmp(s, "作者", 6))
        return false;
    const char *p = s + 6;
    if (!strncmp(p, "：", 3))
        p += 3;
    else if (*p == ':')
        p++;
    for (int i = 0; verbs[i]; i++)
        if (!strncmp(p, verbs[i], strlen(verbs[i])))
            return true;
    /* past a name, one word up to a comma, to what the author is */
    const char *comma = strstr(p, "，");
    size_t name = comma ? (size_t)(comma - p) : 0;
    if (!name || name > AUTHOR_NAME_BYTES || memchr(p, ' ', name))
        return false;
    for (int i = 0; verbs[i]; i++)
        if (!strncmp(comma + 3, verbs[i], strlen(verbs[i])))
            return true;
    return false;
}

/* A prompt to follow the site's own account: "扫描下方二维码关注…官方微信",
 * "欢迎关注…公众号", "点击上方蓝字关注我们". It names an account and asks
 * for the follow; a sentence of the article that mentions a QR code asks
 * for no follow. */
#define FOLLOW_CHARS 100
#define FOLLOW_NOD_CHARS 30

bool nz_is_follow_prompt(const char *s, const nz_line *t)
{
    static const char *const account[] = { "微信", "公众号", "微博", "订阅号", "服务号", "客户端", "关注我们", NULL };
    static const char *const ask[] = { "二维码", "扫描", "扫码", "长按", "搜索", "欢迎", "请", "点击", NULL };
    static const char *const nod[] = { "点赞", "分享", "点个", "点一下", NULL };
    if (t->chars > FOLLOW_CHARS || t->stops > 3)
        return false;
    /* or a nod asked for: "点个“在看”吧", "分享、点赞、在看" */
    if (t->chars <= FOLLOW_NOD_CHARS && strstr(s, "在看") && has_any(s, nod))
        return true;
    if (strstr(s, "关注") && has_any(s, account) && has_any(s, ask))
        return true;
    /* "Follow her on Twitter @jlowry.", "Follow Jennifer Lowry on X: @jl" */
    static const char *const networks[] = { " on Twitter", " on X", " on Facebook", " on Instagram",
                                            " on Threads", " on Bluesky", " on Mastodon", NULL };
    const char *f = strstr(s, "Follow ");
    return f && has_any(f, networks);
}

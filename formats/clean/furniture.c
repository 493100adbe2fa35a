/* Furniture by a line's words: the phrases a breadcrumb, a share bar, a
 * pager or a footer opens with or holds, a player's controls, an ad's
 * label, a count of reactions; and links that lead to documents (a
 * notice's attachments), which no rule takes for furniture. */
#include "clean/furniture.h"
#include "util/media_type.h"
#include "util/xml_node.h"
#include "util/zh_fold.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Lines judged by their words are short; a longer one is matched as it is. */
#define FU_FOLD 1024

const char furniture_related_box[] = "related box";
const char furniture_contact_line[] = "contact footer";
const char furniture_gallery_count[] = "a gallery's count of its pictures";
const char furniture_attachment_stats[] = "an attachment's size and downloads";

/* Lines that begin with these are furniture whatever follows. */
static const struct { const char *prefix; const char *rule; } fu_line_starts[] = {
    { "当前位置", "breadcrumb" }, { "当前所在", "breadcrumb" },
    { "您现在的位置", "breadcrumb" }, { "您当前的位置", "breadcrumb" }, { "当前的位置", "breadcrumb" }, { "您的位置", "breadcrumb" },
    { "你的位置", "breadcrumb" }, { "你现在的位置", "breadcrumb" },
    { "所在位置", "breadcrumb" }, { "位置：", "breadcrumb" },
    { "上一篇", "pager" }, { "下一篇", "pager" }, { "上一条", "pager" },
    { "下一条", "pager" }, { "上一页", "pager" },
    { "分享到", "share bar" }, { "分享至", "share bar" },
    { "相关阅读", furniture_related_box }, { "相关新闻", furniture_related_box },
    { "相关链接", furniture_related_box }, { "相关文章", furniture_related_box },
    { "延伸阅读", furniture_related_box }, { "热点推荐", furniture_related_box },
    { "相关报道", furniture_related_box }, { "相关专题", furniture_related_box },
    { "更多阅读", furniture_related_box }, { "精彩推荐", furniture_related_box },
    { "猜你喜欢", furniture_related_box }, { "热门推荐", furniture_related_box },
    { "责任编辑", NULL },
    { "推荐阅读", furniture_related_box }, { "热门文章", furniture_related_box },
    { "免责声明", "disclaimer" }, { "风险提示", "disclaimer" }, { "本站部分信息", "disclaimer" },
    { "本网部分转载", "disclaimer" }, { "声明：", "disclaimer" },
    { "版权所有", "copyright" }, { "Copyright", "copyright" },
    { "copyright", "copyright" }, { "COPYRIGHT", "copyright" },
    { "©", "copyright" }, { "ⓒ", "copyright" }, { "主办单位", "footer" }, { "主办：", "footer" },
    { "网站标识码", "footer" }, { "网站地图", "footer" },
    { "设为首页", "footer" }, { "加入收藏", "footer" },
    { "扫一扫", "share bar" }, { "【字体", "font bar" }, { "字体：", "font bar" },
    { "字号：", "font bar" }, { "【打印", "print bar" }, { "打印本页", "print bar" }, { "列印本页", "print bar" },
    { "列印此页", "print bar" },
    { "关闭窗口", "print bar" }, { "【关闭", "print bar" },
    { "浏览次数", "counter" }, { "浏览量", "counter" }, { "阅读次数", "counter" },
    { "点击数", "counter" }, { "点击量", "counter" }, { "访问量", "counter" },
    { "原文链接", "original link" }, { "原文地址", "original link" },
};

/* Phrases that mark a short line as furniture wherever they stand in it. */
static const struct { const char *needle; const char *rule; } fu_line_has[] = {
    { "ICP备", "copyright" }, { "ICP证", "copyright" }, { "版权所有", "copyright" },
    { "All rights reserved", "copyright" }, { "All Rights Reserved", "copyright" },
    { "公网安备", "copyright" }, { "打印本页", "print bar" },
    { "关闭窗口", "print bar" }, { "【字体：", "font bar" }, { "字体：大", "font bar" },
    { "浏览次数：", "counter" }, { "浏览次数:", "counter" }, { "浏览量：", "counter" },
    { "浏览量:", "counter" }, { "阅读次数", "counter" }, { "分享到：", "share bar" },
    { "分享到:", "share bar" }, { "当前位置：", "breadcrumb" }, { "当前位置:", "breadcrumb" },
    { "您现在的位置", "breadcrumb" }, { "当前所在", "breadcrumb" },
    { "本站部分信息由", "disclaimer" }, { "不承担任何保证责任", "disclaimer" },
    { "联系电话", furniture_contact_line }, { "举报电话", furniture_contact_line },
    { "上一页", "pager" }, { "下一页", "pager" }, { "返回顶部", "pager" },
    { "发表评论", "share bar" }, { "我要评论", "share bar" }, { "发送给朋友", "share bar" },
    { "查看更多", "share bar" }, { "打印本文", "print bar" }, { "【打印】", "print bar" }, { "【关闭】", "print bar" },
    { "下载次数", furniture_attachment_stats },
};

bool furniture_link_is_document(xmlNodePtr a)
{
    xmlChar *href = xmlGetProp(a, (const xmlChar *)"href");
    bool doc = href && media_type_is_document_url((const char *)href);
    if (!doc && href && *href && *href != '#' && strncasecmp((const char *)href, "javascript:", 11)) {
        xmlChar *text = xmlNodeGetContent(a);
        doc = text && media_type_is_document_name((const char *)text);
        xmlFree(text);
    }
    xmlFree(href);
    return doc;
}

static void fu_count_links(xmlNodePtr n, int *links, int *docs)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is(c, "tr") || xml_is(c, "li")) {
            /* an attachment's row: its file's link, and beside it the
             * viewer's or the row's other buttons (下载, 预览) */
            int row_links = 0, row_docs = 0;
            fu_count_links(c, &row_links, &row_docs);
            *links += row_links;
            *docs += row_docs ? row_links : 0;
            continue;
        }
        if (!xml_is(c, "a")) {
            fu_count_links(c, links, docs);
            continue;
        }
        if (xmlHasProp(c, (const xmlChar *)"href")) {
            (*links)++;
            *docs += furniture_link_is_document(c);
        }
    }
}

bool furniture_holds_document_link(xmlNodePtr n)
{
    int links = 0, docs = 0;
    if (xml_is(n, "a"))
        return furniture_link_is_document(n);
    fu_count_links(n, &links, &docs);
    return docs > 0;
}

bool furniture_links_all_documents(xmlNodePtr n)
{
    int links = 0, docs = 0;
    fu_count_links(n, &links, &docs);
    return links > 0 && docs == links;
}

/* "相关" and a word for pieces of a site's output alone on its line
 * (相关视频, 相关图集, 相关推荐): the label over a box of other pages. A
 * colon or an arrow may close it; nothing else follows. Not 相关规定,
 * 相关背景, 相关部门: those head the text's own lines. */
static bool fu_related_label(const char *text)
{
    static const char *const pieces[] = { "视频", "图集", "图片", "推荐", "资讯", "内容", "稿件", "话题",
                                          "热点", "节目", NULL };
    if (strncmp(text, "相关", 6))
        return false;
    const char *p = text + 6;
    int i = 0;
    while (pieces[i] && strncmp(p, pieces[i], 6))
        i++;
    if (!pieces[i])
        return false;
    p += 6;
    while (*p == ' ')
        p++;
    if (!strncmp(p, "：", 3) || !strncmp(p, "》", 3))
        p += 3;
    else if (*p == ':' || *p == '>')
        p++;
    while (*p == ' ' || *p == '>')
        p++;
    return !*p;
}

const char *furniture_line_start_rule(const char *text)
{
    char fold[FU_FOLD];
    text = zh_fold_small(text, fold, sizeof fold);   /* 版權所有 is 版权所有 */
    while (*text == ' ' || *text == '[' || *text == '|')
        text++;
    for (size_t i = 0; i < sizeof fu_line_starts / sizeof fu_line_starts[0]; i++)
        if (strncmp(text, fu_line_starts[i].prefix, strlen(fu_line_starts[i].prefix)) == 0)
            return fu_line_starts[i].rule;
    return fu_related_label(text) ? furniture_related_box : NULL;
}

/* A sentence: it ends with a stop and runs on for a while. No phrase rule
 * may drop one: "版权所有人应当……。" is the text of a law, not a footer. */
static bool fu_is_sentence(const char *text, size_t len)
{
    static const char *const stops[] = { "。", "！", "？", NULL };
    if (len < 30)
        return false;
    for (int i = 0; stops[i]; i++)
        if (strstr(text, stops[i]))
            return true;
    return false;
}

/* What follows a phrase at a line's start sets it apart: nothing, white
 * space, a colon, a bracket or a bar. */
static bool fu_stands_apart(const char *after)
{
    static const char *const marks[] = { "：", "】", "）", "｜", "　", NULL };
    if (!*after || strchr(" :|])>\t", *after))
        return true;
    for (int i = 0; marks[i]; i++)
        if (!strncmp(after, marks[i], strlen(marks[i])))
            return true;
    return false;
}

/* The initials of the reporter and the editor in brackets after a
 * wire's or a portal's text: "(dir/iqk)", "(nwy/nwy)". No word. */
static bool fu_desk_initials(const char *t)
{
    if (*t++ != '(')
        return false;
    int groups = 0;
    for (;;) {
        int k = 0;
        while (t[k] >= 'a' && t[k] <= 'z')
            k++;
        if (k < 2 || k > 5)
            return false;
        groups++;
        t += k;
        if (*t == '/') {
            t++;
            continue;
        }
        return *t == ')' && !t[1] && groups >= 2;
    }
}

const char furniture_desk_initials[] = "the desk's initials after the text, (dir/iqk)";
const char furniture_empty_label[] = "empty label";
const char furniture_ad_label[] = "ad label";
const char furniture_loading_line[] = "a line saying something is loading";

/* What a slot's label says of the text beside it: a few words that send
 * the reader on past it ("Scroll to continue", "Story continues below"). */
#define SLOT_NOTE_WORDS 4

static bool fu_slot_note(const char *s, size_t n)
{
    static const char *const marks[] = { "continue", "scroll", "below", "weiter", "suite", "sigue", NULL };
    int words = 0;
    for (size_t i = 0; i < n; i++)
        words += s[i] != ' ' && (i == 0 || s[i - 1] == ' ');
    if (!words || words > SLOT_NOTE_WORDS)
        return false;
    for (int i = 0; marks[i]; i++)
        for (size_t k = 0; k + strlen(marks[i]) <= n; k++)
            if (!strncasecmp(s + k, marks[i], strlen(marks[i])))
                return true;
    return false;
}

/* The word a page prints over an ad slot, as the whole line ("Advertisement",
 * "- Anzeige -", "【广告】"): the slot's script, which would have filled it,
 * is gone from the capture and the label stands alone between paragraphs. */
static bool fu_ad_label(const char *text, size_t len)
{
    static const char *const labels[] = {
        "ad", "advertisement", "advertisements", "anzeige", "publicité", "publicidad",
        "pubblicità", "reklama", "广告", "廣告", NULL,
    };
    static const char *const trim[] = { "-", "–", "—", "[", "]", "【", "】", " ", NULL };
    const char *a = text, *b = text + len;
    for (bool cut = true; cut && a < b;) {
        cut = false;
        for (int i = 0; trim[i]; i++) {
            size_t k = strlen(trim[i]);
            if ((size_t)(b - a) >= k && !strncmp(a, trim[i], k))
                a += k, cut = true;
            if ((size_t)(b - a) >= k && !strncmp(b - k, trim[i], k))
                b -= k, cut = true;
        }
    }
    for (int i = 0; labels[i]; i++)
        if (strlen(labels[i]) == (size_t)(b - a) && !strncasecmp(a, labels[i], (size_t)(b - a)))
            return true;
    /* the note alone, the label last: "Story continues below advertisement" */
    static const char tail[] = " advertisement";
    size_t k = sizeof tail - 1;
    if ((size_t)(b - a) > k && !strncasecmp(b - k, tail, k) && fu_slot_note(a, (size_t)(b - a) - k))
        return true;
    /* the label and a word on the slot, set apart: "Advertisement ·
     * Scroll to continue", "Anzeige | Weiterlesen unten" */
    static const char *const seps[] = { " · ", " • ", " | ", " - ", " – ", " — ", ": ", NULL };
    for (int i = 0; seps[i]; i++) {
        const char *sep = strstr(a, seps[i]);
        if (!sep || sep >= b || sep == a)
            continue;
        if (!fu_ad_label(a, (size_t)(sep - a)))
            return false;
        const char *tail = sep + strlen(seps[i]);
        return fu_slot_note(tail, (size_t)(b - tail));
    }
    return false;
}

/* The words a media player shows while its script is gone: a control and
 * a position in the clip ("播放 00:00 / 02:16 全屏"), or a line saying the
 * clip is loading ("视频加载中，请稍候..."). */
#define PLAYER_LINE 120
#define LOADING_LINE 45
#define SCREEN_LINE 48
#define SCREEN_ZH_LINE 12   /* 全屏查看, 退出全屏: bytes, four characters */

static bool fu_clock(const char *s)
{
    for (const char *p = s; (p = strchr(p, ':')); p++)
        if (p > s && isdigit((unsigned char)p[-1]) && isdigit((unsigned char)p[1]) &&
            isdigit((unsigned char)p[2]) && !isdigit((unsigned char)p[3]))
            return true;
    return false;
}

/* WORD in TEXT, as a word of its own where it is Latin: "Play" is not
 * "Playoff", "full screen" not "a full screening". */
static bool fu_has_word(const char *text, const char *word)
{
    size_t k = strlen(word);
    bool latin = isalpha((unsigned char)word[0]);
    for (const char *p = text; (p = latin ? p : strstr(p, word)) && *p; p++) {
        if (latin && strncasecmp(p, word, k))
            continue;
        if (!latin || ((p == text || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[k])))
            return true;
    }
    return false;
}

/* A sentence in Latin letters: a stop and then a space or the end. */
static bool fu_latin_sentence(const char *text)
{
    for (const char *p = text; *p; p++)
        if ((*p == '.' || *p == '!' || *p == '?') && p > text && isalpha((unsigned char)p[-1]) &&
            (p[1] == ' ' || !p[1]))
            return true;
    return false;
}

/* "Loading Twitter content", "Loading ...", "Loading video": an embed's
 * placeholder, its script gone; a heading that opens with the word
 * ("Loading the dishwasher") names no embed and has no dots. */
#define LOADING_WORDS 4

static bool fu_loading_embed(const char *text)
{
    static const char *const embeds[] = { "content", "video", "player", "tweet", "twitter", "comments",
                                          "embed", "map", "audio", "gallery", "instagram", "facebook",
                                          "youtube", "podcast", NULL };
    if (strncasecmp(text, "Loading", 7) || isalpha((unsigned char)text[7]))
        return false;
    /* the words after it: none but dots, or what loads ("video"),
     * perhaps the site's name before "content" */
    const char *p = text + 7;
    char words[3][16];
    int n = 0;
    while (*p) {
        while (*p == ' ')
            p++;
        size_t k = strcspn(p, " .…");
        if (!k)
            break;
        if (n == 3 || k >= sizeof words[0])
            return false;
        memcpy(words[n], p, k);
        words[n++][k] = 0;
        p += k;
    }
    while (*p == '.' || *p == ' ' || !strncmp(p, "…", 3))
        p += !strncmp(p, "…", 3) ? 3 : 1;
    if (*p)
        return false;   /* a sentence goes on */
    bool dots = strstr(text, "...") || strstr(text, "…");
    if (n == 0)
        return dots;
    const char *last = words[n - 1];
    bool embed = false;
    for (int i = 0; embeds[i] && !embed; i++)
        embed = !strcasecmp(last, embeds[i]);
    /* "Loading video", "Loading Twitter content" */
    return embed && (n == 1 || (n == 2 && !strcasecmp(last, "content")));
}

static const char *fu_player_words(const char *text, size_t len)
{
    static const char *const controls[] = { "播放", "暂停", "全屏", "静音", "倍速", "重播", "Play", "Pause",
                                            "Listen", "Mute", "Fullscreen", "Full screen", NULL };
    static const char *const screen[] = { "fullscreen", "full screen", "全屏", NULL };
    static const char *const loading[] = { "加载中", "正在加载", "Loading...", NULL };
    if (fu_latin_sentence(text))
        return NULL;
    if (len <= PLAYER_LINE && fu_clock(text))
        for (int i = 0; controls[i]; i++)
            if (fu_has_word(text, controls[i]))
                return "a media player's controls";
    /* a viewer's button, its script gone: "Enter fullscreen mode", "全屏查看" */
    if (len <= SCREEN_LINE)
        for (int i = 0; screen[i]; i++)
            if (fu_has_word(text, screen[i]) && (i < 2 || len <= SCREEN_ZH_LINE))
                return "a viewer's button";
    if (len <= LOADING_LINE)
        for (int i = 0; loading[i]; i++)
            if (strstr(text, loading[i]))
                return furniture_loading_line;
    if (len <= LOADING_LINE && fu_loading_embed(text))
        return furniture_loading_line;
    return NULL;
}

/* "2 Likes", "1.2k views", "328 赞": a number and the word for what was
 * counted, a widget's line of its own. ("2 Comments" heads a thread, which
 * goes with it as a whole.) */
static bool fu_count_line(const char *t)
{
    static const char *const words[] = {
        "like", "likes", "view", "views", "share", "shares", "vote", "votes", "retweets", "reposts",
        "answer", "answers", "赞", "点赞", "阅读", "浏览", "转发", "收藏", "个回答", NULL
    };
    const char *p = t;
    if (!isdigit((unsigned char)*p))
        return false;
    while (isdigit((unsigned char)*p) || *p == ',' || *p == '.')
        p++;
    if (*p == 'k' || *p == 'K' || *p == 'm' || *p == 'M' || !strncmp(p, "万", 3))
        p += *p == 'k' || *p == 'K' || *p == 'm' || *p == 'M' ? 1 : 3;
    while (*p == ' ')
        p++;
    for (int i = 0; words[i]; i++)
        if (!strcasecmp(p, words[i]))
            return true;
    return false;
}

const char *furniture_text_rule(const char *text)
{
    char fold[FU_FOLD];
    text = zh_fold_small(text, fold, sizeof fold);
    while (*text == ' ' || *text == '[' || *text == '|')
        text++;
    size_t len = strlen(text);
    /* A label with nothing after it ("责任编辑：") is an empty template slot. */
    if (len >= 3 && len <= 16 && (!strcmp(text + len - 3, "：") || text[len - 1] == ':') &&
        !strchr(text, ' '))
        return furniture_empty_label;
    if (len <= 64 && fu_ad_label(text, len))
        return furniture_ad_label;
    /* a gallery's count of its slides, "1/8", "3 / 12", "2 of 5" */
    int at, of, used = 0;
    if (len <= 12 && (sscanf(text, "%d / %d%n", &at, &of, &used) == 2 || sscanf(text, "%d of %d%n", &at, &of, &used) == 2) &&
        (size_t)used == len && at >= 1 && at <= of && of <= 999)
        return furniture_gallery_count;
    if (len <= 24 && fu_desk_initials(text))
        return furniture_desk_initials;
    if (len <= 24 && fu_count_line(text))
        return "a count of reactions (2 Likes, 328 赞)";
    /* when a forum's attachment was put up: "2024-3-5 21:45 上传" */
    if (len <= 40 && isdigit((unsigned char)*text) && len > 6 && !strcmp(text + len - 6, "上传"))
        return "when an attachment was put up";
    const char *player = fu_is_sentence(text, len) ? NULL : fu_player_words(text, len);
    if (player)
        return player;
    bool sentence = fu_is_sentence(text, len);
    for (size_t i = 0; i < sizeof fu_line_starts / sizeof fu_line_starts[0]; i++) {
        size_t k = strlen(fu_line_starts[i].prefix);
        if (strncmp(text, fu_line_starts[i].prefix, k) != 0)
            continue;
        /* In a sentence the phrase must stand apart, as a label does
         * ("相关报道：…"); run on into a word ("版权所有人应当…") it is text. */
        if (sentence && !fu_stands_apart(text + k))
            return NULL;
        return fu_line_starts[i].rule;  /* NULL: part of the article, like 责任编辑 */
    }
    if (fu_related_label(text))
        return furniture_related_box;
    /* A long paragraph, or a sentence, that mentions a counter or a phone
     * number is text. */
    if (len > 240 || sentence)
        return NULL;
    for (size_t i = 0; i < sizeof fu_line_has / sizeof fu_line_has[0]; i++)
        if (strstr(text, fu_line_has[i].needle))
            return fu_line_has[i].rule;
    return NULL;
}

/* "下载次数：13", "下载次数:13", "（41KB）", "(1.2 MB)", "[512KB]": what a CMS
 * prints beside each attachment's link. */
bool furniture_attachment_stat(const char *text)
{
    char fold[FU_FOLD];
    const char *t = zh_fold_small(text, fold, sizeof fold);
    while (*t == ' ')
        t++;
    size_t n = strlen(t);
    while (n && t[n - 1] == ' ')
        n--;
    static const char count[] = "下载次数";
    if (!strncmp(t, count, strlen(count))) {
        size_t i = strlen(count);
        if (i < n && (t[i] == ':' || t[i] == '='))
            i++;
        else if (!strncmp(t + i, "：", 3))
            i += 3;
        while (i < n && t[i] == ' ')
            i++;
        size_t d = i;
        while (i < n && isdigit((unsigned char)t[i]))
            i++;
        return i > d && i == n;
    }
    /* a size in brackets: digits, a point, a unit of bytes */
    size_t open = !strncmp(t, "（", 3) ? 3 : n && strchr("([", t[0]) ? 1 : 0;
    size_t close = n >= 3 && !strncmp(t + n - 3, "）", 3) ? 3 : n && strchr(")]", t[n - 1]) ? 1 : 0;
    if (!open || !close || n < open + close + 2)
        return false;
    n -= close;
    size_t i = open, d;
    while (i < n && t[i] == ' ')
        i++;
    for (d = i; i < n && (isdigit((unsigned char)t[i]) || t[i] == '.'); i++)
        ;
    if (i == d)
        return false;
    while (i < n && t[i] == ' ')
        i++;
    if (i < n && strchr("KkMmGg", t[i]))
        i++;
    else
        return false;
    /* the bytes' unit, not a network's generation or a screen's (5G, 4K) */
    if (i < n && (t[i] == 'B' || t[i] == 'b'))
        i++;
    else
        return false;
    return i == n;
}

/* A byline set as a line of the text: roles and names and nothing else
 * ("澎湃新闻记者 段彦超 廖艳", "本报记者罗科苏盈发自北京", "编辑 刘晓阳 校对 李铭",
 * "新京报记者 彭冲 山东冠县报道"). Above the first sentence or after the
 * last it is the page's record of who made the article, not its text. */
#include "clean/normalize/normalize.h"
#include "util/utf8.h"
#include "util/zh_fold.h"

#include <string.h>

/* Longer words first: 责任编辑 before 编辑, 特约记者 before 记者. The
 * writer's roles name the author; the others edited, checked or helped. */
static const struct {
    const char *word;
    bool        writer;
} roles[] = {
    { "责任编辑", false }, { "特约记者", true }, { "见习记者", true }, { "实习记者", true },
    { "记者", true },      { "通讯员", false },  { "实习生", false },  { "执笔", true },
    { "撰文", true },      { "撰稿", true },     { "摄影", false },    { "责编", false },
    { "编辑", false },     { "校对", false },    { "作者", true },     { "解读人", true },
};

/* 文 is the writer's role only as a word of its own: "文/王文", "【文｜张三】". */
static const char writer_word[] = "文";

/* What a credit says after the office that sent the text or the pictures:
 * "药剂科供稿". */
static const char *const sent_by[] = { "供稿", "供图", NULL };

/* What a byline says after the names it gives: how the text came to be. */
static const char *const doings[] = { "整理", "综合", "编译", "采写", "摄", NULL };

/* Where a byline's words part: blanks, the enumeration comma, a slash, a
 * colon, a bar, an ampersand. Its length at S, or 0. */
/* The marks a paper sets before each byline: their length at S, or 0. */
static size_t byline_mark(const char *s)
{
    static const char *const marks[] = { "□", "■", "◎", "●", "◆", "◇", "▲", "★", "☆", "○", NULL };
    for (int i = 0; marks[i]; i++)
        if (!strncmp(s, marks[i], strlen(marks[i])))
            return strlen(marks[i]);
    return 0;
}

static size_t byline_gap(const char *s)
{
    static const char *const gaps[] = { " ", "\t", "\n", "\r", "　", "\xc2\xa0", "、", "，", ",", "/", "／",
                                        "：", ":", "|", "丨", "｜", "&", "（", "）", "(", ")", "【", "】", "[", "]",
                                        NULL };
    for (int i = 0; gaps[i]; i++)
        if (!strncmp(s, gaps[i], strlen(gaps[i])))
            return strlen(gaps[i]);
    return byline_mark(s);
}

/* The role word in the N bytes at S: its offset into *AT, whether it names
 * the writer (记者, 执笔, 撰文…) into *WRITER, and its length; or 0. */
static size_t find_role(const char *s, size_t n, size_t *at, bool *writer)
{
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < sizeof roles / sizeof *roles; r++) {
            size_t k = strlen(roles[r].word);
            if (i + k <= n && !memcmp(s + i, roles[r].word, k)) {
                *at = i;
                *writer = roles[r].writer;
                return k;
            }
        }
    return 0;
}

static bool word_is(const char *s, size_t n, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (strlen(list[i]) == n && !memcmp(s, list[i], n))
            return true;
    return false;
}

/* The N bytes at S are Han characters (a transliterated name may carry a
 * middle dot); their count, or -1. */
static int han_count(const char *s, size_t n)
{
    int han = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = utf8_next(s, n, &i);
        if (cp_is_han(c))
            han++;
        else if (c != 0xB7 && c != 0x30FB)
            return -1;
    }
    return han;
}

/* Two to four Han characters; up to ten in a transliterated name, whose
 * parts middle dots set apart. */
static bool is_name(const char *s, size_t n)
{
    int han = han_count(s, n);
    bool dotted = han > 0 && utf8_length(s, n) > (size_t)han;
    return han >= 2 && (han <= 4 || (han <= 10 && dotted));
}

typedef struct {
    bool role;      /* a role word came */
    bool writer;    /* the last role was the writer's (记者, 执笔…) */
    bool last;      /* nothing may follow: the place it was sent from */
    bool placed;    /* the line ends with the place it reports from (…报道) */
    int  words;
    int  names;
    buf_t *author;  /* the writers' names, space between */
    char paper[32]; /* what stood before the first role (每经 of 每经记者) */
} byline_read;

static void take_name(byline_read *b, const char *s, size_t n)
{
    b->names++;
    if (b->author && b->writer) {
        if (b->author->len)
            buf_putc(b->author, ' ');
        buf_add(b->author, s, n);
    }
}

/* A word of three Han characters or more that ends as an outlet's name
 * does (东江时评网, 青禾日报, 某某通讯社): a paper, not a person. */
static bool outlet_name(const char *s, size_t n)
{
    static const char *const ends[] = { "报", "网", "社", "台", "杂志", "周刊", "客户端", "新闻", NULL };
    if (han_count(s, n) < 3)
        return false;
    for (int i = 0; ends[i]; i++) {
        size_t k = strlen(ends[i]);
        if (n > k && !memcmp(s + n - k, ends[i], k))
            return true;
    }
    return false;
}

/* The AT bytes at S say "our paper" (本报, 本网, 本台, 本刊): a second
 * role after the first one's names ("本报记者 赵婕 本报通讯员 王明"). */
static bool own_paper(const char *s, size_t at)
{
    static const char *const own[] = { "本报", "本网", "本台", "本刊", "本站", NULL };
    for (int i = 0; own[i]; i++)
        if (at == strlen(own[i]) && !memcmp(s, own[i], at))
            return true;
    return false;
}

/* A word that ends in a scholar's or an officer's title, with the place
 * they work before it ("槿江大学公共管理学院教授", "研究员"): an expert's
 * byline over a 解读 names them so, the name after it. */
static bool expert_title(const char *s, size_t n)
{
    static const char *const titles[] = { "教授", "研究员", "博士", "讲师", "院长", "所长", "主任",
                                          "律师", "经济师", "会计师", "工程师", "局长", "处长", "厅长",
                                          "司长", NULL };
    int han = han_count(s, n);
    /* "图为…主任 陈建国" captions a picture */
    if (han < 2 || han > 20 || (n >= 3 && !memcmp(s, "图", 3)))
        return false;
    for (int i = 0; titles[i]; i++) {
        size_t k = strlen(titles[i]);
        if (n >= k && !memcmp(s + n - k, titles[i], k))
            return true;
    }
    return false;
}

/* One word of the line, between its gaps. */
static bool read_word(byline_read *b, const char *s, size_t n, bool final)
{
    if (b->last || han_count(s, n) < 1)
        return false;
    b->words++;
    /* "山东冠县报道": where the report comes from closes the line */
    if (final && b->names && n > 6 && (!memcmp(s + n - 6, "报道", 6) || !memcmp(s + n - 6, "报导", 6)))
        return true;
    /* "…罗科苏盈发自北京" */
    const char *from = NULL;
    for (size_t i = 0; i + 6 <= n; i++)
        if (!memcmp(s + i, "发自", 6))
            from = s + i;
    if (from) {
        int place = han_count(from + 6, (size_t)(s + n - from - 6));
        if (place < 2 || place > 6)
            return false;
        n = (size_t)(from - s);
        b->last = true;
    }
    if (n == strlen(writer_word) && !memcmp(s, writer_word, n)) {
        b->role = b->writer = true;
        return true;
    }
    for (int i = 0; sent_by[i]; i++) {
        size_t k = strlen(sent_by[i]);
        if (n > k && !memcmp(s + n - k, sent_by[i], k) && !b->names && han_count(s, n - k) <= 12) {
            b->role = true;
            b->writer = false;
            return true;
        }
    }
    size_t at;
    bool writer;
    size_t k = find_role(s, n, &at, &writer);
    if (k) {
        /* what stands before the role names the paper: 本报, 新京报; a
         * role may be said twice before the names ("文/本网专栏作者 王文") */
        /* the paper said again before a second role ("每经记者 韦堃晗　每经编辑
         * 杜喆") is the same line's */
        bool again = at && at < sizeof b->paper && !memcmp(b->paper, s, at) && !b->paper[at];
        if (at && ((b->role && b->names && !own_paper(s, at) && !again) || han_count(s, at) > 10))
            return false;
        if (!b->role && at < sizeof b->paper) {
            memcpy(b->paper, s, at);
            b->paper[at] = '\0';
        }
        b->role = true;
        b->writer = writer;
        s += at + k;
        n -= at + k;
        if (!n)
            return true;
        /* a name run on after its role only where the place closes it */
        if ((!from && !b->placed) || !is_name(s, n))
            return false;
        take_name(b, s, n);
        return true;
    }
    /* the title opens the line, or follows 解读人: "嘉宾 …主任 刘芳" names
     * a guest */
    if (!b->names && !final && (b->words == 1 || b->role) && expert_title(s, n)) {
        b->role = b->writer = true;
        return true;
    }
    if (!b->role)
        return b->words == 1 && han_count(s, n) <= 10;   /* the paper, before its 记者 */
    if (word_is(s, n, doings))
        return true;
    /* "文/东江时评网 张远": the outlet stands between the role and the name */
    if (!b->names && outlet_name(s, n))
        return true;
    if (!is_name(s, n))
        return false;
    take_name(b, s, n);
    return true;
}

static bool read_byline(const char *text, const nz_line *t, buf_t *author)
{
    if (t->chars == 0 || t->chars > NZ_LINE_SHORT || t->stops || t->date)
        return false;
    byline_read b = { .author = author };
    size_t len = strlen(text), end = len;
    while (end && strchr(" \t\r\n", text[end - 1]))
        end--;
    b.placed = end > 6 && (!memcmp(text + end - 6, "报道", 6) || !memcmp(text + end - 6, "报导", 6));
    for (size_t i = 0; i < len;) {
        size_t g = byline_gap(text + i);
        if (g) {
            i += g;
            continue;
        }
        size_t st = i;
        while (i < len && !byline_gap(text + i))
            i++;
        size_t rest = i;
        while (rest < len && byline_gap(text + rest))
            rest += byline_gap(text + rest);
        if (!read_word(&b, text + st, i - st, rest >= len))
            return false;
    }
    return b.role && b.names > 0 && b.names <= 6;
}

bool nz_byline_line(const char *text, const nz_line *t, article_meta *m)
{
    /* roles in traditional characters (記者, 編輯) are read folded; the
     * names then would be folded too, and are not taken */
    char fold[256];
    const char *folded = zh_fold_small(text, fold, sizeof fold);
    bool same = !strcmp(folded, text);
    buf_t author;
    buf_init(&author);
    bool yes = read_byline(folded, t, m && same ? &author : NULL);
    /* the page's own byline markup, read before, knows better */
    if (yes && m && author.len && !(m->creator && *m->creator))
        article_meta_set(&m->creator, author.data);
    buf_free(&author);
    return yes;
}

/* The common Chinese family names, one character each, and the compound
 * ones. A name alone on a line opens with one of them; a word set there
 * (摘要, 导读, 图集) rarely does. Names that open common words (文, 明,
 * 时, 全…) are left out. */
static const char single_names[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔汤牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿俞柳祝阮柯纪梅童凌毕季"
    "裴霍涂苗盛翁冉骆蓝辛靳柴蒙鲍喻祁蒲滕饶缪褚娄窦戚岑晏瞿桂佟臧闵苟邬卞姬仇栾隋刁寇桑郎甄"
    "丛虞敖邝";
static const char *const compound_names[] = { "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
                                              "公孙", "慕容", "令狐", "长孙", "宇文", "夏侯", "端木",
                                              "司徒", "南宫", NULL };

size_t nz_name_line(const char *text, const char **name)
{
    size_t len = strlen(text), from = len, to = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        if (!cp_is_blank(utf8_next(text, len, &i))) {
            from = from < at ? from : at;
            to = i;
        }
    }
    if (from >= to)
        return 0;
    const char *s = text + from;
    size_t n = to - from;
    int han = han_count(s, n);
    if (han < 2 || han > 4 || utf8_length(s, n) > (size_t)han)
        return 0;   /* a transliterated name is no family name's */
    bool compound = false;
    for (int i = 0; compound_names[i]; i++)
        compound |= !strncmp(s, compound_names[i], strlen(compound_names[i]));
    bool family = compound && han >= 3;
    if (!compound && han <= 3) {
        size_t i = 0;
        utf8_next(s, n, &i);
        char first[5] = { 0 };
        memcpy(first, s, i < 4 ? i : 4);
        /* a UTF-8 sequence matches only from the start of one */
        family = strstr(single_names, first) != NULL;
    }
    if (family)
        *name = s;
    return family ? n : 0;
}

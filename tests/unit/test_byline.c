/* Unit tests for the lines of roles and names that a Chinese page sets
 * above or below its text, and for a name alone under the title. */
#include "clean/normalize/normalize.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"

static bool byline(const char *s)
{
    nz_line t = nz_line_measure(s);
    return nz_byline_line(s, &t, NULL);
}

/* The author a byline gives a page that named none. */
static char *writers(const char *s)
{
    static char got[128];
    article_meta m;
    memset(&m, 0, sizeof m);
    nz_line t = nz_line_measure(s);
    if (!nz_byline_line(s, &t, &m) || !m.creator)
        return NULL;
    snprintf(got, sizeof got, "%s", m.creator);
    free(m.creator);
    return got;
}

/* The name a line holds alone, or NULL. */
static char *name(const char *s)
{
    static char got[64];
    const char *at;
    size_t k = nz_name_line(s, &at);
    if (!k)
        return NULL;
    snprintf(got, sizeof got, "%.*s", (int)k, at);
    return got;
}

int main(void)
{
    OK("a paper's reporters", byline("澎湃新闻记者 段彦超 廖艳"));
    OK("a channel, then its reporters", byline("新华网黑龙江频道 记者 伊琳 李清芬"));
    OK("a name run on, where the place closes it", byline("本报记者罗科苏盈发自北京"));
    OK("the place the report came from", byline("新京报记者 彭冲 山东冠县报道"));
    OK("editor and proofreader", byline("编辑 刘晓阳 校对 李铭"));
    OK("a name run on, then a slash and the place", byline("记者林佩萱／台中报道"));
    OK("the same in traditional characters", byline("記者林佩萱／台中報導"));
    OK("a slash and an enumeration comma", byline("执笔/王明、李华"));
    OK("a question to the interviewee is none", !byline("记者：你们的市场在哪？"));
    OK("a column's name is none", !byline("记者手记"));
    OK("prose that mentions a reporter is none", !byline("接受记者采访时表示"));
    OK("a role with no name is none", !byline("本报记者"));
    OK("a name before any role is none", !byline("张三 李四"));
    OK("a long line is none", !byline("记者 张三 李四 王五 赵六 孙七 周八 吴九 郑十 钱一"));
    OK("文 and a slash", byline("【文/东江时评网专栏作者 王文】") && byline("文｜张三"));
    EQ("the writer after 文 and the column's role", writers("【文/东江时评网专栏作者 王文】"), "王文");
    OK("the office that sent the text, then the photographer and editor",
       byline("医技药剂党支部、药剂科供稿 摄影/张艳 编辑/苏芳"));
    OK("an author named by 作者", byline("作者 李华"));
    OK("文 inside a word is no role", !byline("文学 张三") && !byline("中文 张三"));
    OK("an office with no name after it is no byline", !byline("药剂科供稿"));
    EQ("the reporters are the author", writers("澎湃新闻记者 段彦超 廖艳"), "段彦超 廖艳");
    EQ("an editor is no author", writers("编辑 刘晓阳 校对 李铭"), NULL);
    EQ("the reporter, not the place", writers("新京报记者 彭冲 山东冠县报道"), "彭冲");
    OK("a name alone", name(" 胡平 ") && name("\xc2\xa0王建国") && name("欧阳修文"));
    EQ("blanks around it are no part of it", name("　王建国\xc2\xa0 "), "王建国");
    OK("a label is no name", !name("摘要") && !name("导读") && !name("图集"));
    OK("nor a word set there", !name("前言") && !name("收盘播报"));
    OK("nor four characters under a one-character family name", !name("王者归来"));
    OK("nor a sentence", !name("王明说。"));
    OK("nor a compound family name alone", !name("欧阳"));
    printf("test_byline: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

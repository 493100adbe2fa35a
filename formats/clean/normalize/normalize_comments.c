/* A thread of readers' comments that the page set in the article's own box,
 * under a heading that names it ("网友评论", "3 Comments"): what follows the
 * heading is records of a name, a time and a remark, or nothing yet. The
 * thread goes from its heading on. A heading alone is not enough: "专家评论"
 * or a section called "Comments" in an essay heads the article's own text,
 * which carries no time on its lines. */
#include "clean/normalize/normalize.h"
#include "util/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The names a comment thread goes by, with no count or bracket. */
static bool names_thread(const char *s, size_t n)
{
    static const char *const names[] = {
        "评论", "网友评论", "读者评论", "用户评论", "全部评论", "最新评论", "热门评论", "精彩评论",
        "发表评论", "我要评论", "评论区", "留言", "网友留言", "读者留言", "我要留言", "留言板",
        "comments", "comment", "responses", "reader comments", "leave a reply", "leave a comment",
        "discussion", "join the discussion", NULL
    };
    for (size_t i = 0; names[i]; i++)
        if (strlen(names[i]) == n && strncasecmp(s, names[i], n) == 0)
            return true;
    return false;
}

/* TEXT names a comment thread, maybe with its count around the name
 * ("评论（12）", "共12条评论", "12 Comments", "Comments (3)"). */
static bool is_thread_heading(const char *text)
{
    char buf[96];
    size_t n = 0;
    for (const char *s = text; *s && n + 1 < sizeof buf; s++) {
        /* counts, brackets and the words around a count go */
        if (isdigit((unsigned char)*s) || strchr("()[]:", *s))
            continue;
        if (!strncmp(s, "（", 3) || !strncmp(s, "）", 3) || !strncmp(s, "：", 3) ||
            !strncmp(s, "【", 3) || !strncmp(s, "】", 3)) {
            s += 2;
            continue;
        }
        if (!strncmp(s, "条", 3) || (n == 0 && !strncmp(s, "共", 3))) {
            s += 2;
            continue;
        }
        buf[n++] = *s;
    }
    buf[n] = '\0';
    char *b = buf;
    while (*b == ' ')
        b++;
    n = strlen(b);
    while (n && b[n - 1] == ' ')
        n--;
    return n > 0 && names_thread(b, n);
}

/* A remark's stamp on the line: a clock time (10:26), or a time ago
 * (3分钟前, 2 hours ago). */
static bool has_time(const char *s)
{
    static const char *const ago[] = { "秒前", "分钟前", "小时前", "天前", " ago", NULL };
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)p[0]) && p[1] == ':' && isdigit((unsigned char)p[2]) &&
            isdigit((unsigned char)p[3]))
            return true;
        for (size_t i = 0; ago[i]; i++)
            if (p > s && isdigit((unsigned char)p[-1]) && !strncmp(p, ago[i], strlen(ago[i])))
                return true;
    }
    return false;
}

/* Characters of text in the blocks from N to the next heading, and how many
 * of them carry a remark's stamp; false when neither of the first two
 * does: the thread's records begin right under its heading. */
static bool measure_thread(xmlNodePtr n, int *chars, int *stamped)
{
    *chars = *stamped = 0;
    int blocks = 0;
    bool opens_stamped = false;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (nz_heading_tag(n))
            break;
        xmlChar *raw = xmlNodeGetContent(n);
        const char *s = raw ? (const char *)raw : "";
        bool stamp = has_time(s);
        *chars += nz_line_measure(s).chars;
        *stamped += stamp;
        if (blocks++ < 2 && stamp)
            opens_stamped = true;
        xmlFree(raw);
    }
    return opens_stamped;
}

/* A thread is cut only below some of the article's own text. */
#define THREAD_TEXT_ABOVE 100
/* What follows a thread's heading with no stamped remark: prompts at most
 * ("暂无评论", "Be the first to comment"). */
#define THREAD_EMPTY_CHARS 40

void nz_cut_comment_thread(nz *z)
{
    int above = 0;
    for (xmlNodePtr n = z->root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *raw = xmlNodeGetContent(n);
        const char *s = raw ? (const char *)raw : "";
        int chars = nz_line_measure(s).chars;
        bool heading = nz_heading_tag(n) >= 2 || (xml_is(n, "p") && chars <= 12 && nz_sole_element(n, "strong"));
        if (heading && above >= THREAD_TEXT_ABOVE && nz_heading_tag(n) != 1 && is_thread_heading(s)) {
            int after, stamped;
            bool records = measure_thread(n->next, &after, &stamped);
            if ((records && stamped >= 2) || after <= THREAD_EMPTY_CHARS) {
                if (z->o->explain)
                    fprintf(z->o->explain, "dropped a comment thread under \"%.*s\": %d characters, %d stamped remarks\n",
                            utf8_clip(s, 40), s, after, stamped);
                xmlFree(raw);
                while (n) {
                    xmlNodePtr next = n->next;
                    nz_discard(z, n);
                    n = next;
                }
                return;
            }
        }
        above += chars;
        xmlFree(raw);
    }
}

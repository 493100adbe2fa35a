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
        if (cp_is_ascii_digit((unsigned char)*s) || strchr("()[]:", *s))
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
    while (*b == ' ' || *b == '\n' || *b == '\t')
        b++;
    n = strlen(b);
    while (n && (b[n - 1] == ' ' || b[n - 1] == '\n' || b[n - 1] == '\t'))
        n--;
    return n > 0 && names_thread(b, n);
}

/* A remark's stamp on the line: a clock time (10:26), or a time ago
 * (3分钟前, "2 hours ago"). */
static bool has_time(const char *s)
{
    static const char *const ago[] = { "秒前", "分钟前", "小时前", "天前", NULL };
    for (const char *p = s; *p; p++) {
        if (cp_is_ascii_digit((unsigned char)p[0]) && p[1] == ':' && cp_is_ascii_digit((unsigned char)p[2]) &&
            cp_is_ascii_digit((unsigned char)p[3]))
            return true;
        for (size_t i = 0; ago[i]; i++)
            if (p > s && cp_is_ascii_digit((unsigned char)p[-1]) && !strncmp(p, ago[i], strlen(ago[i])))
                return true;
        /* "2 hours ago": a count, a unit word, then "ago" */
        if (p > s && !strncmp(p, " ago", 4) && !isalpha((unsigned char)p[4])) {
            const char *q = p;
            while (q > s && isalpha((unsigned char)q[-1]))
                q--;
            if (q > s + 1 && q[-1] == ' ' && cp_is_ascii_digit((unsigned char)q[-2]))
                return true;
        }
    }
    return false;
}

/* What follows a thread's heading, up to the next heading: its characters,
 * how many of its blocks carry a remark's stamp, whether one of the first
 * two does (the records begin right under the heading) and whether it runs
 * to the article's end. */
typedef struct {
    int chars, stamped;
    bool opens_stamped, to_end;
} thread_measure;

static thread_measure measure_thread(xmlNodePtr n)
{
    thread_measure m = { 0, 0, false, true };
    int blocks = 0;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (nz_heading_tag(n)) {
            m.to_end = false;
            break;
        }
        xmlChar *raw = xmlNodeGetContent(n);
        const char *s = raw ? (const char *)raw : "";
        bool stamp = has_time(s);
        m.chars += nz_line_measure(s).chars;
        m.stamped += stamp;
        if (blocks++ < 2 && stamp)
            m.opens_stamped = true;
        xmlFree(raw);
    }
    return m;
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
        bool heading = nz_heading_tag(n) >= 2 || (xml_is(n, "p") && chars <= 24 && nz_sole_element(n, "strong"));
        if (heading && above >= THREAD_TEXT_ABOVE && is_thread_heading(s)) {
            thread_measure m = measure_thread(n->next);
            if ((m.opens_stamped && m.stamped >= 2) || (m.to_end && m.chars <= THREAD_EMPTY_CHARS)) {
                if (z->o->explain)
                    fprintf(z->o->explain, "dropped a comment thread under \"%.*s\": %d characters, %d stamped remarks\n",
                            utf8_clip(s, 40), s, m.chars, m.stamped);
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

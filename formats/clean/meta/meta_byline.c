/* The byline a page marks up as one, as Readability finds it: rel=author,
 * itemprop=author, or a class or id that says byline or author. Not the
 * authors of comments and replies, whose boxes say so. Its text is read
 * as an info line ("By Dan Goodin - Apr 16, 2015"), or taken whole when it
 * is a short name. */
#include "clean/meta/page_meta_int.h"
#include "clean/page.h"
#include "util/utf8.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Does V hold WORD (WORD in lowercase; V in any case)? */
static bool holds(const char *v, const char *word)
{
    size_t k = strlen(word);
    for (; *v; v++)
        if ((*v | 0x20) == word[0] && strncasecmp(v, word, k) == 0)
            return true;
    return false;
}

/* "author" in a class or id, but not "authorized", "authority",
 * "authorise": a word of permission, not a byline. */
static bool holds_author(const char *v)
{
    for (const char *p = v; *p; p++)
        if ((*p | 0x20) == 'a' && strncasecmp(p, "author", 6) == 0) {
            const char *q = p + 6;
            if (!((q[0] | 0x20) == 'i' && strchr("zts", q[1] | 0x20) && q[1]))
                return true;
        }
    return false;
}

/* Every element of a page is asked, so the attributes are read where the
 * tree holds them, without a copy: an attribute's text, or NULL. */
static const char *attr_text(xmlAttrPtr a)
{
    xmlNodePtr t = a->children;
    return t && t->type == XML_TEXT_NODE && t->content && a->name ? (const char *)t->content : NULL;
}

/* The text of a class or id attribute, or NULL for any other. */
static const char *class_or_id(xmlAttrPtr a)
{
    const char *v = attr_text(a);
    return v && (!strcmp((const char *)a->name, "class") || !strcmp((const char *)a->name, "id")) ? v : NULL;
}

/* Where a part of the class or id token T[0..LEN) is the word WORD
 * ("comment-list", "comments", "commentArea", "post_comment", not
 * "commentary"): just past it and its plural s; else NULL. A token that
 * says what a post has or allows ("has-comments", "no-comments",
 * "comments-open") names the post, not a box of comments
 * (token_has_word). */
static const char *part_is_word(const char *t, size_t len, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= len; i++) {
        bool start = i == 0 || t[i - 1] == '-' || t[i - 1] == '_' ||
                     (islower((unsigned char)t[i - 1]) && isupper((unsigned char)t[i]));
        if (!start || strncasecmp(t + i, word, k))
            continue;
        size_t e = i + k;
        if (e < len && t[e] == 's' && (e + 1 == len || !isalpha((unsigned char)t[e + 1])))
            e++;
        char c = e < len ? t[e] : '\0';
        if (!c || c == '-' || c == '_' || isdigit((unsigned char)c) || isupper((unsigned char)c))
            return t + e;
    }
    return NULL;
}

/* The first part of the token T[0..LEN), up to a '-', '_' or a capital. */
static size_t first_part(const char *t, size_t len)
{
    size_t i = 1;
    while (i < len && t[i] != '-' && t[i] != '_' && !(isupper((unsigned char)t[i]) && islower((unsigned char)t[i - 1])))
        i++;
    return len ? i : 0;
}

/* Whether the first part of T[0..LEN) is one of WORDS, case aside. */
static bool first_part_in(const char *t, size_t len, const char *const *words)
{
    size_t n = first_part(t, len);
    for (; n && *words; words++)
        if (n == strlen(*words) && !strncasecmp(t, *words, n))
            return true;
    return false;
}

static bool token_has_word(const char *v, const char *word)
{
    /* what a post has or allows: "has-comments", "no-comments",
     * "comments-open", "comment-count" */
    static const char *const has[] = { "has", "no", "with", "allow", "allows", "enable", "show", NULL };
    static const char *const state[] = { "open", "closed", "count", "number", "num", NULL };
    for (const char *t = v; *t;) {
        while (*t == ' ')
            t++;
        size_t len = strcspn(t, " ");
        const char *after = first_part_in(t, len, has) ? NULL : part_is_word(t, len, word);
        if (after && after < t + len && (*after == '-' || *after == '_'))
            after++;
        if (after && !first_part_in(after, (size_t)(t + len - after), state))
            return true;
        t += len;
    }
    return false;
}

/* Inside a box of comments or replies: the names there are readers'. */
static bool in_comment_box(xmlNodePtr n)
{
    static const char *const words[] = { "comment", "reply", "replie", "pinglun", NULL };
    for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent)
        for (xmlAttrPtr at = a->properties; at; at = at->next) {
            const char *v = class_or_id(at);
            for (int i = 0; v && words[i]; i++)
                if (token_has_word(v, words[i]))
                    return true;
        }
    return false;
}

bool pm_is_source_mark(xmlNodePtr n)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *v = class_or_id(a);
        if (v && holds(v, "source") && !holds(v, "resource"))
            return !in_comment_box(n);
    }
    return false;
}

static bool marked_as_byline(xmlNodePtr n)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        const char *v = attr_text(a), *named = class_or_id(a);
        if (!v)
            continue;
        if (!strcmp((const char *)a->name, "rel") || !strcmp((const char *)a->name, "itemprop")) {
            if (holds_author(v))
                return true;
        } else if (named && (holds(v, "byline") || holds_author(v)) && !holds(v, "comment") &&
                   !holds(v, "reply") && !holds(v, "avatar")) {
            return true;
        }
    }
    return false;
}

/* The ancestors are asked only of the few elements marked as a byline. */
bool pm_is_byline(xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && marked_as_byline(n) && !in_comment_box(n);
}

/* A name as bylines give them: up to four words, no digits, no sentence;
 * in Chinese, up to three names of two to four characters (a part of a
 * transliterated name between two · counts as one). */
static bool plain_name(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > 60)
        return false;
    int words = 1, han = 0;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t c = utf8_next(s, n, &i);
        if ((c >= '0' && c <= '9') || (c < 0x80 && strchr("|:@!?;()[]", (int)c)) || (c >= 0x3000 && c <= 0x303F) ||
            (c >= 0xFF00 && c <= 0xFF65))
            return false;
        if (c == ' ' || c == 0xB7) {
            if (han && (han < 2 || han > 4))
                return false;
            han = 0;
            words += c == ' ' && at > 0 && s[at - 1] != ' ';
            continue;
        }
        if (cp_is_han(c))
            han++;
    }
    return words <= 4 && !(han && (han < 2 || han > 4));
}

/* V without what a byline puts around the name: blanks, dashes, bars,
 * commas. In place. */
static void trim_name(char *v)
{
    size_t n = strlen(v);
    for (;;) {
        while (n && (v[n - 1] == ' ' || v[n - 1] == '-' || v[n - 1] == ',' || v[n - 1] == '|'))
            n--;
        if (n >= 3 && (!strncmp(v + n - 3, "—", 3) || !strncmp(v + n - 3, "–", 3) ||
                       !strncmp(v + n - 3, "·", 3) || !strncmp(v + n - 3, "，", 3)))
            n -= 3;
        else
            break;
    }
    v[n] = 0;
}

/* A user's name on a profile link, "湖畔慢行者", "背包里的柚子": longer
 * than a person's, but a short run of words with no sentence in it. */
#define NICKNAME_CHARS 12

static bool nickname(const char *s)
{
    size_t n = strlen(s);
    int chars = 0, digits = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = utf8_next(s, n, &i);
        chars++;
        digits += c >= '0' && c <= '9';
        if ((c < 0x80 && strchr(",.|:!?;()[]", (int)c)) || (c >= 0x3000 && c <= 0x303F) ||
            (c >= 0xFF00 && c <= 0xFF65))
            return false;
    }
    return chars >= 2 && chars <= NICKNAME_CHARS && digits < chars;
}

/* A link in a byline shows the name (a profile page). */
static bool is_link(xmlNodePtr c)
{
    return xml_is(c, "a");
}

/* N links to a user's page ("/u/7f31", "/people/…", "/user/…",
 * "space.…", "?uid="), where a nickname is the name. */
static bool profile_link(xmlNodePtr n)
{
    static const char *const marks[] = { "/u/", "/user", "/people/", "/profile", "/member", "/author",
                                         "/home/", "/space/", "space.", "uid=", "/@", NULL };
    const char *href = n->properties ? xml_attr_ref(n, "href") : NULL;
    for (int i = 0; href && marks[i]; i++)
        if (strstr(href, marks[i]))
            return true;
    return false;
}

/* N's text when it is a plain name, trimmed, or, for a byline's link
 * (USER) to the user's page, a user's name; else NULL. */
static char *name_of(xmlNodePtr n, bool user)
{
    buf_t t;
    buf_init(&t);
    page_text(n, &t);
    char *v = NULL;
    if (t.len) {
        trim_name(t.data);
        if (plain_name(t.data) || (user && nickname(t.data) && profile_link(n)))
            v = xstrdup(t.data);
    }
    buf_free(&t);
    return v;
}

/* The first element below N that IS_NAME takes, read as a name; NULL when
 * there is none or it holds no plain name. A link holding only a picture
 * (the avatar before the name) is passed over. A byline is a few
 * elements deep; the walk goes no deeper than this. */
#define BYLINE_DEPTH 64

static char *first_name_below(xmlNodePtr n, bool (*is_name)(xmlNodePtr), int depth)
{
    for (xmlNodePtr c = n->children; c && depth < BYLINE_DEPTH; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is_name(c) && pm_count_chars(c, 1) == 0)
            continue;
        if (is_name(c))
            return name_of(c, is_name == is_link);
        char *v = first_name_below(c, is_name, depth + 1);
        if (v)
            return v;
    }
    return NULL;
}

/* schema.org's Person gives its name inside the byline (itemprop="name"),
 * without the byline's words around it ("von", "Escrito por"). */
static bool is_person_name(xmlNodePtr c)
{
    const char *prop = c->properties ? xml_attr_ref(c, "itemprop") : NULL;
    return prop && !strcmp(prop, "name");
}

char *pm_markup_byline(const pm_page *p)
{
    if (!p->byline_node || pm_count_chars(p->byline_node, 100) > 100)
        return NULL;
    char *v = first_name_below(p->byline_node, is_person_name, 0);
    if (v)
        return v;
    v = first_name_below(p->byline_node, is_link, 0);
    buf_t t;
    buf_init(&t);
    page_text(p->byline_node, &t);
    if (v) {
        /* "By <a>Ola Brennan</a> and <a>Kit Moran</a>": all the names */
        const char *all = t.data ? t.data : "";
        if (!strncmp(all, "By ", 3) || !strncmp(all, "by ", 3))
            all += 3;
        char *list = pm_latin_name_list(all);
        if (list && !strncmp(list, v, strlen(v)) && list[strlen(v)] == ',') {
            free(v);
            v = list;
        } else {
            free(list);
        }
        buf_free(&t);
        return v;
    }
    if (t.len) {
        pm_fields f = { 0 };
        pm_fields_read(t.data, t.len, true, &f);
        trim_name(t.data);
        if (f.author && plain_name(f.author)) {
            v = f.author;
            f.author = NULL;
        } else if (!f.author && !f.has_label && plain_name(t.data)) {
            v = xstrdup(t.data);
        }
        pm_fields_free(&f);
    }
    buf_free(&t);
    return v;
}

/* The publisher an element marked as the source names: its 来源 field,
 * else its whole text when that is a short name ("参考消息"). */
char *pm_marked_source(const pm_page *p)
{
    if (!p->source_node || pm_count_chars(p->source_node, 40) > 40)
        return NULL;
    buf_t t;
    buf_init(&t);
    page_text(p->source_node, &t);
    char *v = NULL;
    if (t.len) {
        pm_fields f = { 0 };
        pm_fields_read(t.data, t.len, true, &f);
        trim_name(t.data);
        if (f.publisher) {
            v = f.publisher;
            f.publisher = NULL;
        } else if (!f.has_label && plain_name(t.data)) {
            v = xstrdup(t.data);
        }
        pm_fields_free(&f);
    }
    buf_free(&t);
    return v;
}

/* A bar of buttons that share the article ("Share this article Facebook
 * Twitter"), known by where its links go: the social sites' share
 * endpoints, whatever the bar's class says ("c-article-share", "sharing"). */
#include "clean/normalize/normalize.h"

#include <string.h>
#include <strings.h>

/* HREF is a social site's share endpoint or a mail to send the page. */
static bool share_href(const char *href)
{
    static const char *const marks[] = { "sharer", "/share?", "/share/", "intent/tweet",
                                         "shareArticle", "pin/create", "/send?text", NULL };
    if (!strncasecmp(href, "mailto:?", 8) || !strncasecmp(href, "whatsapp:", 9))
        return true;
    if (strncasecmp(href, "http", 4) && strncmp(href, "//", 2))
        return false;   /* the site's own pages are no share endpoints */
    for (int i = 0; marks[i]; i++)
        if (strstr(href, marks[i]))
            return true;
    size_t n = strlen(href);
    return n > 6 && !strcmp(href + n - 6, "/share");
}

/* A link a script works, with no address of its own, named for a social
 * site: a share button whose address the capture lost. 2 for a network's
 * own name, 1 for a word that names other things too ("Email", "X"), 0
 * for none. */
static int network_button(xmlNodePtr a, const char *href)
{
    static const char *const names[] = { "facebook", "twitter", "whatsapp", "linkedin", "reddit",
                                         "telegram", "pinterest", "flipboard", "messenger", "vk", "weibo",
                                         "wechat", "微信", "微博", "qq空间", NULL };
    static const char *const words[] = { "x", "email", "e-mail", "mail", "qq", NULL };
    if (href && *href && *href != '#' && strncasecmp(href, "javascript:", 11))
        return 0;
    xmlChar *t = xmlNodeGetContent(a);
    const char *s = t ? (const char *)t : "";
    s += strspn(s, " \t\n");
    size_t n = strcspn(s, " \t\n");
    bool yes = s[n + strspn(s + n, " \t\n")] == '\0';
    int named = 0;
    for (int i = 0; yes && !named && names[i]; i++)
        named = strlen(names[i]) == n && !strncasecmp(s, names[i], n) ? 2 : 0;
    for (int i = 0; yes && !named && words[i]; i++)
        named = strlen(words[i]) == n && !strncasecmp(s, words[i], n) ? 1 : 0;
    xmlFree(t);
    return yes ? named : 0;
}

/* Counts N's links, those to share endpoints among them, and the words
 * outside links; false as soon as a block or a sentence shows. */
#define SHARE_LABEL_CHARS 30

static bool walk_share(xmlNodePtr n, int *links, int *shares, int *endpoints, int *chars)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            nz_line t = nz_line_measure((const char *)c->content);
            *chars += t.chars;
            if (t.stops || *chars > SHARE_LABEL_CHARS)
                return false;
        } else if (xml_is(c, "a")) {
            xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
            (*links)++;
            bool endpoint = href && share_href((const char *)href);
            int named = endpoint ? 0 : network_button(c, (const char *)href);
            *shares += endpoint || named;
            *endpoints += endpoint || named == 2;
            xmlFree(href);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (!walk_share(c, links, shares, endpoints, chars))
                return false;
        }
    }
    return true;
}

/* One of them at least goes to a share endpoint or names a network
 * ("Email or X" are two words that name other things too). */
bool nz_share_bar(xmlNodePtr n)
{
    int links = 0, shares = 0, endpoints = 0, chars = 0;
    return walk_share(n, &links, &shares, &endpoints, &chars) && links >= 2 && shares == links && endpoints;
}

/* A bar of buttons that share the article ("Share this article Facebook
 * Twitter"), known by where its links go: the social sites' share
 * endpoints, whatever the bar's class says ("c-article-share", "sharing"). */
#include "clean/normalize/normalize.h"

#include <string.h>
#include <strings.h>

/* HREF is a social site's share endpoint or a mail to send the page. */
static bool share_href(const char *href)
{
    static const char *const marks[] = { "sharer", "/share?", "/share/", "/share", "intent/tweet",
                                         "shareArticle", "pin/create", "sharing", "/send?text", NULL };
    if (!strncasecmp(href, "mailto:?", 8) || !strncasecmp(href, "whatsapp:", 9))
        return true;
    if (strncasecmp(href, "http", 4) && strncmp(href, "//", 2))
        return false;   /* the site's own pages are no share endpoints */
    for (int i = 0; marks[i]; i++)
        if (strstr(href, marks[i]))
            return true;
    return false;
}

/* A link a script works, with no address of its own, named for a social
 * site: a share button whose address the capture lost. */
static bool network_button(xmlNodePtr a, const char *href)
{
    static const char *const names[] = { "facebook", "twitter", "x", "whatsapp", "linkedin", "reddit",
                                         "telegram", "pinterest", "flipboard", "messenger", "vk", "email",
                                         "e-mail", "mail", "weibo", "wechat", "微信", "微博", "qq空间",
                                         "qq", NULL };
    if (href && *href && *href != '#' && strncasecmp(href, "javascript:", 11))
        return false;
    xmlChar *t = xmlNodeGetContent(a);
    const char *s = t ? (const char *)t : "";
    s += strspn(s, " \t\n");
    size_t n = strcspn(s, " \t\n");
    bool yes = s[n + strspn(s + n, " \t\n")] == '\0';
    bool named = false;
    for (int i = 0; yes && !named && names[i]; i++)
        named = strlen(names[i]) == n && !strncasecmp(s, names[i], n);
    xmlFree(t);
    return yes && named;
}

/* Counts N's links, those to share endpoints among them, and the words
 * outside links; false as soon as a block or a sentence shows. */
#define SHARE_LABEL_CHARS 30

static bool walk_share(xmlNodePtr n, int *links, int *shares, int *chars)
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
            *shares += (href && share_href((const char *)href)) || network_button(c, (const char *)href);
            xmlFree(href);
        } else if (c->type == XML_ELEMENT_NODE) {
            if (xml_is(c, "p") && n != c->parent)
                return false;
            if (!walk_share(c, links, shares, chars))
                return false;
        }
    }
    return true;
}

bool nz_share_bar(xmlNodePtr n)
{
    int links = 0, shares = 0, chars = 0;
    return walk_share(n, &links, &shares, &chars) && links >= 2 && shares == links;
}

/* A box set in the text that asks the reader to act: a heading or a
 * few lines of pitch, and a button (Donate, Subscribe now, Support us,
 * 立即订阅). Sites style the button as a button whatever they call the
 * box, or set it as a block of its own, so its style or its place tells
 * it; the text's own links stand in its sentences.
 * An appeal is headed: a heading or a short line over its pitch (a
 * page builder sets the text's last paragraph and a button in one box).
 * Data a reader acts on (a table, a list, a date, a time, a picture, a
 * file to download) makes the box the text's: an event's or a job's
 * facts; so does a button that leads off the site (a source, a plan), and
 * boxes of the same make beside it (the text's sections). */
#include "clean/normalize/normalize.h"
#include "clean/furniture.h"
#include "clean/meta/page_meta.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define APPEAL_CHARS 600
#define APPEAL_PITCH_CHARS 12
#define APPEAL_BUTTON_CHARS 24
#define APPEAL_AFTER_CHARS 40
#define APPEAL_BUTTONS_MAX 2
#define APPEAL_HEAD_CHARS 60
#define APPEAL_PROSE_CHARS 40

/* A class name that says button: "btn", "button", "btn-primary", "cta". */
static bool names_button(const char *cls)
{
    size_t len;
    const char *w;
    while ((w = xml_class_next(&cls, &len))) {
        char t[64];
        size_t k = len < sizeof t - 1 ? len : sizeof t - 1;
        for (size_t i = 0; i < k; i++)
            t[i] = (char)tolower((unsigned char)w[i]);
        t[k] = '\0';
        if (strstr(t, "btn") || strstr(t, "button") || !strcmp(t, "cta") || !strncmp(t, "cta-", 4) ||
            !strncmp(t, "cta_", 4))
            return true;
    }
    return false;
}

/* A heading, or a line of a few words with no full stop, in BOX before
 * its BUTTON. */
static bool headed(xmlNodePtr box, xmlNodePtr button)
{
    for (xmlNodePtr d = box->children; d && d != button; d = xml_next_in_order(d, box)) {
        if (d->type != XML_ELEMENT_NODE || xml_is_ancestor(d, button))
            continue;
        if (nz_heading_tag(d))
            return true;
        if (!extract_is_block_tag((const char *)d->name))
            continue;
        extract_counts c;
        extract_count(d, &c);
        if (c.chars > 0 && c.chars <= APPEAL_HEAD_CHARS && c.punct == 0 && !c.link_chars)
            return true;
    }
    return false;
}

static bool styled_as_button(xmlNodePtr n)
{
    if (xml_is(n, "button"))
        return true;
    if (!xml_is(n, "a"))
        return false;
    const char *role = xml_attr_ref(n, "role");
    if (role && !strcasecmp(role, "button"))
        return true;
    const char *cls = xml_attr_ref(n, "class");
    return cls && names_button(cls);
}

/* A button's address names a page at the top of the site itself
 * ("/donate", "/subscribe"): where a site sends every reader. A source
 * the text cites is elsewhere, and a section's call to act leads to a
 * page of its own subject ("/events/library", "/zcwj/2024/0506.html"). A
 * <button>, or a link with no address, is followed by the site's script. */
static bool site_top_address(xmlNodePtr a)
{
    if (xml_is(a, "button"))
        return true;
    const char *href = xml_attr_ref(a, "href");
    if (!href)
        return true;
    if (!*href || *href == '#' || strstr(href, "://") || !strncmp(href, "//", 2) ||
        !strncasecmp(href, "mailto:", 7) || !strncasecmp(href, "javascript:", 11))
        return false;
    int segments = 0;
    bool dot = false;
    for (const char *p = href; *p && *p != '?' && *p != '#';) {
        while (*p == '/')
            p++;
        if (!*p || *p == '?' || *p == '#')
            break;
        segments++;
        dot = false;
        for (; *p && *p != '/' && *p != '?' && *p != '#'; p++)
            dot = dot || *p == '.';
    }
    return segments <= 1 && !dot;
}

/* A button to the site's own channel on a social network or a messenger
 * ("Follow us on WhatsApp", "Join our Telegram"): as much the site's as
 * its top pages. */
static bool social_channel_address(xmlNodePtr a)
{
    static const char *const hosts[] = { "whatsapp.com", "t.me", "telegram.me", "facebook.com", "twitter.com",
                                         "x.com", "instagram.com", "youtube.com", "tiktok.com", "linkedin.com",
                                         "threads.net", "bsky.app", "news.google.com", "flipboard.com",
                                         "weibo.com", NULL };
    const char *href = xml_attr_ref(a, "href");
    const char *h = href ? strstr(href, "://") : NULL;
    if (!h)
        return false;
    h += 3;
    size_t n = strcspn(h, "/?#:");
    for (int i = 0; hosts[i]; i++) {
        size_t k = strlen(hosts[i]);
        if (n >= k && !strncasecmp(h + n - k, hosts[i], k) && (n == k || h[n - k - 1] == '.'))
            return h[n] == '/' && h[n + 1];   /* a channel, not the network's home */
    }
    return false;
}

/* A picture no bigger than an icon (a network's logo beside its button):
 * no fact of the box. */
#define APPEAL_ICON_PX 96

static bool icon_img(xmlNodePtr n)
{
    const char *w = xml_attr_ref(n, "width"), *h = xml_attr_ref(n, "height");
    return xml_is(n, "img") && w && h && atoi(w) > 0 && atoi(w) <= APPEAL_ICON_PX && atoi(h) > 0 &&
           atoi(h) <= APPEAL_ICON_PX;
}

/* A fact a reader acts on in BOX (a table, a list, a time, a picture…). */
static bool holds_facts(xmlNodePtr box)
{
    static const char *const facts[] = { "table", "dl", "ul", "ol", "img", "picture", "figure", "video",
                                         "time", "pre", "iframe", "input", "select", NULL };
    for (xmlNodePtr d = box->children; d; d = xml_next_in_order(d, box))
        if (d->type == XML_ELEMENT_NODE && xml_is_any(d, facts) && !icon_img(d))
            return true;
    return false;
}

/* A link that stands as a block of its own at the end of BOX, among its
 * paragraphs and not in one: a button, whatever its class (a hashed one). */
static xmlNodePtr bare_link_last(xmlNodePtr box)
{
    xmlNodePtr last = box->last;
    while (last && (last->type != XML_ELEMENT_NODE) && (last->type != XML_TEXT_NODE || xmlIsBlankNode(last)))
        last = last->prev;
    /* the box's last box holds it: the pitch and button beside a logo */
    if (last && (xml_is(last, "div") || xml_is(last, "section")))
        return bare_link_last(last);
    if (!last || !xml_is(last, "a"))
        return NULL;
    for (xmlNodePtr s = last->prev; s; s = s->prev) {
        if (s->type == XML_TEXT_NODE && !xmlIsBlankNode(s))
            return NULL;   /* the link ends a run of words */
        if (s->type == XML_ELEMENT_NODE)
            return extract_is_block_tag((const char *)s->name) ? last : NULL;
    }
    return NULL;
}

/* N is a section: a heading first, and more after it (a module that
 * holds a heading alone is the heading). */
static bool opens_with_heading(xmlNodePtr n)
{
    xmlNodePtr c = n->children;
    while (c && c->type != XML_ELEMENT_NODE)
        c = c->next;
    if (!c || nz_heading_tag(c) < 2)
        return false;
    for (c = c->next; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE || (c->type == XML_TEXT_NODE && !xmlIsBlankNode(c)))
            return true;
    return false;
}

/* BOX is set among the text's paragraphs, the one box there that opens
 * with a heading: inserted in the text, not one of the sections it is
 * made of. The first siblings tell. */
#define APPEAL_SIBLINGS 64

static bool set_among_paragraphs(xmlNodePtr box)
{
    int prose = 0, seen = 0;
    for (xmlNodePtr s = box->parent ? box->parent->children : NULL; s && seen < APPEAL_SIBLINGS; s = s->next) {
        if (s->type != XML_ELEMENT_NODE || s == box)
            continue;
        seen++;
        if (!xml_is(s, "p") && opens_with_heading(s))
            return false;   /* a box of the same make: a section */
        /* a paragraph, or one a module wraps (<div class="markup"><p>) */
        extract_counts c;
        extract_count(s, &c);
        prose += c.chars - c.link_chars >= APPEAL_PROSE_CHARS;
    }
    return prose >= 2;
}

/* S holds a time of day: "10am", "2 pm", "14:30", "9时", "下午". */
static bool holds_clock(const char *s)
{
    if (strstr(s, "上午") || strstr(s, "下午"))
        return true;
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p) || (p > s && isdigit((unsigned char)p[-1])))
            continue;
        const char *q = p;
        while (isdigit((unsigned char)*q))
            q++;
        if (*q == ':' && isdigit((unsigned char)q[1]) && isdigit((unsigned char)q[2]))
            return true;
        while (*q == ' ')
            q++;
        if ((!strncasecmp(q, "am", 2) || !strncasecmp(q, "pm", 2)) && !isalpha((unsigned char)q[2]))
            return true;
        if (!strncmp(q, "时", 3) || !strncmp(q, "點", 3) || !strncmp(q, "点", 3))
            return true;
    }
    return false;
}

/* The text of BOX holds a date or a time: an event's facts, or a
 * notice's. */
static bool dated(xmlNodePtr box)
{
    xmlChar *t = xmlNodeGetContent(box);
    char day[11];
    bool yes = t && (page_meta_find_date((const char *)t, day, 0) || holds_clock((const char *)t));
    xmlFree(t);
    return yes;
}

bool nz_appeal_box(xmlNodePtr n, const extract_counts *c)
{
    if (xml_is(n, "p") || xml_is(n, "li") || xml_is(n, "blockquote") || nz_heading_tag(n) ||
        c->chars > APPEAL_CHARS || c->chars < APPEAL_PITCH_CHARS || holds_facts(n))
        return false;
    xmlNodePtr button = NULL;
    int buttons = 0;
    for (xmlNodePtr d = n->children; d; d = xml_next_in_order(d, n)) {
        if (d->type != XML_ELEMENT_NODE || !styled_as_button(d))
            continue;
        if (++buttons > APPEAL_BUTTONS_MAX || furniture_link_is_document(d))
            return false;
        button = d;
    }
    if (!button)
        button = bare_link_last(n);
    if (!button)
        return false;
    extract_counts b, last;
    extract_count(button, &b);
    /* a heading and its edit link is a section's head, no pitch */
    int headings = 0;
    for (xmlNodePtr d = n->children; d; d = xml_next_in_order(d, n))
        if (d->type == XML_ELEMENT_NODE && nz_heading_tag(d) && !xml_is_ancestor(d, button)) {
            extract_count(d, &last);
            headings += last.chars;
        }
    if (b.chars == 0 || b.chars > APPEAL_BUTTON_CHARS || c->chars - b.chars - headings < APPEAL_PITCH_CHARS ||
        !headed(n, button) || !(site_top_address(button) || social_channel_address(button)) ||
        !set_among_paragraphs(n) || dated(n))
        return false;
    /* the button closes the box: a price or a note under it at most */
    int after = 0;
    for (xmlNodePtr d = button; d && d != n; d = d->parent)
        for (xmlNodePtr s = d->next; s; s = s->next) {
            extract_count(s, &last);
            after += last.chars;
        }
    return after <= APPEAL_AFTER_CHARS;
}

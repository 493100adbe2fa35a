/* The 附件 list: links to the documents a bulletin attaches (.doc, .pdf,
 * .xls ...), which pages set as a run of one-link paragraphs after a
 * "附件：" label, or as a list. Folio marks it ul class="attachments".
 * What a CMS prints beside each link (its size, its downloads) is no
 * part of it. */
#include "clean/normalize/normalize.h"
#include "clean/furniture.h"

#include <string.h>
#include <strings.h>

static bool na_is_blank(xmlNodePtr n)
{
    return n->type == XML_TEXT_NODE && xmlIsBlankNode(n);
}

static bool na_label_text(const char *s)
{
    return strstr(s, "附件") != NULL && (strstr(s, "：") || strchr(s, ':'));
}

bool nz_attachment_line(xmlNodePtr n, const char *text)
{
    while (*text == ' ' || !strncmp(text, "　", 3))
        text += *text == ' ' ? 1 : 3;
    return !strncmp(text, "附件", strlen("附件")) || furniture_links_all_documents(n);
}

/* S is an item's number and nothing else: "1.", "2、", "（3）", "4．". */
static bool na_number_text(const char *s)
{
    static const char *const after[] = { ".", "、", "．", "）", ")", ":", "：", NULL };
    while (*s == ' ')
        s++;
    bool open = !strncmp(s, "（", 3) || *s == '(';
    if (open)
        s += *s == '(' ? 1 : 3;
    size_t digits = strspn(s, "0123456789");
    if (!digits || digits > 2)
        return false;
    s += digits;
    for (int i = 0; after[i]; i++)
        if (!strncmp(s, after[i], strlen(after[i]))) {
            s += strlen(after[i]);
            while (*s == ' ')
                s++;
            return !*s;
        }
    return false;
}

bool nz_attachment_label(xmlNodePtr n, const char *text)
{
    while (*text == ' ' || !strncmp(text, "　", 3))
        text += *text == ' ' ? 1 : 3;
    if (strncmp(text, "附件", strlen("附件")) || !na_label_text(text))
        return false;
    xmlNodePtr next = xmlNextElementSibling(n);
    return next && furniture_holds_document_link(next);
}

/* In "附件：1." the item's number after the label, or NULL. */
static const char *na_label_number(const char *s)
{
    if (!na_label_text(s))
        return NULL;
    const char *colon = strstr(s, "：");
    const char *after = colon ? colon + 3 : strchr(s, ':') + 1;
    return *after && na_number_text(after) ? after : NULL;
}

/* A paragraph that is one link to a document, with perhaps a "附件：" label
 * or the item's number before it. Returns the link, and sets *labelled and
 * *number (the number's text node, or NULL). */
static xmlNodePtr na_document_para(xmlNodePtr p, bool *labelled, xmlNodePtr *number)
{
    xmlNodePtr link = NULL;
    *labelled = false;
    *number = NULL;
    if (!xml_is(p, "p") || xmlHasProp(p, (const xmlChar *)"class"))
        return NULL;
    for (xmlNodePtr c = p->children; c; c = c->next) {
        if (na_is_blank(c))
            continue;
        if (c->type == XML_TEXT_NODE && !link && !*number && na_label_text((const char *)c->content)) {
            *labelled = true;
            if (na_label_number((const char *)c->content))
                *number = c;   /* "附件：1.": label and number in one */
            continue;
        }
        if (c->type == XML_TEXT_NODE && !link && !*number && na_number_text((const char *)c->content)) {
            *number = c;
            continue;
        }
        if (xml_is(c, "a") && !link) {
            if (!furniture_link_is_document(c))
                return NULL;
            link = c;
            continue;
        }
        return NULL;
    }
    return link;
}

static bool na_is_label_para(xmlNodePtr p)
{
    if (!xml_is(p, "p") || !p->children || p->children->next || p->children->type != XML_TEXT_NODE)
        return false;
    const char *s = (const char *)p->children->content;
    return na_label_text(s) && strlen(s) <= 24;
}

static void na_mark_list(xmlNodePtr list)
{
    int items = 0, docs = 0;
    for (xmlNodePtr li = list->children; li; li = li->next) {
        if (!xml_is(li, "li"))
            continue;
        items++;
        for (xmlNodePtr c = li->children; c; c = c->next)
            if (xml_is(c, "a")) {
                docs += furniture_link_is_document(c);
                break;
            }
    }
    if (items && docs == items)
        xmlSetProp(list, (const xmlChar *)"class", (const xmlChar *)"attachments");
}

static char *na_item_href(xmlNodePtr li)
{
    for (xmlNodePtr c = li->children; c; c = c->next)
        if (xml_is(c, "a"))
            return (char *)xmlGetProp(c, (const xmlChar *)"href");
    return NULL;
}

static bool na_is_attachments(xmlNodePtr n)
{
    xmlChar *cls = n->type == XML_ELEMENT_NODE ? xmlGetProp(n, (const xmlChar *)"class") : NULL;
    bool yes = cls && !xmlStrcmp(cls, (const xmlChar *)"attachments");
    xmlFree(cls);
    return yes;
}

/* A page often lists its attachments twice: after "附件：" in the text and
 * again in a box of its own. Each document is listed once, where it first
 * stands; a list left empty goes with its label. */
static void na_drop_repeated(xmlNodePtr article)
{
    enum { SEEN_MAX = 64 };
    char *seen[SEEN_MAX];
    int n_seen = 0;
    for (xmlNodePtr n = article->children, next; n; n = next) {
        next = n->next;
        if (!na_is_attachments(n))
            continue;
        for (xmlNodePtr li = n->children, after; li; li = after) {
            after = li->next;
            char *href = na_item_href(li);
            bool repeat = false;
            for (int i = 0; href && i < n_seen && !repeat; i++)
                repeat = !strcmp(seen[i], href);
            if (repeat) {
                xmlUnlinkNode(li);
                xmlFreeNode(li);
                xmlFree(href);
            } else if (href && n_seen < SEEN_MAX) {
                seen[n_seen++] = href;
            } else {
                xmlFree(href);
            }
        }
        if (n->children)
            continue;
        xmlNodePtr label = n->prev;
        while (label && label->type != XML_ELEMENT_NODE)
            label = label->prev;
        if (label && na_is_label_para(label)) {
            xmlUnlinkNode(label);
            xmlFreeNode(label);
        }
        xmlUnlinkNode(n);
        xmlFreeNode(n);
    }
    for (int i = 0; i < n_seen; i++)
        xmlFree(seen[i]);
}

void nz_mark_attachments(xmlNodePtr article)
{
    for (xmlNodePtr n = article->children; n; n = n->next) {
        if (xml_is(n, "ul") || xml_is(n, "ol")) {
            na_mark_list(n);
            continue;
        }
        bool labelled;
        xmlNodePtr number, link = na_document_para(n, &labelled, &number);
        if (!link)
            continue;
        bool after_label = n->prev && na_is_label_para(n->prev);
        if (!labelled && !after_label)
            continue;
        /* The label stays as a paragraph of its own before the list. */
        if (labelled) {
            xmlNodePtr label = xmlNewNode(NULL, (const xmlChar *)"p");
            for (xmlNodePtr c = n->children; c && c != link && c != number; ) {
                xmlNodePtr next = c->next;
                xmlUnlinkNode(c);
                xmlAddChild(label, c);
                c = next;
            }
            const char *s = number ? (const char *)number->content : NULL, *at = s ? na_label_number(s) : NULL;
            if (at) {
                xmlAddChild(label, xmlNewTextLen(number->content, (int)(at - s)));
                xmlNodePtr alone = xmlNewText((const xmlChar *)at);
                xmlReplaceNode(number, alone);
                xmlFreeNode(number);
            }
            nz_trim_end(label);
            xmlAddPrevSibling(n, label);
        }
        xmlNodePtr list = xmlNewNode(NULL, (const xmlChar *)"ul");
        xmlSetProp(list, (const xmlChar *)"class", (const xmlChar *)"attachments");
        xmlAddPrevSibling(n, list);
        xmlNodePtr p = n;
        while (p && (link = na_document_para(p, &labelled, &number)) && (p == n || !labelled)) {
            xmlNodePtr li = xmlNewChild(list, NULL, (const xmlChar *)"li", NULL);
            if (number) {
                xmlUnlinkNode(number);
                xmlAddChild(li, number);
            }
            xmlUnlinkNode(link);
            xmlAddChild(li, link);
            xmlNodePtr next = p->next;
            xmlUnlinkNode(p);
            xmlFreeNode(p);
            p = next;
        }
        n = list;
    }
    na_drop_repeated(article);
}

/* N follows a link to a document, with nothing between but blanks and
 * the link's other figures (its size, then its count of downloads). */
bool nz_after_document_link(xmlNodePtr n)
{
    for (xmlNodePtr x = n->prev; x; x = x->prev) {
        if (x->type == XML_COMMENT_NODE || (x->type == XML_TEXT_NODE && xmlIsBlankNode(x)))
            continue;
        if (x->type != XML_ELEMENT_NODE)
            return false;
        if (xml_is(x, "a"))
            return furniture_link_is_document(x);
        xmlChar *t = xmlNodeGetContent(x);
        bool stat = t && furniture_attachment_stat((const char *)t);
        xmlFree(t);
        if (!stat)
            return false;
    }
    return false;
}

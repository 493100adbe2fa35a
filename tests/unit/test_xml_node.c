/* Unit tests for util/xml_node: "is N the element named X?" answered the
 * same way for the HTML parser's trees and the XML parser's. */
#include "util/xml_node.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>

#include "unit.h"

static xmlNodePtr first_child_element(xmlNodePtr n)
{
    for (n = n ? n->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return NULL;
}

static void test_xml_tree(void)
{
    const char xml[] = "<html xmlns='http://www.w3.org/1999/xhtml'><Body>text<br/></Body></html>";
    xmlDocPtr doc = xmlReadMemory(xml, (int)sizeof xml - 1, NULL, NULL, XML_PARSE_NONET);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr body = first_child_element(root);
    OK("the root", xml_is(root, "html"));
    OK("another name", !xml_is(root, "body"));
    OK("a name in other case", xml_is(body, "body") && xml_is(body, "BODY"));
    OK("a prefix is not the name", !xml_is(body, "bod") && !xml_is(body, "bodyx"));
    OK("a text node is no element", !xml_is(body->children, "text"));
    OK("the element after it", xml_is(body->children->next, "br"));
    OK("the next element passes text by", xml_next_element(body->children) == body->children->next);
    OK("no element after the last", xml_next_element(body->children->next) == NULL);
    OK("no node", !xml_is(NULL, "html"));
    static const char *const lists[] = { "ul", "ol", NULL };
    static const char *const blocks[] = { "p", "br", "body", NULL };
    OK("one of a list", xml_is_any(body, blocks));
    OK("none of a list", !xml_is_any(body, lists));
    OK("no node in a list", !xml_is_any(NULL, blocks));
    OK("a text node in a list", !xml_is_any(body->children, blocks));
    xmlFreeDoc(doc);
}

static void test_html_tree(void)
{
    const char html[] = "<HTML><BODY><P>one</P></BODY></HTML>";
    htmlDocPtr doc = htmlReadMemory(html, (int)sizeof html - 1, NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    xmlNodePtr body = first_child_element(xmlDocGetRootElement(doc));
    OK("html parser's body", xml_is(body, "body"));
    OK("html parser's p", xml_is(first_child_element(body), "p"));
    xmlFreeDoc(doc);
}

static int count_children(xmlNodePtr n)
{
    int k = 0;
    for (n = n->children; n; n = n->next)
        k++;
    return k;
}

/* Text appended piece by piece stays in pieces until merged, then each run
 * between elements is one node and reads the same. */
static void test_append_and_merge(void)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr p = xmlNewDocNode(doc, NULL, (const xmlChar *)"p", NULL);
    xmlDocSetRootElement(doc, p);
    xml_append_text(p, xmlNewText((const xmlChar *)"一"));
    xml_append_text(p, xmlNewText((const xmlChar *)"二"));
    xmlNodePtr em = xmlNewChild(p, NULL, (const xmlChar *)"em", NULL);
    xml_append_text(em, xmlNewText((const xmlChar *)"a"));
    xml_append_text(em, xmlNewText((const xmlChar *)"b"));
    xml_append_text(p, xmlNewText((const xmlChar *)"三"));
    xml_append_text(p, xmlNewText((const xmlChar *)""));
    xml_append_text(p, xmlNewText((const xmlChar *)"四"));
    OK("appended pieces stay apart", count_children(p) == 6 && count_children(em) == 2);
    OK("the last piece is the parent's last", p->last && xmlStrEqual(p->last->content, (const xmlChar *)"四"));
    xml_merge_text(p);
    OK("one node per run", count_children(p) == 3 && count_children(em) == 1);
    EQ("the first run", (const char *)p->children->content, "一二");
    EQ("inside the element", (const char *)em->children->content, "ab");
    EQ("the last run", (const char *)p->last->content, "三四");
    OK("links mended", p->last->prev == em && em->next == p->last && p->last->parent == p);
    xmlFreeDoc(doc);
}

static void test_find(void)
{
    const char *html = "<div id='a'><p>x<em>y</em></p><section><h3>t</h3><img src='i.png'></section></div><p>z</p>";
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    xmlNodePtr body = xmlDocGetRootElement(doc)->children;
    xmlNodePtr div = body ? body->children : NULL;
    static const char *const headings[] = { "h2", "h3", NULL };
    OK("finds below", xml_is(xml_find(div, "em"), "em") && xml_is(xml_find(div, "img"), "img"));
    OK("finds one of several", xml_is(xml_find_any(div, headings), "h3"));
    OK("not the root itself", xml_find(div, "div") == NULL);
    OK("not past the subtree", xml_find(div->children, "img") == NULL && xml_find(div, "body") == NULL);
    OK("the first in document order", xml_find(body, "p") == div->children);
    OK("nothing below a leaf or NULL", xml_find(xml_find(div, "img"), "img") == NULL && xml_find(NULL, "p") == NULL);
    xmlFreeDoc(doc);
}

int main(void)
{
    test_find();
    test_xml_tree();
    test_html_tree();
    test_append_and_merge();
    printf("test_xml_node: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

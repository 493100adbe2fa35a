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

int main(void)
{
    test_xml_tree();
    test_html_tree();
    printf("test_xml_node: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

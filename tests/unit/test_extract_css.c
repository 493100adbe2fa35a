/* Unit tests for what a page's own style sheets hide: the cascade of the
 * rules that set display or visibility, as far as the saved page answers
 * their selectors. A rule that hides wins only when it outweighs every
 * rule that shows; a rule the page cannot answer (:hover, a sibling, a
 * wide screen's @media) never hides and may show again; rules for print
 * or a phone's width neither hide nor show. */
#include "clean/extract_int.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "unit.h"

static css_hidden sheet;
static htmlDocPtr doc;

/* A capture holding two sheets: site.css, and print.css for print. */
static bool fetch(void *ctx, const char *src, const char *abs, buf_t *bytes, buf_t *type)
{
    (void)abs;
    (*(int *)ctx)++;
    if (!strcmp(src, "files/site.css"))
        buf_puts(bytes, ".print-copy{display:none} .nav a{color:#333}");
    else if (!strcmp(src, "files/print.css"))
        buf_puts(bytes, ".nav{display:none}");
    else if (!strcmp(src, "files/logo.png"))
        buf_puts(bytes, ".logo{display:none}");
    else
        return false;
    buf_puts(type, strstr(src, ".css") ? "text/css" : "image/png");
    return true;
}

static int fetched;

static void load_with(const char *html, resource_fn fn)
{
    if (doc)
        xmlFreeDoc(doc);
    doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                         HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    css_hidden_free(&sheet);
    css_hidden_collect(doc, fn, &fetched, &sheet);
}

static void load(const char *html) { load_with(html, NULL); }

static xmlNodePtr by_id(xmlNodePtr n, const char *id)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        xmlChar *v = xmlGetProp(n, (const xmlChar *)"id");
        bool hit = v && !strcmp((const char *)v, id);
        xmlFree(v);
        if (hit)
            return n;
        xmlNodePtr below = by_id(n->children, id);
        if (below)
            return below;
    }
    return NULL;
}

/* The element of id ID is hidden by the sheets (for good, or folded). */
static bool hidden(const char *id)
{
    xmlNodePtr n = by_id(doc->children, id);
    return n && css_hidden_match(&sheet, n, NULL) != CSS_SHOWN;
}

/* ...folded until the reader opens it. */
static bool folded(const char *id)
{
    xmlNodePtr n = by_id(doc->children, id);
    return n && css_hidden_match(&sheet, n, NULL) == CSS_FOLDED;
}

int main(void)
{
    load("<style>.a{color:red}\n.print-copy { DISPLAY : None; }\ndiv#share,.menu{visibility:hidden}</style>"
         "<div class=\"box print-copy wide\" id=\"p\"></div><div id=\"share\"></div><ul class=\"menu\" id=\"m\"></ul>"
         "<p class=\"a\" id=\"a\"></p><div class=\"print-copy-x\" id=\"x\"></div><div id=\"shares\"></div>");
    OK("a class hidden, among an element's classes", hidden("p"));
    OK("an id after a tag name, and a list", hidden("share") && hidden("m"));
    OK("a shown class, or other names, are not", !hidden("a") && !hidden("x") && !hidden("shares"));

    load("<style>.tab-content>.tab-pane{display:none}.tab-content>.active{display:block}</style>"
         "<div class=\"tab-content\"><div class=\"tab-pane active\" id=\"now\"></div>"
         "<div class=\"tab-pane\" id=\"old\"></div></div><div class=\"tab-pane\" id=\"out\"></div>");
    OK("tabs: the chosen pane is shown, the others hidden", !hidden("now") && hidden("old"));
    OK("a child combinator holds only under its parent", !hidden("out"));

    load("<style>.pane{display:none} .pane.on{display:block} .v .w{display:none} .q:not(.cur){display:none}</style>"
         "<div class=\"pane on\" id=\"on\"></div><div class=\"pane\" id=\"off\"></div>"
         "<div class=\"v\"><p><span class=\"w\" id=\"deep\"></span></p></div><span class=\"w\" id=\"free\"></span>"
         "<div class=\"q cur\" id=\"cur\"></div><div class=\"q\" id=\"notcur\"></div>");
    OK("the more specific rule wins", !hidden("on") && hidden("off"));
    OK("a descendant combinator at any depth", hidden("deep") && !hidden("free"));
    OK(":not() of a class", !hidden("cur") && hidden("notcur"));

    load("<style>#one{display:none} .k{display:block} .imp{display:none !important} #two{display:block}"
         ".late{display:none} .late{display:block}</style>"
         "<div class=\"k\" id=\"one\"></div><div class=\"imp\" id=\"two\"></div><div class=\"late\" id=\"late\"></div>"
         "<div class=\"pane\" id=\"inl\" style=\"display:block\"></div>");
    OK("an id outweighs a class", hidden("one"));
    OK("!important outweighs an id", hidden("two"));
    OK("the later of equal weight", !hidden("late"));

    load("<style>.pane{display:none}</style><div class=\"pane\" id=\"inl\" style=\"display: block\"></div>");
    OK("the element's own style shows it", !hidden("inl"));

    load("<style>.sub{display:none} .menu:hover .sub{display:block} #x{display:none} "
         "@media (min-width:600px){#x{display:block}} .t{display:none} input:checked+.t{display:block}"
         ".y:hover{display:none} .z::after{display:none} [data-h]{display:none}</style>"
         "<ul class=\"menu\"><li class=\"sub\" id=\"sub\"></li></ul><div id=\"x\"></div><div class=\"t\" id=\"t\"></div>"
         "<div class=\"y\" id=\"y\"></div><div class=\"z\" id=\"z\"></div><div data-h=\"1\" id=\"h\"></div>");
    OK("shown on hover, on a wide screen, by a radio button", !hidden("sub") && !hidden("x") && !hidden("t"));
    OK("what the page cannot answer hides nothing", !hidden("y") && !hidden("z") && !hidden("h"));

    load("<style>.copy{display:none} @media print{.copy{display:block}} #m{display:none} "
         "@media (max-width:768px){#m{display:block}} @media screen{.s{display:none}}</style>"
         "<div class=\"copy\" id=\"copy\"></div><div id=\"m\"></div><div class=\"s\" id=\"s\"></div>");
    OK("shown again only on paper or a phone's screen, hidden under @media screen",
       hidden("copy") && hidden("m") && hidden("s"));

    load("<style>@media (max-width:600px){.side{display:none}} /* .c{display:none} */</style>"
         "<style media=\"print\">.nav{display:none}</style>"
         "<div class=\"side\" id=\"side\"></div><div class=\"c\" id=\"c\"></div><div class=\"nav\" id=\"nav\"></div>");
    OK("hidden on one screen or in print only, or in a comment", !hidden("side") && !hidden("c") && !hidden("nav"));

    load("<style>.paid.locked{display:none}</style><div class=\"story paid locked\" id=\"pl\"></div>"
         "<div class=\"paid\" id=\"paid\"></div>");
    OK("classes together hide what holds them all", hidden("pl") && !hidden("paid"));

    load("<style>.a{display:none</style><style>}{.b{display:none}</style><div class=\"a\" id=\"a\"></div>");
    OK("a broken sheet is read without harm", !hidden("a"));

    load("<style>.collapse:not(.show){display:none} .faq .answer{display:none} .faq .item.open .answer{display:block}"
         "div.js .reveal{visibility:hidden} .print-copy{display:none}</style>"
         "<div class=\"collapse\" id=\"more\"></div><div class=\"faq\"><div class=\"item\">"
         "<div class=\"answer\" id=\"ans\"></div></div></div><div class=\"js\"><p class=\"reveal\" id=\"rev\"></p></div>"
         "<div class=\"print-copy\" id=\"pc\"></div>");
    OK("folded: waiting on a state class, or shown in one", folded("more") && folded("ans"));
    OK("folded: under a class a script sets", folded("rev"));
    OK("a copy for print is hidden for good", hidden("pc") && !folded("pc"));

    load("<style media=\"screen and (max-width:640px)\">.b{display:none}</style>"
         "<style>.part{display:none; &.on{display:block}} [class^=\"icon-\"]{display:inline-block} .tip{display:none}"
         "</style><div class=\"b\" id=\"b\"></div><div class=\"part on\" id=\"part\"></div>"
         "<div class=\"tip\" id=\"tip\"></div>");
    OK("a sheet for a phone's width, a nested rule: not read", !hidden("b") && !hidden("part"));
    OK("a rule of no names shows nothing again", hidden("tip"));

    const char *linked = "<link rel=\"stylesheet\" href=\"files/site.css\">"
                         "<link rel=\"stylesheet\" media=\"print\" href=\"files/print.css\">"
                         "<link rel=\"icon\" href=\"files/logo.png\">"
                         "<div class=\"print-copy\" id=\"pc\"></div><div class=\"nav\" id=\"nav\"></div>"
                         "<div class=\"logo\" id=\"logo\"></div>";
    load_with(linked, fetch);
    OK("a linked sheet the capture holds is read", hidden("pc"));
    OK("a sheet for print, or no sheet at all, is not", !hidden("nav") && !hidden("logo") && fetched == 1);
    load_with(linked, NULL);
    OK("without a capture to ask, the links are left", !hidden("pc"));
    css_hidden_free(&sheet);
    xmlFreeDoc(doc);
    printf("test_extract_css: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

/* Unit tests for the names a page's own style sheet surely hides: a name a
 * top-level rule hides alone counts, and one shown again only for print or
 * a phone's width; one any other selector mentions, or one hidden only under
 * a width's @media or for print, does not. */
#include "clean/extract_int.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "unit.h"

static css_hidden sheet;

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

static void collect_with(const char *html, resource_fn fn)
{
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    css_hidden_free(&sheet);
    css_hidden_collect(doc, fn, &fetched, &sheet);
    xmlFreeDoc(doc);
}

static void collect(const char *html) { collect_with(html, NULL); }

static bool listed(const char *name)
{
    for (size_t i = 0; i < sheet.count; i++)
        if (!strcmp(sheet.names[i], name))
            return true;
    return false;
}

static bool matches(const char *attr, const char *value)
{
    xmlNodePtr n = xmlNewNode(NULL, (const xmlChar *)"div");
    xmlSetProp(n, (const xmlChar *)attr, (const xmlChar *)value);
    bool hit = css_hidden_match(&sheet, n);
    xmlFreeNode(n);
    return hit;
}

int main(void)
{
    collect("<html><head><style>.a{color:red}\n.print-copy { DISPLAY : None; }\n"
            "div#share,.menu{visibility:hidden}</style></head><body></body></html>");
    OK("a class hidden alone", listed(".print-copy"));
    OK("an id after a tag name, and a list", listed("#share") && listed(".menu"));
    OK("a shown class is not", !listed(".a"));
    OK("an element by a class among its classes", matches("class", "box print-copy wide"));
    OK("an element by its id", matches("id", "share"));
    OK("an element of other names", !matches("class", "print-copy-x") && !matches("id", "shares"));

    collect("<style>.tab{display:none} .tab.active{display:block} .sub{display:none} .menu:hover .sub{display:block}"
            "#x{display:none} @media (min-width:600px){#x{display:block}}</style>");
    OK("a name another rule may show again", !listed(".tab") && !listed(".sub") && !listed("#x"));

    collect("<style>.copy{display:none} @media print{.copy{display:block}} #m{display:none} "
            "@media (max-width:768px){#m{display:block}} @media screen{.s{display:none}}</style>");
    OK("shown again only on paper or a phone's screen, hidden under @media screen",
       listed(".copy") && listed("#m") && listed(".s"));

    collect("<style>@media (max-width:600px){.side{display:none}} /* .c{display:none} */</style>"
            "<style media=\"print\">.nav{display:none}</style>");
    OK("hidden on one screen or in print only, or in a comment", sheet.count == 0);

    collect("<style>div .note{display:none} p>.x{display:none} .y:hover{display:none} .z::after{display:none}</style>");
    OK("only a name alone, never a combination", sheet.count == 0);

    collect("<style>.paid.locked{display:none} div.x.y{visibility:hidden}</style>");
    OK("classes together hide what holds them all", matches("class", "story paid locked") &&
       matches("class", "y x") && !matches("class", "paid") && !matches("class", "locked open"));

    collect("<style>.a{display:none</style><style>}{.b{display:none}</style>");
    OK("a broken sheet is read without harm", !listed(".a"));

    const char *linked = "<link rel=\"stylesheet\" href=\"files/site.css\">"
                         "<link rel=\"stylesheet\" media=\"print\" href=\"files/print.css\">"
                         "<link rel=\"icon\" href=\"files/logo.png\">";
    collect_with(linked, fetch);
    OK("a linked sheet the capture holds is read", listed(".print-copy"));
    OK("a sheet for print, or no sheet at all, is not", !listed(".nav") && !listed(".logo") && fetched == 1);
    collect_with(linked, NULL);
    OK("without a capture to ask, the links are left", sheet.count == 0);
    css_hidden_free(&sheet);
    printf("test_extract_css: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

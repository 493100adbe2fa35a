#include "epub/epub_internal.h"

#include <stdio.h>

/* The book's one stylesheet. Chinese body text is set in a Song (serif)
 * face and headings in a Hei (sans) face, justified, with the 2-em first
 * line indent and the open leading Chinese readers expect. The face names
 * are ASCII so that the sheet needs no @charset. */

#define EPUB_SERIF "\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Source Han Serif CN\", " \
                   "\"Songti SC\", STSong, SimSun, serif"
#define EPUB_SANS  "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Source Han Sans CN\", " \
                   "\"PingFang SC\", \"Heiti SC\", STHeiti, \"Microsoft YaHei\", SimHei, sans-serif"

#define EPUB_SERIF_TC "\"Noto Serif CJK TC\", \"Source Han Serif TC\", \"Songti TC\", PMingLiU, MingLiU"
#define EPUB_SANS_TC  "\"Noto Sans CJK TC\", \"Source Han Sans TC\", \"PingFang TC\", \"Heiti TC\", " \
                      "\"Microsoft JhengHei\""

static const char epub_css_rules[] =
    "p { margin: 0; text-indent: 2em; }\n"
    "h1, h2, h3, h4, h5, h6 { font-weight: bold; line-height: 1.4; text-indent: 0;"
    " text-align: left; page-break-after: avoid; break-after: avoid; }\n"
    "h1 { font-size: 1.5em; text-align: center; margin: 1em 0 0.4em; }\n"
    "h2 { font-size: 1.25em; text-align: center; margin: 1.2em 0 0.6em; }\n"
    "h3 { font-size: 1.1em; margin: 1em 0 0.5em; }\n"
    "h4, h5, h6 { font-size: 1em; margin: 0.8em 0 0.4em; }\n"
    "p.byline { text-indent: 0; text-align: center; font-size: 0.85em; color: #555555;"
    " margin: 0 0 1.2em; }\n"
    "p.signature { text-indent: 0; text-align: right; }\n"
    "blockquote { margin: 0.8em 2em; }\n"
    "ul, ol { margin: 0.5em 0; padding-left: 2em; }\n"
    "li, dt, dd, th, td, caption, figcaption { text-indent: 0; }\n"
    "li p, dd p, td p, th p, blockquote p { text-indent: 0; }\n"
    "dt { font-weight: bold; }\n"
    "dd { margin: 0 0 0.4em 2em; }\n"
    "ul.attachments { list-style: none; }\n"
    "table { border-collapse: collapse; margin: 1em auto; font-size: 0.9em; line-height: 1.5; }\n"
    "caption { font-weight: bold; margin-bottom: 0.3em; }\n"
    "th, td { border: 1px solid #777777; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }\n"
    "th { text-align: center; }\n"
    "table.docmeta { width: 100%; font-size: 0.8em; margin: 0 0 1.2em; }\n"
    "table.docmeta td { border-color: #bbbbbb; }\n"
    "figure { margin: 1em 0; text-align: center; }\n"
    "figcaption { font-size: 0.9em; color: #444444; text-align: center; }\n"
    "img { max-width: 100%; height: auto; }\n"
    "pre { white-space: pre-wrap; text-align: left; font-size: 0.9em; }\n"
    "pre, code { font-family: monospace; }\n"
    "hr { border: none; border-top: 1px solid #999999; margin: 1em 20%; }\n"
    /* Chinese emphasis is dots under the characters, not a slant that CJK
     * faces do not have. */
    ":lang(zh) em { font-style: normal; -webkit-text-emphasis: filled dot;"
    " text-emphasis: filled dot; -webkit-text-emphasis-position: under;"
    " text-emphasis-position: under right; }\n"
    "rt { font-size: 0.5em; }\n"
    ".image-link, .image-missing { color: #666666; }\n"
    "body.cover { margin: 0; padding: 0; text-align: center; }\n"
    "section.cover img { max-width: 100%; max-height: 100vh; }\n"
    "section.titlepage { margin-top: 30%; text-align: center; }\n"
    "h1.book-title { font-size: 1.8em; margin-bottom: 1.5em; }\n"
    "p.book-dates, p.book-publisher { text-indent: 0; text-align: center; }\n"
    "nav ol { list-style: none; padding-left: 0; }\n"
    "nav ol ol { padding-left: 2em; font-size: 0.9em; }\n"
    "nav li { margin: 0.2em 0; }\n"
    "nav a { text-decoration: none; }\n";

void epub_css_write(const epub_book *b, buf_t *out)
{
    const char *serif = "", *sans = "";
    for (size_t i = 0; i < b->nfonts; i++) {
        /* fonts[0] is the serif face, fonts[1] the sans, as epub_fonts embeds them. */
        bool is_serif = i == 0;
        buf_printf(out, "@font-face { font-family: \"%s\"; font-style: normal; font-weight: %s;"
                        " src: url(\"%s\"); }\n",
                   is_serif ? "folio-serif" : "folio-sans", is_serif ? "normal" : "bold",
                   b->fonts[i].href);
        if (is_serif)
            serif = "\"folio-serif\", ";
        else
            sans = "\"folio-sans\", ";
    }
    buf_printf(out, "body { font-family: %s" EPUB_SERIF "; line-height: 1.75;"
                    " text-align: justify; margin: 0; }\n", serif);
    buf_printf(out, "h1, h2, h3, h4, h5, h6, nav h1 { font-family: %s" EPUB_SANS "; }\n", sans);
    /* Traditional Chinese in its own faces; the embedded (SC) subsets only
     * as a fallback, since their forms follow the mainland standard. */
    buf_printf(out, "body:lang(zh-TW), body:lang(zh-HK), body:lang(zh-MO), body:lang(zh-Hant)"
                    " { font-family: " EPUB_SERIF_TC "%s, serif; }\n", *serif ? ", \"folio-serif\"" : "");
    buf_printf(out, ":lang(zh-TW) h1, :lang(zh-TW) h2, :lang(zh-TW) h3, :lang(zh-HK) h1, :lang(zh-HK) h2,"
                    " :lang(zh-HK) h3, :lang(zh-Hant) h1, :lang(zh-Hant) h2, :lang(zh-Hant) h3"
                    " { font-family: " EPUB_SANS_TC "%s, sans-serif; }\n", *sans ? ", \"folio-sans\"" : "");
    buf_puts(out, epub_css_rules);
}

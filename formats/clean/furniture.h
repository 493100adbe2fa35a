/* What a site wraps around an article: navigation, breadcrumbs, info lines,
 * counters, share bars, related boxes, pagers, disclaimers and footers.
 * Recognised by class and id names and by the phrases such blocks carry. */
#ifndef FOLIO_FURNITURE_H
#define FOLIO_FURNITURE_H
#include <libxml/tree.h>
#include <stdbool.h>

/* A weight from an element's class and id: positive for names that content
 * containers use (content, article, TRS_Editor, zoom...), negative for
 * furniture (nav, footer, share, related...). */
int furniture_class_weight(xmlNodePtr n);
/* N carries schema.org's articleBody: the site says it is the body. */
bool furniture_declares_body(xmlNodePtr n);
/* The weight of the body markers the standards define on every site alike
 * (itemprop articleBody, <main>, role="main"): 25, else 0. */
int furniture_standard_weight(xmlNodePtr n);

/* The class or id names a Chinese government CMS gives its article body. */
bool furniture_is_cms_body(xmlNodePtr n);

/* Names so clearly furniture (nav, footer, sidebar, comment...) that the
 * element is not looked at as content at all, unless it also looks like a
 * content container. */
bool furniture_unlikely(xmlNodePtr n);

/* All three judgements of an element's class and id at once, for the
 * scorer, which makes them for every element of the page. */
typedef struct {
    int weight;      /* furniture_class_weight */
    bool cms_body;   /* furniture_is_cms_body */
    bool unlikely;   /* furniture_unlikely */
} furniture_names;
void furniture_classify(xmlNodePtr n, furniture_names *out);

/* Every link in N leads to a document (.pdf, .doc, .xls ...), and there is
 * one at least: the bulletin's attachments, however the page boxes them,
 * not a list of links away. */
bool furniture_links_all_documents(xmlNodePtr n);
/* The link A leads to a document: its address names one (media_type.h),
 * or its words are a document's file name ("清单.xls") where the address
 * is a download script's. */
bool furniture_link_is_document(xmlNodePtr a);
/* N is such a link or holds one. */
bool furniture_holds_document_link(xmlNodePtr n);

/* TEXT (whitespace-collapsed) is a furniture line: a breadcrumb, counter,
 * print/close bar, pager, share bar, disclaimer or copyright line. Returns
 * the name of the rule that matched, or NULL. */
const char *furniture_text_rule(const char *text);
/* The rule furniture_text_rule names a label with nothing after it by. */
extern const char furniture_empty_label[];
/* The rule it names the label over related stories by (相关新闻, 延伸阅读). */
extern const char furniture_related_box[];
/* The rule it names a line of a telephone number by (联系电话, 举报电话). */
extern const char furniture_contact_line[];
/* The rule it names a gallery's count of its slides by ("1 / 8"). */
extern const char furniture_gallery_count[];
/* The rule it names the desk's initials in brackets by ("(dir/iqk)"). */
extern const char furniture_desk_initials[];
/* The rule it names a line of attachments' sizes and downloads by. */
extern const char furniture_attachment_stats[];
/* TEXT is what a CMS prints beside an attachment's link: its count of
 * downloads ("下载次数：13") or its size in brackets ("（41KB）"). */
bool furniture_attachment_stat(const char *text);
/* The rule it names an ad's label by ("广告", "Advertisement"). */
extern const char furniture_ad_label[];
extern const char furniture_loading_line[];
/* Only the rules for what a furniture line starts with: for inline
 * elements that begin a line of their own. */
const char *furniture_line_start_rule(const char *text);

#endif

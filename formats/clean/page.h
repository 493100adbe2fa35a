/* A captured page as folio reads it: bytes in, a libxml2 HTML tree out. */
#ifndef FOLIO_PAGE_H
#define FOLIO_PAGE_H
#include "util/buf.h"
#include "util/resource.h"
#include <libxml/HTMLparser.h>
#include <stdbool.h>

/* Parse UTF-8 HTML with libxml2's forgiving parser: no network, no entity
 * expansion beyond HTML's own, the page's own charset hint ignored (the
 * bytes were decoded already). Elements nested past 200 are flattened into
 * the one above, attributes past 256 on one element are dropped, and
 * nothing is cut short. Never NULL for non-empty input. */
htmlDocPtr page_parse_utf8(const char *data, size_t len);

/* Cut every text node of DOC longer than MAX bytes to MAX (at a character
 * boundary). Returns how many were cut, and the line of the first in
 * *FIRST_LINE. */
size_t page_cut_long_text(htmlDocPtr doc, size_t max, long *first_line);

/* Text of NODE with whitespace runs (including U+3000 and NBSP) collapsed to
 * one space and trimmed, into OUT. */
void page_text(xmlNodePtr node, buf_t *out);
/* The same, for a title or a heading: a line break in it reads as the
 * ideographic space between CJK text and a space elsewhere. */
void page_text_heading(xmlNodePtr node, buf_t *out);

/* The <body> among ROOT's children, or NULL. */
xmlNodePtr page_body(xmlNodePtr root);
/* A script's variable named for the day the page went up (publish_time,
 * pubtime…) set to a quoted date, in the N bytes at S: the value's start
 * and its length in *LEN, or NULL. */
const char *page_script_date(const char *s, size_t n, size_t *len);
/* Whether N is a script of JSON-LD: the page's metadata, not its code. */
bool page_is_json_ld(xmlNodePtr n);
/* JSON-LD, or a script that sets the page's date (page_script_date): kept
 * through the prune for the metadata, dropped before scoring. */
bool page_is_metadata_script(xmlNodePtr n);

/* page_entities.c: the HTML5 character references the parser does not
 * know or reads otherwise than HTML5 (&#146; is windows-1252's quote),
 * set in place in UTF-8 in the N bytes at S; the new length. */
size_t page_html5_entities(char *s, size_t n);

/* Set the document of each frame (<iframe>, <frame>) that FETCH finds in
 * the frame's place, as a <div> of its body, its relative addresses made
 * relative to the page; a <frameset> becomes a <div>. One level deep, at
 * most 16 frames and 64 MB of them. Returns how many were set in. */
int page_inline_frames(htmlDocPtr doc, resource_fn fetch, void *ctx);

/* DATA (UTF-8 markup of LEN bytes: a frame's document, a text area's
 * article) parsed as a page is, its text runs cut as a page's are. */
htmlDocPtr page_parse_markup(const char *html, size_t len);
/* OLD replaced, and freed, by a <div> holding a copy of the body of FROM;
 * the <div>, or NULL (OLD kept) when FROM has no body. */
xmlNodePtr page_body_in_place(xmlNodePtr old, htmlDocPtr from);

/* page_paywall.c: the whole text of an article the page's JSON-LD says
 * is not free to read ("isAccessibleForFree": false), from its
 * "articleBody", appended to OUT; nothing when the page says no such thing. */
void page_paywalled_text(htmlDocPtr doc, buf_t *out);

/* page_script_copy.c: each copy of an article that a script would set
 * into the page (markup of paragraphs in a <textarea> or a hidden <input>
 * outside a form, or opening a string of a script's data) holding more
 * text than the page shows, set in its place as a <div> of that markup.
 * Returns how many were. */
int page_inline_script_copies(htmlDocPtr doc);
/* When N holds such a copy, however it is styled: the characters of the
 * text the markup shows, and its commas and stops in *PUNCT. 0 otherwise. */
int page_script_copy_text(xmlNodePtr n, int *punct);

/* The links of DOC whose words say "next page" (下一页, "Next »") or
 * number a page (【2】, "3", 第2页), before the pager is pruned with the
 * page's other furniture; at most 8 of each kind. */
typedef struct {
    char *href[16];
    int n, numbered;
} page_next_links;
void page_next_collect(htmlDocPtr doc, page_next_links *out);
void page_next_free(page_next_links *l);
/* The first of L that leads to the page after SELF (an address, or only a
 * file's name): SELF with a page number added or raised. Absolute, to
 * free; NULL when none does. */
char *page_next_pick(const page_next_links *l, const char *self);

/* Whether S (decoded, with UNDECODABLE sequences replaced) reads as text:
 * something printed, hardly any control characters, hardly anything that
 * failed to decode. */
bool page_text_is_prose(const char *s, size_t len, long undecodable);
/* Plain text S as a page: paragraphs split at blank lines (the lines within
 * one joined), or at every line when there is no blank line; a short first
 * line standing alone is the title. Appended to HTML. */
void page_text_to_html(const char *s, size_t len, buf_t *html);

#endif

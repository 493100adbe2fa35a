/* What the Markdown writer's modules (md_*.c) share with each other and with
 * tests/unit/test_md.c. Not part of the library's interface. */
#ifndef FOLIO_MD_INTERNAL_H
#define FOLIO_MD_INTERNAL_H
#include "md/md.h"
#include "util/utf8.h"
#include "util/xml_node.h"
#include <stdbool.h>
#include <stdint.h>

/* md_unicode.c: characters as CommonMark sees them. Code point 0 stands
 * for the start or end of a line. */
bool md_is_space(uint32_t c);
/* CommonMark 0.29 (what cmark-gfm implements) counts only Unicode P as
 * punctuation; 0.31 adds S. SYMBOLS picks the later reading. */
bool md_is_punct(uint32_t c, bool symbols);

/* md_flank.c: can a run of DELIM ('*', '_' or '~') between BEFORE and AFTER
 * open or close emphasis? The md_can_* forms hold only if they hold under
 * both spec readings (safe to write as Markdown); md_may_delimit holds if
 * either reading could see a delimiter (a literal must then be escaped). */
bool md_can_open(uint32_t before, uint32_t after, char delim);
bool md_can_close(uint32_t before, uint32_t after, char delim);
bool md_may_delimit(uint32_t before, uint32_t after, char delim);

/* Inline text is first written in a marked form: MD_MARK + kind stands for
 * an emphasis delimiter whose spelling (Markdown or HTML) is decided once
 * its neighbours are known, MD_LIT + char for a literal '*', '_' or '~'
 * that may need a backslash. XML forbids both bytes in text. */
#define MD_MARK '\x01'
#define MD_LIT  '\x02'
enum { MD_STRONG, MD_EM, MD_STRIKE, MD_EMPH_KINDS };
extern const char md_mark_open[MD_EMPH_KINDS];   /* 'S', 'E', 'X' */
extern const char md_mark_close[MD_EMPH_KINDS];  /* 's', 'e', 'x' */

typedef enum {
    MD_IN_PARA,      /* a paragraph: <br> is a backslash line break */
    MD_IN_HEADING,   /* one line; <br> is inline HTML */
    MD_IN_CELL       /* one line inside a pipe table: '|' is escaped too */
} md_inline_kind;

/* md_resolve.c: marked text -> final Markdown, appended to OUT. */
void md_resolve(const char *marked, size_t len, md_inline_kind kind, buf_t *out);

/* md_escape.c: the escapes that depend on the characters around one. */
void md_escape_char(const char *s, size_t n, size_t i, size_t k, bool in_link, buf_t *out);
void md_escape_plain(const char *s, buf_t *out);     /* image alt text */
void md_link_destination(const char *url, buf_t *out);
/* Backslash-escape what would start a block at the start of LINE. */
void md_escape_line_start(const char *line, size_t len, buf_t *out);

/* md_inline.c: the inline nodes FIRST up to (not including) STOP, all
 * children of LIMIT's subtree, as final Markdown appended to OUT. */
void md_inline(const md_options *opt, xmlNodePtr first, xmlNodePtr stop,
               xmlNodePtr limit, md_inline_kind kind, buf_t *out);
/* Plain TEXT (a title) as final Markdown. */
void md_inline_text(const char *text, md_inline_kind kind, buf_t *out);

/* md_node.c: the tree as the writer sees it. */
bool md_is_block(xmlNodePtr n);
bool md_is_blank(xmlNodePtr n);           /* whitespace text, comment, PI */
bool md_has_block_descendant(xmlNodePtr n);
/* The first character of text after N in document order inside LIMIT, or
 * 0 when a line break, an image or a block comes first. */
uint32_t md_next_char(xmlNodePtr n, xmlNodePtr limit);
/* Is a whitespace run between PREV and NEXT dropped? CSS drops a segment
 * break between two wide characters; every other run is one space. */
bool md_space_dropped(uint32_t prev, uint32_t next, bool has_newline);
/* The text content of N; <br> as a newline. */
void md_text_content(xmlNodePtr n, buf_t *out);
/* An attribute as a string (caller frees with xmlFree), or NULL. */
char *md_attr(xmlNodePtr n, const char *name);

/* md_write.c, md_list.c: blocks. */
typedef struct {
    char last_list;        /* 'u' or 'o' when the previous block was a list */
    char last_marker;      /* the marker character it used */
} md_flow;
void md_blocks(const md_options *opt, xmlNodePtr first, xmlNodePtr stop,
               xmlNodePtr limit, bool tight, md_flow *flow, buf_t *out);
void md_write_list(const md_options *opt, xmlNodePtr list, char marker, buf_t *out);
/* Prefix the lines of TEXT: FIRST on the first, REST on the others, BLANK
 * on empty ones. */
void md_prefix_lines(const char *first, const char *rest, const char *blank,
                     const char *text, size_t len, buf_t *out);

/* md_table.c, md_html.c */
bool md_table_is_simple(xmlNodePtr table);
void md_write_table(const md_options *opt, xmlNodePtr table, buf_t *out);
void md_write_html_block(const md_options *opt, xmlNodePtr n, buf_t *out);

/* md_front.c */
/* DOCMETA (may be NULL) is the open-government record table, written as a
 * "docmeta" mapping of label to value instead of into the body. */
void md_front_matter(const article_meta *m, xmlNodePtr docmeta, buf_t *out);
void md_yaml_quote(const char *s, buf_t *out);

/* md_assets.c: the src to write for an image. */
void md_image_src(const md_options *opt, const char *src, buf_t *out);

#endif

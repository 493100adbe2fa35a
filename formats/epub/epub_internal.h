/* What the epub_*.c modules share: the book being built and the helpers
 * every part of it writes with. Not part of the library's interface. */
#ifndef FOLIO_EPUB_INTERNAL_H
#define FOLIO_EPUB_INTERNAL_H
#include "article/article.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "epub/epub.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Everything lives in one folder under EPUB/, so that every href between
 * documents is a bare file name or images/…, fonts/…. */
#define EPUB_DIR "EPUB/"

/* --- the characters a font subset must hold ------------------------------ */
typedef struct {
    unsigned char *bits;   /* one bit per code point, U+0000..U+10FFFF */
} epub_codepoints;

void epub_codepoints_init(epub_codepoints *s);
void epub_codepoints_free(epub_codepoints *s);
void epub_codepoints_add(epub_codepoints *s, uint32_t cp);
/* Add every character of the UTF-8 string S (malformed bytes are skipped). */
void epub_codepoints_add_utf8(epub_codepoints *s, const char *str, size_t len);
bool epub_codepoints_has(const epub_codepoints *s, uint32_t cp);
size_t epub_codepoints_count(const epub_codepoints *s);

/* --- the parts of the book ------------------------------------------------ */
typedef struct {
    char *label;     /* the h2's text */
    char *anchor;    /* its id inside the chapter */
} epub_section;

typedef struct {
    char *file;              /* "article-001.xhtml": numbered, so equal titles never clash */
    char *label;             /* the TOC entry: the h1's text, else the <title> */
    article_meta meta;
    buf_t xhtml;             /* the content document */
    epub_section *sections;  /* the h2s, nested below the chapter in the TOC */
    size_t nsections;
} epub_chapter;

typedef struct {
    char *href;              /* "images/img-001.png", relative to EPUB/ */
    char *id;                /* its manifest id */
    const char *media_type;
    const char *properties;  /* "cover-image" or NULL */
    buf_t bytes;
    bool compress;           /* PNG, JPEG and GIF are compressed already */
} epub_item;

typedef struct {
    const char *toc, *cover, *titlepage, *landmarks, *start;
} epub_words;

struct epub_book {
    epub_options opt;        /* its strings owned */
    epub_chapter *chapters;
    size_t nchapters;
    epub_item *images;       /* from the articles, each distinct picture once */
    size_t nimages;
    epub_item cover_image;   /* --cover, or the generated SVG; href NULL until set */
    epub_codepoints text;    /* every character the reader will see */
    epub_codepoints headings; /* those set in the sans face */

    /* Settled by epub_book_write before anything is written: */
    bool is_book;            /* several articles, or a --title: a title page */
    char *title, *lang, *identifier, *date, *creator, *publisher, *source;
    char modified[21];       /* CCYY-MM-DDThh:mm:ssZ */
    const epub_words *words;
    epub_item fonts[2];      /* serif, sans when embedded */
    size_t nfonts;
};

/* --- XML text ------------------------------------------------------------- */
void epub_xml_text(buf_t *out, const char *s);
void epub_xml_attr(buf_t *out, const char *s);
/* The head of a generated XHTML document, up to and including <body>. */
void epub_xhtml_open(buf_t *out, const char *lang, const char *title, const char *body_class);
void epub_xhtml_close(buf_t *out);

/* --- the modules -------------------------------------------------------- */
/* The article's body (in the article subset: article_parse saw to that)
 * as a content document. */
void epub_chapter_write(epub_book *b, epub_chapter *ch, const article *a,
                        const char *name, const char *dir);
void epub_chapter_free(epub_chapter *ch);
/* The value to write for ATTR of ELEMENT, or NULL to drop it. */
char *epub_subset_attr(xmlNodePtr element, xmlAttrPtr attr);
/* The text of a heading for a TOC: whitespace made single spaces, a <br/>
 * between two CJK characters dropped and elsewhere made a space. */
char *epub_heading_text(xmlNodePtr heading);
/* An h2's TOC label; one that only numbers its section ("01") takes the
 * words of the h3 right under it too. */
char *epub_section_label(xmlNodePtr h2);

/* The image SRC of an <img> in the article NAME read from folder DIR (NULL
 * for standard input) as an item of the book: its href, or NULL with a
 * warning when its bytes are not at hand or not an EPUB image. */
const char *epub_media_image(epub_book *b, const char *src, const char *name, const char *dir);
/* The EPUB core media type of an image, from its bytes; NULL for others. */
const char *epub_media_type(const char *bytes, size_t len);
/* An SVG's DOCTYPE (one with no declarations, as epub_media_type lets
 * through) taken out of its bytes in B: a reader has no business with it. */
void epub_svg_drop_doctype(buf_t *b);
/* "png", "jpg", "gif" or "svg" for one of those types. */
const char *epub_media_ext(const char *type);
void epub_item_free(epub_item *it);

/* The N bytes at S with each %XX decoded; false at a stray %. */
bool epub_percent_decode(const char *s, size_t n, buf_t *out);

/* An href kept in a content document: an absolute URL with its spaces and
 * non-ASCII bytes percent-encoded, or NULL for one that would point inside
 * the book at nothing (relative, fragment, javascript:). */
char *epub_link_href(const char *href);

void epub_css_write(const epub_book *b, buf_t *out);
void epub_cover_write(epub_book *b, buf_t *xhtml);
/* The generated cover: the title on a plain page, as SVG. */
void epub_cover_svg(const char *title, const char *subtitle, buf_t *out);
/* Split TEXT into lines of at most WIDTH ems (an ideograph is one em, Latin
 * half of one), never inside a Latin word nor before closing punctuation.
 * Returns the number of lines; each is a NUL-terminated copy in LINES. */
size_t epub_cover_lines(const char *text, double width, char ***lines);
void epub_titlepage_write(epub_book *b, buf_t *out);
/* The span of the articles' dates: "2019-11-13 — 2023-10-25", one date, or "". */
void epub_titlepage_dates(const epub_book *b, buf_t *out);
void epub_nav_write(epub_book *b, buf_t *out);
void epub_ncx_write(const epub_book *b, buf_t *out);
void epub_package_write(const epub_book *b, buf_t *out);

/* Subset the serif face to B->text and the sans face to B->headings into
 * B->fonts. -1 after reporting when a face cannot be found or subset. */
int epub_fonts_embed(epub_book *b);

/* The files in order, zipped with mimetype first and stored. */
typedef struct {
    const char *name;
    const char *data;
    size_t len;
    bool compress;
} epub_zip_entry;
/* Returns 0, or -1 after reporting to R. */
int epub_zip_write(const epub_zip_entry *entries, size_t n, const char *modified, buf_t *out,
                   const reporter *r);

/* --- identifiers and dates -------------------------------------------------- */
typedef struct {
    uint32_t h[5];
    uint64_t len;
    unsigned char block[64];
    size_t used;
} epub_sha1;
void epub_sha1_init(epub_sha1 *c);
void epub_sha1_add(epub_sha1 *c, const void *data, size_t len);
void epub_sha1_done(epub_sha1 *c, unsigned char digest[20]);
/* "urn:uuid:…": a name-based (version 5) UUID of the book's content. */
char *epub_content_uuid(const epub_book *b);

/* The W3CDTF date (CCYY, CCYY-MM or CCYY-MM-DD) at the start of DATE into
 * OUT; false when DATE does not start with one. */
bool epub_date_w3c(const char *date, char out[11]);
/* DATE (CCYY[-MM[-DD]][Thh:mm[:ss]]) as CCYY-MM-DDThh:mm:ssZ. */
bool epub_date_modified(const char *date, char out[21]);
void epub_date_from_epoch(long long epoch, char out[21]);
/* The zip entries' MS-DOS time and date for a CCYY-MM-DDThh:mm:ssZ. */
void epub_date_dos(const char *modified, uint16_t *dos_time, uint16_t *dos_date);

#endif

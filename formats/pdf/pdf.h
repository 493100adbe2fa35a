/* folio-pdf's writer: one or many clean articles typeset as one PDF with
 * pango and cairo. The tool fills pdf_options, adds articles in reading
 * order and asks for the bytes. */
#ifndef FOLIO_PDF_H
#define FOLIO_PDF_H
#include "article/article.h"
#include "util/buf.h"
#include "util/report.h"
#include <stdbool.h>
#include <time.h>

/* Font roles. PDF_ROLES are those libfolio's interface names; the title
 * role (the GB/T 9704 小标宋 title) comes after them. */
enum { PDF_ROLE_SERIF, PDF_ROLE_SANS, PDF_ROLE_KAI, PDF_ROLE_FANGSONG, PDF_ROLE_MONO, PDF_ROLES,
       PDF_ROLE_TITLE = PDF_ROLES, PDF_ALL_ROLES };

typedef struct {
    const char *style;        /* "book" (default) or "gbt9704" */
    const char *paper;        /* NULL, "a4", "a5", "b5", "16k" or "WxHmm" */
    const char *margins;      /* NULL or "T,R,B,Lmm" (one figure for all four) */
    const char *title, *subtitle, *publisher, *date;
    bool toc;                 /* a contents page with page numbers */
    bool recto;               /* each article starts on an odd page */
    bool no_cjk_latin_space;  /* drop the 1/4 em between Han and Latin text */
    bool no_source_line;      /* no 来源 · date line under the titles (book style) */
    const char *fonts[PDF_ALL_ROLES];   /* --font ROLE=FAMILY overrides, or NULL */
    const char *fonts_conf;   /* folio-fonts.conf to load, or NULL to search */
    const reporter *report;   /* errors and warnings (a character no font has) go here */
    bool has_epoch;           /* SOURCE_DATE_EPOCH was given (util/epoch.h): */
    time_t epoch;             /*   the book's date, whatever the articles say */
} pdf_options;

typedef struct pdf_book pdf_book;

/* NULL after reporting why (bad --style, --paper, --margins). */
pdf_book *pdf_book_new(const pdf_options *opt);
/* The book takes A over; NAME is used in messages. */
void pdf_book_add(pdf_book *b, article *a, const char *name);
/* Typeset every article added and not left out. An article that puts
 * cairo into an error state is reported, left out, and the book set again
 * without it. Returns 0, or -1 after reporting why. */
int  pdf_book_write(pdf_book *b, buf_t *out);
/* The articles added, their names, and leaving one out of the book (a
 * caller that finds an article the PDF library cannot survive). */
size_t pdf_book_count(const pdf_book *b);
const char *pdf_book_name(const pdf_book *b, size_t i);
void pdf_book_leave_out(pdf_book *b, size_t i, bool out);
bool pdf_book_left_out(const pdf_book *b, size_t i);
void pdf_book_free(pdf_book *b);

/* Release the caches of cairo, pango and fontconfig at exit, so that a
 * leak checker sees only real leaks. */
void pdf_shutdown(void);

/* "serif" -> PDF_ROLE_SERIF, or -1. */
int  pdf_role_by_name(const char *name);

#endif

/* What the zhpunct_*.c files share: a run of decoded characters and the
 * steps that decide it. Not part of the library's interface. */
#ifndef FOLIO_ZHPUNCT_INT_H
#define FOLIO_ZHPUNCT_INT_H
#include "zhpunct/zhpunct.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The decision is made on a run: the decoded text of one block, across the
 * inline elements in it. Each character remembers the bytes it came from,
 * so that everything not converted is copied back byte for byte. */

enum { ZF_FROZEN = 1, ZF_CHANGED = 2, ZF_DROPPED = 4 };

/* Context classes on either side of a mark. */
enum { ZC_NONE = 0, ZC_ATTACHED = 1, ZC_CJK = 2, ZC_EDGE = 3 };

typedef struct {
    uint32_t cp;
    uint32_t out;          /* written instead of cp when ZF_CHANGED */
    size_t   off;          /* where its bytes start in its source */
    unsigned char len;
    unsigned char flags;
} zp_char;

typedef struct {
    const char *text;
    xmlNodePtr  node;      /* the text node it came from, or NULL */
    size_t      first;     /* its first character in the run */
} zp_src;

typedef struct {
    zp_char *c;
    size_t   n, cap;
    zp_src  *src;
    size_t   nsrc, srccap;
} zp_run;

/* zhpunct_run.c: gathering a run and writing it back. */

/* Append TEXT, from the text node NODE (or NULL), to R. FROZEN text is
 * context only: nothing in it is converted. */
void zp_add(zp_run *r, const char *text, xmlNodePtr node, bool frozen);
/* The converted bytes of source S, or NULL when nothing in it changed. */
char *zp_rebuild(const zp_run *r, size_t s);
/* Empty R for the next run, keeping its memory. */
void zp_reset(zp_run *r);
void zp_release(zp_run *r);

/* zhpunct_context.c: the classes of characters, and what stands on
 * either side of a mark. */

bool zp_is_han(uint32_t cp);
bool zp_is_cjk(uint32_t cp);
bool zp_is_space(uint32_t cp);
/* Whether CP is one of the ASCII characters of SET. */
bool zp_in(uint32_t cp, const char *set);
/* The ASCII marks that may be made full-width: , : ; ! ? ( ) */
bool zp_is_mark(uint32_t cp);
/* The character at I as the rules see it: a converted mark as its new
 * form. */
uint32_t zp_at(const zp_run *r, size_t i);
/* Whether the character at I is still there (not a dropped space). */
bool zp_live(const zp_run *r, size_t i);
/* The class (ZC_*) of what stands before I; NUMERIC, when not NULL, says
 * whether an attached token is a number. */
int zp_left(const zp_run *r, size_t i, bool *numeric);
/* The class (ZC_*) of what stands after I, past spaces. */
int zp_right(const zp_run *r, size_t i);

/* zhpunct_protect.c: freeze what is never touched, URLs and addresses. */
void zp_protect(zp_run *r);

/* zhpunct_rules.c: convert the marks of R that stand in Chinese, adding
 * to COUNTS when not NULL. */
void zp_decide(zp_run *r, zhpunct_counts *counts);

#endif

/* A growable byte buffer: every writer in folio appends into one. */
#ifndef FOLIO_BUF_H
#define FOLIO_BUF_H
#include <stddef.h>

typedef struct {
    char  *data;   /* always NUL-terminated once anything is added */
    size_t len;
    size_t cap;
} buf_t;

void buf_init(buf_t *b);
void buf_free(buf_t *b);
void buf_reset(buf_t *b);
void buf_add(buf_t *b, const void *p, size_t n);
void buf_puts(buf_t *b, const char *s);
/* One byte: writers append a byte at a time in their inner loops, so
 * the room that is there already is used without a call. */
static inline void buf_putc(buf_t *b, char c)
{
    if (b->len + 2 <= b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        buf_add(b, &c, 1);
    }
}
/* The N bytes at S appended with each run of blanks (space, tab, line
 * breaks, NBSP) made one space; none at the start of B, none after a
 * space B ends with. */
void buf_put_collapsed(buf_t *b, const char *s, size_t n);
void buf_printf(buf_t *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand the bytes over to the caller and leave the buffer empty. */
char *buf_detach(buf_t *b);

#endif

/* Memory allocation with one policy for the whole of folio: a request the
 * system cannot meet prints "folio: out of memory" and ends the program
 * with status 1. It is the one place the library may exit: no caller could
 * do better than stop, and checking every small allocation would bury the
 * code that matters. An allocation that may fail for a reason of its own
 * (a size an input declares) checks that reason first, then comes here. */
#ifndef FOLIO_ALLOC_H
#define FOLIO_ALLOC_H
#include <stddef.h>

/* As malloc, calloc and realloc, but never NULL. A size of 0 still gives a
 * unique pointer that free accepts. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t size);
/* realloc for COUNT elements of SIZE bytes, the product checked for
 * overflow. */
void *xreallocarray(void *p, size_t count, size_t size);
char *xstrdup(const char *s);
/* At most N bytes of S, NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* A copy of the N bytes at P. */
void *xmemdup(const void *p, size_t n);

/* The capacity to grow to when NEEDED elements do not fit in CAP: half as
 * much again (at least 16, at least NEEDED). Ends the program when that
 * cannot be counted in a size_t. */
size_t alloc_grow_cap(size_t needed, size_t cap);

/* Make ARRAY (a pointer to its first element, or NULL) hold at least
 * NEEDED elements. CAP is a size_t holding the number allocated; both are
 * updated in place. Growth is geometric, so filling an array one element
 * at a time costs linear time. */
#define ALLOC_GROW(array, needed, cap)                                      \
    do {                                                                    \
        if ((size_t)(needed) > (cap)) {                                     \
            (cap) = alloc_grow_cap((size_t)(needed), (cap));                \
            (array) = xreallocarray((array), (cap), sizeof *(array));       \
        }                                                                   \
    } while (0)

#endif

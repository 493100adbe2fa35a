/* Traditional Chinese characters folded to simplified ones, for matching
 * words; the folded copy has the original's byte offsets. */
#ifndef FOLIO_ZH_FOLD_H
#define FOLIO_ZH_FOLD_H
#include <stddef.h>

/* The N bytes of S, folded, into OUT (N + 1 bytes, NUL-terminated). */
void zh_fold(const char *s, size_t n, char *out);
/* S folded into BUF of SIZE bytes, or S itself when it does not fit. */
const char *zh_fold_small(const char *s, char *buf, size_t size);

#endif

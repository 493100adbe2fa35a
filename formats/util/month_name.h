/* The names of the months in the languages of the pages folio reads
 * (English, German, French, Spanish, Portuguese, Italian, Dutch, the
 * Scandinavian languages, Polish, Russian, Greek), for the dates a page
 * writes out in words. */
#ifndef FOLIO_MONTH_NAME_H
#define FOLIO_MONTH_NAME_H
#include <stdbool.h>
#include <stddef.h>

/* The bytes of the word at P (N bytes at most): ASCII letters and the
 * two-byte letters of the Latin, Greek and Cyrillic scripts. */
size_t month_word_len(const char *p, size_t n);

/* The month, 1 to 12, that the word W of N bytes names, or 0: a whole
 * name in any of the languages, or three letters or more that open one
 * ("Sept", "déc", "okt"), *ABBREV then set. ASCII case is ignored. */
int month_name_number(const char *w, size_t n, bool *abbrev);

#endif

/* A JSON string literal read without a JSON parser: the metadata of a
 * page's JSON-LD and the article a script's data holds are strings in
 * data folio otherwise skips. */
#ifndef FOLIO_JSON_STRING_H
#define FOLIO_JSON_STRING_H
#include "util/buf.h"
#include <stddef.h>

/* The offset of the quote that closes the string whose text begins at S
 * (just past its opening quote), within N bytes; N when it is not closed.
 * A backslash escapes the byte after it. */
size_t json_string_end(const char *s, size_t n);

/* The N bytes at S, a string's text between its quotes, with its escapes
 * undone, appended to OUT as UTF-8: \uXXXX (a surrogate pair as one
 * character, a lone surrogate as U+FFFD), \n, \t and the rest as their
 * characters, and an escaped character as itself. */
void json_string_decode(buf_t *out, const char *s, size_t n);

#endif

/* libfolio's interface: what every stage shares. Errors are told through a
 * folio_error the caller passes in; bytes are handed over in a folio_bytes
 * the caller frees. Every name the library exports starts with folio_. */
#ifndef FOLIO_PUBLIC_COMMON_H
#define FOLIO_PUBLIC_COMMON_H
#include <stddef.h>

#if defined(__GNUC__) && __GNUC__ >= 4
#define FOLIO_API __attribute__((visibility("default")))
#else
#define FOLIO_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Why a call failed. The codes are those the folio tools exit with. */
enum folio_status {
    FOLIO_OK = 0,
    FOLIO_ERR_INPUT = 1,        /* an input could not be read or converted */
    FOLIO_ERR_USAGE = 2,        /* an option given to the call is wrong */
    FOLIO_ERR_NOT_ARTICLE = 3   /* a list or index page: links, no article */
};

/* Start it zeroed (folio_error err = { 0 };) and pass it to any number of
 * calls, or pass NULL. A call that fails sets CODE and MESSAGE, freeing the
 * message it held; one that succeeds leaves it alone. */
typedef struct {
    int code;        /* an enum folio_status */
    char *message;   /* the cause in words, e.g. "not HTML (starts like a PDF)" */
} folio_error;

/* Free E's message and zero it. */
FOLIO_API void folio_error_clear(folio_error *e);

/* Bytes the library hands over: DATA is NUL-terminated (LEN does not count
 * the NUL) and the caller's, to release with folio_bytes_free. */
typedef struct {
    char *data;
    size_t len;
} folio_bytes;

FOLIO_API void folio_bytes_free(folio_bytes *b);

/* "0.1.0": the version of the library the program runs with. */
FOLIO_API const char *folio_version(void);

/* Release the caches cairo, pango and fontconfig keep once the PDF writer
 * has used them, so that a leak checker sees only real leaks. Call it last,
 * and only when the program is done with those libraries too. */
FOLIO_API void folio_shutdown(void);

#ifdef __cplusplus
}
#endif
#endif

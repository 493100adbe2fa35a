/* How the library tells its caller what went wrong, without printing.
 * The library never writes to standard error nor ends the program (out of
 * memory aside): what a user should hear goes to a reporter the caller
 * passes in, and the caller decides how to say it and what exit status it
 * means. The folio tools print "PROG: FILE: message" for an error and
 * "PROG: warning: FILE: message" for a warning; a batch worker keeps the
 * last error as its page's failure.
 *
 * The rule: a function that fails returns -1 (or NULL) after reporting
 * one error that says why. A warning is something the user should know of
 * while the work goes on (an image left out, a character no font has, a
 * rule line skipped). Functions whose one failure is about the input the
 * caller names (io_read_file, article_parse, clean_page, capture_open) fill
 * a buf_t *why instead, and the caller names the input. */
#ifndef FOLIO_REPORT_H
#define FOLIO_REPORT_H

typedef enum { REPORT_ERROR, REPORT_WARNING } report_kind;

typedef struct {
    /* FILE is what the message is about: an input, an output, a rule
     * file's "PATH:LINE"; NULL for none. */
    void (*say)(void *ctx, report_kind kind, const char *file, const char *message);
    void *ctx;
} reporter;

/* Tell R (which may be NULL: nothing is said) of an error or a warning. */
void report_error(const reporter *r, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void report_warning(const reporter *r, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif

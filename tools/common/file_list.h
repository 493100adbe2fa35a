/* --files-from FILE and -0: the inputs of a tool listed in a file (or on
 * standard input) rather than on the command line, so that a list made by
 * one program (folio-meta --sort date --paths) reaches another whole, with
 * no shell word splitting in between: a name with spaces stays one name. */
#ifndef FOLIO_FILE_LIST_H
#define FOLIO_FILE_LIST_H
#include "common/cli.h"
#include "util/buf.h"
#include <stdbool.h>

typedef struct {
    const char *from;   /* --files-from FILE ("-": standard input), or NULL */
    bool nul;           /* -0: names end with NUL, not with a line end */
    buf_t data;         /* the list's bytes, each name NUL-terminated in place */
} file_list;

/* The options of a tool that reads a list: its table entries, and what
 * the tool does with those ids (FILE_LIST_FROM, FILE_LIST_NUL; the tool's
 * own ids stay below them). */
enum { FILE_LIST_FROM = 900, FILE_LIST_NUL };
#define FILE_LIST_OPTIONS \
    { "files-from", 0, true, FILE_LIST_FROM }, { "null", '0', false, FILE_LIST_NUL }
/* Take option ID with VALUE into L; false when ID is none of the list's. */
bool file_list_option(file_list *l, int id, const char *value);

/* After cli_parse and before cli_finish: the names of L->from appended to
 * A's inputs (A->inputs grown; the names point into L->data). One name a
 * line, or, with -0, a NUL after each; empty names are skipped, and a line
 * keeps its spaces and tabs. Returns CLI_GO_ON, 2 after saying why it is
 * bad usage (-0 without --files-from; the list on standard input beside
 * an input "-"; a list naming nothing), or 1 when the list cannot be
 * read. */
int file_list_add(file_list *l, cli_args *a);
void file_list_free(file_list *l);

#endif

/* The tools' half of util/io: what a folio tool says to its user on
 * standard error. An error reads "PROG: FILE: cause", a warning
 * "PROG: warning: FILE: cause" (without "FILE: " when there is none),
 * whether the tool says it itself or the library reports it
 * (util/report.h) through io_reporter. The library never prints; these
 * are for the tools alone. */
#ifndef FOLIO_TOOL_IO_H
#define FOLIO_TOOL_IO_H
#include "article/article.h"
#include "util/buf.h"
#include "util/io.h"
#include "util/report.h"
#include <stdbool.h>
#include <stddef.h>

/* PROG in the messages; each tool sets it first thing. */
extern const char *io_progname;

/* Says every report as io_error and io_warn do. */
extern const reporter io_reporter;

/* -q: warnings are not said at all (errors still are). */
void io_warn_quiet(bool quiet);
/* A long run repeats warnings: with a LIMIT, only the first LIMIT of each
 * kind are said (a kind is the message with its names and numbers left
 * out: "image * is not fetched ..."), and io_warn_summary says how many
 * there were in all. 0, the default, says every one. */
void io_warn_limit(size_t limit);
/* One line for each kind that went over the limit, then the counts start
 * again (a child process says its own). */
void io_warn_summary(void);

void io_error(const char *file, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void io_warn(const char *file, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Read PATH (NULL or "-": standard input) into OUT; on failure say why,
 * naming the file, and return -1. */
int io_read_all(const char *path, buf_t *out);

/* Parse the clean article DATA read from NAME into A; on failure say why,
 * naming NAME, and return -1. */
int io_parse_article(const char *data, size_t len, const char *name, article *a);
/* Read and parse the clean article at PATH the same way. */
int io_read_article(const char *path, article *a);

#endif

/* File and stream I/O shared by every tool: whole-file reads, atomic writes,
 * and error messages of the form "prog: file: cause". */
#ifndef FOLIO_IO_H
#define FOLIO_IO_H
#include "util/buf.h"
#include <stdbool.h>

/* The program name used in messages; tools set it first thing. */
extern const char *io_progname;

/* Read PATH (or stdin for NULL or "-") into OUT. On failure print a message
 * and return -1. */
int io_read_all(const char *path, buf_t *out);
/* The same, quietly: on failure the cause goes into WHY. */
int io_read_file(const char *path, buf_t *out, buf_t *why);

/* Write DATA to PATH through a temporary file in the same folder and a
 * rename, so a failure never leaves a half-written file. PATH of NULL or "-"
 * writes standard output. Refuses to write over any of the NULL-terminated
 * INPUTS. Returns 0 or -1 after printing a message. */
int io_write_atomic(const char *path, const void *data, size_t len,
                    const char *const *inputs);

bool io_is_dir(const char *path);
/* Create the folders above the file PATH that are not there yet (as
 * mkdir -p on its dirname). Returns 0, or -1 after a message. */
int io_make_parents(const char *path);
/* "dir/name.html" -> "name" with the new extension: OUT gets "outdir/name.ext". */
void io_output_path(const char *outdir, const char *input, const char *ext, buf_t *out);
/* The display name for an input: its path, or "<stdin>". */
const char *io_name(const char *path);

void io_error(const char *file, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void io_warn(const char *file, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif

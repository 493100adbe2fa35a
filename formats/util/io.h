/* File and stream I/O shared by every stage and tool: whole-file reads,
 * atomic writes, output names. Nothing here prints: a failure is reported
 * (util/report.h) or its cause put in WHY. */
#ifndef FOLIO_IO_H
#define FOLIO_IO_H
#include "util/buf.h"
#include "util/report.h"
#include <stdbool.h>

/* Read PATH (or stdin for NULL or "-") into OUT. Returns 0, or -1 with the
 * cause (as strerror words) in WHY, which may be NULL. */
int io_read_file(const char *path, buf_t *out, buf_t *why);
/* Read PATH into OUT only when it is a regular file of at most MAX bytes:
 * a FIFO, a device or a folder is refused without waiting on it. Returns
 * 0, or -1 with the cause in WHY (which may be NULL). */
int io_read_regular(const char *path, size_t max, buf_t *out, buf_t *why);
/* Whether PATH is a character device or a FIFO: an output written in
 * place, with nothing beside it. */
bool io_is_stream(const char *path);

/* Write DATA to PATH through a temporary file in the same folder and a
 * rename, so a failure never leaves a half-written file. PATH of NULL or "-"
 * writes standard output. A PATH that is a character device or a FIFO
 * (/dev/null, /dev/stdout) is written into as it is, never renamed over;
 * a symlink to a file stays a symlink and the file is replaced; a folder or
 * any other kind of file is refused. Refuses to write over any of the
 * NULL-terminated INPUTS. Returns 0, or -1 after reporting to R. */
int io_write_atomic(const char *path, const void *data, size_t len,
                    const char *const *inputs, const reporter *r);

bool io_is_dir(const char *path);
/* Create the folders above the file PATH that are not there yet (as
 * mkdir -p on its dirname). Returns 0, or -1 after reporting to R. */
int io_make_parents(const char *path, const reporter *r);
/* "dir/name.html" -> "name" with the new extension: OUT gets "outdir/name.ext". */
void io_output_path(const char *outdir, const char *input, const char *ext, buf_t *out);
/* The display name for an input: its path, or "<stdin>". */
const char *io_name(const char *path);

#endif

/* The output names one run has claimed, so that it never writes over its
 * own output: the first page named STEM gets STEM.ext, the next STEM-2.ext,
 * STEM-3.ext... Claiming a name costs the same for the first page and the
 * fifty-thousandth of one stem (archives save every page as source.html):
 * the names are kept in a hash set, and each stem remembers the counter it
 * reached. */
#ifndef FOLIO_NAME_SET_H
#define FOLIO_NAME_SET_H
#include "util/buf.h"
#include <stddef.h>

typedef struct name_set name_set;

name_set *name_set_new(void);
void name_set_free(name_set *s);

/* Claim STEM EXT, else STEM-K EXT for the smallest K >= 2 not claimed yet,
 * into OUT. */
void name_set_claim(name_set *s, const char *stem, const char *ext, buf_t *out);

/* The longest relative output name (without extension) folio writes:
 * with an output folder, a counter and "NAME.assets/img-001.png" it stays
 * well within PATH_MAX. */
enum { NAME_MAX_BYTES = 1024 };

/* Make NAME, a relative path of segments that each fit a file system,
 * at most MAX bytes: a longer one keeps its first segment (the host) and
 * its last (the page), with a hash of the whole in place of the rest, so
 * that two long names stay apart. */
void name_shorten(buf_t *name, size_t max);

/* The names looked at so far (for the tests: a claim looks at a few). */
size_t name_set_probes(const name_set *s);

#endif

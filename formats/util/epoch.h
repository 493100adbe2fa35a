/* SOURCE_DATE_EPOCH (reproducible-builds.org): the time a writer stamps on
 * its output instead of the clock, so that the same input makes the same
 * bytes. Read here once for every tool; the writers take the parsed time. */
#ifndef FOLIO_EPOCH_H
#define FOLIO_EPOCH_H
#include <stdbool.h>
#include <time.h>

/* The latest time accepted: 9999-12-31T23:59:59Z, the last a four-digit
 * year can write. */
#define EPOCH_MAX 253402300799LL

/* TEXT as SOURCE_DATE_EPOCH: decimal digits only, as `date +%s` prints,
 * at most EPOCH_MAX. Returns 0 with *OUT set, or -1. */
int epoch_parse(const char *text, time_t *out);

/* The environment's SOURCE_DATE_EPOCH. Unset or empty: 0 with *SET false.
 * A time: 0 with *SET true and *OUT. Anything else: -1, with *TEXT the
 * value, for the message. */
int epoch_from_env(bool *set, time_t *out, const char **text);

#endif

/* What the fuzz targets share: each is a libFuzzer target (built by
 * `make fuzz` with -fsanitize=fuzzer,address,undefined) that hands its
 * input to one stage of folio, the way a tool would. */
#ifndef FOLIO_FUZZ_H
#define FOLIO_FUZZ_H
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The captures are read from a path: DATA written to a file of this
 * process named with SUFFIX (".warc", ".zip"), whose path is returned.
 * NULL when it cannot be written. */
const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix);

/* Every page of the capture at PATH cleaned, as folio-clean does, up to
 * MAX_PAGES of them. */
void fuzz_capture(const char *path, int max_pages);

#endif

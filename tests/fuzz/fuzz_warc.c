/* A WARC (plain or gzip), each HTML record through to clean_page. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_capture(fuzz_file(data, size, ".warc"), 8);
    return 0;
}

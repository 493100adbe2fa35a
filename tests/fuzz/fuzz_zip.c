/* A zip of saved pages, its pages cleaned with the images beside them. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_capture(fuzz_file(data, size, ".zip"), 4);
    return 0;
}

/* An MHTML file, its pages cleaned with the images of its parts. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_capture(fuzz_file(data, size, ".mht"), 4);
    return 0;
}

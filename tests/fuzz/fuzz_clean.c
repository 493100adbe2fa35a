/* A page to an article: clean_page on the bytes as captured. */
#include "fuzz.h"
#include "clean/clean.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    clean_options o = { .now = 1700000000, .url = "http://www.example.gov.cn/art/2023/1/1/art_1.html" };
    buf_t out, why;
    buf_init(&out);
    buf_init(&why);
    clean_page(data, size, &o, &out, &why);
    buf_free(&out);
    buf_free(&why);
    return 0;
}

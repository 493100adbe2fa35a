/* Charset sniffing and decoding: a page's bytes, with or without a label
 * from its container (the first byte chooses one). */
#include "fuzz.h"
#include "charset/charset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const labels[] = { NULL, "gbk", "big5", "utf-16le", "iso-8859-1",
                                           "shift_jis", "utf-8", "x-unknown" };
    const char *label = size ? labels[data[0] % (sizeof labels / sizeof *labels)] : NULL;
    charset_how how;
    const char *cs = label ? charset_sniff_declared(data, size, label, &how) : charset_sniff(data, size, &how);
    buf_t out;
    buf_init(&out);
    charset_to_utf8(data, size, cs, &out);
    buf_free(&out);
    return 0;
}

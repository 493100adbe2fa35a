#include "util/json_string.h"
#include "util/hex.h"
#include "util/utf8.h"

size_t json_string_end(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] != '"')
        i += s[i] == '\\' ? 2 : 1;
    return i < n ? i : n;
}

/* The four hex digits at S as a number, or -1. */
static long hex4(const char *s)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit((unsigned char)s[i]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

void json_string_decode(buf_t *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\\' || i + 1 >= n) {
            buf_putc(out, s[i]);
            continue;
        }
        char e = s[++i];
        long cp = e == 'u' && i + 4 < n ? hex4(s + i + 1) : -1;
        if (cp < 0) {
            buf_putc(out, e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : e);
            continue;
        }
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < n && s[i + 1] == '\\' && s[i + 2] == 'u') {
            long lo = hex4(s + i + 3);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
        }
        utf8_encode(out, cp >= 0xD800 && cp <= 0xDFFF ? UTF8_REPLACEMENT : (uint32_t)cp);
    }
}

#include "util/base64.h"

static bool base64_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int base64_value(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

bool base64_decode(const char *p, size_t n, buf_t *out)
{
    unsigned acc = 0;
    int bits = 0;
    bool clean = true;
    size_t i = 0;
    for (; i < n && p[i] != '='; i++) {
        int v = base64_value(p[i]);
        if (v < 0) {
            if (!base64_blank(p[i]))
                clean = false;
            continue;
        }
        acc = (acc << 6 | (unsigned)v) & 0xFFFF;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            buf_putc(out, (char)(acc >> bits & 0xFF));
        }
    }
    for (; i < n; i++)
        if (p[i] != '=' && !base64_blank(p[i]))
            clean = false;
    /* Callers read OUT as a string even when nothing was decoded. */
    if (!out->data)
        buf_puts(out, "");
    return clean;
}

void base64_encode(const void *bytes, size_t len, buf_t *out)
{
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *d = bytes;
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)d[i] << 16 | (i + 1 < len ? (unsigned)d[i + 1] << 8 : 0) |
                     (i + 2 < len ? d[i + 2] : 0);
        char q[4] = { tbl[v >> 18 & 63], tbl[v >> 12 & 63],
                      i + 1 < len ? tbl[v >> 6 & 63] : '=', i + 2 < len ? tbl[v & 63] : '=' };
        buf_add(out, q, 4);
    }
}

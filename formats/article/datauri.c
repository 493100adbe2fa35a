#include "article/datauri.h"
#include "util/hex.h"
#include "capture/mime/mime_decode.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

bool datauri_is(const char *uri)
{
    return uri && strncasecmp(uri, "data:", 5) == 0;
}

static bool du_percent_decode(const char *s, buf_t *out)
{
    for (; *s; s++) {
        if (*s != '%') {
            buf_putc(out, *s);
            continue;
        }
        int hi = hex_digit(s[1]), lo = hi < 0 ? -1 : hex_digit(s[2]);
        if (lo < 0)
            return false;
        buf_putc(out, (char)(hi * 16 + lo));
        s += 2;
    }
    return true;
}

bool datauri_decode(const char *uri, buf_t *bytes, char *type, size_t type_cap)
{
    if (!datauri_is(uri))
        return false;
    const char *head = uri + 5, *comma = strchr(head, ',');
    if (!comma)
        return false;
    if (type && type_cap) {
        size_t n = strcspn(head, ";,");
        if (n >= type_cap)
            n = type_cap - 1;
        for (size_t i = 0; i < n; i++)
            type[i] = (char)tolower((unsigned char)head[i]);
        type[n] = '\0';
    }
    bool base64 = comma - head >= 7 && strncasecmp(comma - 7, ";base64", 7) == 0;
    bool ok = base64 ? mime_decode_base64(comma + 1, strlen(comma + 1), bytes)
                     : du_percent_decode(comma + 1, bytes);
    return ok && bytes->len > 0;
}

void datauri_encode(const char *type, const void *bytes, size_t len, buf_t *out)
{
    static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *d = bytes;
    buf_printf(out, "data:%s;base64,", type);
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)d[i] << 16 | (i + 1 < len ? (unsigned)d[i + 1] << 8 : 0) |
                     (i + 2 < len ? d[i + 2] : 0);
        char q[4] = { tbl[v >> 18 & 63], tbl[v >> 12 & 63],
                      i + 1 < len ? tbl[v >> 6 & 63] : '=', i + 2 < len ? tbl[v & 63] : '=' };
        buf_add(out, q, 4);
    }
}

static const struct { const char *type, *ext; } du_types[] = {
    { "image/png", "png" },   { "image/jpeg", "jpg" },  { "image/gif", "gif" },
    { "image/webp", "webp" }, { "image/svg+xml", "svg" }, { "image/bmp", "bmp" },
    { "image/tiff", "tif" },  { "image/avif", "avif" }, { "image/x-icon", "ico" },
};

const char *datauri_image_type(const void *bytes, size_t len, const char *declared)
{
    const unsigned char *b = bytes;
    if (len >= 8 && !memcmp(b, "\x89PNG\r\n\x1a\n", 8))
        return "image/png";
    if (len >= 3 && !memcmp(b, "\xff\xd8\xff", 3))
        return "image/jpeg";
    if (len >= 4 && !memcmp(b, "GIF8", 4))
        return "image/gif";
    if (len >= 12 && !memcmp(b, "RIFF", 4) && !memcmp(b + 8, "WEBP", 4))
        return "image/webp";
    if (len >= 2 && !memcmp(b, "BM", 2))
        return "image/bmp";
    if (!declared)
        return NULL;
    if (!strcasecmp(declared, "image/jpg"))
        return "image/jpeg";
    for (size_t i = 0; i < sizeof du_types / sizeof *du_types; i++)
        if (!strcasecmp(declared, du_types[i].type))
            return du_types[i].type;
    return NULL;
}

const char *datauri_image_ext(const char *media_type)
{
    for (size_t i = 0; media_type && i < sizeof du_types / sizeof *du_types; i++)
        if (!strcmp(media_type, du_types[i].type))
            return du_types[i].ext;
    return "bin";
}

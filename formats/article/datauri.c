#include "article/datauri.h"
#include "util/base64.h"
#include "util/hex.h"
#include "util/media_type.h"

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
    bool ok = base64 ? base64_decode(comma + 1, strlen(comma + 1), bytes)
                     : du_percent_decode(comma + 1, bytes);
    return ok && bytes->len > 0;
}

void datauri_encode(const char *type, const void *bytes, size_t len, buf_t *out)
{
    buf_printf(out, "data:%s;base64,", type);
    base64_encode(bytes, len, out);
}

const char *datauri_image_type(const void *bytes, size_t len, const char *declared)
{
    return media_type_image(bytes, len, declared);
}

const char *datauri_image_ext(const char *media_type)
{
    return media_type_image_ext(media_type);
}

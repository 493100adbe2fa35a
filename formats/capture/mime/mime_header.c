/* Reading "Name: value" header blocks (RFC 5322 and 7230 style). */
#include "capture/mime/mime_header.h"

#include <string.h>
#include <strings.h>

size_t mime_header_end(const char *p, size_t n)
{
    /* A block with no headers is the empty line alone. */
    if (n >= 1 && p[0] == '\n')
        return 1;
    if (n >= 2 && p[0] == '\r' && p[1] == '\n')
        return 2;
    for (size_t i = 0; i < n; i++) {
        if (p[i] != '\n')
            continue;
        size_t j = i + 1;
        if (j < n && p[j] == '\n')
            return j + 1;
        if (j + 1 < n && p[j] == '\r' && p[j + 1] == '\n')
            return j + 2;
    }
    return 0;
}

static bool mime_is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool mime_header_get(const char *p, size_t n, const char *name, buf_t *out)
{
    size_t nl = strlen(name);
    size_t i = 0;
    while (i < n) {
        size_t eol = i;
        while (eol < n && p[eol] != '\n')
            eol++;
        if (eol == i || (eol == i + 1 && p[i] == '\r'))
            return false;   /* the empty line: end of the block */
        if (eol - i > nl && !strncasecmp(p + i, name, nl) && p[i + nl] == ':') {
            buf_reset(out);
            size_t s = i + nl + 1;
            for (;;) {
                while (s < eol && mime_is_blank(p[s]))
                    s++;
                size_t e = eol;
                while (e > s && mime_is_blank(p[e - 1]))
                    e--;
                if (out->len && e > s)
                    buf_putc(out, ' ');
                buf_add(out, p + s, e - s);
                /* A line that starts with a space or tab continues the value. */
                if (eol + 1 < n && (p[eol + 1] == ' ' || p[eol + 1] == '\t')) {
                    s = eol + 1;
                    eol = s;
                    while (eol < n && p[eol] != '\n')
                        eol++;
                    continue;
                }
                break;
            }
            if (!out->data)
                buf_puts(out, "");
            return true;
        }
        i = eol + 1;
    }
    return false;
}

bool mime_param(const char *value, const char *param, buf_t *out)
{
    size_t pl = strlen(param);
    const char *s = strchr(value, ';');
    while (s) {
        s++;
        while (*s == ' ' || *s == '\t')
            s++;
        if (!strncasecmp(s, param, pl)) {
            const char *v = s + pl;
            while (*v == ' ' || *v == '\t')
                v++;
            if (*v == '=') {
                v++;
                while (*v == ' ' || *v == '\t')
                    v++;
                buf_reset(out);
                if (*v == '"') {
                    for (v++; *v && *v != '"'; v++) {
                        if (*v == '\\' && v[1])
                            v++;
                        buf_putc(out, *v);
                    }
                } else {
                    size_t k = strcspn(v, "; \t\r\n");
                    buf_add(out, v, k);
                }
                if (!out->data)
                    buf_puts(out, "");
                return true;
            }
        }
        /* Skip this parameter, minding quoted semicolons. */
        bool q = false;
        for (; *s && (q || *s != ';'); s++)
            if (*s == '"')
                q = !q;
        s = *s ? s : NULL;
    }
    return false;
}

void mime_type(const char *value, buf_t *out)
{
    buf_reset(out);
    while (*value == ' ' || *value == '\t')
        value++;
    size_t k = strcspn(value, "; \t\r\n");
    for (size_t i = 0; i < k; i++) {
        char c = value[i];
        buf_putc(out, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
    }
    if (!out->data)
        buf_puts(out, "");
}

/* Entry names of a zip of saved pages, as paths: which are safe, which are
 * pages, and where a page's relative references lead. */
#include "capture/zip_entry.h"
#include "util/hex.h"
#include "util/media_type.h"

#include <string.h>
#include <strings.h>

static bool zip_is_sep(char ch)
{
    return ch == '/' || ch == '\\';
}

static bool zip_is_alpha(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

bool zip_entry_name_safe(const char *name)
{
    if (!name || !*name || zip_is_sep(name[0]))
        return false;
    /* "C:x" and "C:\x" are drive paths to an unpacker on Windows. */
    if (zip_is_alpha(name[0]) && name[1] == ':')
        return false;
    for (const char *s = name; *s;) {
        size_t n = 0;
        while (s[n] && !zip_is_sep(s[n]))
            n++;
        if (n == 2 && s[0] == '.' && s[1] == '.')
            return false;
        s += n;
        if (*s)
            s++;
    }
    return true;
}

bool zip_entry_is_page(const char *name)
{
    size_t base = strlen(name);
    while (base && !zip_is_sep(name[base - 1]))
        base--;
    const char *leaf = name + base, *dot = strrchr(leaf, '.');
    return dot && dot > leaf && media_type_page_by_name(leaf);
}

/* Append the segment S (N bytes) to the normalised path in OUT, or pop the
 * last one for "..". False when there is nothing left to pop. */
static bool zip_path_push(buf_t *out, const char *s, size_t n)
{
    if (n == 0 || (n == 1 && s[0] == '.'))
        return true;
    if (n == 2 && s[0] == '.' && s[1] == '.') {
        if (!out->len)
            return false;
        char *slash = strrchr(out->data, '/');
        out->len = slash ? (size_t)(slash - out->data) : 0;
        out->data[out->len] = '\0';
        return true;
    }
    if (out->len)
        buf_putc(out, '/');
    buf_add(out, s, n);
    return true;
}

/* Normalise the N bytes at P onto OUT, which may already hold a folder. */
static bool zip_path_add(buf_t *out, const char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && !zip_is_sep(p[j]))
            j++;
        if (!zip_path_push(out, p + i, j - i))
            return false;
        i = j + 1;
    }
    return true;
}

bool zip_entry_normalise(const char *name, buf_t *out)
{
    buf_reset(out);
    buf_puts(out, "");
    return zip_path_add(out, name, strlen(name));
}

/* "scheme:" as RFC 3986 spells it, before any '/'. */
static bool zip_has_scheme(const char *s, size_t n)
{
    if (!n || !zip_is_alpha(s[0]))
        return false;
    for (size_t i = 1; i < n; i++) {
        char ch = s[i];
        if (ch == ':')
            return true;
        if (!(zip_is_alpha(ch) || (ch >= '0' && ch <= '9') || ch == '+' || ch == '-' || ch == '.'))
            return false;
    }
    return false;
}

bool zip_entry_resolve(const char *page, const char *src, buf_t *out)
{
    buf_reset(out);
    if (!page || !src)
        return false;
    while (*src == ' ' || *src == '\t' || *src == '\n' || *src == '\r')
        src++;
    size_t n = strcspn(src, "?#");
    while (n && (src[n - 1] == ' ' || src[n - 1] == '\t' || src[n - 1] == '\n' || src[n - 1] == '\r'))
        n--;
    if (!n || zip_is_sep(src[0]) || zip_has_scheme(src, n))
        return false;
    /* Escapes are decoded after the query is cut, so "%3F" in a name is a
     * '?' of the name; a NUL could only cut the name short. */
    buf_t rel;
    buf_init(&rel);
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        int hi, lo;
        if (src[i] == '%' && i + 2 < n && (hi = hex_digit(src[i + 1])) >= 0 &&
            (lo = hex_digit(src[i + 2])) >= 0) {
            ok = hi || lo;
            buf_putc(&rel, (char)(hi << 4 | lo));
            i += 2;
        } else {
            buf_putc(&rel, src[i]);
        }
    }
    ok = ok && !zip_is_sep(rel.data[rel.len - 1]);
    size_t folder = strlen(page);
    while (folder && !zip_is_sep(page[folder - 1]))
        folder--;
    buf_puts(out, "");
    ok = ok && zip_path_add(out, page, folder) && zip_path_add(out, rel.data, rel.len) && out->len;
    buf_free(&rel);
    if (!ok)
        buf_reset(out);
    return ok;
}

bool zip_entry_in_files_folder(const char *key, bool (*has_page)(void *ctx, const char *stem),
                               void *ctx)
{
    static const char *const suffixes[] = { "_files", ".files" };
    buf_t stem;
    buf_init(&stem);
    bool found = false;
    /* Every folder on the way, not only the innermost: a frame may keep its
     * own images in a folder below the page's. */
    for (const char *slash = strchr(key, '/'); slash && !found; slash = strchr(slash + 1, '/')) {
        size_t end = (size_t)(slash - key), start = end;
        while (start && key[start - 1] != '/')
            start--;
        for (size_t i = 0; i < 2 && !found; i++) {
            size_t s = strlen(suffixes[i]);
            if (end - start > s && !strncasecmp(key + end - s, suffixes[i], s)) {
                buf_reset(&stem);
                buf_add(&stem, key, end - s);
                found = has_page(ctx, stem.data);
            }
        }
    }
    buf_free(&stem);
    return found;
}

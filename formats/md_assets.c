#include "md_internal.h"
#include "io.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Images embedded as data: URIs, unpacked into an assets folder beside the
 * Markdown: a Markdown reader cannot be expected to show a megabyte of
 * base64, and the same picture twice is stored once. */

static int md_base64_value(char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
}

static bool md_base64_decode(const char *s, buf_t *out)
{
    unsigned acc = 0;
    int bits = 0;
    for (; *s && *s != '='; s++) {
        if (strchr(" \t\r\n", *s))
            continue;
        int v = md_base64_value(*s);
        if (v < 0)
            return false;
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            buf_putc(out, (char)((acc >> bits) & 0xFF));
        }
    }
    for (; *s; s++)
        if (!strchr("= \t\r\n", *s))
            return false;
    return true;
}

static int md_hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool md_percent_decode(const char *s, buf_t *out)
{
    for (; *s; s++) {
        if (*s != '%') {
            buf_putc(out, *s);
            continue;
        }
        int hi = md_hex_value(s[1]), lo = hi < 0 ? -1 : md_hex_value(s[2]);
        if (lo < 0)
            return false;
        buf_putc(out, (char)(hi * 16 + lo));
        s += 2;
    }
    return true;
}

/* The file extension for an image: from its bytes when they say, else from
 * the media type the URI declared. */
static const char *md_image_ext(const buf_t *bytes, const char *type, size_t type_len)
{
    static const struct { const char *magic; size_t len; const char *ext; } sniff[] = {
        { "\x89PNG", 4, "png" }, { "\xff\xd8\xff", 3, "jpg" }, { "GIF8", 4, "gif" },
        { "BM", 2, "bmp" },
    };
    static const struct { const char *type, *ext; } types[] = {
        { "image/png", "png" },   { "image/jpeg", "jpg" }, { "image/jpg", "jpg" },
        { "image/gif", "gif" },   { "image/webp", "webp" }, { "image/svg+xml", "svg" },
        { "image/bmp", "bmp" },   { "image/tiff", "tif" }, { "image/avif", "avif" },
        { "image/x-icon", "ico" }, { "image/vnd.microsoft.icon", "ico" },
    };
    for (size_t i = 0; i < sizeof sniff / sizeof *sniff; i++)
        if (bytes->len >= sniff[i].len && memcmp(bytes->data, sniff[i].magic, sniff[i].len) == 0)
            return sniff[i].ext;
    if (bytes->len >= 12 && memcmp(bytes->data, "RIFF", 4) == 0 && memcmp(bytes->data + 8, "WEBP", 4) == 0)
        return "webp";
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (strlen(types[i].type) == type_len && strncasecmp(type, types[i].type, type_len) == 0)
            return types[i].ext;
    return "bin";
}

/* data:[type][;param…][;base64],payload -> bytes and an extension. */
static bool md_data_uri(const char *uri, buf_t *bytes, const char **ext)
{
    const char *head = uri + 5, *comma = strchr(head, ',');
    if (!comma)
        return false;
    size_t type_len = strcspn(head, ";,");
    bool base64 = comma - head >= 7 && strncasecmp(comma - 7, ";base64", 7) == 0;
    bool ok = base64 ? md_base64_decode(comma + 1, bytes) : md_percent_decode(comma + 1, bytes);
    if (!ok || !bytes->len)
        return false;
    *ext = md_image_ext(bytes, head, type_len);
    return true;
}

static const char *md_asset_add(md_assets *as, buf_t *bytes, const char *ext)
{
    for (size_t i = 0; i < as->count; i++) {
        const md_asset *a = &as->items[i];
        const char *dot = strrchr(a->name, '.');
        if (a->bytes.len == bytes->len && memcmp(a->bytes.data, bytes->data, bytes->len) == 0 &&
            dot && strcmp(dot + 1, ext) == 0) {
            buf_free(bytes);
            return a->name;
        }
    }
    md_asset *grown = realloc(as->items, (as->count + 1) * sizeof *grown);
    if (!grown)
        abort();
    as->items = grown;
    md_asset *a = &as->items[as->count++];
    buf_t name;
    buf_init(&name);
    buf_printf(&name, "img-%03zu.%s", as->count, ext);
    a->name = buf_detach(&name);
    a->bytes = *bytes;
    buf_init(bytes);
    return a->name;
}

void md_image_src(const md_options *opt, const char *src, buf_t *out)
{
    if (!opt || !opt->assets || !opt->assets_href || strncasecmp(src, "data:", 5) != 0) {
        buf_puts(out, src);
        return;
    }
    buf_t bytes;
    buf_init(&bytes);
    const char *ext = NULL;
    if (!md_data_uri(src, &bytes, &ext)) {
        buf_free(&bytes);
        io_warn(opt->name, "an image's data: URI does not decode; it stays inline");
        buf_puts(out, src);
        return;
    }
    buf_printf(out, "%s/%s", opt->assets_href, md_asset_add(opt->assets, &bytes, ext));
}

void md_assets_free(md_assets *as)
{
    for (size_t i = 0; i < as->count; i++) {
        free(as->items[i].name);
        buf_free(&as->items[i].bytes);
    }
    free(as->items);
    as->items = NULL;
    as->count = 0;
}

int md_assets_save(const md_assets *as, const char *dir, const char *const *inputs)
{
    if (!as || !as->count)
        return 0;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        io_error(dir, "cannot create: %s", strerror(errno));
        return -1;
    }
    if (!io_is_dir(dir)) {
        io_error(dir, "exists and is not a folder");
        return -1;
    }
    buf_t path;
    buf_init(&path);
    int rc = 0;
    for (size_t i = 0; i < as->count && rc == 0; i++) {
        buf_reset(&path);
        buf_printf(&path, "%s/%s", dir, as->items[i].name);
        rc = io_write_atomic(path.data, as->items[i].bytes.data, as->items[i].bytes.len, inputs);
    }
    buf_free(&path);
    return rc;
}

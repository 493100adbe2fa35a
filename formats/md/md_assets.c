#include "md/md_internal.h"
#include "article/datauri.h"
#include "util/io.h"
#include "util/alloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Images embedded as data: URIs, unpacked into an assets folder beside the
 * Markdown: a Markdown reader cannot be expected to show a megabyte of
 * base64, and the same picture twice is stored once. */

/* data:[type][;param…][;base64],payload -> bytes and an extension. */
static bool md_data_uri(const char *uri, buf_t *bytes, const char **ext)
{
    char declared[64];
    if (!datauri_decode(uri, bytes, declared, sizeof declared))
        return false;
    *ext = datauri_image_ext(datauri_image_type(bytes->data, bytes->len, declared));
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
    as->items = xreallocarray(as->items, as->count + 1, sizeof *as->items);
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
        report_warning(opt->report, opt->name, "an image's data: URI does not decode; it stays inline");
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

int md_assets_save(const md_assets *as, const char *dir, const char *const *inputs, const reporter *r)
{
    if (!as || !as->count)
        return 0;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        report_error(r, dir, "cannot create: %s", strerror(errno));
        return -1;
    }
    if (!io_is_dir(dir)) {
        report_error(r, dir, "exists and is not a folder");
        return -1;
    }
    buf_t path;
    buf_init(&path);
    int rc = 0;
    for (size_t i = 0; i < as->count && rc == 0; i++) {
        buf_reset(&path);
        buf_printf(&path, "%s/%s", dir, as->items[i].name);
        rc = io_write_atomic(path.data, as->items[i].bytes.data, as->items[i].bytes.len, inputs, r);
    }
    buf_free(&path);
    return rc;
}

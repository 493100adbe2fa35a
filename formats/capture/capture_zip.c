/* The zip reader: one page per saved HTML entry, in the archive's order,
 * with the other entries as the images the pages refer to. Entries are
 * inflated into memory on demand; nothing is unpacked to disk. */
#include "capture/capture_int.h"
#include "charset/charset.h"
#include "util/media_type.h"
#include "capture/zip_entry.h"
#include "util/alloc.h"

#include <libxml/xmlstring.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <zip.h>

/* No saved page or image comes near this; an entry that inflates beyond
 * it is a zip bomb, or no page anyway. */
#define ZIP_ENTRY_MAX ((zip_uint64_t)64 << 20)
/* What one page's images may inflate to in all: a page that names one
 * big entry a thousand times must not cost a thousand inflations. */
#define ZIP_PAGE_IMAGES_MAX ((zip_uint64_t)256 << 20)

typedef struct {
    char *name;          /* as given out, in UTF-8 */
    char *key;           /* normalised for look-ups; NULL when the name is unsafe */
    zip_uint64_t index;
    bool folder;
    bool skip;           /* a symbolic link or a Mac resource fork: never a page or image */
} zip_item;

typedef struct {
    zip_t *za;
    zip_item *items;     /* in the archive's order */
    size_t n, next;
    zip_item **by_key;   /* the safe files, by key, then by place in the archive */
    size_t n_keys;
    char **stems;        /* keys of the pages without their extension, sorted */
    size_t n_stems;
    const zip_item *page;   /* the page given out last */
    buf_t bytes;            /* and its bytes */
    zip_uint64_t spent;     /* bytes inflated for its images so far */
    bool told_empty;
} capture_zip;

/* libzip's messages start with a capital ("Not a zip archive"); folio's
 * follow a colon in the middle of a line. */
static void zip_why(buf_t *why, const char *msg)
{
    size_t at = why->len;
    buf_puts(why, msg && *msg ? msg : "unknown zip error");
    if (why->data[at] >= 'A' && why->data[at] <= 'Z' && why->data[at + 1] >= 'a' &&
        why->data[at + 1] <= 'z')
        why->data[at] = (char)(why->data[at] - 'A' + 'a');
}

/* Does the valid UTF-8 string S hold only ASCII and two-byte sequences?
 * GBK text validates as UTF-8 by chance only in that shape. */
static bool zip_utf8_short_only(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0xe0)
            return false;
    return true;
}

/* Names are raw bytes in a zip: UTF-8 when the archiver flags them so,
 * else the code page of the machine that made it, which for the pages
 * folio reads is a Chinese Windows' GBK far more often than the CP437 the
 * format names. Unflagged names that validate as UTF-8 are taken as such,
 * unless they are short sequences that read as GBK as well ("通知" is
 * CD A8 D6 AA, valid UTF-8 for two unrelated letters). */
static char *zip_item_name(zip_t *za, zip_uint64_t i)
{
    const char *raw = zip_get_name(za, i, ZIP_FL_ENC_RAW);
    if (!raw) {
        char num[40];
        snprintf(num, sizeof num, "#%llu", (unsigned long long)i + 1);
        return xstrdup(num);
    }
    bool ascii = true;
    for (const char *s = raw; *s && ascii; s++)
        ascii = (unsigned char)*s < 0x80;
    if (ascii)
        return xstrdup(raw);
    /* libzip converts an unflagged name from CP437 when asked to follow
     * the format strictly, and leaves a flagged one as it is. */
    const char *strict = zip_get_name(za, i, ZIP_FL_ENC_STRICT);
    bool flagged = strict && !strcmp(strict, raw);
    bool utf8 = xmlCheckUTF8((const xmlChar *)raw);
    if (flagged || (utf8 && !zip_utf8_short_only(raw)))
        return xstrdup(raw);
    buf_t out;
    buf_init(&out);
    if (charset_to_utf8((const unsigned char *)raw, strlen(raw), "GB18030", &out) == 0 && out.len)
        return buf_detach(&out);
    buf_free(&out);
    return xstrdup(utf8 || !strict ? raw : strict);
}

static bool zip_is_symlink(zip_t *za, zip_uint64_t i)
{
    zip_uint8_t opsys;
    zip_uint32_t attr;
    if (zip_file_get_external_attributes(za, i, 0, &opsys, &attr) != 0 || opsys != ZIP_OPSYS_UNIX)
        return false;
    return ((attr >> 16) & 0170000) == 0120000;
}

/* macOS's archiver adds __MACOSX/._NAME beside each file: a resource fork
 * with the file's name, not the file. */
static bool zip_is_fork(const char *key)
{
    const char *base = strrchr(key, '/');
    base = base ? base + 1 : key;
    return !strncmp(key, "__MACOSX/", 9) || !strncmp(base, "._", 2);
}

static int zip_cmp_item(const void *a, const void *b)
{
    const zip_item *x = *(zip_item *const *)a, *y = *(zip_item *const *)b;
    int d = strcmp(x->key, y->key);
    return d ? d : (x->index > y->index) - (x->index < y->index);
}

static int zip_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool zip_has_page(void *ctx, const char *stem)
{
    const capture_zip *z = ctx;
    return z->n_stems && bsearch(&stem, z->stems, z->n_stems, sizeof *z->stems, zip_cmp_str);
}

static void zip_index(capture_zip *z)
{
    zip_int64_t n = zip_get_num_entries(z->za, 0);
    z->n = n > 0 ? (size_t)n : 0;
    z->items = xcalloc(z->n, sizeof *z->items);
    z->by_key = xcalloc(z->n, sizeof *z->by_key);
    z->stems = xcalloc(z->n, sizeof *z->stems);
    buf_t key;
    buf_init(&key);
    for (size_t i = 0; i < z->n; i++) {
        zip_item *it = &z->items[i];
        it->index = i;
        it->name = zip_item_name(z->za, i);
        size_t len = strlen(it->name);
        it->folder = len && (it->name[len - 1] == '/' || it->name[len - 1] == '\\');
        if (!zip_entry_name_safe(it->name) || !zip_entry_normalise(it->name, &key))
            continue;
        it->key = xstrdup(key.data);
        it->skip = zip_is_symlink(z->za, i) || zip_is_fork(it->key);
        if (it->folder || it->skip || !*it->key)
            continue;
        z->by_key[z->n_keys++] = it;
        if (zip_entry_is_page(it->key)) {
            char *stem = xstrdup(it->key);
            *strrchr(stem, '.') = '\0';
            z->stems[z->n_stems++] = stem;
        }
    }
    buf_free(&key);
    qsort(z->by_key, z->n_keys, sizeof *z->by_key, zip_cmp_item);
    qsort(z->stems, z->n_stems, sizeof *z->stems, zip_cmp_str);
}

/* The file entry at KEY, the first in the archive's order when two share
 * it; failing that, one whose name differs only in ASCII case, as pages
 * saved on Windows may write it. */
static const zip_item *zip_find(const capture_zip *z, const char *key)
{
    size_t lo = 0, hi = z->n_keys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(z->by_key[mid]->key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < z->n_keys && !strcmp(z->by_key[lo]->key, key))
        return z->by_key[lo];
    for (size_t i = 0; i < z->n; i++) {
        const zip_item *it = &z->items[i];
        if (it->key && !it->folder && !it->skip && !strcasecmp(it->key, key))
            return it;
    }
    return NULL;
}

/* Inflate entry IT into OUT (reset first), or -1 with the cause in WHY.
 * MAX is the most it may inflate to; *SPENT grows by what it did. */
static int zip_read_item(const capture_zip *z, const zip_item *it, zip_uint64_t max,
                         zip_uint64_t *spent, buf_t *out, buf_t *why)
{
    buf_reset(out);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->za, it->index, 0, &st) != 0) {
        zip_why(why, zip_strerror(z->za));
        return -1;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        buf_puts(why, "encrypted (folio reads no passwords)");
        return -1;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > max) {
        buf_printf(why, "declares %llu bytes, more than the %llu MB an entry may have",
                   (unsigned long long)st.size, (unsigned long long)(max >> 20));
        return -1;
    }
    zip_file_t *f = zip_fopen_index(z->za, it->index, 0);
    if (!f) {
        zip_why(why, zip_strerror(z->za));
        return -1;
    }
    /* The declared size is the archiver's word only: count what comes out. */
    char chunk[65536];
    zip_int64_t n;
    int rc = 0;
    while ((n = zip_fread(f, chunk, sizeof chunk)) > 0) {
        *spent += (zip_uint64_t)n;
        if (out->len + (zip_uint64_t)n > max) {
            buf_printf(why, "inflates to more than the %llu MB an entry may have",
                       (unsigned long long)(max >> 20));
            rc = -1;
            break;
        }
        buf_add(out, chunk, (size_t)n);
    }
    if (n < 0) {
        zip_why(why, zip_file_strerror(f));
        rc = -1;
    }
    zip_fclose(f);
    if (rc != 0)
        buf_reset(out);
    else if (!out->data)
        buf_puts(out, "");
    return rc;
}

/* A name as a message shows it: an archive may hold any bytes in a name,
 * and a terminal should not act on them. */
static void zip_put_name(buf_t *why, const char *name)
{
    for (const char *s = name; *s; s++)
        buf_putc(why, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
}

static int capture_zip_next(capture *c, capture_page *page, buf_t *why)
{
    capture_zip *z = c->impl;
    z->page = NULL;
    z->spent = 0;
    buf_reset(&z->bytes);
    while (z->next < z->n) {
        const zip_item *it = &z->items[z->next++];
        if (!it->key) {
            c->stats.bad++;
            buf_puts(why, "entry ");
            zip_put_name(why, it->name);
            buf_puts(why, ": name leaves the archive");
            page->record = it->name;
            return -1;
        }
        /* A page's frames, saved in its NAME_files/ folder, are parts of
         * that page, not pages of their own. */
        if (it->folder || it->skip || !zip_entry_is_page(it->key) ||
            zip_entry_in_files_folder(it->key, zip_has_page, z)) {
            c->stats.other++;
            continue;
        }
        buf_t cause;
        buf_init(&cause);
        zip_uint64_t spent = 0;
        if (zip_read_item(z, it, ZIP_ENTRY_MAX, &spent, &z->bytes, &cause) != 0) {
            c->stats.bad++;
            buf_puts(why, "entry ");
            zip_put_name(why, it->name);
            buf_printf(why, ": %s", cause.data);
            buf_free(&cause);
            page->record = it->name;
            return -1;
        }
        buf_free(&cause);
        z->page = it;
        page->record = it->name;
        page->url = NULL;
        page->charset = NULL;
        page->data = (const unsigned char *)z->bytes.data;
        page->len = z->bytes.len;
        c->stats.pages++;
        return 1;
    }
    /* A zip of images or documents alone is a mistake worth a word. */
    if (!c->stats.pages && !c->stats.bad && !z->told_empty) {
        z->told_empty = true;
        buf_printf(why, "no saved page (.html, .htm, .shtml, .xhtml) among its %zu entr%s", z->n,
                   z->n == 1 ? "y" : "ies");
        return -1;
    }
    return 0;
}

static bool capture_zip_resource(capture *c, const char *src, const char *abs, buf_t *bytes,
                                 buf_t *type)
{
    (void)abs;   /* entries are keyed by their paths, not by addresses */
    capture_zip *z = c->impl;
    if (!z->page || z->spent >= ZIP_PAGE_IMAGES_MAX)
        return false;
    zip_uint64_t max = ZIP_PAGE_IMAGES_MAX - z->spent;
    buf_t key, why;
    buf_init(&key);
    buf_init(&why);
    const zip_item *it = NULL;
    if (zip_entry_resolve(z->page->name, src, &key))
        it = zip_find(z, key.data);
    bool found = false;
    if (it && zip_read_item(z, it, max < ZIP_ENTRY_MAX ? max : ZIP_ENTRY_MAX, &z->spent, bytes,
                            &why) == 0 && bytes->len) {
        const char *t = media_type_image(bytes->data, bytes->len, media_type_image_by_name(it->key));
        if (!t)
            t = media_type_sheet_by_name(it->key);
        if (t) {
            buf_reset(type);
            buf_puts(type, t);
            found = true;
        }
    }
    if (!found)
        buf_reset(bytes);
    buf_free(&key);
    buf_free(&why);
    return found;
}

static void capture_zip_close(capture *c)
{
    capture_zip *z = c->impl;
    if (!z)
        return;
    for (size_t i = 0; i < z->n; i++) {
        free(z->items[i].name);
        free(z->items[i].key);
    }
    for (size_t i = 0; i < z->n_stems; i++)
        free(z->stems[i]);
    free(z->items);
    free(z->by_key);
    free(z->stems);
    buf_free(&z->bytes);
    if (z->za)
        zip_discard(z->za);
    free(z);
    c->impl = NULL;
}

/* The first bytes of the input, to tell a cut-off zip from something else. */
static bool zip_starts_local_header(const capture *c)
{
    unsigned char head[4] = { 0 };
    if (c->from_mem) {
        if (c->mem.len >= 4)
            memcpy(head, c->mem.data, 4);
    } else {
        FILE *f = fopen(c->path, "rb");
        if (f) {
            if (fread(head, 1, 4, f) != 4)
                memset(head, 0, sizeof head);
            fclose(f);
        }
    }
    return !memcmp(head, "PK\3\4", 4);
}

static zip_t *zip_open_input(capture *c, buf_t *why)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_t *za = NULL;
    /* libzip takes an empty file for an empty archive; as an input it is
     * a file that never got its bytes. */
    struct stat st;
    bool empty = c->from_mem ? c->mem.len == 0
                             : stat(c->path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0;
    if (empty) {
        buf_puts(why, "empty file, not a zip archive");
        return NULL;
    }
    if (c->from_mem) {
        zip_source_t *src = zip_source_buffer_create(c->mem.data, c->mem.len, 0, &err);
        if (src && !(za = zip_open_from_source(src, ZIP_RDONLY, &err)))
            zip_source_free(src);
    } else {
        int code = 0;
        if (!(za = zip_open(c->path, ZIP_RDONLY, &code)))
            zip_error_init_with_code(&err, code);
    }
    if (!za) {
        if (zip_error_code_zip(&err) == ZIP_ER_NOZIP && zip_starts_local_header(c))
            buf_puts(why, "truncated zip archive: it starts as one, but its central directory is missing");
        else
            zip_why(why, zip_error_strerror(&err));
    }
    zip_error_fini(&err);
    return za;
}

int capture_open_zip(capture *c, buf_t *why)
{
    static const capture_ops ops = { capture_zip_next, capture_zip_resource, capture_zip_close };
    zip_t *za = zip_open_input(c, why);
    if (!za)
        return -1;
    capture_zip *z = xcalloc(1, sizeof *z);
    z->za = za;
    buf_init(&z->bytes);
    zip_index(z);
    c->ops = &ops;
    c->impl = z;
    return 0;
}

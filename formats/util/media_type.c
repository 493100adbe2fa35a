#include "util/media_type.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

static const struct { const char *type, *ext; } media_type_images[] = {
    { "image/png", "png" },   { "image/jpeg", "jpg" },  { "image/gif", "gif" },
    { "image/webp", "webp" }, { "image/svg+xml", "svg" }, { "image/bmp", "bmp" },
    { "image/tiff", "tif" },  { "image/avif", "avif" }, { "image/x-icon", "ico" },
};

const char *media_type_image(const void *bytes, size_t len, const char *declared)
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
    for (size_t i = 0; i < sizeof media_type_images / sizeof *media_type_images; i++)
        if (!strcasecmp(declared, media_type_images[i].type))
            return media_type_images[i].type;
    return NULL;
}

const char *media_type_image_by_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return NULL;
    /* Fewer than the table above: a .tif or .ico beside a page is not
     * taken for one of its images. */
    static const char *const by_ext[][2] = {
        { ".png", "image/png" },   { ".jpg", "image/jpeg" }, { ".jpeg", "image/jpeg" },
        { ".gif", "image/gif" },   { ".webp", "image/webp" }, { ".svg", "image/svg+xml" },
        { ".bmp", "image/bmp" },
    };
    for (size_t i = 0; i < sizeof by_ext / sizeof *by_ext; i++)
        if (!strcasecmp(dot, by_ext[i][0]))
            return by_ext[i][1];
    return NULL;
}

const char *media_type_sheet_by_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && !strcasecmp(dot, ".css") ? "text/css" : NULL;
}

const char *media_type_page_by_name(const char *name)
{
    static const char *const exts[] = { ".html", ".htm", ".shtml", ".xhtml", NULL };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot && exts[i]; i++)
        if (!strcasecmp(dot, exts[i]))
            return "text/html";
    return NULL;
}

/* S[0..N) ends with a document's extension. */
static bool ends_as_document(const char *s, size_t n)
{
    static const char *const exts[] = {
        ".doc", ".docx", ".pdf", ".xls", ".xlsx", ".wps", ".et", ".ppt", ".pptx",
        ".zip", ".rar", ".7z", ".txt", ".ofd", ".csv", NULL
    };
    for (const char *const *e = exts; *e; e++) {
        size_t k = strlen(*e);
        if (n > k && !strncasecmp(s + n - k, *e, k))
            return true;
    }
    return false;
}

bool media_type_is_document_url(const char *url)
{
    size_t path = strcspn(url, "?#");
    if (ends_as_document(url, path))
        return true;
    /* a CMS's download script: downfile.jsp?filename=清单.xls&classid=0 */
    if (url[path] != '?')
        return false;
    for (const char *f = url + path + 1; *f && *f != '#';) {
        size_t len = strcspn(f, "&;#");
        const char *eq = memchr(f, '=', len);
        if (eq && ends_as_document(eq + 1, len - (size_t)(eq + 1 - f)))
            return true;
        f += len + (f[len] == '&' || f[len] == ';');
    }
    return false;
}

/* A picture is an attachment too when the words of its link are its file
 * name ("示意图.jpg"); a link to a picture with other words is a gallery's. */
static bool ends_as_picture(const char *s, size_t n)
{
    static const char *const exts[] = { ".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".bmp", NULL };
    for (const char *const *e = exts; *e; e++) {
        size_t k = strlen(*e);
        if (n > k && !strncasecmp(s + n - k, *e, k))
            return true;
    }
    return false;
}

bool media_type_is_document_name(const char *name)
{
    while (*name == ' ')
        name++;
    size_t n = strlen(name);
    while (n && (name[n - 1] == ' ' || name[n - 1] == '\n'))
        n--;
    return ends_as_document(name, n) || ends_as_picture(name, n);
}

const char *media_type_image_ext(const char *media_type)
{
    for (size_t i = 0; media_type && i < sizeof media_type_images / sizeof *media_type_images; i++)
        if (!strcmp(media_type, media_type_images[i].type))
            return media_type_images[i].ext;
    return "bin";
}

const char *media_type_not_html(const unsigned char *d, size_t n)
{
    static const struct { const char *magic; size_t len; const char *what; } kinds[] = {
        { "%PDF-", 5, "a PDF" },
        { "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
        { "\xff\xd8\xff", 3, "a JPEG image" },
        { "GIF8", 4, "a GIF image" },
        { "PK\x03\x04", 4, "a zip archive" },
        { "\x1f\x8b", 2, "gzip data" },
        { "\x7f" "ELF", 4, "an executable" },
        { "\xd0\xcf\x11\xe0", 4, "an MS Office file" },
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (n >= kinds[i].len && memcmp(d, kinds[i].magic, kinds[i].len) == 0)
            return kinds[i].what;
    /* UTF-16 text has NULs by nature; anything else with many control
     * bytes is binary. A stray NUL or two in a page's text is not: the
     * decoder drops it, as HTML parsers do. */
    bool utf16 = n >= 2 && ((d[0] == 0xff && d[1] == 0xfe) || (d[0] == 0xfe && d[1] == 0xff));
    size_t ctl = 0, probe = n < 4096 ? n : 4096;
    for (size_t i = 0; i < probe; i++)
        if (d[i] < 9 && !utf16)
            ctl++;
    if (!utf16 && ctl > 0 && ctl * 100 >= probe)
        return "binary data";
    return NULL;
}

/* Images, style sheets and frames of a page saved as a plain file: the files
 * beside it, in its own folder or below, and nowhere else. */
#include "util/resource.h"
#include "util/io.h"
#include "util/media_type.h"
#include "util/alloc.h"

#include <libxml/uri.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool resource_beside(void *ctx, const char *src, const char *abs, buf_t *bytes, buf_t *type)
{
    (void)abs;
    const char *page_path = ctx;
    if (!page_path || strstr(src, "://") || src[0] == '/' || !strncmp(src, "data:", 5))
        return false;
    /* %XX escapes in a relative URL name the file on disk unescaped. */
    char *rel = xmlURIUnescapeString(src, 0, NULL);
    if (!rel)
        rel = xstrdup(src);
    char *q = strpbrk(rel, "?#");
    if (q)
        *q = '\0';
    const char *t = media_type_image_by_name(rel);
    if (!t)
        t = media_type_sheet_by_name(rel);
    if (!t)
        t = media_type_page_by_name(rel);
    char dir[PATH_MAX], real_dir[PATH_MAX], real_img[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", page_path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    buf_t path;
    buf_init(&path);
    buf_printf(&path, "%s/%s", dir, rel);
    bool found = false;
    if (t && realpath(dir, real_dir) && realpath(path.data, real_img)) {
        size_t dl = strlen(real_dir);
        bool inside = strncmp(real_img, real_dir, dl) == 0 && real_img[dl] == '/';
        if (inside && io_read_regular(real_img, RESOURCE_FILE_MAX, bytes, NULL) == 0 && bytes->len) {
            buf_puts(type, t);
            found = true;
        }
    }
    buf_free(&path);
    free(rel);
    return found;
}

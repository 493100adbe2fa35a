#include "common/page_name.h"
#include "common/name_set.h"
#include "article/article.h"
#include "capture/capture.h"
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

void page_output_name(const char *url, const char *xhtml, size_t len, const char *input,
                      const char *root, const char *record, buf_t *out)
{
    char *own = NULL;
    article a;
    buf_t why, dir;
    buf_init(&why);
    buf_init(&dir);
    if (!url && article_parse(xhtml, len, &a, &why) == 0) {
        own = a.meta.url ? xstrdup(a.meta.url) : NULL;
        article_free(&a);
    }
    /* a file named alone is named by its file name, wherever it lies */
    const char *slash = input && !root ? strrchr(input, '/') : NULL;
    if (slash && slash > input) {
        buf_add(&dir, input, (size_t)(slash - input));
        root = dir.data;
    }
    capture_output_name(url ? url : own, input, root, record, out);
    name_shorten(out, NAME_MAX_BYTES);
    free(own);
    buf_free(&why);
    buf_free(&dir);
}

/* The clean-article reader through the Markdown writer (images inline and
 * unpacked) and folio-zhpunct's rewrite. */
#include "fuzz.h"
#include "article/article.h"
#include "md/md.h"
#include "zhpunct/zhpunct.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    article a;
    buf_t why, out;
    buf_init(&why);
    buf_init(&out);
    if (article_parse((const char *)data, size, &a, &why) == 0) {
        md_write_article(&a, NULL, &out);
        md_assets assets = { NULL, 0 };
        md_options opt = { "page.assets", &assets, "fuzz", NULL };
        buf_reset(&out);
        md_write_article(&a, &opt, &out);
        md_assets_free(&assets);
        zhpunct_counts counts;
        zhpunct_article(&a, &counts);
        buf_reset(&out);
        article_write_xhtml(&a.meta, a.body, &out);
        article_free(&a);
    }
    buf_free(&why);
    buf_free(&out);
    return 0;
}

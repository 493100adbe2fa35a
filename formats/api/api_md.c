/* libfolio's Markdown writer (md/): the article, and its data: images
 * written into a folder when one is asked for. */
#include "api/api.h"
#include "folio/md.h"
#include "md/md.h"

int folio_md_write(const folio_article *a, const folio_md_options *opt, folio_bytes *out,
                   folio_error *err)
{
    const char *dir = opt ? opt->assets_dir : NULL;
    md_assets assets = { NULL, 0 };
    api_report rep;
    api_report_init(&rep);
    md_options mo = { .assets_href = dir ? (opt->assets_href ? opt->assets_href : dir) : NULL,
                      .assets = dir ? &assets : NULL,
                      .name = a->path ? a->path : "<article>", .report = &rep.r };
    buf_t md;
    buf_init(&md);
    md_write_article(&a->art, &mo, &md);
    const char *const no_inputs[] = { NULL };
    int rc = dir && md_assets_save(&assets, dir, no_inputs, &rep.r) != 0 ? -1 : 0;
    md_assets_free(&assets);
    if (rc != 0)
        api_fail_reported(err, FOLIO_ERR_INPUT, &rep, "the images could not be written into the assets folder");
    api_report_free(&rep);
    return api_hand_over(rc, &md, out, NULL, NULL);
}

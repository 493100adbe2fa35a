#include "epub/epub_internal.h"

#include <fontconfig/fontconfig.h>
#include <hb-subset.h>
#include <hb.h>
#include <string.h>

/* --embed-fonts: the serif face for the text and the bold sans face for
 * the headings, each cut down to the characters the book uses, so that a
 * short bulletin carries some hundred kilobytes of font, not twenty
 * megabytes. Noto CJK ships as .ttc collections holding the JP, KR, SC, TC
 * and HK faces; fontconfig names the file and the index of the SC face. */

typedef struct {
    const char *families[3];
    const char *style;
    const char *href;
    const char *id;
    const char *role;   /* for messages */
} epub_face;

static const epub_face epub_faces[2] = {
    { { "Noto Serif CJK SC", "Source Han Serif SC", NULL }, "Regular", "fonts/serif.otf",
      "font-serif", "serif (Song) body" },
    { { "Noto Sans CJK SC", "Source Han Sans SC", NULL }, "Bold", "fonts/sans-bold.otf",
      "font-sans", "sans (Hei) heading" },
};

/* The first of FACE's families installed in its style. Of several files
 * holding it, the first by path, so that the choice never depends on the
 * order of fontconfig's cache. */
static bool epub_font_find(FcConfig *cfg, const epub_face *face, buf_t *file, int *index)
{
    for (size_t f = 0; f < 3 && face->families[f] && !file->len; f++) {
        FcPattern *p = FcPatternBuild(NULL, FC_FAMILY, FcTypeString, face->families[f],
                                      FC_STYLE, FcTypeString, face->style, (char *)NULL);
        FcObjectSet *os = FcObjectSetBuild(FC_FILE, FC_INDEX, (char *)NULL);
        FcFontSet *fs = p && os ? FcFontList(cfg, p, os) : NULL;
        for (int i = 0; fs && i < fs->nfont; i++) {
            FcChar8 *path = NULL;
            int idx = 0;
            if (FcPatternGetString(fs->fonts[i], FC_FILE, 0, &path) != FcResultMatch)
                continue;
            FcPatternGetInteger(fs->fonts[i], FC_INDEX, 0, &idx);
            if (!file->len || strcmp((const char *)path, file->data) < 0) {
                buf_reset(file);
                buf_puts(file, (const char *)path);
                *index = idx;
            }
        }
        if (fs)
            FcFontSetDestroy(fs);
        if (os)
            FcObjectSetDestroy(os);
        if (p)
            FcPatternDestroy(p);
    }
    return file->len > 0;
}

static int epub_font_subset(const char *file, int index, const epub_codepoints *chars, buf_t *out)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(file);
    if (!blob)
        return -1;
    hb_face_t *face = hb_face_create(blob, (unsigned)index);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    hb_face_t *sub = NULL;
    if (in) {
        hb_set_t *unicodes = hb_subset_input_unicode_set(in);
        for (uint32_t cp = 0; cp < 0x110000; cp++)
            if (epub_codepoints_has(chars, cp))
                hb_set_add(unicodes, cp);
        /* Hinting is for small sizes on low-resolution screens; CJK
         * outlines do without it and it is a good part of the bytes. */
        hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
        /* Only horizontal features: keeping the vertical forms and the
         * other locales' glyphs (vert, locl) would near double the glyphs
         * for text the stylesheet sets horizontally in Simplified Chinese. */
        hb_set_t *features = hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
        hb_set_clear(features);
        static const char *const kept[] = { "ccmp", "kern", "liga", "palt", "halt" };
        for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
            hb_set_add(features, hb_tag_from_string(kept[i], 4));
        sub = hb_subset_or_fail(face, in);
        hb_subset_input_destroy(in);
    }
    int rc = -1;
    if (sub) {
        hb_blob_t *bytes = hb_face_reference_blob(sub);
        unsigned len = 0;
        const char *data = hb_blob_get_data(bytes, &len);
        if (data && len) {
            buf_add(out, data, len);
            rc = 0;
        }
        hb_blob_destroy(bytes);
        hb_face_destroy(sub);
    }
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return rc;
}

int epub_fonts_embed(epub_book *b)
{
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg) {
        report_error(b->opt.report, NULL, "--embed-fonts: fontconfig could not be set up");
        return -1;
    }
    const epub_codepoints *chars[2] = { &b->text, &b->headings };
    int rc = 0;
    buf_t file;
    buf_init(&file);
    for (size_t i = 0; i < 2 && rc == 0; i++) {
        const epub_face *face = &epub_faces[i];
        int index = 0;
        buf_reset(&file);
        epub_item *it = &b->fonts[b->nfonts];
        memset(it, 0, sizeof *it);
        if (!epub_font_find(cfg, face, &file, &index)) {
            report_error(b->opt.report, NULL, "--embed-fonts: no %s face: neither %s nor %s (%s) is installed "
                         "(on Debian: apt-get install fonts-noto-cjk)",
                         face->role, face->families[0], face->families[1], face->style);
            rc = -1;
        } else if (epub_font_subset(file.data, index, chars[i], &it->bytes) != 0) {
            report_error(b->opt.report, file.data, "--embed-fonts: cannot subset face %d", index);
            buf_free(&it->bytes);
            rc = -1;
        } else {
            it->href = xstrdup(face->href);
            it->id = xstrdup(face->id);
            it->media_type = "font/otf";
            it->compress = true;
            b->nfonts++;
        }
    }
    buf_free(&file);
    FcConfigDestroy(cfg);
    return rc;
}

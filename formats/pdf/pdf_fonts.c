#include "pdf/pdf_fonts.h"
#include "util/alloc.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const role_names[PDF_ALL_ROLES] = { "serif", "sans", "kai", "fangsong", "mono", "title" };

/* Each role names its folio-fonts.conf alias first and the faces behind it
 * after, so the text still comes out in the right face when the
 * configuration file cannot be found. */
static const char *const role_default[PDF_ALL_ROLES] = {
    "folio-serif,Noto Serif CJK SC,Source Han Serif SC",
    "folio-sans,Noto Sans CJK SC,Source Han Sans SC",
    "folio-kai,AR PL UKai CN,LXGW WenKai,Noto Serif CJK SC",
    "folio-fangsong,FandolFang,FangSong,Noto Serif CJK SC",
    "Noto Sans Mono CJK SC,DejaVu Sans Mono,monospace",
    "folio-title,FZXiaoBiaoSong-B05,Noto Serif CJK SC,Source Han Serif SC",
};

/* Faces that really are 仿宋; anything else under the role is a stand-in. */
static const char *const fangsong_faces[] = {
    "FandolFang", "FangSong", "FangSong_GB2312", "STFangsong", "仿宋", "仿宋_GB2312", NULL,
};

int pdf_role_by_name(const char *name)
{
    for (int i = 0; i < PDF_ALL_ROLES; i++)
        if (strcmp(name, role_names[i]) == 0)
            return i;
    return -1;
}

static bool readable(const char *path)
{
    return path && access(path, R_OK) == 0;
}

/* --fonts-conf, $FOLIO_FONTS_CONF, then beside the program: ../fonts in the
 * source tree, ../share/folio/fonts when installed. */
static bool find_conf(const char *given, char *path, size_t size)
{
    if (given) {
        snprintf(path, size, "%s", given);
        return readable(path);
    }
    const char *env = getenv("FOLIO_FONTS_CONF");
    if (env && *env) {
        snprintf(path, size, "%s", env);
        return readable(path);
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return false;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return false;
    *slash = '\0';
    static const char *const rel[] = {
        "/../fonts/folio-fonts.conf", "/../../fonts/folio-fonts.conf", "/../share/folio/fonts/folio-fonts.conf",
    };
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
        snprintf(path, size, "%s%s", exe, rel[i]);
        if (readable(path))
            return true;
    }
    return false;
}

static bool family_installed(FcConfig *config, const char *family)
{
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    FcObjectSet *os = FcObjectSetBuild(FC_FAMILY, (char *)NULL);
    FcFontSet *set = FcFontList(config, pat, os);
    bool found = set && set->nfont > 0;
    if (set)
        FcFontSetDestroy(set);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    return found;
}

static bool fangsong_installed(FcConfig *config)
{
    for (int i = 0; fangsong_faces[i]; i++)
        if (family_installed(config, fangsong_faces[i]))
            return true;
    return false;
}

/* The font list is loaded once a process and kept: a batch worker sets
 * many books, and loading it again for each cost 5-9 ms a book. It is
 * loaded again only when another folio-fonts.conf is asked for. */
static struct {
    char *conf;           /* the configuration file loaded, "" for none */
    FcConfig *config;
    PangoFontMap *map;
} fonts_cache;

void pdf_fonts_release_cache(void)
{
    if (fonts_cache.map)
        g_object_unref(fonts_cache.map);
    if (fonts_cache.config)
        FcConfigDestroy(fonts_cache.config);
    free(fonts_cache.conf);
    memset(&fonts_cache, 0, sizeof fonts_cache);
}

static int fonts_load(const pdf_options *opt)
{
    char path[PATH_MAX + 64];
    const char *conf = find_conf(opt->fonts_conf, path, sizeof path) ? path : "";
    if (fonts_cache.config && !strcmp(fonts_cache.conf, conf))
        return 0;
    pdf_fonts_release_cache();
    /* the fonts are listed after folio-fonts.conf is read, so that the
     * folders it names (its own: make deps puts FandolFang there) count */
    FcConfig *config = FcInitLoadConfig();
    if (!config) {
        report_error(opt->report, NULL, "fontconfig could not load its configuration");
        return -1;
    }
    if (*conf && !FcConfigParseAndLoad(config, (const FcChar8 *)conf, FcTrue)) {
        report_error(opt->report, conf, "not a fontconfig file");
        FcConfigDestroy(config);
        return -1;
    }
    if (!FcConfigBuildFonts(config)) {
        report_error(opt->report, NULL, "fontconfig could not list the fonts");
        FcConfigDestroy(config);
        return -1;
    }
    fonts_cache.conf = xstrdup(conf);
    fonts_cache.config = config;
    fonts_cache.map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fonts_cache.map), config);
    return 0;
}

int pdf_fonts_open(pdf_fonts *f, const pdf_options *opt)
{
    memset(f, 0, sizeof *f);
    if (fonts_load(opt) != 0)
        return -1;
    FcConfig *config = fonts_cache.config;
    f->config = config;
    for (int i = 0; i < PDF_ALL_ROLES; i++) {
        const char *family = role_default[i];
        char own[512];
        if (opt->fonts[i]) {
            snprintf(own, sizeof own, "%s,%s", opt->fonts[i], role_default[i]);
            family = own;
        } else if (i == PDF_ROLE_FANGSONG && !fangsong_installed(config)) {
            f->fangsong_missing = true;
            family = role_default[PDF_ROLE_SERIF];
        }
        f->family[i] = xstrdup(family);
    }
    f->map = fonts_cache.map;
    f->ctx = pango_font_map_create_context(f->map);
    /* PDF user space is 72 units an inch; pango's default 96 would scale
     * every size by 4/3. Hinting and rounding move glyphs to device pixels
     * that a PDF does not have, and round 15.75 pt advances up to 16. */
    pango_cairo_context_set_resolution(f->ctx, 72);
    pango_context_set_round_glyph_positions(f->ctx, FALSE);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(f->ctx, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_language(f->ctx, pango_language_from_string("zh-hans"));
    return 0;
}

void pdf_fonts_close(pdf_fonts *f)
{
    if (f->ctx)
        g_object_unref(f->ctx);
    for (int i = 0; i < PDF_ALL_ROLES; i++)
        free(f->family[i]);
    memset(f, 0, sizeof *f);
}

PangoFontDescription *pdf_font(const pdf_fonts *f, int role, double pt, bool bold)
{
    PangoFontDescription *d = pango_font_description_new();
    pango_font_description_set_family(d, f->family[role]);
    pango_font_description_set_absolute_size(d, pt * PANGO_SCALE);
    pango_font_description_set_weight(d, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    return d;
}

/* Pango 1.50 sets a run in a fallback font on that font's baseline as its
 * BASE table (or HarfBuzz's guess at one) places it against the first
 * font's: Noto's 祂 among FandolFang's characters rode 1.15 pt high. Every
 * face folio sets shares the one alphabetic baseline, as in print, so a
 * run keeps only the rise its attributes ask for (sup, sub). */
void pdf_fonts_level_line(PangoLayoutLine *line)
{
    for (GSList *r = line ? line->runs : NULL; r; r = r->next) {
        PangoGlyphItem *run = r->data;
        int rise = 0;
        for (GSList *a = run->item->analysis.extra_attrs; a; a = a->next) {
            const PangoAttribute *attr = a->data;
            if (attr->klass->type == PANGO_ATTR_RISE)
                rise += ((const PangoAttrInt *)attr)->value;
        }
        run->y_offset = rise;
    }
}

void pdf_fonts_level(PangoLayout *l)
{
    for (GSList *ln = pango_layout_get_lines_readonly(l); ln; ln = ln->next)
        pdf_fonts_level_line(ln->data);
}

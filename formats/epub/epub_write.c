#include "epub/epub_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Packing the book: settle its metadata from the options and the articles,
 * write the generated pages around the chapters, embed the fonts last (they
 * need every character of the book), and zip it all. */

static const epub_words epub_words_zh = { "目录", "封面", "书名页", "导航", "正文" };
static const epub_words epub_words_zh_hant = { "目錄", "封面", "書名頁", "導覽", "正文" };
static const epub_words epub_words_en = { "Contents", "Cover", "Title Page", "Landmarks", "Start" };

/* Chinese written in traditional characters: zh-TW, zh-HK, zh-MO, zh-Hant. */
static bool epub_is_traditional(const char *lang)
{
    static const char *const tags[] = { "zh-tw", "zh-hk", "zh-mo", "zh-hant" };
    for (size_t i = 0; i < sizeof tags / sizeof *tags; i++)
        if (strncasecmp(lang, tags[i], strlen(tags[i])) == 0)
            return true;
    return false;
}

/* The language most of the articles are in; zh-CN when none says. */
static char *epub_book_lang(const epub_book *b)
{
    const char *best = NULL;
    size_t best_n = 0;
    for (size_t i = 0; i < b->nchapters; i++) {
        const char *l = b->chapters[i].meta.lang;
        size_t n = 0;
        for (size_t j = 0; l && j < b->nchapters; j++)
            n += b->chapters[j].meta.lang && strcmp(b->chapters[j].meta.lang, l) == 0;
        if (n > best_n)
            best = l, best_n = n;
    }
    return xstrdup(best ? best : "zh-CN");
}

/* FIELD of the articles when all of them that have it agree; else NULL. */
static char *epub_shared(const epub_book *b, size_t field)
{
    const char *value = NULL;
    for (size_t i = 0; i < b->nchapters; i++) {
        const char *v = *(char *const *)((const char *)&b->chapters[i].meta + field);
        if (!v || (value && strcmp(v, value) != 0))
            return NULL;
        value = v;
    }
    return value ? xstrdup(value) : NULL;
}

static void epub_settle(epub_book *b)
{
    const article_meta *first = &b->chapters[0].meta;
    b->is_book = b->nchapters > 1 || b->opt.title;
    b->title = xstrdup(b->opt.title ? b->opt.title : first->title ? first->title
                                                        : b->chapters[0].label);
    b->lang = epub_book_lang(b);
    b->words = epub_is_traditional(b->lang) ? &epub_words_zh_hant
             : strncasecmp(b->lang, "zh", 2) == 0 ? &epub_words_zh : &epub_words_en;
    b->creator = epub_shared(b, offsetof(article_meta, creator));
    b->publisher = epub_shared(b, offsetof(article_meta, publisher));
    if (!b->is_book)
        b->source = first->source ? xstrdup(first->source)
                  : first->url ? xstrdup(first->url) : NULL;
    /* The book's date and its last modification are its newest article's,
     * unless SOURCE_DATE_EPOCH says otherwise. */
    char newest[21] = "", day[11] = "";
    for (size_t i = 0; i < b->nchapters; i++) {
        char m[21];
        if (epub_date_modified(b->chapters[i].meta.date, m) && strcmp(m, newest) > 0) {
            memcpy(newest, m, sizeof m);
            epub_date_w3c(b->chapters[i].meta.date, day);
        }
    }
    b->date = day[0] ? xstrdup(day) : NULL;
    if (b->opt.has_epoch)
        epub_date_from_epoch(b->opt.epoch, b->modified);
    else
        memcpy(b->modified, newest[0] ? newest : "1980-01-01T00:00:00Z", 21);
    b->identifier = b->opt.id ? xstrdup(b->opt.id) : epub_content_uuid(b);
}

/* Without --cover: the title on a plain page, and under it the publisher
 * and date of an article, or the span of a book's dates. */
static void epub_generated_cover(epub_book *b)
{
    buf_t sub;
    buf_init(&sub);
    if (b->is_book) {
        epub_titlepage_dates(b, &sub);
    } else {
        const article_meta *m = &b->chapters[0].meta;
        buf_printf(&sub, "%s%s%s", m->publisher ? m->publisher : "",
                   m->publisher && m->date ? "  " : "", m->date ? m->date : "");
    }
    epub_item *it = &b->cover_image;
    epub_cover_svg(b->title, sub.data, &it->bytes);
    it->href = xstrdup("images/cover.svg");
    it->id = xstrdup("cover-image");
    it->media_type = "image/svg+xml";
    it->properties = "cover-image";
    it->compress = true;
    buf_free(&sub);
}

static const char epub_container[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
    "<rootfiles>\n<rootfile full-path=\"" EPUB_DIR "package.opf\" "
    "media-type=\"application/oebps-package+xml\"/>\n</rootfiles>\n</container>\n";

/* The pages folio writes around the chapters. */
typedef struct {
    buf_t cover, title, nav, ncx, css, opf;
} epub_pages;

/* The zip's entries, in the order OCF and reading systems like: mimetype,
 * container, package, navigation, then the content. */
typedef struct {
    epub_zip_entry *e;
    size_t n;
    char **names;     /* the entry names made here */
    size_t nnames;
} epub_files;

static void epub_file(epub_files *f, const char *name, const char *data, size_t len, bool compress)
{
    f->e[f->n++] = (epub_zip_entry){ name, data, len, compress };
}

/* An entry under EPUB/ for a file the package names by HREF. */
static void epub_book_file(epub_files *f, const char *href, const buf_t *data, bool compress)
{
    buf_t name;
    buf_init(&name);
    buf_printf(&name, EPUB_DIR "%s", href);
    f->names[f->nnames] = buf_detach(&name);
    epub_file(f, f->names[f->nnames++], data->data, data->len, compress);
}

static int epub_zip_book(const epub_book *b, const epub_pages *p, buf_t *out)
{
    size_t cap = 10 + b->nchapters + b->nimages + b->nfonts;
    epub_files f = { xcalloc(cap, sizeof *f.e), 0, xcalloc(cap, sizeof *f.names), 0 };
    epub_file(&f, "mimetype", "application/epub+zip", 20, false);
    epub_file(&f, "META-INF/container.xml", epub_container, sizeof epub_container - 1, true);
    epub_book_file(&f, "package.opf", &p->opf, true);
    epub_book_file(&f, "nav.xhtml", &p->nav, true);
    epub_book_file(&f, "toc.ncx", &p->ncx, true);
    epub_book_file(&f, "style.css", &p->css, true);
    epub_book_file(&f, "cover.xhtml", &p->cover, true);
    if (b->is_book)
        epub_book_file(&f, "title.xhtml", &p->title, true);
    for (size_t i = 0; i < b->nchapters; i++)
        epub_book_file(&f, b->chapters[i].file, &b->chapters[i].xhtml, true);
    const epub_item *it = &b->cover_image;
    epub_book_file(&f, it->href, &it->bytes, it->compress);
    for (size_t i = 0; i < b->nimages; i++) {
        it = &b->images[i];
        epub_book_file(&f, it->href, &it->bytes, it->compress);
    }
    for (size_t i = 0; i < b->nfonts; i++) {
        it = &b->fonts[i];
        epub_book_file(&f, it->href, &it->bytes, it->compress);
    }
    int rc = epub_zip_write(f.e, f.n, b->modified, out, b->opt.report);
    for (size_t i = 0; i < f.nnames; i++)
        free(f.names[i]);
    free(f.names);
    free(f.e);
    return rc;
}

static int epub_pack(epub_book *b, buf_t *out)
{
    epub_pages p;
    buf_t *all[] = { &p.cover, &p.title, &p.nav, &p.ncx, &p.css, &p.opf };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        buf_init(all[i]);
    epub_cover_write(b, &p.cover);
    if (b->is_book)
        epub_titlepage_write(b, &p.title);
    epub_nav_write(b, &p.nav);
    epub_ncx_write(b, &p.ncx);
    /* Last of the text: the fonts must hold every character written. */
    int rc = b->opt.embed_fonts ? epub_fonts_embed(b) : 0;
    epub_css_write(b, &p.css);
    epub_package_write(b, &p.opf);
    if (rc == 0)
        rc = epub_zip_book(b, &p, out);
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        buf_free(all[i]);
    return rc;
}

int epub_book_write(epub_book *b, buf_t *out)
{
    if (b->nchapters == 0) {
        report_error(b->opt.report, NULL, "no article to make a book of");
        return -1;
    }
    epub_settle(b);
    if (!b->cover_image.href)
        epub_generated_cover(b);
    return epub_pack(b, out);
}

#include "epub/epub_internal.h"
#include "util/io.h"

#include <stdlib.h>
#include <string.h>

/* The book being gathered: each article becomes its content document as
 * it is added, so that only the chapters' bytes stay in memory, not 200
 * parsed trees. */

static char *epub_optional_copy(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

epub_book *epub_book_new(const epub_options *opt)
{
    epub_book *b = xcalloc(1, sizeof *b);
    b->opt = *opt;
    b->opt.title = epub_optional_copy(opt->title);
    b->opt.id = epub_optional_copy(opt->id);
    epub_codepoints_init(&b->text);
    epub_codepoints_init(&b->headings);
    /* Characters the generated pages may set between the articles' own. */
    epub_codepoints_add_utf8(&b->text, " \xC2\xA0\xE3\x80\x80", 6);
    return b;
}

void epub_book_free(epub_book *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->nchapters; i++)
        epub_chapter_free(&b->chapters[i]);
    free(b->chapters);
    for (size_t i = 0; i < b->nimages; i++)
        epub_item_free(&b->images[i]);
    free(b->images);
    epub_item_free(&b->cover_image);
    for (size_t i = 0; i < b->nfonts; i++)
        epub_item_free(&b->fonts[i]);
    epub_codepoints_free(&b->text);
    epub_codepoints_free(&b->headings);
    char *owned[] = { (char *)b->opt.title, (char *)b->opt.id, b->title, b->lang,
                      b->identifier, b->date, b->creator, b->publisher, b->source };
    for (size_t i = 0; i < sizeof owned / sizeof *owned; i++)
        free(owned[i]);
    free(b);
}

/* "dir/a.xhtml" -> "dir"; "a.xhtml" -> "."; standard input -> NULL. */
static char *epub_input_dir(const char *path)
{
    if (!path || strcmp(path, "-") == 0)
        return NULL;
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    char *dir = xstrdup(path);
    dir[slash - path] = '\0';
    return dir;
}

static void epub_meta_copy(article_meta *to, const article_meta *from)
{
    article_meta_set(&to->title, from->title);
    article_meta_set(&to->date, from->date);
    article_meta_set(&to->publisher, from->publisher);
    article_meta_set(&to->creator, from->creator);
    article_meta_set(&to->source, from->source);
    article_meta_set(&to->url, from->url);
    article_meta_set(&to->lang, from->lang);
    article_meta_set(&to->identifier, from->identifier);
    article_meta_set(&to->subject, from->subject);
}

int epub_book_add(epub_book *b, const char *data, size_t len, const char *path)
{
    const char *name = io_name(path);
    article a;
    buf_t why;
    buf_init(&why);
    int parsed = article_parse(data, len, &a, &why);
    if (parsed != 0)
        report_error(b->opt.report, name, "%s", why.data);
    buf_free(&why);
    if (parsed != 0)
        return -1;
    b->chapters = xreallocarray(b->chapters, b->nchapters + 1, sizeof *b->chapters);
    epub_chapter *ch = &b->chapters[b->nchapters];
    memset(ch, 0, sizeof *ch);
    buf_t file;
    buf_init(&file);
    buf_printf(&file, "article-%03zu.xhtml", b->nchapters + 1);
    ch->file = buf_detach(&file);
    char *dir = epub_input_dir(path);
    epub_chapter_write(b, ch, &a, name, dir);
    free(dir);
    epub_meta_copy(&ch->meta, &a.meta);
    b->nchapters++;
    article_free(&a);
    return 0;
}

int epub_book_set_cover(epub_book *b, const char *data, size_t len, const char *name)
{
    const char *type = epub_media_type(data, len);
    if (!type) {
        report_error(b->opt.report, name, "cannot be the cover: not a PNG, JPEG, GIF or SVG image");
        return -1;
    }
    epub_item *it = &b->cover_image;
    epub_item_free(it);
    buf_t href;
    buf_init(&href);
    buf_printf(&href, "images/cover.%s", epub_media_ext(type));
    it->href = buf_detach(&href);
    it->id = xstrdup("cover-image");
    it->media_type = type;
    it->properties = "cover-image";
    it->compress = !strcmp(type, "image/svg+xml");
    buf_add(&it->bytes, data, len);
    return 0;
}

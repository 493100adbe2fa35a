/* --book NAME: every converted article of the run bound into one PDF and
 * one EPUB, by date (undated last) or by path. */
#include "batch/batch.h"
#include "common/pdf_guard.h"
#include "article/article.h"
#include "epub/epub.h"
#include "util/io.h"
#include "pdf/pdf.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *path;      /* its .xhtml */
    buf_t data;
    char *date;      /* or NULL */
} book_part;

static bool book_by_path;

static int book_cmp(const void *a, const void *b)
{
    const book_part *x = a, *y = b;
    if (!book_by_path) {
        if (x->date && !y->date)
            return -1;
        if (!x->date && y->date)
            return 1;
        int c = x->date ? strcmp(x->date, y->date) : 0;
        if (c)
            return c;
    }
    return strcmp(x->path, y->path);
}

static void book_pdf(book_part *parts, size_t n, const char *path, const batch_options *o,
                     batch_failures *f)
{
    pdf_options po = { .title = o->book, .toc = o->book_toc, .report = &io_reporter,
                       .has_epoch = o->has_epoch, .epoch = o->epoch };
    pdf_book *b = pdf_book_new(&po);
    int rc = b ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        article a;
        if (io_parse_article(parts[i].data.data, parts[i].data.len, parts[i].path, &a) == 0)
            pdf_book_add(b, &a, parts[i].path);
        else
            rc = -1;
    }
    /* a crash of the PDF library costs the book, not the run's report */
    if (rc == 0)
        rc = pdf_guard_save(b, path, NULL, &io_reporter);
    if (rc > 0) {
        char why[96];
        snprintf(why, sizeof why, "the PDF library crashed setting the book (signal %d)", rc);
        io_error(path, "%s", why);
        batch_fail(f, path, 0, NULL, "pdf", why);
    } else if (rc < 0)
        batch_fail(f, path, 0, NULL, "pdf", "the book could not be made (see the messages above)");
    pdf_book_free(b);
}

static void book_epub(book_part *parts, size_t n, const char *path, const batch_options *o,
                      batch_failures *f)
{
    epub_options eo = { .title = o->book, .report = &io_reporter, .has_epoch = o->has_epoch, .epoch = o->epoch };
    epub_book *b = epub_book_new(&eo);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++)
        ok = epub_book_add(b, parts[i].data.data, parts[i].data.len, parts[i].path) == 0;
    buf_t out;
    buf_init(&out);
    if (ok)
        ok = epub_book_write(b, &out) == 0 && io_write_atomic(path, out.data, out.len, NULL, &io_reporter) == 0;
    if (!ok)
        batch_fail(f, path, 0, NULL, "epub", "the book could not be made (see the messages above)");
    buf_free(&out);
    epub_book_free(b);
}

void batch_book(const batch_plan *plan, const batch_options *o, int formats, batch_failures *f)
{
    const char *outdir = o->outdir, *name = o->book;
    book_part *parts = xcalloc(plan->n + 1, sizeof *parts);
    size_t n = 0;
    buf_t path;
    buf_init(&path);
    for (size_t i = 0; i < plan->n; i++) {
        const batch_item *it = &plan->v[i];
        if ((it->state != BATCH_DONE && it->state != BATCH_SKIPPED) || !it->stem)
            continue;
        book_part *p = &parts[n];
        batch_output_path(outdir, it->stem, ".xhtml", &path);
        buf_init(&p->data);
        article a;
        if (io_read_all(path.data, &p->data) != 0 ||
            io_parse_article(p->data.data, p->data.len, path.data, &a) != 0) {
            buf_free(&p->data);
            batch_fail(f, path.data, 0, NULL, "read", "cannot be read back for the book");
            continue;
        }
        p->date = a.meta.date ? xstrdup(a.meta.date) : NULL;
        p->path = xstrdup(path.data);
        article_free(&a);
        n++;
    }
    book_by_path = o->by_path;
    if (n)
        qsort(parts, n, sizeof *parts, book_cmp);
    if (!n) {
        io_warn(NULL, "--book %s: no article to bind", name);
    } else {
        if (formats & BATCH_PDF) {
            buf_reset(&path);
            buf_printf(&path, "%s/%s.pdf", outdir, name);
            book_pdf(parts, n, path.data, o, f);
        }
        if (formats & BATCH_EPUB) {
            buf_reset(&path);
            buf_printf(&path, "%s/%s.epub", outdir, name);
            book_epub(parts, n, path.data, o, f);
        }
    }
    for (size_t i = 0; i < n; i++) {
        free(parts[i].path);
        free(parts[i].date);
        buf_free(&parts[i].data);
    }
    free(parts);
    buf_free(&path);
}

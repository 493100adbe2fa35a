/* --book NAME: every converted article of the run bound into one PDF and
 * one EPUB, by date (undated last) or by path. */
#include "batch.h"
#include "article.h"
#include "epub.h"
#include "io.h"
#include "pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* Set the PDF book; true when it was written. */
static bool book_pdf_write(book_part *parts, size_t n, const char *path, const char *name, const char *epoch)
{
    pdf_options po = { 0 };
    po.title = name;
    po.epoch = epoch;
    pdf_book *b = pdf_book_new(&po);
    bool ok = b != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        article a;
        if (article_parse(parts[i].data.data, parts[i].data.len, parts[i].path, &a) == 0)
            pdf_book_add(b, &a, parts[i].path);
        else
            ok = false;
    }
    buf_t out;
    buf_init(&out);
    if (ok)
        ok = pdf_book_write(b, &out) == 0 && io_write_atomic(path, out.data, out.len, NULL) == 0;
    buf_free(&out);
    pdf_book_free(b);
    return ok;
}

/* The book is set in a child process: cairo 1.16 can abort on an assertion
 * while it finishes a large document, and that must cost the book, not the
 * run's manifest and failure report. */
static void book_pdf(book_part *parts, size_t n, const char *path, const char *name, const char *epoch,
                     batch_failures *f)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        const char *crash = getenv("FOLIO_BATCH_TEST_CRASH");
        if (crash && !strcmp(crash, path))
            abort();
        _exit(book_pdf_write(parts, n, path, name, epoch) ? 0 : 1);
    }
    int st = 0;
    if (pid < 0 || waitpid(pid, &st, 0) != pid) {
        batch_fail(f, path, 0, NULL, "pdf", "cannot start the process that sets the book");
        return;
    }
    if (WIFSIGNALED(st)) {
        char why[96];
        snprintf(why, sizeof why, "the PDF library crashed setting the book (signal %d)", WTERMSIG(st));
        io_error(path, "%s", why);
        batch_fail(f, path, 0, NULL, "pdf", why);
    } else if (WEXITSTATUS(st) != 0)
        batch_fail(f, path, 0, NULL, "pdf", "the book could not be made (see the messages above)");
}

static void book_epub(book_part *parts, size_t n, const char *path, const char *name, const char *epoch,
                      batch_failures *f)
{
    epub_options eo = { 0 };
    eo.title = name;
    if (epoch) {
        eo.has_epoch = true;
        eo.epoch = strtoll(epoch, NULL, 10);
    }
    epub_book *b = epub_book_new(&eo);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++)
        ok = epub_book_add(b, parts[i].data.data, parts[i].data.len, parts[i].path) == 0;
    buf_t out;
    buf_init(&out);
    if (ok)
        ok = epub_book_write(b, &out) == 0 && io_write_atomic(path, out.data, out.len, NULL) == 0;
    if (!ok)
        batch_fail(f, path, 0, NULL, "epub", "the book could not be made (see the messages above)");
    buf_free(&out);
    epub_book_free(b);
}

void batch_book(const batch_plan *plan, const char *outdir, const char *name, int formats,
                bool by_path, const char *epoch, batch_failures *f)
{
    book_part *parts = calloc(plan->n + 1, sizeof *parts);
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
            article_parse(p->data.data, p->data.len, path.data, &a) != 0) {
            buf_free(&p->data);
            batch_fail(f, path.data, 0, NULL, "read", "cannot be read back for the book");
            continue;
        }
        p->date = a.meta.date ? strdup(a.meta.date) : NULL;
        p->path = strdup(path.data);
        article_free(&a);
        n++;
    }
    book_by_path = by_path;
    if (n)
        qsort(parts, n, sizeof *parts, book_cmp);
    if (!n) {
        io_warn(NULL, "--book %s: no article to bind", name);
    } else {
        if (formats & BATCH_PDF) {
            buf_reset(&path);
            buf_printf(&path, "%s/%s.pdf", outdir, name);
            book_pdf(parts, n, path.data, name, epoch, f);
        }
        if (formats & BATCH_EPUB) {
            buf_reset(&path);
            buf_printf(&path, "%s/%s.epub", outdir, name);
            book_epub(parts, n, path.data, name, epoch, f);
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

/* The worker's side of folio-batch: clean a page into the staging folder,
 * then, once the parent has named it, write its outputs. A worker keeps
 * the container it read last open, so that the pages of one container,
 * asked for in order, are read in one pass. */
#include "batch/batch.h"
#include "article/article.h"
#include "capture/capture.h"
#include "common/page_name.h"
#include "clean/clean.h"
#include "epub/epub.h"
#include "util/io.h"
#include "md/md.h"
#include "pdf/pdf.h"
#include "util/alloc.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

struct batch_worker {
    const batch_job *job;
    const batch_plan *plan;
    capture *cap;               /* the container read last, or NULL */
    const batch_input *cap_in;
    long cap_next;              /* the ordinal its next page will have */
    buf_t reply;
    buf_t error;                /* the last error reported */
    buf_t warnings;             /* lines for the parent, sent before the reply */
    long cleaning;              /* the page being cleaned, or -1 */
    reporter report;            /* reports into ERROR */
};

/* What went wrong writing a page's outputs: the last error reported is
 * the failure's cause. A warning while cleaning (text cut, an image kept
 * as its address) says the article holds less than the page: it goes to
 * the parent, which says it. The writers' warnings go unsaid. */
static void worker_say(void *ctx, report_kind kind, const char *file, const char *message)
{
    batch_worker *w = ctx;
    if (kind == REPORT_WARNING && w->cleaning >= 0) {
        buf_printf(&w->warnings, "C\t%ld\twarn\t0\t", w->cleaning);
        for (const char *p = message; *p; p++)
            buf_putc(&w->warnings, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
        buf_putc(&w->warnings, '\n');
        return;
    }
    if (kind != REPORT_ERROR)
        return;
    buf_reset(&w->error);
    if (file)
        buf_printf(&w->error, "%s: ", file);
    buf_puts(&w->error, message);
}

static long worker_maxrss(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

static void reply_fail(batch_worker *w, char kind, size_t index, const char *stage, const char *error)
{
    buf_reset(&w->reply);
    buf_printf(&w->reply, "%c\t%zu\tfail\t%ld\t%s\t", kind, index, worker_maxrss(), stage);
    for (const char *p = error; *p; p++)
        buf_putc(&w->reply, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
    buf_putc(&w->reply, '\n');
}

static void worker_stage_path(const batch_worker *w, size_t index, buf_t *out)
{
    buf_reset(out);
    buf_printf(out, "%s/%zu.xhtml", w->job->stage, index);
}

static void worker_close_capture(batch_worker *w)
{
    capture_close(w->cap);
    w->cap = NULL;
    w->cap_in = NULL;
    w->cap_next = 0;
}

/* Move the open capture to the page IT names; 1 with PAGE, or 0 after a
 * reply saying why not. */
static int worker_seek(batch_worker *w, size_t index, const batch_item *it, capture_page *page)
{
    buf_t why;
    buf_init(&why);
    if (w->cap && (w->cap_in != it->in || w->cap_next > it->ordinal))
        worker_close_capture(w);
    if (!w->cap) {
        w->cap = capture_open(it->in->path, &why);
        if (!w->cap) {
            reply_fail(w, 'C', index, "read", why.data);
            buf_free(&why);
            return 0;
        }
        w->cap_in = it->in;
        w->cap_next = 0;
    }
    for (;;) {
        buf_reset(&why);
        int rc = capture_next(w->cap, page, &why);
        if (rc == 1 && w->cap_next++ == it->ordinal) {
            buf_free(&why);
            return 1;
        }
        if (rc == -1 || rc == 1)
            continue;   /* a refused record was reported when planning */
        reply_fail(w, 'C', index, "read", rc == 0 ? "the page is gone: the input changed since it was read"
                                                  : why.data);
        worker_close_capture(w);
        buf_free(&why);
        return 0;
    }
}

/* The cleaned page staged at PATH; -1 after reporting why not. */
static int worker_stage_read(batch_worker *w, const char *path, buf_t *xhtml)
{
    buf_t why;
    buf_init(&why);
    int rc = io_read_file(path, xhtml, &why);
    if (rc != 0)
        report_error(&w->report, path, "%s", why.data);
    buf_free(&why);
    return rc;
}

/* A staged page lives only until its outputs are written, and a run that
 * dies removes the staging folder whole: no rename, no fsync. */
static int worker_stage_write(const char *path, const buf_t *xhtml, buf_t *why)
{
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(xhtml->data, 1, xhtml->len, f) == xhtml->len;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok) {
        buf_reset(why);
        buf_printf(why, "%s: %s", path, strerror(errno));
    }
    return ok ? 0 : -1;
}

static void worker_clean(batch_worker *w, size_t index)
{
    const batch_item *it = &w->plan->v[index];
    /* The test suite's stand-in for a page that crashes the cleaner or
     * gets the worker killed for its memory... */
    const char *crash = getenv("FOLIO_BATCH_TEST_CRASH");
    if (crash && !strcmp(crash, it->in->path))
        raise(SIGKILL);
    /* ...and for one that never ends. */
    const char *hang = getenv("FOLIO_BATCH_TEST_HANG");
    while (hang && !strcmp(hang, it->in->path))
        pause();
    capture_page page;
    if (!worker_seek(w, index, it, &page))
        return;
    buf_t xhtml, why, name, path;
    buf_init(&xhtml);
    buf_init(&why);
    buf_init(&name);
    buf_init(&path);
    clean_options o = { .path = it->in->path, .rules = w->job->rules, .charset = page.charset,
                        .url = page.url, .resource = capture_resource, .resource_ctx = w->cap,
                        .report = &w->report };
    w->cleaning = (long)index;
    int status = clean_page(page.data, page.len, &o, &xhtml, &why);
    w->cleaning = -1;
    if (status != CLEAN_OK) {
        reply_fail(w, 'C', index, "clean", why.data);
        goto out;
    }
    page_output_name(page.url, xhtml.data, xhtml.len, it->in->path, it->in->root, page.record, &name);
    worker_stage_path(w, index, &path);
    if (worker_stage_write(path.data, &xhtml, &why) != 0) {
        reply_fail(w, 'C', index, "write", why.data);
        goto out;
    }
    buf_reset(&w->reply);
    buf_printf(&w->reply, "C\t%zu\tok\t%ld\t%s\n", index, worker_maxrss(), name.data);
out:
    buf_free(&xhtml);
    buf_free(&why);
    buf_free(&name);
    buf_free(&path);
}

/* page.md -> the folder page.assets beside it, linked as "page.assets". */
static int worker_md(batch_worker *w, const char *md_path, const char *stem, const buf_t *xhtml,
                     const char *const *inputs)
{
    article a;
    buf_t why;
    buf_init(&why);
    int parsed = article_parse(xhtml->data, xhtml->len, &a, &why);
    if (parsed != 0)
        report_error(&w->report, md_path, "%s", why.data);
    buf_free(&why);
    if (parsed != 0)
        return -1;
    buf_t md, dir, href;
    buf_init(&md);
    buf_init(&dir);
    buf_init(&href);
    const char *slash = strrchr(stem, '/');
    buf_printf(&dir, "%.*s.assets", (int)(strlen(md_path) - 3), md_path);
    buf_printf(&href, "%s.assets", slash ? slash + 1 : stem);
    md_assets assets = { NULL, 0 };
    md_options opt = { href.data, &assets, md_path, &w->report };
    md_write_article(&a, &opt, &md);
    int rc = md_assets_save(&assets, dir.data, inputs, &w->report) == 0 &&
             io_write_atomic(md_path, md.data, md.len, inputs, &w->report) == 0 ? 0 : -1;
    md_assets_free(&assets);
    article_free(&a);
    buf_free(&md);
    buf_free(&dir);
    buf_free(&href);
    return rc;
}

static int worker_epub(batch_worker *w, const char *epub_path, const char *xhtml_path, const buf_t *xhtml,
                       const char *const *inputs)
{
    epub_options eo = { .report = &w->report, .has_epoch = w->job->has_epoch, .epoch = w->job->epoch };
    epub_book *b = epub_book_new(&eo);
    buf_t zip;
    buf_init(&zip);
    int rc = epub_book_add(b, xhtml->data, xhtml->len, xhtml_path) == 0 &&
             epub_book_write(b, &zip) == 0 &&
             io_write_atomic(epub_path, zip.data, zip.len, inputs, &w->report) == 0 ? 0 : -1;
    epub_book_free(b);
    buf_free(&zip);
    return rc;
}

static int worker_pdf(batch_worker *w, const char *pdf_path, const buf_t *xhtml, const char *const *inputs)
{
    pdf_options po = { .report = &w->report, .has_epoch = w->job->has_epoch, .epoch = w->job->epoch };
    pdf_book *b = pdf_book_new(&po);
    if (!b)
        return -1;
    article a;
    int rc = -1;
    buf_t out;
    buf_init(&out);
    buf_t why;
    buf_init(&why);
    if (article_parse(xhtml->data, xhtml->len, &a, &why) == 0) {
        pdf_book_add(b, &a, pdf_path);
        rc = pdf_book_write(b, &out) == 0 && io_write_atomic(pdf_path, out.data, out.len, inputs, &w->report) == 0
                 ? 0 : -1;
    } else {
        report_error(&w->report, pdf_path, "%s", why.data);
    }
    buf_free(&why);
    pdf_book_free(b);
    buf_free(&out);
    return rc;
}

static void worker_write(batch_worker *w, size_t index, const char *stem)
{
    const batch_item *it = &w->plan->v[index];
    const batch_job *job = w->job;
    const char *const inputs[] = { it->in->path, NULL };
    buf_t staged, xhtml, out, xpath;
    buf_init(&staged);
    buf_init(&xhtml);
    buf_init(&out);
    buf_init(&xpath);
    worker_stage_path(w, index, &staged);
    buf_reset(&w->error);
    const char *stage = "write";
    batch_output_path(job->outdir, stem, ".xhtml", &xpath);
    bool ok = worker_stage_read(w, staged.data, &xhtml) == 0 && io_make_parents(xpath.data, &w->report) == 0 &&
              io_write_atomic(xpath.data, xhtml.data, xhtml.len, inputs, &w->report) == 0;
    if (ok && (job->formats & BATCH_MD)) {
        stage = "md";
        batch_output_path(job->outdir, stem, ".md", &out);
        ok = worker_md(w, out.data, stem, &xhtml, inputs) == 0;
    }
    if (ok && (job->formats & BATCH_EPUB)) {
        stage = "epub";
        batch_output_path(job->outdir, stem, ".epub", &out);
        ok = worker_epub(w, out.data, xpath.data, &xhtml, inputs) == 0;
    }
    if (ok && (job->formats & BATCH_PDF)) {
        stage = "pdf";
        batch_output_path(job->outdir, stem, ".pdf", &out);
        ok = worker_pdf(w, out.data, &xhtml, inputs) == 0;
    }
    unlink(staged.data);
    if (ok) {
        buf_reset(&w->reply);
        buf_printf(&w->reply, "W\t%zu\tok\t%ld\n", index, worker_maxrss());
    } else {
        reply_fail(w, 'W', index, stage, w->error.len ? w->error.data : "failed");
    }
    buf_free(&staged);
    buf_free(&xhtml);
    buf_free(&out);
    buf_free(&xpath);
}

static int worker_send(int fd, const buf_t *b)
{
    const char *p = b->data;
    size_t n = b->len;
    while (n) {
        ssize_t r = write(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

void batch_worker_serve(const batch_job *job, const batch_plan *plan, int in, int out)
{
    batch_worker w = { .job = job, .plan = plan, .cleaning = -1 };
    w.report = (reporter){ worker_say, &w };
    buf_init(&w.reply);
    buf_init(&w.error);
    buf_init(&w.warnings);
    /* requests of any length: a name may be long */
    buf_t line;
    buf_init(&line);
    char chunk[4096];
    for (;;) {
        char *nl = line.len ? memchr(line.data, '\n', line.len) : NULL;
        if (!nl) {
            ssize_t r = read(in, chunk, sizeof chunk);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break;
            buf_add(&line, chunk, (size_t)r);
            continue;
        }
        *nl = '\0';
        char kind = line.data[0];
        char *end;
        size_t index = strtoul(line.data + 1, &end, 10);
        buf_reset(&w.reply);
        if (index < plan->n && kind == 'C')
            worker_clean(&w, index);
        else if (index < plan->n && kind == 'W' && *end == ' ')
            worker_write(&w, index, end + 1);
        size_t used = (size_t)(nl - line.data) + 1;
        memmove(line.data, nl + 1, line.len - used);
        line.len -= used;
        line.data[line.len] = '\0';
        if (w.warnings.len && worker_send(out, &w.warnings) != 0)
            break;
        buf_reset(&w.warnings);
        if (!w.reply.len || worker_send(out, &w.reply) != 0)
            break;
    }
    worker_close_capture(&w);
    buf_free(&w.reply);
    buf_free(&w.error);
    buf_free(&w.warnings);
    buf_free(&line);
}

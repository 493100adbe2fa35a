/* One folio-batch run from start to end: prepare OUTDIR, gather the pages,
 * convert what is not up to date, and account for it. */
#include "batch/batch.h"
#include "common/rules_folder.h"
#include "util/io.h"
#include "clean/rules/site_rules.h"
#include "util/alloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

typedef struct {
    const batch_options *o;
    double started;
    site_rules_dir *rules;
    buf_t meta;        /* OUTDIR/.folio-batch */
    buf_t names;       /* where names are claimed */
    buf_t stage;       /* this shard's staging folder */
    buf_t own_path;    /* this shard's manifest */
    batch_inputs inputs;
    batch_failures failures;
    batch_plan plan;
    batch_manifest all, own;
    long skipped;
} batch_state;

static int make_dir(const char *path)
{
    buf_t p;
    buf_init(&p);
    buf_printf(&p, "%s/x", path);
    int rc = io_make_parents(p.data, &io_reporter);
    buf_free(&p);
    if (rc == 0 && !io_is_dir(path)) {
        io_error(path, "not a folder");
        rc = -1;
    }
    return rc;
}

/* "manifest.tsv", or "manifest-K-of-N.tsv" for a shard. */
static void shard_name(const batch_options *o, const char *base, const char *ext, buf_t *out)
{
    buf_reset(out);
    if (o->shards > 1)
        buf_printf(out, "%s-%u-of-%u%s", base, o->shard, o->shards, ext);
    else
        buf_printf(out, "%s%s", base, ext);
}

/* The rules, OUTDIR and its bookkeeping folders, and what a killed run
 * left behind. */
static int run_prepare(batch_state *r)
{
    const batch_options *o = r->o;
    const char *from, *rules = rules_folder(o->rules, &from);
    if (rules && !(r->rules = site_rules_open(rules, &io_reporter))) {
        io_error(NULL, "%s%s: %s", from, rules, errno == ENOTDIR ? "not a folder" : strerror(errno));
        return 2;
    }
    if (make_dir(o->outdir) != 0)
        return 1;
    buf_t name;
    buf_init(&name);
    buf_printf(&r->meta, "%s/.folio-batch", o->outdir);
    buf_printf(&r->names, "%s/names", r->meta.data);
    shard_name(o, "stage", ".tmp", &name);
    buf_printf(&r->stage, "%s/%s", r->meta.data, name.data);
    shard_name(o, "manifest", ".tsv", &name);
    buf_printf(&r->own_path, "%s/%s", r->meta.data, name.data);
    buf_free(&name);
    /* Shards may share OUTDIR, so with shards only old temporary files are
     * another run's leftovers rather than its work in progress. */
    batch_remove_tree(r->stage.data);
    batch_sweep_temps(o->outdir, o->shards > 1 ? 3600 : 0);
    if (make_dir(r->names.data) != 0 || make_dir(r->stage.data) != 0)
        return 1;
    return 0;
}

/* Every page of every SRC, and what could not even be read. */
static void run_gather(batch_state *r)
{
    const batch_options *o = r->o;
    batch_failures walked = { 0 };
    for (size_t i = 0; i < o->n_srcs; i++)
        batch_walk(o->srcs[i], o->outdir, &r->inputs, &walked);
    /* a folder that cannot be read is one shard's failure, not every shard's */
    for (size_t i = 0; i < walked.n; i++)
        if (batch_shard_hash(walked.v[i].input, 0) % o->shards == o->shard)
            batch_fail(&r->failures, walked.v[i].input, 0, walked.v[i].record, walked.v[i].stage,
                       walked.v[i].error);
    batch_failures_free(&walked);
    for (size_t i = 0; i < r->inputs.n; i++)
        batch_plan_input(&r->plan, &r->inputs.v[i], o->shard, o->shards, &r->failures);
    /* What the walk and the plan refused is told now, as the workers' failures are. */
    for (size_t i = 0; i < r->failures.n && !o->quiet; i++) {
        const batch_failure *x = &r->failures.v[i];
        if (*x->record)
            io_error(x->input, "%s: %s: %s", x->record, x->stage, x->error);
        else
            io_error(x->input, "%s: %s", x->stage, x->error);
    }
}

/* Pages up to date need no worker: the manifest knows their input's size
 * and time, and their outputs are there. */
static void run_mark_up_to_date(batch_state *r)
{
    const batch_options *o = r->o;
    batch_manifest_load(&r->all, r->meta.data);
    batch_manifest_load_file(&r->own, r->own_path.data);
    if (o->force)
        return;
    for (size_t i = 0; i < r->plan.n; i++) {
        batch_item *it = &r->plan.v[i];
        const batch_entry *e = batch_manifest_find(&r->all, it->in->path, it->ordinal);
        if (!e || e->size != it->size || e->mtime_ns != it->mtime_ns ||
            (e->formats & o->formats) != o->formats ||
            !batch_outputs_exist(o->outdir, e->stem, o->formats))
            continue;
        it->stem = xstrdup(e->stem);
        it->state = BATCH_SKIPPED;
        r->skipped++;
    }
}

/* The workers convert the pages, then the book is bound. Returns what
 * batch_pool_run does: non-zero when the run was interrupted. */
static int run_convert(batch_state *r, batch_pool *pool)
{
    const batch_options *o = r->o;
    batch_job job = { .outdir = o->outdir, .stage = r->stage.data, .formats = o->formats,
                      .has_epoch = o->has_epoch, .epoch = o->epoch, .rules = r->rules };
    long todo = (long)r->plan.n - r->skipped;
    char timeout_words[96], memory_words[96];
    snprintf(timeout_words, sizeof timeout_words, "stopped after %g s, the most a page may take (--page-timeout)",
             o->page_seconds);
    snprintf(memory_words, sizeof memory_words, "stopped past %ld MB, the most a page may use (--page-memory)",
             o->page_memory_mb);
    *pool = (batch_pool){ .workers = o->jobs < todo ? o->jobs : (int)(todo > 0 ? todo : 1),
                          .page_seconds = o->page_seconds, .page_memory_kb = o->page_memory_mb * 1024,
                          .timeout_words = timeout_words, .memory_words = memory_words,
                          .quiet = o->quiet, .progress_tty = isatty(STDERR_FILENO),
                          .names = r->names.data, .job = &job, .plan = &r->plan,
                          .failures = &r->failures, .started = r->started };
    batch_journal journal;
    if (batch_journal_open(&journal, r->own_path.data) == 0)
        pool->journal = &journal;
    int run = batch_pool_run(pool);
    batch_journal_close(&journal);
    pool->journal = NULL;
    /* workers stopped mid-write leave temporary files; those of a shard
     * cannot be told from another shard's work in progress */
    if (run != 0 && o->shards == 1)
        batch_sweep_temps(o->outdir, 0);
    if (run == 0 && o->book) {
        int bf = o->formats & (BATCH_PDF | BATCH_EPUB);
        batch_book(&r->plan, o, bf ? bf : BATCH_PDF | BATCH_EPUB, &r->failures);
    }
    return run;
}

/* The manifest and failures.tsv, then the summary. Returns the exit status. */
static int run_account(batch_state *r, const batch_pool *pool, int run)
{
    const batch_options *o = r->o;
    long converted = 0;
    for (size_t i = 0; i < r->plan.n; i++) {
        const batch_item *it = &r->plan.v[i];
        converted += it->state == BATCH_DONE;
        if (it->state == BATCH_DONE || it->state == BATCH_SKIPPED)
            batch_manifest_put(&r->own, it->in->path, it->ordinal, it->size, it->mtime_ns, it->stem,
                               it->state == BATCH_DONE
                                   ? o->formats
                                   : batch_manifest_find(&r->all, it->in->path, it->ordinal)->formats);
    }
    int wrote = batch_manifest_write(&r->own, r->own_path.data);
    buf_t name, path;
    buf_init(&name);
    buf_init(&path);
    shard_name(o, "failures", ".tsv", &name);
    buf_printf(&path, "%s/%s", o->outdir, name.data);
    wrote |= batch_failures_write(&r->failures, path.data);
    buf_free(&name);
    buf_free(&path);
    batch_remove_tree(r->stage.data);

    double elapsed = batch_now() - r->started;
    fprintf(stderr, "folio-batch: pages found %zu, converted %ld, skipped %ld (up to date), failed %zu, "
                    "elapsed %.1f s, %.1f pages/s\n",
            r->plan.n, converted, r->skipped, r->failures.n, elapsed,
            elapsed > 0 ? converted / elapsed : 0.0);
    if (r->plan.revisits || r->plan.not_pages)
        fprintf(stderr, "folio-batch: passed over in archives: %ld revisit records, %ld records or entries "
                        "that are not pages\n", r->plan.revisits, r->plan.not_pages);
    if (o->stats) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr, "folio-batch: workers %d (%d restarted), peak RSS per worker %ld KB, parent %ld KB, "
                        "other files skipped %ld\n",
                pool->workers, pool->restarts, pool->peak_rss_kb, ru.ru_maxrss, r->inputs.other_files);
    }
    return run != 0 ? 130 : r->failures.n || wrote ? 1 : 0;
}

static void run_free(batch_state *r)
{
    batch_manifest_free(&r->all);
    batch_manifest_free(&r->own);
    batch_plan_free(&r->plan);
    batch_inputs_free(&r->inputs);
    batch_failures_free(&r->failures);
    site_rules_close(r->rules);
    buf_free(&r->meta);
    buf_free(&r->names);
    buf_free(&r->stage);
    buf_free(&r->own_path);
}

int batch_run(const batch_options *o)
{
    batch_state r = { .o = o, .started = batch_now() };
    buf_init(&r.meta);
    buf_init(&r.names);
    buf_init(&r.stage);
    buf_init(&r.own_path);
    int status = run_prepare(&r);
    if (status == 0) {
        run_gather(&r);
        run_mark_up_to_date(&r);
        batch_pool pool;
        int run = run_convert(&r, &pool);
        status = run_account(&r, &pool, run);
    }
    run_free(&r);
    return status;
}

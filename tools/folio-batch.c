/* folio-batch: folders, zips and WARCs of captured pages converted whole,
 * by a pool of worker processes, resumably. */
#include "batch.h"
#include "io.h"
#include "site_rules.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: folio-batch SRC... -o OUTDIR [--to md,epub,pdf] [-j N] [options]\n"
    "Convert every captured page found in SRC: files, or folders walked\n"
    "recursively for .html .htm .shtml .xhtml .mht .mhtml .warc .warc.gz .zip\n"
    "(any case; other files are skipped and counted).\n"
    "\n"
    "Each page goes to OUTDIR/HOST/PATH.xhtml by its address (else by its path\n"
    "under SRC), with one file per format beside it: .md (images in NAME.assets/),\n"
    ".epub, .pdf. Two pages of one name get NAME-2, NAME-3..., kept across runs.\n"
    "\n"
    "  -o, --output OUTDIR  the output folder (made if need be; not a SRC folder)\n"
    "  -t, --to LIST        formats besides the .xhtml: md, epub, pdf (default none)\n"
    "  -j, --jobs N         N worker processes (default: the number of cores)\n"
    "      --force          convert again pages that are up to date\n"
    "      --book NAME      also bind every article into OUTDIR/NAME.pdf and\n"
    "                       OUTDIR/NAME.epub (those of --to; both when --to has neither)\n"
    "      --order ORDER    the book's order: date (default; undated last) or path\n"
    "      --shard K/N      convert only shard K (0..N-1) of N: pages whose FNV-1a\n"
    "                       hash of \"PATH<tab>PAGE\" is K modulo N\n"
    "      --rules DIR      per-site rule files, as folio-clean (default $FOLIO_RULES)\n"
    "  -q, --quiet          no progress and no message per failure\n"
    "      --stats          a line more at the end: workers and their peak memory\n"
    "  -h, --help           show this help and exit\n"
    "      --version        show the version and exit\n"
    "\n"
    "Progress goes to standard error: one updating line on a terminal, else a\n"
    "line a minute. A run again skips pages whose input has the size and time the\n"
    "manifest (OUTDIR/.folio-batch/) recorded and whose outputs are all there.\n"
    "Failures are listed in OUTDIR/failures.tsv (failures-K-of-N.tsv for a shard):\n"
    "input, record, stage (read, clean, md, epub, pdf, write, worker), error.\n"
    "A list or index page counts as failed at stage clean.\n"
    "\n"
    "Exit status: 0 all converted, 1 something failed, 2 bad usage.\n";

typedef struct {
    const char *outdir;
    int formats;
    int jobs;
    bool force, quiet, stats, by_path;
    const char *book;
    unsigned shard, shards;
    const char *rules;
    char **srcs;
    int n_srcs;
} batch_args;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "folio-batch: ");
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'folio-batch --help'.\n", stderr);
    return 2;
}

static bool parse_uint(const char *s, unsigned long max, unsigned long *v)
{
    char *end;
    errno = 0;
    if (!s || *s < '0' || *s > '9')
        return false;
    *v = strtoul(s, &end, 10);
    return !errno && !*end && *v <= max;
}

/* Returns an exit status, or -1 to go on. */
static int parse_args(int argc, char **argv, batch_args *a)
{
    static const struct option longs[] = {
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { "output", required_argument, NULL, 'o' },
        { "to", required_argument, NULL, 't' },
        { "jobs", required_argument, NULL, 'j' },
        { "force", no_argument, NULL, 'f' },
        { "quiet", no_argument, NULL, 'q' },
        { "stats", no_argument, NULL, 'S' },
        { "book", required_argument, NULL, 'b' },
        { "order", required_argument, NULL, 'O' },
        { "shard", required_argument, NULL, 's' },
        { "rules", required_argument, NULL, 'r' },
        { NULL, 0, NULL, 0 }
    };
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    a->jobs = cores > 0 ? (int)cores : 1;
    a->shards = 1;
    opterr = 0;
    int c;
    unsigned long v, k;
    while ((c = getopt_long(argc, argv, ":ho:t:j:q", longs, NULL)) != -1) {
        switch (c) {
        case 'h': return fputs(usage, stdout) == EOF ? 1 : 0;
        case 'V': return printf("folio-batch %s\n", FOLIO_VERSION) < 0 ? 1 : 0;
        case 'o': a->outdir = optarg; break;
        case 't':
            a->formats = batch_formats_parse(optarg);
            if (a->formats < 0)
                return usage_error("--to %s: formats are md, epub and pdf, separated by commas", optarg);
            break;
        case 'j':
            if (!parse_uint(optarg, 1024, &v) || v == 0)
                return usage_error("-j %s: want a number of workers from 1 to 1024", optarg);
            a->jobs = (int)v;
            break;
        case 'f': a->force = true; break;
        case 'q': a->quiet = true; break;
        case 'S': a->stats = true; break;
        case 'b':
            if (!*optarg || strchr(optarg, '/') || optarg[0] == '.')
                return usage_error("--book %s: want a file name without '/', not starting with '.'", optarg);
            a->book = optarg;
            break;
        case 'O':
            if (strcmp(optarg, "date") && strcmp(optarg, "path"))
                return usage_error("--order %s: want date or path", optarg);
            a->by_path = !strcmp(optarg, "path");
            break;
        case 's': {
            const char *slash = strchr(optarg, '/');
            char kbuf[32];
            size_t kl = slash ? (size_t)(slash - optarg) : 0;
            if (slash && kl < sizeof kbuf) {
                memcpy(kbuf, optarg, kl);
                kbuf[kl] = '\0';
            }
            if (!slash || kl >= sizeof kbuf || !parse_uint(kbuf, 1000000, &k) ||
                !parse_uint(slash + 1, 1000000, &v) || v == 0 || k >= v)
                return usage_error("--shard %s: want K/N with 0 <= K < N", optarg);
            a->shard = (unsigned)k;
            a->shards = (unsigned)v;
            break;
        }
        case 'r': a->rules = optarg; break;
        case ':': return usage_error("option needs a value: %s", argv[optind - 1]);
        default:
            return usage_error("unknown option %s", argv[optind - 1]);
        }
    }
    a->srcs = argv + optind;
    a->n_srcs = argc - optind;
    if (!a->n_srcs)
        return usage_error("%sno SRC given: name the files or folders to convert", "");
    if (!a->outdir || !*a->outdir)
        return usage_error("%sno output folder: give -o OUTDIR", "");
    return -1;
}

static bool same_dir(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && S_ISDIR(sa.st_mode) &&
           sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static int make_dir(const char *path)
{
    buf_t p;
    buf_init(&p);
    buf_printf(&p, "%s/x", path);
    int rc = io_make_parents(p.data);
    buf_free(&p);
    if (rc == 0 && !io_is_dir(path)) {
        io_error(path, "not a folder");
        rc = -1;
    }
    return rc;
}

/* Pages up to date need no worker: the manifest knows their input's size
 * and time, and their outputs are there. */
static long mark_up_to_date(batch_plan *plan, const batch_manifest *m, const batch_args *a)
{
    long skipped = 0;
    for (size_t i = 0; i < plan->n; i++) {
        batch_item *it = &plan->v[i];
        const batch_entry *e = batch_manifest_find(m, it->in->path, it->ordinal);
        if (!e || e->size != it->size || e->mtime_ns != it->mtime_ns ||
            (e->formats & a->formats) != a->formats || !batch_outputs_exist(a->outdir, e->stem, a->formats))
            continue;
        it->stem = strdup(e->stem);
        it->state = BATCH_SKIPPED;
        skipped++;
    }
    return skipped;
}

static void shard_name(const batch_args *a, const char *base, const char *ext, buf_t *out)
{
    buf_reset(out);
    if (a->shards > 1)
        buf_printf(out, "%s-%u-of-%u%s", base, a->shard, a->shards, ext);
    else
        buf_printf(out, "%s%s", base, ext);
}

int main(int argc, char **argv)
{
    io_progname = "folio-batch";
    batch_args a = { 0 };
    int status = parse_args(argc, argv, &a);
    if (status >= 0)
        return status;
    double started = batch_now();
    for (int i = 0; i < a.n_srcs; i++)
        if (same_dir(a.srcs[i], a.outdir))
            return usage_error("-o %s: the output folder is a SRC folder; name another", a.outdir);
    const char *rules = a.rules ? a.rules : getenv("FOLIO_RULES");
    site_rules_dir *rules_dir = NULL;
    if (rules && *rules && !(rules_dir = site_rules_open(rules))) {
        io_error(NULL, "--rules %s: %s", rules, errno == ENOTDIR ? "not a folder" : strerror(errno));
        return 2;
    }
    buf_t meta, names, stage, path;
    buf_init(&meta);
    buf_init(&names);
    buf_init(&stage);
    buf_init(&path);
    if (make_dir(a.outdir) != 0)
        return 1;
    buf_printf(&meta, "%s/.folio-batch", a.outdir);
    buf_printf(&names, "%s/names", meta.data);
    shard_name(&a, "stage", ".tmp", &path);
    buf_printf(&stage, "%s/%s", meta.data, path.data);
    /* What a killed run left: its staging folder, and temporary files.
     * Shards may share OUTDIR, so with shards only old ones are another
     * run's leftovers rather than its work in progress. */
    batch_remove_tree(stage.data);
    batch_sweep_temps(a.outdir, a.shards > 1 ? 3600 : 0);
    if (make_dir(names.data) != 0 || make_dir(stage.data) != 0)
        return 1;

    batch_failures failures = { 0 };
    batch_inputs inputs = { 0 };
    batch_failures walked = { 0 };
    for (int i = 0; i < a.n_srcs; i++)
        batch_walk(a.srcs[i], a.outdir, &inputs, &walked);
    /* a folder that cannot be read is one shard's failure, not every shard's */
    for (size_t i = 0; i < walked.n; i++)
        if (batch_shard_hash(walked.v[i].input, 0) % a.shards == a.shard)
            batch_fail(&failures, walked.v[i].input, 0, walked.v[i].record, walked.v[i].stage,
                       walked.v[i].error);
    batch_failures_free(&walked);
    batch_plan plan = { 0 };
    for (size_t i = 0; i < inputs.n; i++)
        batch_plan_input(&plan, &inputs.v[i], a.shard, a.shards, &failures);
    /* What the walk and the plan refused is told now, as the workers' failures are. */
    for (size_t i = 0; i < failures.n && !a.quiet; i++) {
        const batch_failure *x = &failures.v[i];
        if (*x->record)
            io_error(x->input, "%s: %s: %s", x->record, x->stage, x->error);
        else
            io_error(x->input, "%s: %s", x->stage, x->error);
    }

    batch_manifest all = { 0 }, own = { 0 };
    batch_manifest_load(&all, meta.data);
    shard_name(&a, "manifest", ".tsv", &path);
    buf_t own_path;
    buf_init(&own_path);
    buf_printf(&own_path, "%s/%s", meta.data, path.data);
    batch_manifest_load_file(&own, own_path.data);
    long skipped = a.force ? 0 : mark_up_to_date(&plan, &all, &a);

    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    batch_job job = { .outdir = a.outdir, .stage = stage.data, .formats = a.formats, .epoch = epoch,
                      .rules = rules_dir };
    long todo = (long)plan.n - skipped;
    batch_pool pool = { .workers = a.jobs < todo ? a.jobs : (int)(todo > 0 ? todo : 1), .quiet = a.quiet,
                        .progress_tty = isatty(STDERR_FILENO), .names = names.data, .job = &job,
                        .plan = &plan, .failures = &failures, .started = started };
    int run = batch_pool_run(&pool);
    /* workers stopped mid-write leave temporary files; those of a shard
     * cannot be told from another shard's work in progress */
    if (run != 0 && a.shards == 1)
        batch_sweep_temps(a.outdir, 0);
    if (run == 0 && a.book) {
        int bf = a.formats & (BATCH_PDF | BATCH_EPUB);
        batch_book(&plan, a.outdir, a.book, bf ? bf : BATCH_PDF | BATCH_EPUB, a.by_path, epoch, &failures);
    }

    long converted = 0;
    for (size_t i = 0; i < plan.n; i++) {
        const batch_item *it = &plan.v[i];
        converted += it->state == BATCH_DONE;
        if (it->state == BATCH_DONE || it->state == BATCH_SKIPPED)
            batch_manifest_put(&own, it->in->path, it->ordinal, it->size, it->mtime_ns, it->stem,
                               it->state == BATCH_DONE ? a.formats
                                   : batch_manifest_find(&all, it->in->path, it->ordinal)->formats);
    }
    int wrote = batch_manifest_write(&own, own_path.data);
    shard_name(&a, "failures", ".tsv", &path);
    buf_t fpath;
    buf_init(&fpath);
    buf_printf(&fpath, "%s/%s", a.outdir, path.data);
    wrote |= batch_failures_write(&failures, fpath.data);
    batch_remove_tree(stage.data);

    double elapsed = batch_now() - started;
    fprintf(stderr, "folio-batch: pages found %zu, converted %ld, skipped %ld (up to date), failed %zu, "
                    "elapsed %.1f s, %.1f pages/s\n",
            plan.n, converted, skipped, failures.n, elapsed, elapsed > 0 ? converted / elapsed : 0.0);
    if (plan.revisits || plan.not_pages)
        fprintf(stderr, "folio-batch: passed over in archives: %ld revisit records, %ld records or entries "
                        "that are not pages\n", plan.revisits, plan.not_pages);
    if (a.stats) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr, "folio-batch: workers %d (%d restarted), peak RSS per worker %ld KB, parent %ld KB, "
                        "other files skipped %ld\n",
                pool.workers, pool.restarts, pool.peak_rss_kb, ru.ru_maxrss, inputs.other_files);
    }
    status = run != 0 ? 130 : failures.n || wrote ? 1 : 0;
    batch_manifest_free(&all);
    batch_manifest_free(&own);
    batch_plan_free(&plan);
    batch_inputs_free(&inputs);
    batch_failures_free(&failures);
    site_rules_close(rules_dir);
    buf_free(&meta);
    buf_free(&names);
    buf_free(&stage);
    buf_free(&path);
    buf_free(&own_path);
    buf_free(&fpath);
    return status;
}

/* folio-batch: folders, zips and WARCs of captured pages converted whole,
 * by a pool of worker processes, resumably. */
#include "util/alloc.h"
#include "batch/batch.h"
#include "common/cli.h"
#include "util/io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROG "folio-batch"

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
    "      --toc            the book's PDF has a contents page with page numbers\n"
    "      --shard K/N      convert only shard K (0..N-1) of N: pages whose FNV-1a\n"
    "                       hash of \"PATH<tab>PAGE\" is K modulo N\n"
    "      --rules DIR      per-site rule files, as folio-clean (default $FOLIO_RULES\n"
    "                       when set, empty: none; else " FOLIO_RULES_DEFAULT ")\n"
    "      --page-timeout SECONDS  the longest a page may take to clean, or to\n"
    "                       write (default 300; 0 for no limit)\n"
    "      --page-memory MB the most memory a worker may use on a page\n"
    "                       (default 2048; 0 for no limit)\n"
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
    "A list or index page counts as failed at stage clean, and so does a page\n"
    "that passes --page-timeout or --page-memory (at stage write when it was\n"
    "being written): its worker is stopped and another takes its place.\n"
    "\n"
    "Exit status: 0 all converted, 1 something failed, 2 bad usage.\n";


static bool same_dir(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && S_ISDIR(sa.st_mode) &&
           sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
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

enum { OPT_TO, OPT_JOBS, OPT_FORCE, OPT_QUIET, OPT_STATS, OPT_BOOK, OPT_ORDER, OPT_TOC, OPT_SHARD, OPT_RULES,
       OPT_PAGE_TIMEOUT, OPT_PAGE_MEMORY };
static const opt_def options[] = {
    CLI_STANDARD_OPTIONS,
    { NULL, 'h', false, CLI_HELP },
    { "to", 't', true, OPT_TO },
    { "jobs", 'j', true, OPT_JOBS },
    { "force", 0, false, OPT_FORCE },
    { "quiet", 'q', false, OPT_QUIET },
    { "stats", 0, false, OPT_STATS },
    { "book", 0, true, OPT_BOOK },
    { "order", 0, true, OPT_ORDER },
    { "toc", 0, false, OPT_TOC },
    { "shard", 0, true, OPT_SHARD },
    { "rules", 0, true, OPT_RULES },
    { "page-timeout", 0, true, OPT_PAGE_TIMEOUT },
    { "page-memory", 0, true, OPT_PAGE_MEMORY },
    OPT_TABLE_END
};

/* "K/N" with 0 <= K < N. */
static bool parse_shard(const char *s, batch_options *a)
{
    const char *slash = strchr(s, '/');
    char kbuf[32];
    size_t kl = slash ? (size_t)(slash - s) : 0;
    unsigned long k, n;
    if (!slash || kl >= sizeof kbuf)
        return false;
    memcpy(kbuf, s, kl);
    kbuf[kl] = '\0';
    if (!parse_uint(kbuf, 1000000, &k) || !parse_uint(slash + 1, 1000000, &n) || n == 0 || k >= n)
        return false;
    a->shard = (unsigned)k;
    a->shards = (unsigned)n;
    return true;
}

static int take_option(void *tool, int id, const char *v)
{
    batch_options *a = tool;
    unsigned long n;
    switch (id) {
    case OPT_TO:
        if ((a->formats = batch_formats_parse(v)) < 0)
            return opt_bad_usage(PROG, "--to %s: formats are md, epub and pdf, separated by commas", v);
        break;
    case OPT_JOBS:
        if (!parse_uint(v, 1024, &n) || n == 0)
            return opt_bad_usage(PROG, "-j %s: want a number of workers from 1 to 1024", v);
        a->jobs = (int)n;
        break;
    case OPT_FORCE: a->force = true; break;
    case OPT_QUIET: a->quiet = true; break;
    case OPT_STATS: a->stats = true; break;
    case OPT_BOOK:
        if (!*v || strchr(v, '/') || v[0] == '.')
            return opt_bad_usage(PROG, "--book %s: want a file name without '/', not starting with '.'", v);
        a->book = v;
        break;
    case OPT_ORDER:
        if (strcmp(v, "date") && strcmp(v, "path"))
            return opt_bad_usage(PROG, "--order %s: want date or path", v);
        a->by_path = !strcmp(v, "path");
        break;
    case OPT_TOC: a->book_toc = true; break;
    case OPT_SHARD:
        if (!parse_shard(v, a))
            return opt_bad_usage(PROG, "--shard %s: want K/N with 0 <= K < N", v);
        break;
    case OPT_PAGE_TIMEOUT:
        if (!parse_uint(v, 86400 * 7, &n))
            return opt_bad_usage(PROG, "--page-timeout %s: want a number of seconds (0 for no limit)", v);
        a->page_seconds = (double)n;
        break;
    case OPT_PAGE_MEMORY:
        if (!parse_uint(v, 1024L * 1024, &n))
            return opt_bad_usage(PROG, "--page-memory %s: want a number of MB (0 for no limit)", v);
        a->page_memory_mb = (long)n;
        break;
    default: a->rules = v; break;
    }
    return 0;
}

/* Returns an exit status, or -1 to go on. */
static int parse_args(int argc, char **argv, batch_options *a, cli_args *cli)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    a->jobs = cores > 0 ? (int)cores : 1;
    a->shards = 1;
    a->page_seconds = BATCH_PAGE_SECONDS;
    a->page_memory_mb = BATCH_PAGE_MEMORY_MB;
    int status = cli_parse(cli, options, argc, argv, take_option, a);
    if (status != CLI_GO_ON)
        return status;
    a->outdir = cli->output;
    a->srcs = cli->inputs;
    a->n_srcs = cli->count;
    if (!a->n_srcs)
        return opt_bad_usage(PROG, "no SRC given: name the files or folders to convert");
    if (!a->outdir || !*a->outdir)
        return opt_bad_usage(PROG, "no output folder: give -o OUTDIR");
    if (a->book_toc && !a->book)
        return opt_bad_usage(PROG, "--toc is the contents of the book: it goes with --book NAME");
    for (size_t i = 0; i < a->n_srcs; i++)
        if (same_dir(a->srcs[i], a->outdir))
            return opt_bad_usage(PROG, "-o %s: the output folder is a SRC folder; name another", a->outdir);
    return cli_epoch(PROG, &a->has_epoch, &a->epoch);
}

int main(int argc, char **argv)
{
    io_progname = PROG;
    batch_options o = { 0 };
    cli_args cli = { .prog = PROG, .usage = usage, .inputs = xcalloc((size_t)argc + 1, sizeof(char *)) };
    if (!cli.inputs)
        return 1;
    int status = parse_args(argc, argv, &o, &cli);
    if (status == CLI_GO_ON)
        status = batch_run(&o);
    free(cli.inputs);
    return status;
}

/* folio-batch: folders, zips and WARCs of captured pages converted whole,
 * by a pool of worker processes, resumably. */
#include "batch/batch.h"
#include "util/io.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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


static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "folio-batch: ");
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'folio-batch --help'.\n", stderr);
    return 2;
}

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

/* Returns an exit status, or -1 to go on. */
static int parse_args(int argc, char **argv, batch_options *a)
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
    for (int i = 0; i < a->n_srcs; i++)
        if (same_dir(a->srcs[i], a->outdir))
            return usage_error("-o %s: the output folder is a SRC folder; name another", a->outdir);
    return -1;
}

int main(int argc, char **argv)
{
    io_progname = "folio-batch";
    batch_options o = { 0 };
    int status = parse_args(argc, argv, &o);
    return status >= 0 ? status : batch_run(&o);
}

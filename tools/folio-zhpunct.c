/* folio-zhpunct: full-width punctuation back into the Chinese runs of clean
 * articles. A filter of its own, so that text changes only when asked. */
#include "util/alloc.h"
#include "article/article.h"
#include "common/cli.h"
#include "common/tool_io.h"
#include "util/io.h"
#include "zhpunct/zhpunct.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: folio-zhpunct [-n] [-o OUT] [FILE...]\n"
    "Restore full-width ，：；（）！？ where ASCII , : ; ( ) ! ? stand inside\n"
    "Chinese text of clean articles (the XHTML folio-clean writes), and write\n"
    "clean articles. URLs, e-mail addresses, numbers (1,000  10:30  1:2),\n"
    "dates, Latin text, code and attributes are left as they are.\n"
    "\n"
    "  -o, --output OUT  write OUT instead of standard output; when OUT is a\n"
    "                    folder, write OUT/NAME.xhtml for each FILE (several\n"
    "                    FILEs need a folder, and never the inputs' own)\n"
    "  -n, --dry-run     write nothing; tell on standard error how many of\n"
    "                    each mark would change\n"
    "      --help        show this help and exit\n"
    "      --version     show the version and exit\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input.\n";

typedef struct {
    cli_args cli;
    bool dry_run;
} zp_args;

enum { OPT_DRY_RUN };
static const opt_def options[] = {
    CLI_STANDARD_OPTIONS,
    { "dry-run", 'n', false, OPT_DRY_RUN },
    OPT_TABLE_END
};

static int take_option(void *tool, int id, const char *value)
{
    (void)id;
    (void)value;
    ((zp_args *)tool)->dry_run = true;
    return 0;
}

/* Returns an exit status, or CLI_GO_ON to go on and convert. */
static int parse_args(int argc, char **argv, zp_args *a)
{
    int r = cli_parse(&a->cli, options, argc, argv, take_option, a);
    if (r == CLI_GO_ON)
        r = cli_finish(&a->cli);
    /* A dry run writes nothing, so any number of inputs may share stdout. */
    return r != CLI_GO_ON ? r : cli_one_output_each(&a->cli, a->dry_run, ".xhtml");
}

static void report(const char *input, const zhpunct_counts *c)
{
    fprintf(stderr, "%s: %s:", io_progname, io_name(input));
    for (int m = 0; m < ZP_MARKS; m++)
        fprintf(stderr, " %s%lu", zhpunct_mark_name[m], c->mark[m]);
    fprintf(stderr, " spaces%lu\n", c->spaces);
}

static int convert(const char *input, const char *output, const zp_args *args)
{
    buf_t xhtml;
    buf_init(&xhtml);
    zhpunct_counts counts = { { 0 }, 0 };
    article a;
    int rc = 1;
    if (io_read_article(input, &a) == 0) {
        zhpunct_article(&a, &counts);
        if (args->dry_run) {
            report(input, &counts);
            rc = 0;
        } else {
            article_write_xhtml(&a.meta, a.body, &xhtml);
            if (io_write_atomic(output, xhtml.data, xhtml.len, args->cli.inputs, &io_reporter) == 0)
                rc = 0;
        }
        article_free(&a);
    }
    buf_free(&xhtml);
    return rc;
}

static int convert_all(const zp_args *a)
{
    int status = 0;
    buf_t output;
    buf_init(&output);
    for (size_t i = 0; i < a->cli.count; i++) {
        if (a->cli.to_folder)
            io_output_path(a->cli.output, a->cli.inputs[i], ".xhtml", &output);
        status |= convert(a->cli.inputs[i], a->cli.to_folder ? output.data : a->cli.output, a);
    }
    buf_free(&output);
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-zhpunct";
    zp_args args = { { .prog = "folio-zhpunct", .usage = usage,
                       .inputs = xcalloc((size_t)argc + 1, sizeof(char *)) }, false };
    if (!args.cli.inputs)
        return 1;
    int status = parse_args(argc, argv, &args);
    if (status < 0)
        status = convert_all(&args);
    free(args.cli.inputs);
    return status;
}

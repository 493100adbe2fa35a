/* folio-meta: one line of metadata per clean article, TSV or JSON lines. */
#include "util/alloc.h"
#include "article/article.h"
#include "common/cli.h"
#include "common/tool_io.h"
#include "util/io.h"
#include "common/meta_list.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: folio-meta [--json] [--header] [-o OUT] [FILE...]\n"
    "Print one line per clean article: path, title, date, publisher, author,\n"
    "source, separated by tabs (tabs and line breaks inside values become\n"
    "spaces; an unknown value is empty).\n"
    "\n"
    "      --json        JSON lines instead, with keys path, title, date,\n"
    "                    publisher, author, source, url, lang (unknown: null)\n"
    "      --header      start TSV output with a line of column names\n"
    "  -o, --output OUT  write OUT instead of standard output\n"
    "      --help        show this help and exit\n"
    "      --version     show the version and exit\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. A file that is not a\n"
    "clean article is reported and skipped; the exit status is then 1.\n";

typedef struct {
    cli_args cli;
    meta_format format;
    bool header;
} meta_args;

enum { OPT_JSON, OPT_HEADER };
static const opt_def options[] = {
    CLI_STANDARD_OPTIONS,
    { "json", 0, false, OPT_JSON },
    { "header", 0, false, OPT_HEADER },
    OPT_TABLE_END
};

static int take_option(void *tool, int id, const char *value)
{
    meta_args *a = tool;
    (void)value;
    if (id == OPT_JSON)
        a->format = META_JSON;
    else
        a->header = true;
    return 0;
}

/* Returns an exit status, or CLI_GO_ON to go on and list. */
static int parse_args(int argc, char **argv, meta_args *a)
{
    int r = cli_parse(&a->cli, options, argc, argv, take_option, a);
    return r != CLI_GO_ON ? r : cli_finish(&a->cli);
}

static int list_one(const char *input, meta_format format, buf_t *out)
{
    article a;
    if (io_read_article(input, &a) != 0)
        return 1;
    meta_list_line(format, input, &a.meta, out);
    article_free(&a);
    return 0;
}

static int list_all(const meta_args *a)
{
    buf_t out;
    buf_init(&out);
    int status = 0;
    if (a->header)
        meta_list_header(a->format, &out);
    size_t listed = 0;
    for (size_t i = 0; i < a->cli.count; i++) {
        int failed = list_one(a->cli.inputs[i], a->format, &out);
        status |= failed;
        listed += !failed;
    }
    /* Nothing read is nothing to write: a failed run leaves no empty file. */
    if (status != 0 && listed == 0) {
        buf_free(&out);
        return status;
    }
    if (io_write_atomic(a->cli.output, out.data ? out.data : "", out.len, a->cli.inputs, &io_reporter) != 0)
        status = 1;
    buf_free(&out);
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-meta";
    meta_args args = { { .prog = "folio-meta", .usage = usage,
                         .inputs = xcalloc((size_t)argc + 1, sizeof(char *)) }, META_TSV, false };
    if (!args.cli.inputs)
        return 1;
    int status = parse_args(argc, argv, &args);
    if (status < 0)
        status = list_all(&args);
    free(args.cli.inputs);
    return status;
}

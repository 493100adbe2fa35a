/* folio-meta: one line of metadata per clean article, TSV or JSON Lines;
 * or one JSON array of them. */
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
    "usage: folio-meta [--json | --json-array] [--header] [-o OUT] [FILE...]\n"
    "Print one line per clean article: path, title, date, publisher, author,\n"
    "source, separated by tabs (tabs and line breaks inside values become\n"
    "spaces; an unknown value is empty).\n"
    "\n"
    "      --json        JSON Lines instead (https://jsonlines.org): one JSON\n"
    "                    object per line, not one document; keys path, title,\n"
    "                    date, publisher, author, source, url, lang (unknown: null)\n"
    "      --json-array  the same objects as one JSON array, for tools that\n"
    "                    read a single JSON document\n"
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
    bool array;      /* --json-array: the JSON lines as one array */
    bool header;
} meta_args;

enum { OPT_JSON, OPT_JSON_ARRAY, OPT_HEADER };
static const opt_def options[] = {
    CLI_STANDARD_OPTIONS,
    { "json", 0, false, OPT_JSON },
    { "json-array", 0, false, OPT_JSON_ARRAY },
    { "header", 0, false, OPT_HEADER },
    OPT_TABLE_END
};

static int take_option(void *tool, int id, const char *value)
{
    meta_args *a = tool;
    (void)value;
    if (id == OPT_JSON || id == OPT_JSON_ARRAY) {
        a->format = META_JSON;
        a->array = id == OPT_JSON_ARRAY;
    } else
        a->header = true;
    return 0;
}

/* Returns an exit status, or CLI_GO_ON to go on and list. */
static int parse_args(int argc, char **argv, meta_args *a)
{
    int r = cli_parse(&a->cli, options, argc, argv, take_option, a);
    return r != CLI_GO_ON ? r : cli_finish(&a->cli);
}

/* INPUT's line into OUT; in an array, its object as the next element.
 * LISTED counts the articles listed so far. */
static int list_one(const meta_args *a, const char *input, size_t *listed, buf_t *out)
{
    article art;
    if (io_read_article(input, &art) != 0)
        return 1;
    if (a->array)
        buf_puts(out, *listed ? ",\n" : "\n");
    meta_list_line(a->format, input, &art.meta, out);
    if (a->array && out->len && out->data[out->len - 1] == '\n')
        out->data[--out->len] = '\0';   /* the line's end: ",\n" or "\n]" follows */
    article_free(&art);
    (*listed)++;
    return 0;
}

static int list_all(const meta_args *a)
{
    buf_t out;
    buf_init(&out);
    int status = 0;
    size_t listed = 0;
    if (a->header)
        meta_list_header(a->format, &out);
    if (a->array)
        buf_putc(&out, '[');
    for (size_t i = 0; i < a->cli.count; i++)
        status |= list_one(a, a->cli.inputs[i], &listed, &out);
    /* Nothing read is nothing to write: a failed run leaves no empty file. */
    if (status != 0 && listed == 0) {
        buf_free(&out);
        return status;
    }
    if (a->array)
        buf_puts(&out, listed ? "\n]\n" : "]\n");
    if (io_write_atomic(a->cli.output, out.data ? out.data : "", out.len, a->cli.inputs, &io_reporter) != 0)
        status = 1;
    buf_free(&out);
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-meta";
    meta_args args = { { .prog = "folio-meta", .usage = usage,
                         .inputs = xcalloc((size_t)argc + 1, sizeof(char *)) }, META_TSV, false, false };
    if (!args.cli.inputs)
        return 1;
    int status = parse_args(argc, argv, &args);
    if (status < 0)
        status = list_all(&args);
    free(args.cli.inputs);
    return status;
}

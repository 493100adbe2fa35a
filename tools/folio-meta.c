/* folio-meta: one line of metadata per clean article, TSV or JSON lines. */
#include "article.h"
#include "io.h"
#include "meta_list.h"

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
    const char *output;
    const char **inputs;   /* NULL-terminated; "-" for standard input */
    size_t count;
    meta_format format;
    bool header;
} meta_args;

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "%s: %s%s\nTry 'folio-meta --help'.\n", io_progname, what, arg);
    return 2;
}

/* Returns an exit status, or -1 to go on and list. */
static int parse_args(int argc, char **argv, meta_args *a)
{
    bool options = true;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options && strcmp(arg, "--") == 0)
            options = false;
        else if (!options || arg[0] != '-' || arg[1] == '\0')
            a->inputs[a->count++] = arg;
        else if (strcmp(arg, "--help") == 0)
            return fputs(usage, stdout) == EOF ? 1 : 0;
        else if (strcmp(arg, "--version") == 0)
            return printf("folio-meta %s\n", FOLIO_VERSION) < 0 ? 1 : 0;
        else if (strcmp(arg, "--json") == 0)
            a->format = META_JSON;
        else if (strcmp(arg, "--header") == 0)
            a->header = true;
        else if (strcmp(arg, "-o") == 0 || strcmp(arg, "--output") == 0) {
            if (i + 1 >= argc)
                return usage_error("option needs a path: ", arg);
            a->output = argv[++i];
        } else if (strncmp(arg, "--output=", 9) == 0)
            a->output = arg + 9;
        else if (strncmp(arg, "-o", 2) == 0)
            a->output = arg + 2;
        else
            return usage_error("unknown option ", arg);
    }
    if (a->count == 0)
        a->inputs[a->count++] = "-";
    if (a->output && !*a->output)
        return usage_error("empty output path", "");
    return -1;
}

static int list_one(const char *input, meta_format format, buf_t *out)
{
    buf_t src;
    buf_init(&src);
    article a;
    int rc = 1;
    if (io_read_all(input, &src) == 0 && article_parse(src.data, src.len, io_name(input), &a) == 0) {
        meta_list_line(format, input, &a.meta, out);
        article_free(&a);
        rc = 0;
    }
    buf_free(&src);
    return rc;
}

static int list_all(const meta_args *a)
{
    buf_t out;
    buf_init(&out);
    int status = 0;
    if (a->header)
        meta_list_header(a->format, &out);
    for (size_t i = 0; i < a->count; i++)
        status |= list_one(a->inputs[i], a->format, &out);
    if (io_write_atomic(a->output, out.data ? out.data : "", out.len, a->inputs) != 0)
        status = 1;
    buf_free(&out);
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-meta";
    meta_args args = { NULL, calloc((size_t)argc + 1, sizeof(char *)), 0, META_TSV, false };
    if (!args.inputs)
        return 1;
    int status = parse_args(argc, argv, &args);
    if (status < 0)
        status = list_all(&args);
    free(args.inputs);
    return status;
}

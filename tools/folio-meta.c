/* folio-meta: one line of metadata per clean article, TSV or JSON Lines;
 * or one JSON array of them; or only the paths, in date order, for the
 * tools that bind a compilation. */
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
    "usage: folio-meta [--json | --json-array | --paths [-0]] [--header]\n"
    "                  [--sort date|path] [-o OUT] [FILE...]\n"
    "Print one line per clean article: path, title, date, publisher, author,\n"
    "source, separated by tabs (tabs and line breaks inside values become\n"
    "spaces; an unknown value is empty).\n"
    "\n"
    "      --json        JSON Lines instead (https://jsonlines.org): one JSON\n"
    "                    object per line, not one document; keys path, title,\n"
    "                    date, publisher, author, source, url, lang (unknown: null)\n"
    "      --json-array  the same objects as one JSON array, for tools that\n"
    "                    read a single JSON document\n"
    "      --paths       only each article's path, as given, one a line: the\n"
    "                    list folio-pdf and folio-epub read with --files-from\n"
    "  -0, --null        with --paths, end each path with a NUL byte instead\n"
    "                    (for names holding line breaks; read with -0)\n"
    "      --sort KEY    date: oldest first, undated articles last; path: by\n"
    "                    path (byte order); articles that tie keep their order\n"
    "      --header      start TSV output with a line of column names\n"
    "  -o, --output OUT  write OUT instead of standard output\n"
    "      --help        show this help and exit\n"
    "      --version     show the version and exit\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. A file that is not a\n"
    "clean article is reported and skipped; the exit status is then 1.\n";

typedef enum { SORT_NONE, SORT_DATE, SORT_PATH } meta_sort;

typedef struct {
    cli_args cli;
    meta_format format;
    bool array;      /* --json-array: the JSON lines as one array */
    bool header;
    bool paths;      /* --paths: the path alone */
    bool nul;        /* -0: each path ends with NUL */
    meta_sort sort;
} meta_args;

enum { OPT_JSON, OPT_JSON_ARRAY, OPT_HEADER, OPT_PATHS, OPT_NULL, OPT_SORT };
static const opt_def options[] = {
    CLI_STANDARD_OPTIONS,
    { "json", 0, false, OPT_JSON },
    { "json-array", 0, false, OPT_JSON_ARRAY },
    { "header", 0, false, OPT_HEADER },
    { "paths", 0, false, OPT_PATHS },
    { "null", '0', false, OPT_NULL },
    { "sort", 0, true, OPT_SORT },
    OPT_TABLE_END
};

static int take_option(void *tool, int id, const char *value)
{
    meta_args *a = tool;
    switch (id) {
    case OPT_JSON: case OPT_JSON_ARRAY:
        a->format = META_JSON;
        a->array = id == OPT_JSON_ARRAY;
        break;
    case OPT_PATHS: a->paths = true; break;
    case OPT_NULL: a->nul = true; break;
    case OPT_SORT:
        if (strcmp(value, "date") == 0)
            a->sort = SORT_DATE;
        else if (strcmp(value, "path") == 0)
            a->sort = SORT_PATH;
        else
            return opt_bad_usage(a->cli.prog, "--sort %s: want date or path", value);
        break;
    default: a->header = true; break;
    }
    return 0;
}

/* Returns an exit status, or CLI_GO_ON to go on and list. */
static int parse_args(int argc, char **argv, meta_args *a)
{
    int r = cli_parse(&a->cli, options, argc, argv, take_option, a);
    if (r != CLI_GO_ON)
        return r;
    if (a->nul && !a->paths)
        return opt_bad_usage(a->cli.prog, "-0 ends paths: it goes with --paths");
    if (a->paths && (a->format == META_JSON || a->header))
        return opt_bad_usage(a->cli.prog, "--paths prints paths alone: no --json, --json-array or --header");
    return cli_finish(&a->cli);
}

/* One article read: where it came from and what its line is. */
typedef struct {
    size_t order;     /* its place on the command line */
    const char *path;
    char *date;       /* or NULL */
    buf_t line;       /* its line, or its object in an array, ended by "\n" */
} meta_entry;

static int by_date(const void *x, const void *y)
{
    const meta_entry *a = x, *b = y;
    if (a->date && b->date) {
        int c = strcmp(a->date, b->date);
        if (c)
            return c;
    } else if (a->date || b->date)
        return a->date ? -1 : 1;   /* the undated after every dated one */
    return a->order < b->order ? -1 : a->order > b->order;
}

static int by_path(const void *x, const void *y)
{
    const meta_entry *a = x, *b = y;
    int c = strcmp(a->path, b->path);
    return c ? c : a->order < b->order ? -1 : a->order > b->order;
}

/* INPUT read into E; 1 when it is no clean article (told). */
static int read_entry(const meta_args *a, size_t i, meta_entry *e)
{
    article art;
    e->order = i;
    e->path = a->cli.inputs[i];
    if (io_read_article(e->path, &art) != 0)
        return 1;
    e->date = art.meta.date && *art.meta.date ? xstrdup(art.meta.date) : NULL;
    buf_init(&e->line);
    if (a->paths) {
        buf_puts(&e->line, e->path);
        buf_putc(&e->line, a->nul ? '\0' : '\n');
    } else
        meta_list_line(a->format, e->path, &art.meta, &e->line);
    article_free(&art);
    return 0;
}

/* The entries' lines into OUT, the array's brackets and commas around
 * them when it is one. */
static void write_entries(const meta_args *a, const meta_entry *v, size_t n, buf_t *out)
{
    if (a->header)
        meta_list_header(a->format, out);
    if (a->array)
        buf_putc(out, '[');
    for (size_t i = 0; i < n; i++) {
        size_t len = v[i].line.len;
        if (a->array) {
            buf_puts(out, i ? ",\n" : "\n");
            len--;   /* the line's end: ",\n" or "\n]" follows */
        }
        buf_add(out, v[i].line.data, len);
    }
    if (a->array)
        buf_puts(out, n ? "\n]\n" : "]\n");
}

static int list_all(const meta_args *a)
{
    meta_entry *v = xcalloc(a->cli.count + 1, sizeof *v);
    size_t n = 0;
    int status = 0;
    for (size_t i = 0; i < a->cli.count; i++) {
        if (read_entry(a, i, &v[n]) == 0)
            n++;
        else
            status = 1;
    }
    if (a->sort != SORT_NONE && n > 1)
        qsort(v, n, sizeof *v, a->sort == SORT_DATE ? by_date : by_path);
    buf_t out;
    buf_init(&out);
    /* Nothing read is nothing to write: a failed run leaves no empty file. */
    if (status == 0 || n > 0)
        write_entries(a, v, n, &out);
    if ((status == 0 || n > 0) &&
        io_write_atomic(a->cli.output, out.data ? out.data : "", out.len, a->cli.inputs, &io_reporter) != 0)
        status = 1;
    buf_free(&out);
    for (size_t i = 0; i < n; i++) {
        free(v[i].date);
        buf_free(&v[i].line);
    }
    free(v);
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-meta";
    meta_args args = { .cli = { .prog = "folio-meta", .usage = usage,
                                .inputs = xcalloc((size_t)argc + 1, sizeof(char *)) },
                       .format = META_TSV };
    if (!args.cli.inputs)
        return 1;
    int status = parse_args(argc, argv, &args);
    if (status < 0)
        status = list_all(&args);
    free(args.cli.inputs);
    return status;
}

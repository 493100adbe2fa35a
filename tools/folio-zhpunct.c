/* folio-zhpunct: full-width punctuation back into the Chinese runs of clean
 * articles. A filter of its own, so that text changes only when asked. */
#include "article.h"
#include "io.h"
#include "zhpunct.h"

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
    const char *output;     /* NULL or "-": standard output */
    const char **inputs;    /* NULL-terminated; "-" for standard input */
    size_t count;
    bool to_folder;
    bool dry_run;
} zp_args;

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "%s: %s%s\nTry 'folio-zhpunct --help'.\n", io_progname, what, arg);
    return 2;
}

static bool is_stdio(const char *path)
{
    return !path || strcmp(path, "-") == 0;
}

/* Two inputs named alike would write the same OUT/NAME.xhtml. */
static const char *first_clash(const zp_args *a)
{
    buf_t x, y;
    buf_init(&x);
    buf_init(&y);
    const char *clash = NULL;
    for (size_t i = 0; i < a->count && !clash; i++) {
        io_output_path("", a->inputs[i], "", &x);
        for (size_t j = i + 1; j < a->count && !clash; j++) {
            io_output_path("", a->inputs[j], "", &y);
            if (strcmp(x.data, y.data) == 0)
                clash = a->inputs[j];
        }
    }
    buf_free(&x);
    buf_free(&y);
    return clash;
}

/* Returns an exit status, or -1 to go on and convert. */
static int parse_args(int argc, char **argv, zp_args *a)
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
            return printf("folio-zhpunct %s\n", FOLIO_VERSION) < 0 ? 1 : 0;
        else if (strcmp(arg, "-n") == 0 || strcmp(arg, "--dry-run") == 0)
            a->dry_run = true;
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
    a->to_folder = !is_stdio(a->output) && io_is_dir(a->output);
    if (a->count > 1 && !a->to_folder && !a->dry_run)
        return usage_error("several inputs need -o FOLDER (an existing folder)", "");
    for (size_t i = 0; a->to_folder && i < a->count; i++)
        if (is_stdio(a->inputs[i]))
            return usage_error("standard input has no name to write under ", a->output);
    const char *clash = a->to_folder ? first_clash(a) : NULL;
    if (clash)
        return usage_error("two inputs would write the same .xhtml: ", clash);
    return -1;
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
    buf_t src, xhtml;
    buf_init(&src);
    buf_init(&xhtml);
    zhpunct_counts counts = { { 0 }, 0 };
    article a;
    int rc = 1;
    if (io_read_all(input, &src) == 0 && article_parse(src.data, src.len, io_name(input), &a) == 0) {
        zhpunct_article(&a, &counts);
        if (args->dry_run) {
            report(input, &counts);
            rc = 0;
        } else {
            article_write_xhtml(&a.meta, a.body, &xhtml);
            if (io_write_atomic(output, xhtml.data, xhtml.len, args->inputs) == 0)
                rc = 0;
        }
        article_free(&a);
    }
    buf_free(&src);
    buf_free(&xhtml);
    return rc;
}

static int convert_all(const zp_args *a)
{
    int status = 0;
    buf_t output;
    buf_init(&output);
    for (size_t i = 0; i < a->count; i++) {
        if (a->to_folder)
            io_output_path(a->output, a->inputs[i], ".xhtml", &output);
        status |= convert(a->inputs[i], a->to_folder ? output.data : a->output, a);
    }
    buf_free(&output);
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-zhpunct";
    zp_args args = { NULL, calloc((size_t)argc + 1, sizeof(char *)), 0, false, false };
    if (!args.inputs)
        return 1;
    int status = parse_args(argc, argv, &args);
    if (status < 0)
        status = convert_all(&args);
    free(args.inputs);
    return status;
}

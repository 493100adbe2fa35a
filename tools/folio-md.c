/* folio-md: clean articles to Markdown (CommonMark with GFM tables). */
#include "article.h"
#include "io.h"
#include "md.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: folio-md [-o OUT] [FILE...]\n"
    "Write each clean article (the XHTML folio-clean writes) as Markdown:\n"
    "CommonMark with GFM tables, under YAML front matter.\n"
    "\n"
    "  -o, --output OUT  write OUT instead of standard output; when OUT is a\n"
    "                    folder, write OUT/NAME.md for each FILE (several FILEs\n"
    "                    need a folder)\n"
    "      --help        show this help and exit\n"
    "      --version     show the version and exit\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. Images embedded as\n"
    "data: URIs go into an assets folder beside the output (page.md gets\n"
    "page.assets/img-001.png); on standard output they stay data: URIs.\n";

typedef struct {
    const char *output;     /* NULL or "-": standard output */
    const char **inputs;    /* NULL-terminated; "-" for standard input */
    size_t count;
    bool to_folder;
} md_args;

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "%s: %s%s\nTry 'folio-md --help'.\n", io_progname, what, arg);
    return 2;
}

static bool is_stdio(const char *path)
{
    return !path || strcmp(path, "-") == 0;
}

/* Two inputs named alike would write the same OUT/NAME.md. */
static const char *first_clash(const md_args *a)
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
static int parse_args(int argc, char **argv, md_args *a)
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
            return printf("folio-md %s\n", FOLIO_VERSION) < 0 ? 1 : 0;
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
    if (a->count > 1 && !a->to_folder)
        return usage_error("several inputs need -o FOLDER (an existing folder)", "");
    for (size_t i = 0; a->to_folder && i < a->count; i++)
        if (is_stdio(a->inputs[i]))
            return usage_error("standard input has no name to write under ", a->output);
    const char *clash = a->to_folder ? first_clash(a) : NULL;
    if (clash)
        return usage_error("two inputs would write the same .md: ", clash);
    return -1;
}

/* page.md -> the folder page.assets beside it, linked from page.md as
 * "page.assets". */
static void assets_paths(const char *output, buf_t *dir, buf_t *href)
{
    const char *base = strrchr(output, '/');
    base = base ? base + 1 : output;
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - output) : strlen(output);
    buf_add(dir, output, stem);
    buf_puts(dir, ".assets");
    buf_add(href, base, stem - (size_t)(base - output));
    buf_puts(href, ".assets");
}

/* io_write_atomic refuses to write over an input; asking first keeps the
 * assets folder from being made for an output that will be refused. */
static bool is_an_input(const char *output, const char *const *inputs)
{
    struct stat o, i;
    if (is_stdio(output) || stat(output, &o) != 0)
        return false;
    for (; *inputs; inputs++)
        if (!is_stdio(*inputs) && stat(*inputs, &i) == 0 && i.st_dev == o.st_dev && i.st_ino == o.st_ino)
            return true;
    return false;
}

static int convert(const char *input, const char *output, const char *const *inputs)
{
    buf_t src, md, dir, href;
    buf_init(&src);
    buf_init(&md);
    buf_init(&dir);
    buf_init(&href);
    md_assets assets = { NULL, 0 };
    md_options opt = { NULL, NULL, io_name(input) };
    article a;
    int rc = 1;
    if (is_an_input(output, inputs))
        io_error(output, "refusing to write over an input");
    else if (io_read_all(input, &src) == 0 && article_parse(src.data, src.len, io_name(input), &a) == 0) {
        if (!is_stdio(output)) {
            assets_paths(output, &dir, &href);
            opt.assets_href = href.data;
            opt.assets = &assets;
        }
        md_write_article(&a, &opt, &md);
        if (md_assets_save(&assets, dir.data, inputs) == 0 &&
            io_write_atomic(output, md.data, md.len, inputs) == 0)
            rc = 0;
        article_free(&a);
    }
    md_assets_free(&assets);
    buf_free(&src);
    buf_free(&md);
    buf_free(&dir);
    buf_free(&href);
    return rc;
}

static int convert_all(const md_args *a)
{
    int status = 0;
    buf_t output;
    buf_init(&output);
    for (size_t i = 0; i < a->count; i++) {
        if (a->to_folder)
            io_output_path(a->output, a->inputs[i], ".md", &output);
        status |= convert(a->inputs[i], a->to_folder ? output.data : a->output, a->inputs);
    }
    buf_free(&output);
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-md";
    md_args args = { NULL, calloc((size_t)argc + 1, sizeof(char *)), 0, false };
    if (!args.inputs)
        return 1;
    int status = parse_args(argc, argv, &args);
    if (status < 0)
        status = convert_all(&args);
    free(args.inputs);
    return status;
}

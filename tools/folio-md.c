/* folio-md: clean articles to Markdown (CommonMark with GFM tables). */
#include "util/alloc.h"
#include "article/article.h"
#include "common/cli.h"
#include "common/tool_io.h"
#include "util/io.h"
#include "md/md.h"

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

static const opt_def options[] = { CLI_STANDARD_OPTIONS, OPT_TABLE_END };

/* Returns an exit status, or CLI_GO_ON to go on and convert. */
static int parse_args(int argc, char **argv, cli_args *a)
{
    int r = cli_parse(a, options, argc, argv, NULL, NULL);
    if (r == CLI_GO_ON)
        r = cli_finish(a);
    return r != CLI_GO_ON ? r : cli_one_output_each(a, false, ".md");
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
    if (cli_is_stdio(output) || stat(output, &o) != 0)
        return false;
    for (; *inputs; inputs++)
        if (!cli_is_stdio(*inputs) && stat(*inputs, &i) == 0 && i.st_dev == o.st_dev && i.st_ino == o.st_ino)
            return true;
    return false;
}

static int convert(const char *input, const char *output, const char *const *inputs)
{
    buf_t md, dir, href;
    buf_init(&md);
    buf_init(&dir);
    buf_init(&href);
    md_assets assets = { NULL, 0 };
    md_options opt = { NULL, NULL, io_name(input), &io_reporter };
    article a;
    int rc = 1;
    if (is_an_input(output, inputs))
        io_error(output, "refusing to write over an input");
    else if (io_read_article(input, &a) == 0) {
        /* A device or a FIFO has no folder beside it: images stay inline. */
        if (!cli_is_stdio(output) && !io_is_stream(output)) {
            assets_paths(output, &dir, &href);
            opt.assets_href = href.data;
            opt.assets = &assets;
        }
        md_write_article(&a, &opt, &md);
        if (md_assets_save(&assets, dir.data, inputs, &io_reporter) == 0 &&
            io_write_atomic(output, md.data, md.len, inputs, &io_reporter) == 0)
            rc = 0;
        article_free(&a);
    }
    md_assets_free(&assets);
    buf_free(&md);
    buf_free(&dir);
    buf_free(&href);
    return rc;
}

static int convert_all(const cli_args *a)
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
    cli_args args = { .prog = "folio-md", .usage = usage, .inputs = xcalloc((size_t)argc + 1, sizeof(char *)) };
    if (!args.inputs)
        return 1;
    int status = parse_args(argc, argv, &args);
    if (status < 0)
        status = convert_all(&args);
    free(args.inputs);
    return status;
}

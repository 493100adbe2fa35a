/* folio-epub: clean articles to an EPUB 3 book. */
#include "epub/epub.h"
#include "common/cli.h"
#include "common/file_list.h"
#include "common/tool_io.h"
#include "util/io.h"
#include "util/utf8.h"
#include "util/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: folio-epub [-o OUT.epub] [--title TITLE] [--id ID] [--cover IMAGE]\n"
    "                  [--embed-fonts] [FILE...]\n"
    "Pack clean articles (the XHTML folio-clean writes) into one EPUB 3 book:\n"
    "one chapter per article, in the order given, with a table of contents\n"
    "(its h2 sections nested) and a Chinese stylesheet.\n"
    "\n"
    "  -o, --output OUT   write the book to OUT instead of standard output\n"
    "      --files-from LIST  also pack the articles LIST names, one a line, in\n"
    "                     its order (- reads the list from standard input)\n"
    "  -0, --null         the names in LIST end with a NUL byte, not a line end\n"
    "  -t, --title TITLE  the book's title; needed for several articles, and\n"
    "                     gives the book a title page\n"
    "      --id ID        the book's identifier (default: a urn:uuid derived\n"
    "                     from its content)\n"
    "      --cover IMAGE  the cover: a PNG, JPEG, GIF or SVG file (default: a\n"
    "                     plain cover with the title)\n"
    "      --embed-fonts  embed the Noto Serif CJK SC and Noto Sans CJK SC faces,\n"
    "                     cut down to the characters the book uses\n"
    "  -q, --quiet        no warnings (errors are still told)\n"
    "      --help         show this help and exit\n"
    "      --version      show the version and exit\n"
    "\n"
    "Of warnings alike (web images not fetched, article after article) the\n"
    "first three are told, then how many there were in all.\n"
    "With no FILE, or when FILE is -, read standard input. dcterms:modified is\n"
    "SOURCE_DATE_EPOCH when set, else the newest article's date.\n";

typedef struct {
    cli_args cli;
    epub_options opt;
    const char *cover;
    file_list list;
} epub_args;

/* A title or identifier goes into XML: UTF-8 without control characters. */
/* Well-formed UTF-8 with no control character XML refuses. */
static bool is_xml_text(const char *s)
{
    size_t n = strlen(s), bad;
    for (size_t i = 0; i < n;) {
        size_t k = utf8_sequence((const unsigned char *)s + i, n - i, &bad);
        if (k == 0 || ((unsigned char)s[i] < 0x20 && !strchr("\t\n\r", s[i])))
            return false;
        i += k;
    }
    return true;
}

enum { OPT_TITLE, OPT_ID, OPT_COVER, OPT_EMBED_FONTS, OPT_QUIET };
static const opt_def options[] = {
    CLI_STANDARD_OPTIONS,
    FILE_LIST_OPTIONS,
    { "quiet", 'q', false, OPT_QUIET },
    { "title", 't', true, OPT_TITLE },
    { "id", 0, true, OPT_ID },
    { "cover", 0, true, OPT_COVER },
    { "embed-fonts", 0, false, OPT_EMBED_FONTS },
    OPT_TABLE_END
};

static int take_option(void *tool, int id, const char *value)
{
    epub_args *a = tool;
    if (file_list_option(&a->list, id, value))
        return 0;
    switch (id) {
    case OPT_TITLE: a->opt.title = value; break;
    case OPT_ID: a->opt.id = value; break;
    case OPT_COVER: a->cover = value; break;
    case OPT_QUIET: io_warn_quiet(true); break;
    default: a->opt.embed_fonts = true; break;
    }
    return 0;
}

/* Returns an exit status, or -1 to go on and build the book. */
static int parse_args(int argc, char **argv, epub_args *a)
{
    int r = cli_parse(&a->cli, options, argc, argv, take_option, a);
    if (r == CLI_GO_ON)
        r = file_list_add(&a->list, &a->cli);
    if (r != CLI_GO_ON)
        return r;
    r = cli_finish(&a->cli);
    if (r != CLI_GO_ON)
        return r;
    size_t from_stdin = 0;
    for (size_t i = 0; i < a->cli.count; i++)
        from_stdin += cli_is_stdio(a->cli.inputs[i]);
    if (from_stdin > 1)
        return opt_bad_usage(a->cli.prog, "standard input can be read only once");
    if (a->opt.title && (!*a->opt.title || !is_xml_text(a->opt.title)))
        return opt_bad_usage(a->cli.prog, "the title is empty or not UTF-8 text");
    if (a->opt.id && (!*a->opt.id || !is_xml_text(a->opt.id)))
        return opt_bad_usage(a->cli.prog, "the identifier is empty or not UTF-8 text");
    if (a->cli.count > 1 && !a->opt.title)
        return opt_bad_usage(a->cli.prog, "a book of several articles needs --title");
    if (!cli_is_stdio(a->cli.output) && io_is_dir(a->cli.output))
        return opt_bad_usage(a->cli.prog, "the output is a folder; name the book's file: %s", a->cli.output);
    if (cli_is_stdio(a->cli.output) && isatty(STDOUT_FILENO))
        return opt_bad_usage(a->cli.prog, "an EPUB is not for a terminal; use -o BOOK.epub or a pipe");
    return cli_epoch(a->cli.prog, &a->opt.has_epoch, &a->opt.epoch);
}

/* Every input is read and checked, so that one run reports every bad one;
 * a book missing a chapter is not written. */
static int add_articles(epub_book *book, const epub_args *a)
{
    int status = 0;
    buf_t data;
    buf_init(&data);
    for (size_t i = 0; i < a->cli.count; i++) {
        buf_reset(&data);
        if (io_read_all(a->cli.inputs[i], &data) != 0 ||
            epub_book_add(book, data.data, data.len, a->cli.inputs[i]) != 0)
            status = 1;
    }
    buf_free(&data);
    return status;
}

static int add_cover(epub_book *book, const epub_args *a)
{
    if (!a->cover)
        return 0;
    buf_t data;
    buf_init(&data);
    int status = io_read_all(a->cover, &data) == 0 &&
                 epub_book_set_cover(book, data.data, data.len, a->cover) == 0 ? 0 : 1;
    buf_free(&data);
    return status;
}

static int write_book(epub_book *book, const epub_args *a)
{
    buf_t zip;
    buf_init(&zip);
    /* Neither an article nor the cover may be written over. */
    const char **inputs = xcalloc(a->cli.count + 2, sizeof *inputs);
    memcpy(inputs, a->cli.inputs, a->cli.count * sizeof *inputs);
    inputs[a->cli.count] = a->cover;
    int status = epub_book_write(book, &zip) == 0 &&
                 io_write_atomic(a->cli.output, zip.data, zip.len, inputs, &io_reporter) == 0 ? 0 : 1;
    free(inputs);
    buf_free(&zip);
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-epub";
    io_warn_limit(3);
    epub_args args = { .cli = { .prog = "folio-epub", .usage = usage,
                                .inputs = xcalloc((size_t)argc + 1, sizeof(char *)) },
                       .opt = { .report = &io_reporter } };
    if (!args.cli.inputs)
        return 1;
    int status = parse_args(argc, argv, &args);
    if (status < 0) {
        epub_book *book = epub_book_new(&args.opt);
        status = add_articles(book, &args) | add_cover(book, &args);
        if (status == 0)
            status = write_book(book, &args);
        epub_book_free(book);
    }
    io_warn_summary();
    free(args.cli.inputs);
    file_list_free(&args.list);
    return status;
}

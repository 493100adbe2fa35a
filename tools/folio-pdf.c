/* folio-pdf: clean articles typeset as one PDF, a bulletin or a book. */
#include "util/alloc.h"
#include "article/article.h"
#include "common/cli.h"
#include "common/file_list.h"
#include "common/pdf_guard.h"
#include "common/tool_io.h"
#include "util/io.h"
#include "pdf/pdf.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: folio-pdf [OPTION...] [-o OUT.pdf] [FILE...]\n"
    "Typeset clean articles (the XHTML folio-clean writes) as one PDF, in the\n"
    "order given: one bulletin, or a compilation with a title page and contents.\n"
    "\n"
    "  -o, --output OUT     write OUT instead of standard output (a pipe or a\n"
    "                       file: never a terminal)\n"
    "      --files-from LIST  also set the articles LIST names, one a line, in\n"
    "                       its order (- reads the list from standard input)\n"
    "  -0, --null           the names in LIST end with a NUL byte, not a line end\n"
    "  -s, --style STYLE    book (default: 16开 page, Song body, Hei heads) or\n"
    "                       gbt9704 (GB/T 9704-2012 A4 grid, 22 lines of 28)\n"
    "      --paper SIZE     a4, a5, b5, 16k, 32k, letter or WxHmm\n"
    "      --margins MM     one figure, or T,R,B,L in millimetres\n"
    "      --title TEXT     the book's title, and a title page; needed for\n"
    "                       several articles (one article's title is its own)\n"
    "      --subtitle TEXT, --publisher TEXT, --date TEXT   for the title page\n"
    "      --toc            a contents page with page numbers\n"
    "      --recto          start each article on an odd page\n"
    "      --font ROLE=FAMILY  set a font role: serif, sans, kai, fangsong, mono,\n"
    "                       title (the GB/T 9704 title)\n"
    "      --fonts-conf FILE   the fontconfig roles file (default: folio-fonts.conf)\n"
    "      --no-cjk-latin-space  no quarter em between Han and Latin or digits\n"
    "      --no-source-line  no 来源 · date line under each article's title\n"
    "                       (book style prints one from the article's metadata)\n"
    "  -q, --quiet          no warnings (errors are still told)\n"
    "      --help           show this help and exit\n"
    "      --version        show the version and exit\n"
    "\n"
    "Of warnings alike (a character in no font, on page after page) the first\n"
    "three are told, then how many there were in all.\n"
    "With no FILE, or when FILE is -, read standard input. Dates in the file\n"
    "come from SOURCE_DATE_EPOCH, --date or the articles, never the clock.\n";

static int font_option(pdf_options *o, const char *spec)
{
    const char *eq = strchr(spec, '=');
    char role[16];
    if (!eq || eq == spec || (size_t)(eq - spec) >= sizeof role || !eq[1])
        return -1;
    memcpy(role, spec, (size_t)(eq - spec));
    role[eq - spec] = '\0';
    int r = pdf_role_by_name(role);
    if (r < 0)
        return -1;
    o->fonts[r] = eq + 1;
    return 0;
}

enum {
    OPT_STYLE, OPT_PAPER, OPT_MARGINS, OPT_TITLE, OPT_SUBTITLE, OPT_PUBLISHER, OPT_DATE,
    OPT_TOC, OPT_RECTO, OPT_FONT, OPT_FONTS_CONF, OPT_NO_CJK_LATIN_SPACE, OPT_NO_SOURCE_LINE, OPT_QUIET
};
static const opt_def options[] = {
    CLI_STANDARD_OPTIONS,
    FILE_LIST_OPTIONS,
    { "quiet", 'q', false, OPT_QUIET },
    { "style", 's', true, OPT_STYLE },
    { "paper", 0, true, OPT_PAPER },
    { "margins", 0, true, OPT_MARGINS },
    { "title", 0, true, OPT_TITLE },
    { "subtitle", 0, true, OPT_SUBTITLE },
    { "publisher", 0, true, OPT_PUBLISHER },
    { "date", 0, true, OPT_DATE },
    { "toc", 0, false, OPT_TOC },
    { "recto", 0, false, OPT_RECTO },
    { "font", 0, true, OPT_FONT },
    { "fonts-conf", 0, true, OPT_FONTS_CONF },
    { "no-cjk-latin-space", 0, false, OPT_NO_CJK_LATIN_SPACE },
    { "no-source-line", 0, false, OPT_NO_SOURCE_LINE },
    OPT_TABLE_END
};

typedef struct {
    pdf_options opt;
    file_list list;
} pdf_args;

static int take_option(void *tool, int id, const char *v)
{
    pdf_args *a = tool;
    pdf_options *o = &a->opt;
    if (file_list_option(&a->list, id, v))
        return 0;
    switch (id) {
    case OPT_STYLE: o->style = v; break;
    case OPT_PAPER: o->paper = v; break;
    case OPT_MARGINS: o->margins = v; break;
    case OPT_TITLE: o->title = v; break;
    case OPT_SUBTITLE: o->subtitle = v; break;
    case OPT_PUBLISHER: o->publisher = v; break;
    case OPT_DATE: o->date = v; break;
    case OPT_TOC: o->toc = true; break;
    case OPT_RECTO: o->recto = true; break;
    case OPT_FONT:
        if (font_option(o, v) != 0)
            return opt_bad_usage("folio-pdf", "--font wants ROLE=FAMILY (serif, sans, kai, fangsong, mono, title): %s", v);
        break;
    case OPT_FONTS_CONF: o->fonts_conf = v; break;
    case OPT_NO_SOURCE_LINE: o->no_source_line = true; break;
    case OPT_QUIET: io_warn_quiet(true); break;
    default: o->no_cjk_latin_space = true; break;
    }
    return 0;
}

static int read_articles(pdf_book *book, const char **inputs, size_t count)
{
    int status = 0;
    for (size_t i = 0; i < count; i++) {
        article a;
        if (io_read_article(inputs[i], &a) == 0)
            pdf_book_add(book, &a, io_name(inputs[i]));
        else
            status = 1;
    }
    return status;
}

/* What pdf_guard_save returned, as the exit status. */
static int saved(int rc, const char *output)
{
    if (rc == SIGPIPE) {
        raise(SIGPIPE);   /* a reader that went away, as for any filter */
        return 1;
    }
    if (rc > 0)
        io_error(output && strcmp(output, "-") ? output : NULL,
                 "the PDF library crashed while finishing the file (signal %d); nothing was written", rc);
    return rc == 0 ? 0 : 1;
}

/* A book of several articles is named by its maker, as folio-epub asks:
 * no one article's title stands for the rest. */
static int check_title(const cli_args *cli, const char *title)
{
    if (title && !*title)
        return opt_bad_usage(cli->prog, "the title is empty");
    if (cli->count > 1 && !title)
        return opt_bad_usage(cli->prog, "a book of several articles needs --title");
    return CLI_GO_ON;
}

/* One PDF, to a file or a pipe: not into a folder, not onto a terminal. */
static int check_output(const cli_args *cli)
{
    if (!cli_is_stdio(cli->output) && io_is_dir(cli->output))
        return opt_bad_usage(cli->prog, "the output is a folder; name the book's file: %s", cli->output);
    if (cli_is_stdio(cli->output) && isatty(STDOUT_FILENO))
        return opt_bad_usage(cli->prog, "a PDF is not for a terminal; use -o BOOK.pdf or a pipe");
    return CLI_GO_ON;
}

/* Returns an exit status, or CLI_GO_ON to go on and set the book. */
static int parse_args(int argc, char **argv, cli_args *cli, pdf_args *a)
{
    int status = cli_parse(cli, options, argc, argv, take_option, a);
    if (status == CLI_GO_ON)
        status = file_list_add(&a->list, cli);
    if (status == CLI_GO_ON)
        status = cli_finish(cli);
    if (status == CLI_GO_ON)
        status = check_title(cli, a->opt.title);
    if (status == CLI_GO_ON)
        status = check_output(cli);
    if (status == CLI_GO_ON)
        status = cli_epoch(cli->prog, &a->opt.has_epoch, &a->opt.epoch);
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-pdf";
    io_warn_limit(3);
    pdf_args args = { .opt = { .report = &io_reporter } };
    cli_args cli = { .prog = "folio-pdf", .usage = usage, .inputs = xcalloc((size_t)argc + 1, sizeof(char *)) };
    if (!cli.inputs)
        return 1;
    int status = parse_args(argc, argv, &cli, &args);
    pdf_book *book = status == CLI_GO_ON ? pdf_book_new(&args.opt) : NULL;
    if (status == CLI_GO_ON && !book)
        status = 2;
    if (status == CLI_GO_ON) {
        /* one unreadable article spoils the book: nothing is written */
        status = read_articles(book, cli.inputs, cli.count);
        if (status == 0)
            status = saved(pdf_guard_save(book, cli.output, cli.inputs, &io_reporter), cli.output);
        /* a book written without an article it was asked for is no success */
        for (size_t i = 0; status == 0 && i < cli.count; i++)
            if (pdf_book_left_out(book, i))
                status = 1;
    }
    pdf_book_free(book);
    io_warn_summary();
    free(cli.inputs);
    file_list_free(&args.list);
    pdf_shutdown();
    return status;
}

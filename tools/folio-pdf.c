/* folio-pdf: clean articles typeset as one PDF, a bulletin or a book. */
#include "article/article.h"
#include "util/io.h"
#include "pdf/pdf.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: folio-pdf [OPTION...] [-o OUT.pdf] [FILE...]\n"
    "Typeset clean articles (the XHTML folio-clean writes) as one PDF, in the\n"
    "order given: one bulletin, or a compilation with a title page and contents.\n"
    "\n"
    "  -o, --output OUT     write OUT instead of standard output\n"
    "  -s, --style STYLE    book (default: 16开 page, Song body, Hei heads) or\n"
    "                       gbt9704 (GB/T 9704-2012 A4 grid, 22 lines of 28)\n"
    "      --paper SIZE     a4, a5, b5, 16k, 32k, letter or WxHmm\n"
    "      --margins MM     one figure, or T,R,B,L in millimetres\n"
    "      --title TEXT     the book's title (and a title page)\n"
    "      --subtitle TEXT, --publisher TEXT, --date TEXT   for the title page\n"
    "      --toc            a contents page with page numbers\n"
    "      --recto          start each article on an odd page\n"
    "      --font ROLE=FAMILY  set a font role: serif, sans, kai, fangsong, mono\n"
    "      --fonts-conf FILE   the fontconfig roles file (default: folio-fonts.conf)\n"
    "      --no-cjk-latin-space  no quarter em between Han and Latin or digits\n"
    "      --help           show this help and exit\n"
    "      --version        show the version and exit\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. Dates in the file\n"
    "come from SOURCE_DATE_EPOCH, --date or the articles, never the clock.\n";

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "%s: %s%s\nTry 'folio-pdf --help'.\n", io_progname, what, arg);
    return 2;
}

/* "--name VALUE" or "--name=VALUE"; *I moves past a separate value. */
static const char *value_of(int argc, char **argv, int *i, const char *name, bool *missing)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = true;
        return NULL;
    }
    return argv[++*i];
}

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

/* Returns an exit status, or -1 to go on. */
static int parse_args(int argc, char **argv, pdf_options *o, const char **output, const char **inputs,
                      size_t *count)
{
    static const char *const names[] = { "--output", "--style", "--paper", "--margins", "--title",
                                         "--subtitle", "--publisher", "--date", "--font", "--fonts-conf" };
    bool options = true;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options && strcmp(arg, "--") == 0) {
            options = false;
            continue;
        }
        if (!options || arg[0] != '-' || arg[1] == '\0') {
            inputs[(*count)++] = arg;
            continue;
        }
        if (strcmp(arg, "--help") == 0)
            return fputs(usage, stdout) == EOF ? 1 : 0;
        if (strcmp(arg, "--version") == 0)
            return printf("folio-pdf %s\n", FOLIO_VERSION) < 0 ? 1 : 0;
        if (strcmp(arg, "--toc") == 0) { o->toc = true; continue; }
        if (strcmp(arg, "--recto") == 0) { o->recto = true; continue; }
        if (strcmp(arg, "--no-cjk-latin-space") == 0) { o->no_cjk_latin_space = true; continue; }
        if (strcmp(arg, "-o") == 0 || strcmp(arg, "-s") == 0) {
            if (i + 1 >= argc)
                return usage_error("option needs a value: ", arg);
            if (arg[1] == 'o')
                *output = argv[++i];
            else
                o->style = argv[++i];
            continue;
        }
        const char *v = NULL;
        bool missing = false;
        size_t k = 0;
        for (; k < sizeof names / sizeof names[0] && !v && !missing; k++)
            v = value_of(argc, argv, &i, names[k], &missing);
        if (missing)
            return usage_error("option needs a value: ", arg);
        if (!v)
            return usage_error("unknown option ", arg);
        switch (k - 1) {
        case 0: *output = v; break;
        case 1: o->style = v; break;
        case 2: o->paper = v; break;
        case 3: o->margins = v; break;
        case 4: o->title = v; break;
        case 5: o->subtitle = v; break;
        case 6: o->publisher = v; break;
        case 7: o->date = v; break;
        case 8:
            if (font_option(o, v) != 0)
                return usage_error("--font wants ROLE=FAMILY (serif, sans, kai, fangsong, mono): ", v);
            break;
        default: o->fonts_conf = v; break;
        }
    }
    if (*count == 0)
        inputs[(*count)++] = "-";
    if (*output && !**output)
        return usage_error("empty output path", "");
    return -1;
}

static int read_articles(pdf_book *book, const char **inputs, size_t count)
{
    int status = 0;
    buf_t src;
    buf_init(&src);
    for (size_t i = 0; i < count; i++) {
        article a;
        buf_reset(&src);
        if (io_read_all(inputs[i], &src) == 0 && article_parse(src.data, src.len, io_name(inputs[i]), &a) == 0)
            pdf_book_add(book, &a, io_name(inputs[i]));
        else
            status = 1;
    }
    buf_free(&src);
    return status;
}

/* What pdf_book_save returned, as the exit status. */
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

int main(int argc, char **argv)
{
    io_progname = "folio-pdf";
    pdf_options opt = { 0 };
    opt.epoch = getenv("SOURCE_DATE_EPOCH");
    const char *output = NULL;
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t count = 0;
    if (!inputs)
        return 1;
    int status = parse_args(argc, argv, &opt, &output, inputs, &count);
    pdf_book *book = status < 0 ? pdf_book_new(&opt) : NULL;
    if (status < 0 && !book)
        status = 2;
    if (status < 0) {
        /* one unreadable article spoils the book: nothing is written */
        status = read_articles(book, inputs, count);
        if (status == 0)
            status = saved(pdf_book_save(book, output, inputs), output);
    }
    pdf_book_free(book);
    free(inputs);
    pdf_shutdown();
    return status;
}

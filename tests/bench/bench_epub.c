/* bench_epub: folio-epub's work on a book of many articles, in one process.
 * usage: bench_epub [-n ARTICLES] [-r ROUNDS] [--embed-fonts] FILE...
 * Builds a book of ARTICLES chapters (default 200) from the FILEs, taken
 * in turn, ROUNDS times (default 5), and prints the median and best time
 * per article, the book's size and the peak RSS. The files are read into
 * memory first, so only the parsing, writing and zipping are timed. */
#include "bench.h"
#include "util/buf.h"
#include "epub/epub.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* One book of ARTICLES chapters; its size in *BYTES, or -1. */
static double build(buf_t *files, char **names, int nfiles, int articles, bool fonts, size_t *bytes)
{
    static const reporter say = { bench_say, "bench_epub" };
    epub_options opt = { .title = "bench", .report = &say, .embed_fonts = fonts, .has_epoch = true,
                         .epoch = 1573603200 };
    double start = now_ms();
    epub_book *book = epub_book_new(&opt);
    buf_t zip;
    buf_init(&zip);
    int rc = 0;
    for (int i = 0; i < articles && rc == 0; i++)
        rc = epub_book_add(book, files[i % nfiles].data, files[i % nfiles].len, names[i % nfiles]);
    if (rc == 0)
        rc = epub_book_write(book, &zip);
    epub_book_free(book);
    double ms = now_ms() - start;
    *bytes = zip.len;
    buf_free(&zip);
    return rc == 0 ? ms : -1;
}

int main(int argc, char **argv)
{
    int articles = 200, rounds = 5, first = 1;
    bool fonts = false;
    for (; first < argc && argv[first][0] == '-'; first++) {
        if (!strcmp(argv[first], "-n") && first + 1 < argc)
            articles = atoi(argv[++first]);
        else if (!strcmp(argv[first], "-r") && first + 1 < argc)
            rounds = atoi(argv[++first]);
        else if (!strcmp(argv[first], "--embed-fonts"))
            fonts = true;
        else
            break;
    }
    int nfiles = argc - first;
    if (nfiles <= 0 || articles <= 0 || rounds <= 0) {
        fputs("usage: bench_epub [-n ARTICLES] [-r ROUNDS] [--embed-fonts] FILE...\n", stderr);
        return 2;
    }
    buf_t *files = calloc((size_t)nfiles, sizeof *files);
    double *ms = calloc((size_t)rounds, sizeof *ms);
    if (!files || !ms)
        return 1;
    for (int i = 0; i < nfiles; i++)
        if (bench_read("bench_epub", argv[first + i], &files[i]) != 0)
            return 1;
    size_t bytes = 0;
    for (int r = 0; r < rounds; r++)
        if ((ms[r] = build(files, argv + first, nfiles, articles, fonts, &bytes)) < 0)
            return 1;
    qsort(ms, (size_t)rounds, sizeof *ms, cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("folio-epub in one process%s: %d articles from %d files, %d rounds: "
           "median %.1f ms/book = %.3f ms/article (best %.3f), book %zu KB, peak RSS %ld KB\n",
           fonts ? " with --embed-fonts" : "", articles, nfiles, rounds, ms[rounds / 2],
           ms[rounds / 2] / articles, ms[0] / articles, bytes / 1024, ru.ru_maxrss);
    for (int i = 0; i < nfiles; i++)
        buf_free(&files[i]);
    free(files);
    free(ms);
    return 0;
}

/* bench_clean: folio-clean's work on many pages inside one process.
 * usage: bench_clean [-r ROUNDS] PAGE...
 * Prints pages per second, MB/s, the median and 90th percentile time per
 * page and the peak RSS. Pages are read into memory first, so only the
 * cleaning is timed. */
#include "bench.h"
#include "util/buf.h"
#include "clean/clean.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

int main(int argc, char **argv)
{
    int rounds = 3, first = 1;
    if (argc > 2 && !strcmp(argv[1], "-r")) {
        rounds = atoi(argv[2]);
        first = 3;
    }
    int n = argc - first;
    if (n <= 0 || rounds <= 0) {
        fputs("usage: bench_clean [-r ROUNDS] PAGE...\n", stderr);
        return 2;
    }
    buf_t *pages = calloc((size_t)n, sizeof *pages);
    double *ms = calloc((size_t)n * (size_t)rounds, sizeof *ms);
    size_t bytes = 0;
    for (int i = 0; i < n; i++) {
        buf_init(&pages[i]);
        if (bench_read("bench_clean", argv[first + i], &pages[i]) != 0)
            return 1;
        bytes += pages[i].len;
    }
    int failed = 0;
    double t0 = now_ms();
    for (int r = 0; r < rounds; r++)
        for (int i = 0; i < n; i++) {
            buf_t out, why;
            buf_init(&out);
            buf_init(&why);
            clean_options o = { .path = argv[first + i] };
            double a = now_ms();
            if (clean_page((const unsigned char *)pages[i].data, pages[i].len, &o, &out, &why) != 0 && r == 0)
                failed++;
            ms[r * n + i] = now_ms() - a;
            buf_free(&out);
            buf_free(&why);
        }
    double total = now_ms() - t0;
    qsort(ms, (size_t)n * (size_t)rounds, sizeof *ms, cmp_double);
    size_t k = (size_t)n * (size_t)rounds;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("folio-clean in one process: %d pages x %d rounds, %.1f MB per round\n", n, rounds, bytes / 1e6);
    printf("  %.0f pages/s  %.1f MB/s  median %.2f ms/page  p90 %.2f ms  max %.2f ms  peak RSS %ld MB  (%d refused)\n",
           k / (total / 1e3), bytes * (double)rounds / 1e6 / (total / 1e3), ms[k / 2], ms[k * 9 / 10],
           ms[k - 1], ru.ru_maxrss / 1024, failed);
    for (int i = 0; i < n; i++)
        buf_free(&pages[i]);
    free(pages);
    free(ms);
    return 0;
}

/* The few lines every unit test shares: count checks, and say what failed
 * with the line, the expression, and what came out against what was due. */
#ifndef FOLIO_UNIT_H
#define FOLIO_UNIT_H
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int passed, failed;

__attribute__((unused)) static void check(bool ok, int line, const char *what, const char *got, const char *want)
{
    if (ok) {
        passed++;
        return;
    }
    failed++;
    fprintf(stderr, "FAIL line %d: %s\n", line, what);
    if (got || want)
        fprintf(stderr, "  got:  [%s]\n  want: [%s]\n", got ? got : "(null)", want ? want : "(null)");
}

#define CHECK(cond) check((cond), __LINE__, #cond, NULL, NULL)
#define CHECK_STR(got, want) do { const char *g_ = (got), *w_ = (want); \
    check(g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_, __LINE__, #got, g_, w_); } while (0)

/* Named checks, for tests that say in words what they look at. */
__attribute__((unused)) static void check_eq(const char *what, const char *got, const char *want, int line)
{
    check(got && want ? strcmp(got, want) == 0 : got == want, line, what, got, want);
}
#define EQ(what, got, want) check_eq((what), (got), (want), __LINE__)
#define OK(what, cond) check((cond), __LINE__, (what), NULL, NULL)

#endif

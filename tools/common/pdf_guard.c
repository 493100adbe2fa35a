#include "common/pdf_guard.h"
#include "common/tool_io.h"
#include "util/alloc.h"
#include "util/io.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The tests' way to see a crash handled: FOLIO_PDF_TEST_ABORT aborts
 * every setting; FOLIO_PDF_TEST_ABORT_WITH=A,B aborts one whose book
 * holds articles named A and B (a pair that cannot be set together). */
static bool test_abort(const pdf_book *b)
{
    if (getenv("FOLIO_PDF_TEST_ABORT"))
        return true;
    const char *with = getenv("FOLIO_PDF_TEST_ABORT_WITH");
    if (!with || !*with)
        return false;
    char *list = xstrdup(with), *save = NULL;
    bool all = true;
    for (char *name = strtok_r(list, ",", &save); name && all; name = strtok_r(NULL, ",", &save)) {
        bool found = false;
        for (size_t i = 0; i < pdf_book_count(b) && !found; i++)
            found = !pdf_book_left_out(b, i) && strcmp(pdf_book_name(b, i), name) == 0;
        all = found;
    }
    free(list);
    return all;
}

/* TRIAL: make the PDF and throw it away. */
static int save_now(pdf_book *b, bool trial, const char *path, const char *const *inputs, const reporter *r)
{
    buf_t pdf;
    buf_init(&pdf);
    int rc = pdf_book_write(b, &pdf) == 0 && (trial || io_write_atomic(path, pdf.data, pdf.len, inputs, r) == 0)
                 ? 0 : -1;
    buf_free(&pdf);
    return rc;
}

/* Set B in a child: 0, -1 (told to R), or the signal that killed it. A
 * TRIAL makes the PDF, says nothing and throws it away. */
static int save_in_child(pdf_book *b, bool trial, const char *path, const char *const *inputs, const reporter *r)
{
    io_warn_summary();   /* the parent's warnings, before the child's */
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return trial ? 0 : save_now(b, false, path, inputs, r);
    if (pid == 0) {
        if (trial) {   /* what the book says was said by the first try */
            int null = open("/dev/null", O_WRONLY);
            if (null >= 0)
                dup2(null, STDERR_FILENO);
        }
        if (test_abort(b))
            abort();
        int rc = save_now(b, trial, path, inputs, trial ? NULL : r);
        io_warn_summary();   /* what the child was told, counted */
        fflush(NULL);
        /* the child's own end: the parent's buffers and exit handlers are
         * the parent's */
        _exit(rc == 0 ? 0 : 1);
    }
    int st = 0;
    if (waitpid(pid, &st, 0) != pid) {
        report_error(r, NULL, "lost the process that set the PDF");
        return -1;
    }
    if (WIFSIGNALED(st))
        return WTERMSIG(st);
    return WEXITSTATUS(st) == 0 ? 0 : -1;
}

/* Whether the book of the articles set before index END crashes. */
static bool prefix_crashes(pdf_book *b, size_t end, const bool *was_out)
{
    size_t n = pdf_book_count(b);
    for (size_t i = 0; i < n; i++)
        pdf_book_leave_out(b, i, was_out[i] || i >= end);
    int rc = save_in_child(b, true, NULL, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        pdf_book_leave_out(b, i, was_out[i]);
    return rc > 0 && rc != SIGPIPE;
}

/* The article that makes the book crash: the last of the shortest run of
 * articles from the first that crashes (a crash that needs two articles
 * comes once both are in), or -1 when even all of them do not. */
static long find_culprit(pdf_book *b)
{
    size_t n = pdf_book_count(b);
    bool *was_out = xcalloc(n ? n : 1, sizeof *was_out);
    for (size_t i = 0; i < n; i++)
        was_out[i] = pdf_book_left_out(b, i);
    size_t lo = 0, hi = n;   /* the prefix of LO does not crash, of HI does */
    if (!prefix_crashes(b, hi, was_out)) {
        free(was_out);
        return -1;
    }
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (prefix_crashes(b, mid, was_out))
            hi = mid;
        else
            lo = mid;
    }
    /* the runs of LO and HI differ by article HI - 1 alone */
    long culprit = was_out[hi - 1] ? -1 : (long)(hi - 1);
    free(was_out);
    return culprit;
}

/* At most this many articles are left out before the book is given up:
 * a library that crashes on most articles is not crashing on one. */
enum { MAX_LEFT_OUT = 8 };

int pdf_guard_save(pdf_book *b, const char *path, const char *const *inputs, const reporter *r)
{
    for (int left = 0;; left++) {
        int rc = save_in_child(b, false, path, inputs, r);
        if (rc <= 0 || rc == SIGPIPE || left == MAX_LEFT_OUT)
            return rc;
        long bad = find_culprit(b);
        if (bad < 0)
            return rc;
        pdf_book_leave_out(b, (size_t)bad, true);
        size_t set = 0;
        for (size_t i = 0; i < pdf_book_count(b); i++)
            set += !pdf_book_left_out(b, i);
        if (set == 0)
            return rc;
        report_error(r, pdf_book_name(b, (size_t)bad),
                     "the PDF library crashed on this article (signal %d); it is left out of the book", rc);
    }
}

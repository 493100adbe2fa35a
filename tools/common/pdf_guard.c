#include "common/pdf_guard.h"
#include "util/io.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int save_now(pdf_book *b, const char *path, const char *const *inputs, const reporter *r)
{
    buf_t pdf;
    buf_init(&pdf);
    int rc = pdf_book_write(b, &pdf) == 0 && io_write_atomic(path, pdf.data, pdf.len, inputs, r) == 0 ? 0 : -1;
    buf_free(&pdf);
    return rc;
}

int pdf_guard_save(pdf_book *b, const char *path, const char *const *inputs, const reporter *r)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return save_now(b, path, inputs, r);
    if (pid == 0) {
        if (getenv("FOLIO_PDF_TEST_ABORT"))   /* lets the tests see a crash handled */
            abort();
        int rc = save_now(b, path, inputs, r);
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

/* Setting a book and writing it, in a child process: cairo 1.16 can abort on
 * an assertion while it finishes a document, and that must cost the file,
 * told in folio's words, not the process that asked for it. */
#include "pdf/pdf.h"
#include "util/io.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static int save_now(pdf_book *b, const char *path, const char *const *inputs)
{
    buf_t pdf;
    buf_init(&pdf);
    int rc = pdf_book_write(b, &pdf) == 0 && io_write_atomic(path, pdf.data, pdf.len, inputs) == 0 ? 0 : -1;
    buf_free(&pdf);
    return rc;
}

int pdf_book_save(pdf_book *b, const char *path, const char *const *inputs)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return save_now(b, path, inputs);
    if (pid == 0) {
        if (getenv("FOLIO_PDF_TEST_ABORT"))   /* lets the tests see a crash handled */
            abort();
        int rc = save_now(b, path, inputs);
        fflush(NULL);
        _exit(rc == 0 ? 0 : 1);
    }
    int st = 0;
    if (waitpid(pid, &st, 0) != pid) {
        io_error(NULL, "lost the process that set the PDF");
        return -1;
    }
    if (WIFSIGNALED(st))
        return WTERMSIG(st);
    return WEXITSTATUS(st) == 0 ? 0 : -1;
}

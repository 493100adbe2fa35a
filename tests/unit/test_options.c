/* Unit tests for the tools' option parser: the forms an option may take,
 * where the options end, and the words of bad usage. */
#include "common/options.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "unit.h"

enum { O_OUTPUT, O_QUIET, O_DRY, O_JOBS, O_TITLE };
static const opt_def defs[] = {
    { "output", 'o', true, O_OUTPUT },
    { "quiet", 'q', false, O_QUIET },
    { NULL, 'n', false, O_DRY },
    { "jobs", 'j', true, O_JOBS },
    { "title", 0, true, O_TITLE },
    OPT_TABLE_END
};

/* What the parser makes of ARGS (NULL-terminated): one item per call, as
 * "id=value" ("in=word" for an input, "bad" for bad usage), joined by
 * spaces. Standard error goes into ERR. */
static char *parse(const char *const *args, buf_t *err)
{
    char *argv[32] = { "prog" };
    int argc = 1;
    while (args[argc - 1])
        argv[argc] = (char *)args[argc - 1], argc++;
    fflush(stderr);
    int saved = dup(2);
    FILE *tmp = tmpfile();
    dup2(fileno(tmp), 2);
    opt_parser p;
    opt_init(&p, "prog", defs, argc, argv);
    buf_t out;
    buf_init(&out);
    buf_puts(&out, "");
    for (int id; (id = opt_next(&p)) != OPT_DONE;) {
        if (out.len)
            buf_putc(&out, ' ');
        if (id == OPT_BAD) {
            buf_puts(&out, "bad");
            break;
        }
        if (id == OPT_INPUT)
            buf_printf(&out, "in=%s", p.value);
        else
            buf_printf(&out, "%d%s%s", id, p.value ? "=" : "", p.value ? p.value : "");
    }
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    buf_reset(err);
    rewind(tmp);
    char chunk[512];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, tmp)) > 0)
        buf_add(err, chunk, n);
    fclose(tmp);
    return buf_detach(&out);
}

static void expect(int line, const char *const *args, const char *want, const char *want_err)
{
    buf_t err;
    buf_init(&err);
    char *got = parse(args, &err);
    check(strcmp(got, want) == 0, line, args[0] ? args[0] : "(no words)", got, want);
    const char *e = err.data ? err.data : "";
    check(strcmp(e, want_err) == 0, line, "standard error", e, want_err);
    free(got);
    buf_free(&err);
}

#define ARGS(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define PARSES(args, want) expect(__LINE__, args, want, "")
#define REFUSES(args, want, err) expect(__LINE__, args, want, err)

static void test_forms(void)
{
    PARSES(ARGS("--output", "a.md"), "0=a.md");
    PARSES(ARGS("--output=a.md"), "0=a.md");
    PARSES(ARGS("--output="), "0=");
    PARSES(ARGS("-o", "a.md"), "0=a.md");
    PARSES(ARGS("-oa.md"), "0=a.md");
    PARSES(ARGS("-o", "-"), "0=-");                        /* a value may look like an option */
    PARSES(ARGS("--title", "--quiet"), "4=--quiet");
    PARSES(ARGS("-qn"), "1 2");                            /* letters together */
    PARSES(ARGS("-qj4"), "1 3=4");
    PARSES(ARGS("-qj", "4"), "1 3=4");
    PARSES(ARGS("--quiet", "--jobs=2"), "1 3=2");
}

static void test_inputs(void)
{
    PARSES(ARGS("a", "-q", "b"), "in=a 1 in=b");           /* options anywhere */
    PARSES(ARGS("-"), "in=-");                             /* standard input */
    PARSES(ARGS("-q", "--", "-n", "--", "x"), "1 in=-n in=-- in=x");
    PARSES(ARGS(""), "in=");
}

static void test_bad_usage(void)
{
    REFUSES(ARGS("--nope"), "bad", "prog: unknown option '--nope'\nTry 'prog --help'.\n");
    REFUSES(ARGS("--nope=1"), "bad", "prog: unknown option '--nope'\nTry 'prog --help'.\n");
    REFUSES(ARGS("-x"), "bad", "prog: unknown option '-x'\nTry 'prog --help'.\n");
    REFUSES(ARGS("-qx"), "1 bad", "prog: unknown option '-x'\nTry 'prog --help'.\n");
    REFUSES(ARGS("--out", "a"), "bad", "prog: unknown option '--out'\nTry 'prog --help'.\n");
    REFUSES(ARGS("--output"), "bad", "prog: option '--output' needs a value\nTry 'prog --help'.\n");
    REFUSES(ARGS("a", "-o"), "in=a bad", "prog: option '-o' needs a value\nTry 'prog --help'.\n");
    REFUSES(ARGS("--quiet=yes"), "bad", "prog: option '--quiet' takes no value\nTry 'prog --help'.\n");
}

int main(void)
{
    test_forms();
    test_inputs();
    test_bad_usage();
    printf("test_options: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

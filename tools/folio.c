/* folio: the driver. `folio X ARGS` runs folio-X; `folio convert IN OUT`
 * chains folio-clean and the writer that OUT's extension names. */
#include "common/options.h"
#include "common/tool_io.h"
#include "util/io.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char usage[] =
    "usage: folio COMMAND [ARGS...]\n"
    "\n"
    "  clean    captured pages -> clean article XHTML   (folio-clean)\n"
    "  md       clean articles -> Markdown              (folio-md)\n"
    "  meta     clean articles -> TSV or JSON Lines     (folio-meta)\n"
    "  pdf      clean articles -> typeset PDF           (folio-pdf)\n"
    "  epub     clean articles -> EPUB 3 book           (folio-epub)\n"
    "  zhpunct  clean articles -> full-width marks      (folio-zhpunct)\n"
    "  batch    folders, zips, WARCs -> all formats     (folio-batch)\n"
    "  convert  IN OUT.md|.epub|.pdf|.xhtml: clean a page and write it in OUT's format\n"
    "  help     this list; `folio help COMMAND` is `folio COMMAND --help`\n"
    "\n"
    "`folio COMMAND --help` tells more about each command.\n";

/* The folder this program was started from, so that folio finds the
 * folio-X beside it before any on PATH. */
static char self_dir[PATH_MAX];

static void find_self(const char *argv0)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = '\0';
    } else {
        snprintf(buf, sizeof buf, "%s", argv0);
    }
    snprintf(self_dir, sizeof self_dir, "%s", dirname(buf));
}

static void tool_path(const char *cmd, char *out, size_t cap)
{
    int n = snprintf(out, cap, "%s/folio-%s", self_dir, cmd);
    if (n < 0 || (size_t)n >= cap || access(out, X_OK) != 0)
        snprintf(out, cap, "folio-%s", cmd);
}

static void exec_tool(const char *cmd, char **argv)
{
    if (strchr(cmd, '/') || !*cmd) {
        io_error(NULL, "'%s' is not a folio command", cmd);
        exit(2);
    }
    char path[PATH_MAX];
    tool_path(cmd, path, sizeof path);
    argv[0] = path;
    if (strchr(path, '/'))
        execv(path, argv);
    else
        execvp(path, argv);
    io_error(NULL, "'%s' is not a folio command (%s)", cmd, strerror(errno));
    exit(2);
}

static const char *writer_for(const char *out)
{
    const char *dot = strrchr(out, '.');
    if (dot && !strcmp(dot, ".md"))
        return "md";
    if (dot && !strcmp(dot, ".epub"))
        return "epub";
    if (dot && !strcmp(dot, ".pdf"))
        return "pdf";
    if (dot && !strcmp(dot, ".xhtml"))
        return NULL;
    return "";
}

static int wait_status(pid_t pid)
{
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return 1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

/* Run PATH with ARGS, its standard input from IN_FD and its output to
 * OUT_FD when they are not -1; returns its exit status. */
static int run_tool(const char *path, char **args, int in_fd, int out_fd)
{
    pid_t pid = fork();
    if (pid == 0) {
        if (in_fd >= 0)
            dup2(in_fd, STDIN_FILENO);
        if (out_fd >= 0)
            dup2(out_fd, STDOUT_FILENO);
        execvp(path, args);
        _exit(127);
    }
    return pid < 0 ? 1 : wait_status(pid);
}

/* A file for the clean article between the two steps, removed from its
 * folder at once so that nothing is left behind whatever happens. */
static int scratch_file(void)
{
    const char *tmp = getenv("TMPDIR");
    char path[PATH_MAX];
    int n = snprintf(path, sizeof path, "%s/folio-convert.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (n < 0 || (size_t)n >= sizeof path)
        return -1;
    int fd = mkstemp(path);
    if (fd >= 0)
        unlink(path);
    return fd;
}

/* folio convert IN OUT: folio-clean IN, then folio-WRITER -o OUT on what it
 * wrote. The writer runs only when folio-clean succeeded, so that a page
 * that cannot be cleaned is told about once, by folio-clean. */
static int convert(int argc, char **argv)
{
    if (argc != 3) {
        io_error(NULL, "usage: folio convert IN OUT.{md,epub,pdf,xhtml}");
        return 2;
    }
    const char *in = argv[1], *out = argv[2];
    const char *writer = writer_for(out);
    char clean[PATH_MAX];
    tool_path("clean", clean, sizeof clean);
    if (!writer) {
        char *args[] = { clean, "-o", (char *)out, (char *)in, NULL };
        return run_tool(clean, args, -1, -1);
    }
    if (!*writer) {
        io_error(out, "unknown output format (use .md, .epub, .pdf or .xhtml)");
        return 2;
    }
    char wpath[PATH_MAX];
    tool_path(writer, wpath, sizeof wpath);
    int fd = scratch_file();
    if (fd < 0) {
        io_error(NULL, "cannot make a temporary file: %s", strerror(errno));
        return 1;
    }
    char *clean_args[] = { clean, (char *)in, NULL };
    int st = run_tool(clean, clean_args, -1, fd);
    if (st == 0 && lseek(fd, 0, SEEK_SET) != 0) {
        io_error(NULL, "cannot read back the clean article: %s", strerror(errno));
        st = 1;
    }
    if (st == 0) {
        char *writer_args[] = { wpath, "-o", (char *)out, NULL };
        st = run_tool(wpath, writer_args, fd, -1);
    }
    close(fd);
    return st;
}

enum { OPT_HELP, OPT_VERSION };
static const opt_def options[] = {
    { "help", 'h', false, OPT_HELP },
    { "version", 0, false, OPT_VERSION },
    OPT_TABLE_END
};

int main(int argc, char **argv)
{
    io_progname = "folio";
    find_self(argv[0]);
    if (argc < 2) {
        fputs(usage, stderr);
        return 2;
    }
    /* Options before the command are folio's own; the words from the
     * command on are the command's. */
    opt_parser p;
    opt_init(&p, "folio", options, argc, argv);
    int id = opt_next(&p);
    if (id == OPT_BAD)
        return 2;
    if (id == OPT_INPUT && !strcmp(p.value, "help") && p.next < argc) {
        char *help[] = { NULL, "--help", NULL };
        if (!strcmp(argv[p.next], "convert") || !strcmp(argv[p.next], "help"))
            return fputs(usage, stdout) == EOF ? 1 : 0;
        exec_tool(argv[p.next], help);
    }
    if (id == OPT_HELP || (id == OPT_INPUT && !strcmp(p.value, "help")))
        return fputs(usage, stdout) == EOF ? 1 : 0;
    if (id == OPT_VERSION)
        return printf("folio %s\n", FOLIO_VERSION) < 0 ? 1 : 0;
    if (id != OPT_INPUT) {
        fputs(usage, stderr);
        return 2;
    }
    const char *cmd = p.value;
    char **args = argv + p.next - 1;
    if (!strcmp(cmd, "convert"))
        return convert(argc - (p.next - 1), args);
    exec_tool(cmd, args);
    return 2;
}

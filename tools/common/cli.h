/* The command line every folio filter shares: files or standard input in,
 * standard output or -o PATH out, --help and --version, and the same words
 * when something is wrong. */
#ifndef FOLIO_CLI_H
#define FOLIO_CLI_H
#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *prog;       /* "folio-md", for messages */
    const char *usage;      /* what --help prints */
    const char **inputs;    /* room for argc entries; "-" is standard input */
    size_t count;
    const char *output;     /* NULL or "-": standard output */
    bool to_folder;         /* output is an existing folder: OUT/NAME.ext per input */
    bool options_done;      /* after "--", every word is an input */
} cli_args;

enum {
    CLI_GO_ON = -1,   /* parsed: go on and convert */
    CLI_TAKEN = -2,   /* cli_take used the word */
    CLI_OTHER = -3    /* an option of the tool's own */
};

bool cli_is_stdio(const char *path);

/* Print "PROG: WHAT ARG" and the hint to --help; return 2. */
int cli_usage_error(const cli_args *a, const char *what, const char *arg);

/* The value of an option given as "--name VALUE", "--name=VALUE" or, for a
 * short one, "-nVALUE"; NULL when argv[*i] is not that option (then
 * *MISSING tells whether it was, without a value). */
const char *cli_option_value(int argc, char **argv, int *i, const char *shrt, const char *lng,
                             bool *missing);

/* Take argv[*i] when it is an input, "--", -o/--output, --help or
 * --version. Returns CLI_TAKEN, CLI_OTHER, or an exit status. */
int cli_take(cli_args *a, int argc, char **argv, int *i);

/* After the options: standard input when no file is named, and no empty
 * output path. Returns CLI_GO_ON or an exit status. */
int cli_finish(cli_args *a);

/* For tools that write one output per input: several inputs need -o
 * FOLDER (unless SEVERAL_OK), standard input has no name in a folder, and
 * no two inputs may write the same OUT/NAME.EXT. */
int cli_one_output_each(cli_args *a, bool several_ok, const char *ext);

#endif

/* The command line every folio filter shares: files or standard input in,
 * standard output or -o PATH out, --help and --version, and the same words
 * when something is wrong. */
#ifndef FOLIO_CLI_H
#define FOLIO_CLI_H
#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include "common/options.h"

typedef struct {
    const char *prog;       /* "folio-md", for messages */
    const char *usage;      /* what --help prints */
    const char **inputs;    /* room for argc entries; "-" is standard input */
    size_t count;
    const char *output;     /* NULL or "-": standard output */
    bool to_folder;         /* output is an existing folder: OUT/NAME.ext per input */
} cli_args;

enum { CLI_GO_ON = -1 };   /* parsed: go on and convert */

bool cli_is_stdio(const char *path);

/* The options every tool has, to open its table: -o/--output, --help and
 * --version. A tool that also answers -h lists { NULL, 'h', false,
 * CLI_HELP }. The tools' own ids stay below CLI_OUTPUT. */
enum { CLI_OUTPUT = 1000, CLI_HELP, CLI_VERSION };
#define CLI_STANDARD_OPTIONS \
    { "output", 'o', true, CLI_OUTPUT }, { "help", 0, false, CLI_HELP }, { "version", 0, false, CLI_VERSION }

/* What a tool does with one of its own options: 0, or an exit status
 * after saying why (opt_bad_usage). */
typedef int (*cli_option_fn)(void *tool, int id, const char *value);

/* Read the command line by OPTIONS (common/options.h): inputs into
 * A->inputs, -o into A->output, --help and --version answered on standard
 * output, every other option handed to TAKE with TOOL. Returns CLI_GO_ON,
 * or the exit status when the tool is done (help, version, bad usage). */
int cli_parse(cli_args *a, const opt_def *options, int argc, char **argv, cli_option_fn take, void *tool);

/* After the options: standard input when no file is named, and no empty
 * output path. Returns CLI_GO_ON or an exit status. */
int cli_finish(cli_args *a);

/* For tools that write one output per input: several inputs need -o
 * FOLDER (unless SEVERAL_OK), standard input has no name in a folder, and
 * no two inputs may write the same OUT/NAME.EXT. */
int cli_one_output_each(cli_args *a, bool several_ok, const char *ext);

/* SOURCE_DATE_EPOCH for PROG (util/epoch.h): CLI_GO_ON with *SET and
 * *EPOCH, or 2 after saying the value is no time. */
int cli_epoch(const char *prog, bool *set, time_t *epoch);

#endif

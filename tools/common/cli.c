#include "common/cli.h"
#include "util/buf.h"
#include "util/epoch.h"
#include "util/io.h"

#include <stdio.h>
#include <string.h>

bool cli_is_stdio(const char *path)
{
    return !path || strcmp(path, "-") == 0;
}

/* The answer to --help or --version: 0, or 1 when standard output failed. */
static int cli_answer(const cli_args *a, int id)
{
    if (id == CLI_HELP)
        return fputs(a->usage, stdout) == EOF ? 1 : 0;
    return printf("%s %s\n", a->prog, FOLIO_VERSION) < 0 ? 1 : 0;
}

int cli_parse(cli_args *a, const opt_def *options, int argc, char **argv, cli_option_fn take, void *tool)
{
    opt_parser p;
    opt_init(&p, a->prog, options, argc, argv);
    int id;
    while ((id = opt_next(&p)) != OPT_DONE) {
        if (id == OPT_BAD)
            return 2;
        if (id == OPT_INPUT)
            a->inputs[a->count++] = p.value;
        else if (id == CLI_OUTPUT)
            a->output = p.value;
        else if (id == CLI_HELP || id == CLI_VERSION)
            return cli_answer(a, id);
        else {
            int status = take(tool, id, p.value);
            if (status != 0)
                return status;
        }
    }
    return CLI_GO_ON;
}

int cli_finish(cli_args *a)
{
    if (a->count == 0)
        a->inputs[a->count++] = "-";
    if (a->output && !*a->output)
        return opt_bad_usage(a->prog, "empty output path");
    return CLI_GO_ON;
}

/* Two inputs named alike would write the same OUT/NAME.ext. */
static const char *cli_first_clash(const cli_args *a)
{
    buf_t x, y;
    buf_init(&x);
    buf_init(&y);
    const char *clash = NULL;
    for (size_t i = 0; i < a->count && !clash; i++) {
        io_output_path("", a->inputs[i], "", &x);
        for (size_t j = i + 1; j < a->count && !clash; j++) {
            io_output_path("", a->inputs[j], "", &y);
            if (strcmp(x.data, y.data) == 0)
                clash = a->inputs[j];
        }
    }
    buf_free(&x);
    buf_free(&y);
    return clash;
}

int cli_one_output_each(cli_args *a, bool several_ok, const char *ext)
{
    a->to_folder = !cli_is_stdio(a->output) && io_is_dir(a->output);
    if (a->count > 1 && !a->to_folder && !several_ok)
        return opt_bad_usage(a->prog, "several inputs need -o FOLDER (an existing folder)");
    for (size_t i = 0; a->to_folder && i < a->count; i++)
        if (cli_is_stdio(a->inputs[i]))
            return opt_bad_usage(a->prog, "standard input has no name to write under %s", a->output);
    const char *clash = a->to_folder ? cli_first_clash(a) : NULL;
    if (clash)
        return opt_bad_usage(a->prog, "two inputs would write the same %s: %s", ext, clash);
    return CLI_GO_ON;
}

int cli_epoch(const char *prog, bool *set, time_t *epoch)
{
    const char *text;
    if (epoch_from_env(set, epoch, &text) != 0)
        return opt_bad_usage(prog, "SOURCE_DATE_EPOCH is not a count of seconds: %s", text);
    return CLI_GO_ON;
}

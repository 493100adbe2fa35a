#include "common/cli.h"
#include "util/buf.h"
#include "util/io.h"

#include <stdio.h>
#include <string.h>

bool cli_is_stdio(const char *path)
{
    return !path || strcmp(path, "-") == 0;
}

int cli_usage_error(const cli_args *a, const char *what, const char *arg)
{
    fprintf(stderr, "%s: %s%s\nTry '%s --help'.\n", a->prog, what, arg, a->prog);
    return 2;
}

const char *cli_option_value(int argc, char **argv, int *i, const char *shrt, const char *lng,
                             bool *missing)
{
    const char *arg = argv[*i];
    size_t n = strlen(lng);
    if (strcmp(arg, lng) == 0 || (shrt && strcmp(arg, shrt) == 0)) {
        if (*i + 1 >= argc) {
            *missing = true;
            return NULL;
        }
        return argv[++*i];
    }
    if (strncmp(arg, lng, n) == 0 && arg[n] == '=')
        return arg + n + 1;
    if (shrt && strncmp(arg, shrt, 2) == 0 && arg[2])
        return arg + 2;
    return NULL;
}

int cli_take(cli_args *a, int argc, char **argv, int *i)
{
    const char *arg = argv[*i];
    if (!a->options_done && strcmp(arg, "--") == 0) {
        a->options_done = true;
        return CLI_TAKEN;
    }
    if (a->options_done || arg[0] != '-' || arg[1] == '\0') {
        a->inputs[a->count++] = arg;
        return CLI_TAKEN;
    }
    if (strcmp(arg, "--help") == 0)
        return fputs(a->usage, stdout) == EOF ? 1 : 0;
    if (strcmp(arg, "--version") == 0)
        return printf("%s %s\n", a->prog, FOLIO_VERSION) < 0 ? 1 : 0;
    bool missing = false;
    const char *v = cli_option_value(argc, argv, i, "-o", "--output", &missing);
    if (missing)
        return cli_usage_error(a, "option needs a path: ", arg);
    if (v) {
        a->output = v;
        return CLI_TAKEN;
    }
    return CLI_OTHER;
}

int cli_finish(cli_args *a)
{
    if (a->count == 0)
        a->inputs[a->count++] = "-";
    if (a->output && !*a->output)
        return cli_usage_error(a, "empty output path", "");
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
        return cli_usage_error(a, "several inputs need -o FOLDER (an existing folder)", "");
    for (size_t i = 0; a->to_folder && i < a->count; i++)
        if (cli_is_stdio(a->inputs[i]))
            return cli_usage_error(a, "standard input has no name to write under ", a->output);
    const char *clash = a->to_folder ? cli_first_clash(a) : NULL;
    if (clash) {
        char what[64];
        snprintf(what, sizeof what, "two inputs would write the same %s: ", ext);
        return cli_usage_error(a, what, clash);
    }
    return CLI_GO_ON;
}

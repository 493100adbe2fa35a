#include "common/options.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void opt_init(opt_parser *p, const char *prog, const opt_def *defs, int argc, char **argv)
{
    memset(p, 0, sizeof *p);
    p->prog = prog;
    p->defs = defs;
    p->argc = argc;
    p->argv = argv;
    p->next = 1;
}

int opt_bad_usage(const char *prog, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry '%s --help'.\n", prog);
    va_end(ap);
    return 2;
}

/* Bad usage about the option just read: "unknown option '--x'" and so on. */
static int opt_refuse(const opt_parser *p, const char *before, const char *after)
{
    opt_bad_usage(p->prog, "%s'%s'%s", before, p->word, after);
    return OPT_BAD;
}

static const opt_def *opt_long(const opt_parser *p, const char *name, size_t len)
{
    for (const opt_def *d = p->defs; d->name || d->letter; d++)
        if (d->name && strlen(d->name) == len && strncmp(d->name, name, len) == 0)
            return d;
    return NULL;
}

static const opt_def *opt_short(const opt_parser *p, char letter)
{
    for (const opt_def *d = p->defs; d->name || d->letter; d++)
        if (d->letter == letter)
            return d;
    return NULL;
}

/* The value of D: ATTACHED when the word held it, else the next word. */
static int opt_take_value(opt_parser *p, const opt_def *d, const char *attached)
{
    if (attached && *attached) {
        p->value = attached;
        return d->id;
    }
    if (p->next >= p->argc)
        return opt_refuse(p, "option ", " needs a value");
    p->value = p->argv[p->next++];
    return d->id;
}

/* "--name", "--name=VALUE" (the word without its dashes in ARG). */
static int opt_next_long(opt_parser *p, const char *arg)
{
    size_t len = strcspn(arg, "=");
    snprintf(p->word, sizeof p->word, "--%.*s", (int)len, arg);
    const opt_def *d = opt_long(p, arg, len);
    if (!d)
        return opt_refuse(p, "unknown option ", "");
    if (!d->takes_value) {
        if (arg[len] == '=')
            return opt_refuse(p, "option ", " takes no value");
        return d->id;
    }
    if (arg[len] == '=') {
        p->value = arg + len + 1;
        return d->id;
    }
    return opt_take_value(p, d, NULL);
}

/* The next letter of a "-abc" cluster. */
static int opt_next_short(opt_parser *p)
{
    char letter = *p->cluster++;
    snprintf(p->word, sizeof p->word, "-%c", letter);
    const opt_def *d = opt_short(p, letter);
    if (!d)
        return opt_refuse(p, "unknown option ", "");
    if (!d->takes_value)
        return d->id;
    const char *attached = p->cluster;
    p->cluster = "";
    return opt_take_value(p, d, attached);
}

int opt_next(opt_parser *p)
{
    p->value = NULL;
    if (p->cluster && *p->cluster)
        return opt_next_short(p);
    p->cluster = NULL;
    while (p->next < p->argc) {
        const char *arg = p->argv[p->next++];
        if (p->options_done || arg[0] != '-' || arg[1] == '\0') {
            p->value = arg;
            return OPT_INPUT;
        }
        if (strcmp(arg, "--") == 0) {
            p->options_done = true;
            continue;
        }
        if (arg[1] == '-')
            return opt_next_long(p, arg + 2);
        p->cluster = arg + 1;
        return opt_next_short(p);
    }
    return OPT_DONE;
}

/* The one option parser of the folio tools. Each tool lists its options in
 * a table: a long name, a short letter or both, whether it takes a value,
 * and an id to switch on. Words are read in order, options and inputs
 * mixed:
 *   --name=VALUE and --name VALUE, -xVALUE and -x VALUE;
 *   short letters together (-nq), the last of them may take a value;
 *   "--" ends the options, and "-" is an input (standard input).
 * Long names are matched whole, never by a prefix, so that a new option
 * cannot change what an old command line means. A word that is no option
 * of the table, or an option without its value, is bad usage: the parser
 * says so in the words every tool uses, and the tool exits 2. */
#ifndef FOLIO_OPTIONS_H
#define FOLIO_OPTIONS_H
#include <stdbool.h>

typedef struct {
    const char *name;    /* "output" for --output, or NULL */
    char letter;         /* 'o' for -o, or 0 */
    bool takes_value;
    int id;              /* what opt_next returns for it: 0 or more */
} opt_def;

/* The entry that ends a table. */
#define OPT_TABLE_END { NULL, 0, false, 0 }

typedef struct {
    const char *prog;        /* for messages */
    const opt_def *defs;
    int argc;
    char **argv;
    int next;                /* the next word to read */
    const char *cluster;     /* the letters still to read of "-abc" */
    bool options_done;       /* after "--" every word is an input */
    const char *value;       /* the option's value, or the input word */
    char word[256];           /* the option as written, for messages */
} opt_parser;

enum {
    OPT_DONE = -1,    /* no words left */
    OPT_INPUT = -2,   /* an input: P->value */
    OPT_BAD = -3      /* bad usage, already told: exit 2 */
};

void opt_init(opt_parser *p, const char *prog, const opt_def *defs, int argc, char **argv);

/* The id of the next option (its value, if it takes one, in P->value),
 * OPT_INPUT, OPT_DONE or OPT_BAD. */
int opt_next(opt_parser *p);

/* Say "PROG: MESSAGE" and "Try 'PROG --help'." on standard error, the words
 * of every bad usage; returns 2, the exit status for it. */
int opt_bad_usage(const char *prog, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif

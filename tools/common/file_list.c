#include "common/file_list.h"
#include "common/options.h"
#include "common/tool_io.h"
#include "util/alloc.h"
#include "util/io.h"

#include <string.h>

bool file_list_option(file_list *l, int id, const char *value)
{
    if (id == FILE_LIST_FROM)
        l->from = value;
    else if (id == FILE_LIST_NUL)
        l->nul = true;
    else
        return false;
    return true;
}

/* The names in L->data, ended in place, appended to A's inputs. */
static size_t add_names(file_list *l, cli_args *a)
{
    char end = l->nul ? '\0' : '\n';
    size_t added = 0;
    char *p = l->data.data, *stop = p + l->data.len;
    while (p < stop) {
        char *e = memchr(p, end, (size_t)(stop - p));
        if (!e)
            e = stop;   /* the last name needs no end */
        *e = '\0';
        if (!l->nul && e > p && e[-1] == '\r')
            e[-1] = '\0';   /* a list written on Windows */
        if (*p) {
            a->inputs = xreallocarray(a->inputs, a->count + 2, sizeof *a->inputs);
            a->inputs[a->count++] = p;
            a->inputs[a->count] = NULL;
            added++;
        }
        p = e + 1;
    }
    return added;
}

int file_list_add(file_list *l, cli_args *a)
{
    buf_init(&l->data);
    if (!l->from) {
        if (l->nul)
            return opt_bad_usage(a->prog, "-0 reads the names of --files-from; there is no --files-from");
        return CLI_GO_ON;
    }
    if (!*l->from)
        return opt_bad_usage(a->prog, "--files-from wants a file name (or - for standard input)");
    for (size_t i = 0; cli_is_stdio(l->from) && i < a->count; i++)
        if (cli_is_stdio(a->inputs[i]))
            return opt_bad_usage(a->prog, "standard input holds the list of --files-from; it cannot be an input too");
    if (io_read_all(l->from, &l->data) != 0)
        return 1;
    if (add_names(l, a) == 0)
        return opt_bad_usage(a->prog, "%s names no file", io_name(l->from));
    return CLI_GO_ON;
}

void file_list_free(file_list *l)
{
    buf_free(&l->data);
}

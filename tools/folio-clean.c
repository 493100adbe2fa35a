/* folio-clean: captured pages in, clean article XHTML out. */
#include "util/alloc.h"
#include "capture/capture.h"
#include "common/cli.h"
#include "common/name_set.h"
#include "common/page_name.h"
#include "common/rules_folder.h"
#include "common/tool_io.h"
#include "clean/clean.h"
#include "util/io.h"
#include "clean/rules/site_rules.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The rules make install puts under PREFIX, compiled in by the Makefile. */

static const char usage[] =
    "usage: folio-clean [options] [PAGE...]\n"
    "Turn captured web pages into clean article XHTML (UTF-8).\n"
    "Reads PAGE, or standard input when none or '-' is given. A PAGE may be\n"
    "saved HTML, an MHTML file (.mht, .mhtml), a WARC (.warc, .warc.gz) with\n"
    "one page per HTML record, or a zip of saved pages.\n"
    "\n"
    "  -o PATH      write to PATH (a file), or into the folder PATH as NAME.xhtml;\n"
    "               a folder is required for more than one page; pages of a WARC\n"
    "               or zip go to PATH/HOST/PATH.xhtml by their address\n"
    "      --record URI  take only the record or entry URI of a WARC or zip\n"
    "      --explain  tell on standard error why blocks were kept or dropped\n"
    "      --rules DIR  per-site rule files (FiveFilters ftr-site-config format),\n"
    "               chosen by the page's host; default $FOLIO_RULES when set\n"
    "               (empty: no rules), else the installed\n"
    "               " FOLIO_RULES_DEFAULT " when it is there\n"
    "      --site HOST  use HOST's rule file, whatever host the page names\n"
    "  -h, --help   show this help\n"
    "      --version  show the version\n"
    "\n"
    "Exit status: 0 all converted, 1 a page could not be converted,\n"
    "2 bad usage, 3 a page is a list or index page, not an article.\n";

typedef struct {
    cli_args cli;        /* cli.output: the -o file or folder */
    bool explain;
    const char *rules;
    const char *site;
    const char *record;
    site_rules_dir *rules_dir;
    name_set *written;   /* output paths of this run */
} clean_args;

enum { OPT_EXPLAIN, OPT_RULES, OPT_SITE, OPT_RECORD };
static const opt_def options[] = {
    CLI_STANDARD_OPTIONS,
    { NULL, 'h', false, CLI_HELP },
    { "explain", 0, false, OPT_EXPLAIN },
    { "rules", 0, true, OPT_RULES },
    { "site", 0, true, OPT_SITE },
    { "record", 0, true, OPT_RECORD },
    OPT_TABLE_END
};

static int take_option(void *tool, int id, const char *value)
{
    clean_args *a = tool;
    switch (id) {
    case OPT_EXPLAIN: a->explain = true; break;
    case OPT_RULES: a->rules = value; break;
    case OPT_SITE: a->site = value; break;
    default: a->record = value; break;
    }
    return 0;
}

/* A rules folder that is not there is a mistake in the command, not a
 * page without rules: stop before converting anything. Returns CLI_GO_ON
 * or the exit status. */
static int open_rules(clean_args *a)
{
    const char *from, *dir = rules_folder(a->rules, &from);
    buf_t host, names;
    buf_init(&host);
    buf_init(&names);
    int status = CLI_GO_ON;
    if (a->site && !(site_rules_url_host(a->site, &host) && site_rules_names(host.data, &names) > 0)) {
        io_error(NULL, "--site %s: not a host name", a->site);
        status = 2;
    } else if (a->site && !dir) {
        io_error(NULL, "--site needs a rules folder: --rules DIR or FOLIO_RULES");
        status = 2;
    } else if (dir && !(a->rules_dir = site_rules_open(dir, &io_reporter))) {
        io_error(NULL, "%s%s: %s", from, dir,
                 errno == ENOTDIR ? "not a folder" : errno == ENOENT ? "no such folder" : strerror(errno));
        status = 2;
    } else if (a->site && !site_rules_for(a->rules_dir, host.data)) {
        /* The user named the site: a missing file is worth a word, where
         * a page's own host without rules is not. */
        io_warn(NULL, "--site %s: no rule file for it in %s", a->site, dir);
    }
    buf_free(&host);
    buf_free(&names);
    return status;
}

/* STEM.xhtml, or STEM-2.xhtml, STEM-3.xhtml... when this run wrote that
 * already: one run never writes over its own output. */
static const char *claim_output(clean_args *a, const char *stem, buf_t *path)
{
    name_set_claim(a->written, stem, ".xhtml", path);
    return path->data;
}

/* Where one page's article goes: stdout, the -o file, or the -o folder
 * under the name folio batch gives it too (common/page_name.h): by its
 * address, else by its file's name; a/index.html and b/index.html without
 * addresses become index.xhtml and index-2.xhtml. */
static const char *output_for(clean_args *a, const char *input, const capture_page *p, const buf_t *xhtml,
                              buf_t *path)
{
    if (!a->cli.output)
        return NULL;
    if (!io_is_dir(a->cli.output))
        return a->cli.output;
    buf_t name, stem;
    buf_init(&name);
    buf_init(&stem);
    page_output_name(p->url, xhtml->data, xhtml->len, input && strcmp(input, "-") ? input : NULL, NULL,
                     p->record, &name);
    buf_printf(&stem, "%s/%s", a->cli.output, name.data);
    claim_output(a, stem.data, path);
    buf_free(&stem);
    buf_free(&name);
    return io_make_parents(path->data, &io_reporter) == 0 ? path->data : NULL;
}

static int clean_record(clean_args *a, const char *input, capture *c, const capture_page *p)
{
    buf_t xhtml, why, path;
    buf_init(&xhtml);
    buf_init(&why);
    buf_init(&path);
    clean_options o = { .path = input, .explain = a->explain ? stderr : NULL,
                        .rules = a->rules_dir, .site = a->site,
                        .charset = p->charset, .url = p->url,
                        .resource = capture_resource, .resource_ctx = c, .report = &io_reporter };
    int status = clean_page(p->data, p->len, &o, &xhtml, &why);
    if (status != CLEAN_OK) {
        if (p->record)
            io_error(io_name(input), "%s: %s", p->record, why.data);
        else
            io_error(io_name(input), "%s", why.data);
    } else {
        const char *const inputs[] = { input ? input : "-", NULL };
        const char *out = output_for(a, input, p, &xhtml, &path);
        if ((a->cli.output && !out) || io_write_atomic(out, xhtml.data, xhtml.len, inputs, &io_reporter) != 0)
            status = CLEAN_FAILED;
    }
    buf_free(&xhtml);
    buf_free(&why);
    buf_free(&path);
    return status;
}

/* Every page of one input; a refused record is reported and the rest go on. */
static int clean_one(clean_args *a, const char *input)
{
    buf_t why;
    buf_init(&why);
    capture *c = capture_open(input, &why);
    if (!c) {
        io_error(io_name(input), "%s", why.data);
        buf_free(&why);
        return CLEAN_FAILED;
    }
    capture_kind kind = capture_kind_get(c);
    bool many = kind == CAPTURE_WARC || kind == CAPTURE_ZIP;
    if (many && !a->record && !io_is_dir(a->cli.output)) {
        io_error(io_name(input), "a %s holds many pages: give -o FOLDER, or --record URI for one",
                 capture_kind_name(kind));
        capture_close(c);
        buf_free(&why);
        return 2;
    }
    int status = 0, rc;
    bool found = false;
    capture_page p;
    while ((rc = capture_next(c, &p, &why)) != 0) {
        if (rc < 0) {
            io_error(io_name(input), "%s", why.data);
            buf_reset(&why);
            status = CLEAN_FAILED;
            if (rc == -2)
                break;
            continue;
        }
        if (a->record && (!p.record || strcmp(p.record, a->record)))
            continue;
        found = true;
        int s = clean_record(a, input, c, &p);
        if (s == CLEAN_FAILED || (s && !status))
            status = s;
        if (a->record)
            break;
    }
    if (a->explain && many) {
        capture_stats st;
        capture_stats_get(c, &st);
        fprintf(stderr, "%s: %ld pages, %ld revisit records and %ld other records or entries passed over, "
                        "%ld refused\n", io_name(input), st.pages, st.revisits, st.other, st.bad);
    }
    if (a->record && !found && status == 0) {
        io_error(io_name(input), "no record %s", a->record);
        status = CLEAN_FAILED;
    }
    capture_close(c);
    buf_free(&why);
    return status;
}

/* Every input, or standard input when none is named. A page that failed
 * outweighs one that was only not an article. */
static int clean_all(clean_args *a)
{
    if (a->cli.count > 1 && !io_is_dir(a->cli.output)) {
        io_error(NULL, "more than one page needs -o FOLDER (an existing folder)");
        return 2;
    }
    if (a->cli.count == 0)
        return clean_one(a, NULL);
    int status = 0;
    for (size_t i = 0; i < a->cli.count; i++) {
        int s = clean_one(a, a->cli.inputs[i]);
        if (s == CLEAN_FAILED || (s && !status))
            status = s;
    }
    return status;
}

int main(int argc, char **argv)
{
    io_progname = "folio-clean";
    clean_args a = { .cli = { .prog = "folio-clean", .usage = usage,
                              .inputs = xcalloc((size_t)argc + 1, sizeof(char *)) } };
    if (!a.cli.inputs)
        return 1;
    a.written = name_set_new();
    int status = cli_parse(&a.cli, options, argc, argv, take_option, &a);
    if (status == CLI_GO_ON)
        status = open_rules(&a);
    if (status == CLI_GO_ON)
        status = clean_all(&a);
    name_set_free(a.written);
    site_rules_close(a.rules_dir);
    free(a.cli.inputs);
    return status;
}

/* Finding the rule file for a page: its host, and the files FiveFilters
 * would look for it under in a rules folder. */
#include "clean/rules/site_rules_int.h"
#include "util/io.h"
#include "util/alloc.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- the rules folder --------------------------------------------------- */

typedef struct {
    char *name;
    site_rules *rules;   /* NULL: no such file */
} sr_file;

struct site_rules_dir {
    char *dir;
    const reporter *report;
    sr_file *files;
    size_t n_files;
};

site_rules_dir *site_rules_open(const char *dir, const reporter *r)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return NULL;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return NULL;
    }
    site_rules_dir *d = xcalloc(1, sizeof *d);
    d->dir = xstrdup(dir);
    d->report = r;
    return d;
}

void site_rules_close(site_rules_dir *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_files; i++) {
        free(d->files[i].name);
        site_rules_free(d->files[i].rules);
    }
    free(d->files);
    free(d->dir);
    free(d);
}

/* Host names only: the name becomes part of a file path, so nothing that
 * could climb out of the folder ("..", "/") gets through. */
static bool sr_host_ok(const char *h)
{
    size_t n = strlen(h);
    if (n == 0 || n > 253 || h[0] == '.' || h[0] == '-' || h[n - 1] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)h[i];
        if (!(islower(c) || isdigit(c) || c == '-' || c == '_' || c == '.'))
            return false;
        if (c == '.' && h[i + 1] == '.')
            return false;
    }
    return true;
}

int site_rules_names(const char *host, buf_t *out)
{
    buf_reset(out);
    if (!host || !sr_host_ok(host))
        return 0;
    int k = 0;
    buf_printf(out, "%s.txt", host);
    buf_putc(out, '\0');
    k++;
    if (strncmp(host, "www.", 4) == 0 && strchr(host + 4, '.')) {
        buf_printf(out, "%s.txt", host + 4);
        buf_putc(out, '\0');
        k++;
    }
    /* A wildcard for a bare top-level domain (".cn") would be a rule for
     * half the web: parents keep at least two labels. */
    for (const char *dot = strchr(host, '.'); dot; dot = strchr(dot + 1, '.')) {
        if (!strchr(dot + 1, '.'))
            break;
        buf_printf(out, "%s.txt", dot);
        buf_putc(out, '\0');
        k++;
    }
    return k;
}

static site_rules *sr_read(const site_rules_dir *d, const char *name)
{
    buf_t path, text, why;
    buf_init(&path);
    buf_init(&text);
    buf_init(&why);
    buf_printf(&path, "%s%s%s", d->dir, d->dir[0] && d->dir[strlen(d->dir) - 1] == '/' ? "" : "/", name);
    struct stat st;
    site_rules *r = NULL;
    if (stat(path.data, &st) != 0 || !S_ISREG(st.st_mode))
        ;   /* no rule file of that name: the next name is tried */
    else if (io_read_file(path.data, &text, &why) != 0)
        report_error(d->report, path.data, "%s", why.data);
    else
        r = site_rules_parse(text.data ? text.data : "", text.len, path.data, d->report);
    buf_free(&path);
    buf_free(&text);
    buf_free(&why);
    return r;
}

/* Each file is read once a run: a batch over one site reports a bad rule
 * once, not once a page. */
static const site_rules *sr_load(site_rules_dir *d, const char *name)
{
    for (size_t i = 0; i < d->n_files; i++)
        if (strcmp(d->files[i].name, name) == 0)
            return d->files[i].rules;
    site_rules *r = sr_read(d, name);
    char *copy = xstrdup(name);
    d->files = xreallocarray(d->files, d->n_files + 1, sizeof *d->files);
    d->files[d->n_files++] = (sr_file){ copy, r };
    return r;
}

const site_rules *site_rules_for(site_rules_dir *d, const char *host)
{
    buf_t names;
    buf_init(&names);
    int k = site_rules_names(host, &names);
    const site_rules *found = NULL;
    const char *name = names.data;
    for (int i = 0; i < k && !found; i++, name += strlen(name) + 1)
        found = sr_load(d, name);
    buf_free(&names);
    return found;
}

/* ---- the page's host ---------------------------------------------------- */

bool site_rules_url_host(const char *url, buf_t *out)
{
    buf_reset(out);
    if (!url)
        return false;
    const char *p = url;
    while (*p && isspace((unsigned char)*p))
        p++;
    const char *s = p;
    while (isalnum((unsigned char)*s) || *s == '+' || *s == '-' || *s == '.')
        s++;
    bool schemeless = false;
    if (*s == ':' && s > p) {
        if (s[1] != '/' || s[2] != '/')
            return false;
        p = s + 3;
    } else if (p[0] == '/' && p[1] == '/') {
        p += 2;
    } else {
        /* og:url is sometimes written without a scheme: "www.x.com/a/1". */
        schemeless = true;
    }
    size_t n = strcspn(p, "/?#\\ \t\r\n");
    for (size_t i = n; i > 0; i--)
        if (p[i - 1] == '@') {
            p += i;
            n -= i;
            break;
        }
    const char *colon = memchr(p, ':', n);
    if (colon)
        n = (size_t)(colon - p);
    while (n && p[n - 1] == '.')
        n--;
    for (size_t i = 0; i < n; i++)
        buf_putc(out, (char)tolower((unsigned char)p[i]));
    if (!out->len || (schemeless && !memchr(out->data, '.', out->len)) || !sr_host_ok(out->data)) {
        buf_reset(out);
        return false;
    }
    return true;
}

bool site_rules_page_host(htmlDocPtr doc, const char *url, buf_t *out, const char **how)
{
    if (url && site_rules_url_host(url, out)) {
        *how = "url";
        return true;
    }
    /* Government sites must name their domain in a SiteDomain meta tag
     * (the national site-design rules): a host when the capture kept no
     * address. It may hold several ("a.gov.cn,b.gov.cn"); the first is the
     * site's own. */
    bool found = false;
    xmlXPathContextPtr ctx = sr_context(doc);
    xmlXPathObjectPtr o = ctx ? xmlXPathEval((const xmlChar *)
        "//meta[translate(@name,'SITEDOMAIN','sitedomain')='sitedomain']/@content", ctx) : NULL;
    if (o && o->type == XPATH_NODESET && o->nodesetval && o->nodesetval->nodeNr > 0) {
        xmlChar *v = xmlXPathCastNodeToString(o->nodesetval->nodeTab[0]);
        char *first = (char *)v;
        while (*first && (isspace((unsigned char)*first) || *first == ','))
            first++;
        first[strcspn(first, ",; \t")] = '\0';
        found = site_rules_url_host(first, out);
        xmlFree(v);
    }
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    *how = "SiteDomain";
    return found;
}

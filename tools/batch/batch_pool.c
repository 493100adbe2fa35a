/* The pool: N worker processes fed one item at a time over pipes. The
 * parent cleans pages in plan order, names them in plan order as soon as
 * every page before them is cleaned (so names never depend on which worker
 * was faster), and has the named pages written. A worker that dies costs
 * only the item it held: it is reported and replaced. */
#include "batch/batch.h"
#include "util/io.h"
#include "util/alloc.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    pid_t pid;
    int to, from;       /* requests out, results in; -1 when not running */
    long item;          /* the item in hand, or -1 */
    char kind;          /* 'C' cleaning, 'W' writing */
    long chunk;         /* the chunk it reads through, or -1 */
    buf_t in;           /* a result line read in part */
    double since;       /* when the item in hand was sent */
    const char *limit;  /* the limit it was killed for, or NULL */
} pool_worker;

typedef struct {
    batch_pool *p;
    pool_worker *w;
    size_t *chunk_next;     /* the next item of each chunk to clean */
    size_t *chunk_end;
    char *chunk_taken;
    size_t next_chunk;      /* chunks below it are taken or finished */
    size_t *ready;          /* named items waiting to be written */
    size_t ready_head, ready_tail;
    size_t frontier;        /* items below it are named (or need no name) */
    long total, done, failed;
    double last_progress;
    bool progress_shown;
    buf_t key, stem, why;
} pool_state;

static volatile sig_atomic_t pool_stop;

static void pool_on_signal(int sig)
{
    pool_stop = sig;
}

double batch_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- progress ---------------------------------------------------------------- */

static void pool_progress_clear(pool_state *s)
{
    if (s->progress_shown) {
        fputs("\r\033[K", stderr);
        s->progress_shown = false;
    }
}

static void pool_progress(pool_state *s, bool force)
{
    batch_pool *p = s->p;
    if (p->quiet)
        return;
    double now = batch_now();
    double every = p->progress_tty ? 0.25 : 60.0;
    if (!force && now - s->last_progress < every)
        return;
    if (!p->progress_tty && force)
        return;
    s->last_progress = now;
    double elapsed = now - p->started;
    double rate = elapsed > 0 ? s->done / elapsed : 0;
    long eta = rate > 0 ? (long)((s->total - s->done) / rate + 0.5) : 0;
    fprintf(stderr, "%s%ld/%ld pages, %.1f pages/s, ETA %02ld:%02ld, %ld failed%s",
            p->progress_tty ? "\r\033[K" : "folio-batch: ", s->done, s->total, rate, eta / 60, eta % 60,
            s->failed, p->progress_tty ? "" : "\n");
    s->progress_shown = p->progress_tty;
}

/* ---- items ------------------------------------------------------------------------ */

static void pool_failed(pool_state *s, size_t index, const char *stage, const char *error)
{
    batch_item *it = &s->p->plan->v[index];
    it->state = BATCH_FAILED;
    s->done++;
    s->failed++;
    batch_fail(s->p->failures, it->in->path, it->ordinal, it->record, stage, error);
    if (!s->p->quiet) {
        pool_progress_clear(s);
        if (it->record)
            io_error(it->in->path, "%s: %s: %s", it->record, stage, error);
        else
            io_error(it->in->path, "%s: %s", stage, error);
    }
}

/* A page cleaned with a warning (text cut, an image kept as its address)
 * is still converted; the warning is said as it comes, as folio-clean
 * says it, so that nothing is cut without a word. */
static void pool_warned(pool_state *s, size_t index, const char *message)
{
    const batch_item *it = &s->p->plan->v[index];
    if (s->p->quiet)
        return;
    pool_progress_clear(s);
    if (it->record)
        io_warn(it->in->path, "%s: %s", it->record, message);
    else
        io_warn(it->in->path, "%s", message);
}

/* Name every item whose predecessors all have their names. */
static void pool_advance(pool_state *s)
{
    batch_plan *plan = s->p->plan;
    while (s->frontier < plan->n) {
        batch_item *it = &plan->v[s->frontier];
        if (it->state < BATCH_CLEANED)
            break;
        if (it->state == BATCH_CLEANED) {
            batch_item_key(it, &s->key);
            buf_reset(&s->why);
            if (batch_claim(s->p->names, s->key.data, it->base, &s->stem, &s->why) == 0) {
                free(it->stem);
                it->stem = xstrdup(s->stem.data);
                it->state = BATCH_READY;
                s->ready[s->ready_tail++] = s->frontier;
            } else {
                pool_failed(s, s->frontier, "write", s->why.data);
            }
        }
        s->frontier++;
    }
}

/* ---- workers ---------------------------------------------------------------------- */

static void pool_close(pool_worker *w)
{
    if (w->to >= 0)
        close(w->to);
    if (w->from >= 0)
        close(w->from);
    w->to = w->from = -1;
}

static int pool_spawn(pool_state *s, int slot)
{
    batch_pool *p = s->p;
    int req[2], res[2];
    if (pipe(req) != 0)
        return -1;
    if (pipe(res) != 0) {
        close(req[0]);
        close(req[1]);
        return -1;
    }
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(req[0]); close(req[1]); close(res[0]); close(res[1]);
        return -1;
    }
    if (pid == 0) {
        /* the other workers' pipes stay theirs: a worker must see the end
         * of its requests when the parent goes away */
        for (int i = 0; i < p->workers; i++)
            if (i != slot)
                pool_close(&s->w[i]);
        close(req[1]);
        close(res[0]);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        buf_t errs;
        buf_init(&errs);
        buf_printf(&errs, "%s/errors.tmp.XXXXXX", p->job->stage);
        int fd = mkstemp(errs.data);
        if (fd >= 0) {
            unlink(errs.data);
            dup2(fd, STDERR_FILENO);
            close(fd);
        }
        buf_free(&errs);
        batch_worker_serve(p->job, p->plan, req[0], res[1]);
        _exit(0);
    }
    close(req[0]);
    close(res[1]);
    pool_worker *w = &s->w[slot];
    w->pid = pid;
    w->to = req[1];
    w->from = res[0];
    w->item = -1;
    w->chunk = -1;
    w->limit = NULL;
    buf_reset(&w->in);
    return 0;
}

static int pool_send(pool_worker *w, const buf_t *msg)
{
    const char *d = msg->data;
    size_t n = msg->len;
    while (n) {
        ssize_t r = write(w->to, d, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        d += r;
        n -= (size_t)r;
    }
    return 0;
}

/* The next item to clean for W: on in its chunk, else the next chunk. */
static long pool_next_clean(pool_state *s, pool_worker *w)
{
    batch_plan *plan = s->p->plan;
    for (;;) {
        if (w->chunk >= 0) {
            size_t c = (size_t)w->chunk;
            while (s->chunk_next[c] < s->chunk_end[c] && plan->v[s->chunk_next[c]].state != BATCH_TODO)
                s->chunk_next[c]++;
            if (s->chunk_next[c] < s->chunk_end[c])
                return (long)s->chunk_next[c]++;
            w->chunk = -1;
        }
        /* chunks are taken in plan order; one given back by a worker that
         * died is taken again first */
        size_t c = 0;
        bool found = false;
        for (c = 0; c < s->next_chunk; c++)
            if (!s->chunk_taken[c] && s->chunk_next[c] < s->chunk_end[c]) {
                found = true;
                break;
            }
        if (!found) {
            while (s->next_chunk < plan->chunks && s->chunk_next[s->next_chunk] >= s->chunk_end[s->next_chunk])
                s->next_chunk++;
            if (s->next_chunk >= plan->chunks)
                return -1;
            c = s->next_chunk++;
        }
        s->chunk_taken[c] = 1;
        w->chunk = (long)c;
    }
}

static void pool_dispatch(pool_state *s, pool_worker *w)
{
    if (w->to < 0 || w->item >= 0 || pool_stop)
        return;
    batch_plan *plan = s->p->plan;
    buf_t msg;
    buf_init(&msg);
    if (s->ready_head < s->ready_tail) {
        size_t i = s->ready[s->ready_head++];
        plan->v[i].state = BATCH_WRITING;
        w->item = (long)i;
        w->kind = 'W';
        buf_printf(&msg, "W %zu %s\n", i, plan->v[i].stem);
    } else {
        long i = pool_next_clean(s, w);
        if (i >= 0) {
            plan->v[i].state = BATCH_CLEANING;
            w->item = i;
            w->kind = 'C';
            buf_printf(&msg, "C %ld\n", i);
        }
    }
    /* a worker that cannot take a request has died: its result pipe ends,
     * and the item is reported then */
    w->since = batch_now();
    if (msg.len)
        (void)pool_send(w, &msg);
    buf_free(&msg);
}

static void pool_result(pool_state *s, pool_worker *w, char *line)
{
    char *field[6] = { 0 };
    int n = 0;
    for (char *p = line; n < 6 && p; n++) {
        field[n] = p;
        p = n < 5 ? strchr(p, '\t') : NULL;
        if (p)
            *p++ = '\0';
    }
    if (n < 4 || w->item < 0 || strtol(field[1], NULL, 10) != w->item)
        return;
    size_t i = (size_t)w->item;
    if (!strcmp(field[2], "warn")) {
        pool_warned(s, i, field[4] ? field[4] : "");
        return;
    }
    long rss = strtol(field[3], NULL, 10);
    if (rss > s->p->peak_rss_kb)
        s->p->peak_rss_kb = rss;
    batch_item *it = &s->p->plan->v[i];
    w->item = -1;
    if (!strcmp(field[2], "ok")) {
        if (field[0][0] == 'C') {
            free(it->base);
            it->base = xstrdup(n >= 5 && field[4] ? field[4] : "page");
            it->state = BATCH_CLEANED;
            pool_advance(s);
        } else {
            it->state = BATCH_DONE;
            s->done++;
            batch_journal_add(s->p->journal, it->in->path, it->ordinal, it->size, it->mtime_ns, it->stem,
                              s->p->job->formats);
        }
        return;
    }
    pool_failed(s, i, field[4] ? field[4] : "worker", field[5] ? field[5] : "failed");
    pool_advance(s);
}

/* W's results pipe ended: it died, or was told to stop. */
static void pool_lost(pool_state *s, int slot)
{
    pool_worker *w = &s->w[slot];
    pool_close(w);
    int st = 0;
    while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    if (pool_stop)
        return;
    if (w->chunk >= 0)
        s->chunk_taken[w->chunk] = 0;   /* another worker opens it afresh */
    if (w->item >= 0 && w->limit) {
        long i = w->item;
        w->item = -1;
        pool_failed(s, (size_t)i, w->kind == 'C' ? "clean" : "write", w->limit);
        pool_advance(s);
    } else if (w->item >= 0) {
        char why[96];
        if (WIFSIGNALED(st))
            snprintf(why, sizeof why, "the worker was killed by signal %d (%s)", WTERMSIG(st),
                     strsignal(WTERMSIG(st)));
        else
            snprintf(why, sizeof why, "the worker exited with status %d", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        long i = w->item;
        w->item = -1;
        pool_failed(s, (size_t)i, "worker", why);
        pool_advance(s);
    }
    w->chunk = -1;
    if (s->done < s->total && pool_spawn(s, slot) == 0)
        s->p->restarts++;
}

/* The resident memory of process PID in KB, or 0 when unknown. */
static long pool_rss_kb(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/statm", (long)pid);
    FILE *f = fopen(path, "r");
    long size = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &size, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* A worker past the time or the memory one page may take is killed; the
 * page fails with the limit it passed (pool_lost), and the run goes on. */
static void pool_watch(pool_state *s)
{
    batch_pool *p = s->p;
    double now = batch_now();
    for (int i = 0; i < p->workers; i++) {
        pool_worker *w = &s->w[i];
        if (w->item < 0 || w->pid <= 0 || w->limit)
            continue;
        if (p->page_seconds > 0 && now - w->since > p->page_seconds)
            w->limit = p->timeout_words;
        else if (p->page_memory_kb > 0 && pool_rss_kb(w->pid) > p->page_memory_kb)
            w->limit = p->memory_words;
        if (w->limit)
            kill(w->pid, SIGKILL);
    }
}

static void pool_read(pool_state *s, int slot)
{
    pool_worker *w = &s->w[slot];
    char chunk[4096];
    ssize_t r = read(w->from, chunk, sizeof chunk);
    if (r < 0 && errno == EINTR)
        return;
    if (r <= 0) {
        pool_lost(s, slot);
        return;
    }
    buf_add(&w->in, chunk, (size_t)r);
    char *nl;
    while (w->in.len && (nl = memchr(w->in.data, '\n', w->in.len))) {
        *nl = '\0';
        size_t used = (size_t)(nl - w->in.data) + 1;
        pool_result(s, w, w->in.data);
        memmove(w->in.data, w->in.data + used, w->in.len - used);
        w->in.len -= used;
        w->in.data[w->in.len] = '\0';
    }
}

/* The state for a run over P's plan: which item each chunk is at, and
 * how many items there are to do. */
static void pool_state_init(pool_state *s, batch_pool *p)
{
    batch_plan *plan = p->plan;
    *s = (pool_state){ .p = p };
    buf_init(&s->key);
    buf_init(&s->stem);
    buf_init(&s->why);
    s->w = xcalloc((size_t)p->workers, sizeof *s->w);
    s->chunk_next = xcalloc(plan->chunks + 1, sizeof *s->chunk_next);
    s->chunk_end = xcalloc(plan->chunks + 1, sizeof *s->chunk_end);
    s->chunk_taken = xcalloc(plan->chunks + 1, 1);
    s->ready = xcalloc(plan->n + 1, sizeof *s->ready);
    for (size_t i = plan->n; i-- > 0;) {
        s->chunk_next[plan->v[i].chunk] = i;
        if (!s->chunk_end[plan->v[i].chunk])
            s->chunk_end[plan->v[i].chunk] = i + 1;
    }
    for (size_t i = 0; i < plan->n; i++)
        s->total += plan->v[i].state == BATCH_TODO;
    for (int i = 0; i < p->workers; i++) {
        s->w[i].to = s->w[i].from = -1;
        s->w[i].item = s->w[i].chunk = -1;
        buf_init(&s->w[i].in);
    }
    s->last_progress = p->started;
}

static void pool_state_free(pool_state *s)
{
    for (int i = 0; i < s->p->workers; i++)
        buf_free(&s->w[i].in);
    free(s->w);
    free(s->chunk_next);
    free(s->chunk_end);
    free(s->chunk_taken);
    free(s->ready);
    buf_free(&s->key);
    buf_free(&s->stem);
    buf_free(&s->why);
}

/* Dispatch and read results until every item is done. Returns 0, or -1
 * when no worker is left or poll fails. */
static int pool_loop(pool_state *s)
{
    batch_pool *p = s->p;
    struct pollfd *fds = xcalloc((size_t)p->workers, sizeof *fds);
    int *slot_of = xcalloc((size_t)p->workers, sizeof *slot_of);
    int rc = 0;
    while (rc == 0 && s->done < s->total && !pool_stop) {
        for (int i = 0; i < p->workers; i++)
            pool_dispatch(s, &s->w[i]);
        int n = 0;
        for (int i = 0; i < p->workers; i++)
            if (s->w[i].from >= 0) {
                fds[n].fd = s->w[i].from;
                fds[n].events = POLLIN;
                fds[n].revents = 0;
                slot_of[n++] = i;
            }
        if (!n) {
            io_error(NULL, "no worker is left running");
            rc = -1;
            break;
        }
        /* the limits are checked ten times a second */
        bool watch = p->page_seconds > 0 || p->page_memory_kb > 0;
        int k = poll(fds, (nfds_t)n, watch ? 100 : p->progress_tty ? 250 : 1000);
        if (k < 0 && errno != EINTR) {
            io_error(NULL, "poll: %s", strerror(errno));
            rc = -1;
            break;
        }
        for (int j = 0; k > 0 && j < n; j++)
            if (fds[j].revents)
                pool_read(s, slot_of[j]);
        if (watch)
            pool_watch(s);
        pool_progress(s, false);
    }
    free(fds);
    free(slot_of);
    return rc;
}

/* The requests end: each worker finishes and exits (interrupted, it is
 * told to stop at once). */
static void pool_end_workers(pool_state *s)
{
    for (int i = 0; i < s->p->workers; i++) {
        if (s->w[i].to >= 0) {
            close(s->w[i].to);
            s->w[i].to = -1;
        }
        if (pool_stop && s->w[i].pid > 0)
            kill(s->w[i].pid, SIGTERM);
    }
    for (int i = 0; i < s->p->workers; i++) {
        if (s->w[i].pid > 0) {
            while (waitpid(s->w[i].pid, NULL, 0) < 0 && errno == EINTR)
                ;
        }
        pool_close(&s->w[i]);
    }
}

int batch_pool_run(batch_pool *p)
{
    pool_state s;
    pool_state_init(&s, p);
    pool_advance(&s);
    struct sigaction sa, old_int, old_term, old_pipe;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = pool_on_signal;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, &old_pipe);
    pool_stop = 0;
    int started = 0;
    for (int i = 0; i < p->workers && s.total; i++)
        started += pool_spawn(&s, i) == 0;
    int rc = 0;
    if (s.total && !started) {
        io_error(NULL, "cannot start workers: %s", strerror(errno));
        rc = -1;
    }
    if (rc == 0)
        rc = pool_loop(&s);
    if (pool_stop)
        rc = -1;
    pool_end_workers(&s);
    pool_progress_clear(&s);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGPIPE, &old_pipe, NULL);
    pool_state_free(&s);
    return rc;
}

/* folio-batch: whole archives of captured pages converted by a pool of
 * worker processes. The parent walks the inputs, plans one item per page,
 * names each page's outputs and keeps the books; workers clean pages and
 * write their outputs. */
#ifndef FOLIO_BATCH_H
#define FOLIO_BATCH_H
#include "common/tool_io.h"
#include "util/buf.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum { BATCH_MD = 1, BATCH_EPUB = 2, BATCH_PDF = 4 };

/* "md,epub,pdf" -> a mask of BATCH_*; -1 when a word is not a format. */
int  batch_formats_parse(const char *list);
/* The mask as "md,epub" ("-" for none), for the manifest. */
void batch_formats_name(int formats, buf_t *out);

/* ---- failures: what failures.tsv lists ------------------------------------ */

typedef struct {
    char *input, *record, *stage, *error;
    long ordinal;   /* the page's place in its input, for the order of lines */
} batch_failure;

typedef struct {
    batch_failure *v;
    size_t n, cap;
} batch_failures;

/* Tabs and line breaks in the fields become spaces. RECORD may be NULL. */
void batch_fail(batch_failures *f, const char *input, long ordinal, const char *record,
                const char *stage, const char *error);
/* Write the header and every failure, sorted by input then page, to PATH
 * through a temporary file. Returns 0 or -1 after a message. */
int  batch_failures_write(batch_failures *f, const char *path);
void batch_failures_free(batch_failures *f);

/* ---- walking the sources ---------------------------------------------------- */

typedef struct {
    char *path;   /* a file to read */
    char *root;   /* the SRC it was found under: names are relative to it */
} batch_input;

typedef struct {
    batch_input *v;
    size_t n, cap;
    long other_files;   /* files in folders that are not captures: skipped */
} batch_inputs;

/* Add SRC (a file, or a folder walked recursively in name order) to IN.
 * Folders that lead back to one above them are reported in F as "symlink
 * loop"; the folder SKIP (the output folder, by device and inode; may be
 * NULL) is not entered. */
void batch_walk(const char *src, const char *skip, batch_inputs *in, batch_failures *f);
/* Whether a file of this name is read when found in a folder. */
bool batch_is_capture_name(const char *name);
void batch_inputs_free(batch_inputs *in);

/* ---- the plan: one item per page ------------------------------------------- */

enum {
    BATCH_TODO,      /* to be cleaned */
    BATCH_CLEANING,  /* a worker is cleaning it */
    BATCH_CLEANED,   /* cleaned into the staging folder, waiting for its name */
    BATCH_READY,     /* named; its outputs are to be written */
    BATCH_WRITING,   /* a worker is writing its outputs */
    BATCH_DONE,      /* converted in this run */
    BATCH_SKIPPED,   /* up to date from an earlier run */
    BATCH_FAILED
};

typedef struct {
    const batch_input *in;
    long ordinal;         /* the page's place among its input's pages, from 0 */
    char *record;         /* the record or entry name in a container, or NULL */
    long long size, mtime_ns;   /* the input when planned */
    size_t chunk;         /* items of one chunk go to one worker, in order */
    int state;
    char *base;           /* the name its address or path gives, once cleaned */
    char *stem;           /* the claimed name, without extension */
} batch_item;

typedef struct {
    batch_item *v;
    size_t n, cap;
    size_t chunks;
    long pages;           /* every page found, in every shard */
    long revisits;        /* WARC revisit records passed over */
    long not_pages;       /* records and entries that are not pages */
} batch_plan;

/* The shard a page belongs to: FNV-1a (32 bits) over the input's path, a
 * tab and the page's ordinal in decimal, modulo SHARDS. */
uint32_t batch_shard_hash(const char *input, long ordinal);

/* Add the pages of IN to P: a plain file is one page, a container is
 * opened and read through to count its pages (records it refuses are
 * reported in F). Only pages of shard SHARD of SHARDS are kept. */
void batch_plan_input(batch_plan *p, const batch_input *in, unsigned shard, unsigned shards,
                      batch_failures *f);
void batch_plan_free(batch_plan *p);

/* ---- names and the manifest -------------------------------------------------- */

/* Claim a name for KEY under DIR (OUTDIR/.folio-batch/names): BASE, else
 * BASE-2, BASE-3... the first no other key holds. A name claimed once stays
 * its key's, across runs and between shards running at once. STEM gets the
 * name. Returns 0, or -1 with the cause in WHY. */
int batch_claim(const char *dir, const char *key, const char *base, buf_t *stem, buf_t *why);
/* KEY for an item: its input's path, a tab, its ordinal. */
void batch_item_key(const batch_item *it, buf_t *key);

typedef struct {
    char *input;
    long ordinal;
    long long size, mtime_ns;
    char *stem;
    int formats;
} batch_entry;

typedef struct {
    batch_entry *v;
    size_t n, cap;
    size_t *slots;   /* a hash index of V by input and ordinal, 0 for empty */
    size_t nslots;
} batch_manifest;

/* Read every manifest*.tsv in DIR. A missing folder is an empty manifest. */
void batch_manifest_load(batch_manifest *m, const char *dir);
/* Read one manifest file; a missing file is an empty manifest. */
void batch_manifest_load_file(batch_manifest *m, const char *path);
const batch_entry *batch_manifest_find(const batch_manifest *m, const char *input, long ordinal);
void batch_manifest_put(batch_manifest *m, const char *input, long ordinal, long long size,
                        long long mtime_ns, const char *stem, int formats);
int  batch_manifest_write(const batch_manifest *m, const char *path);

/* The manifest file of a run in progress, a line appended per page done. */
typedef struct {
    int fd;
    int unsynced;        /* lines written since the last fsync */
    double synced_at;
} batch_journal;

/* Open PATH to append to (made, with its header, when new). Returns 0, or
 * -1 after a message (FD is then -1, and adding does nothing). */
int  batch_journal_open(batch_journal *j, const char *path);
/* Append a page's line; it reaches the disk within 64 lines or 2 s. */
void batch_journal_add(batch_journal *j, const char *input, long ordinal, long long size,
                       long long mtime_ns, const char *stem, int formats);
void batch_journal_close(batch_journal *j);
void batch_manifest_free(batch_manifest *m);

/* The path of an output: OUTDIR/STEM.EXT. */
void batch_output_path(const char *outdir, const char *stem, const char *ext, buf_t *out);
/* Whether the outputs FORMATS asks for (and the .xhtml) are all there. */
bool batch_outputs_exist(const char *outdir, const char *stem, int formats);

/* ---- the worker's side --------------------------------------------------------- */

typedef struct batch_worker batch_worker;

typedef struct {
    const char *outdir;
    const char *stage;    /* the staging folder for cleaned pages */
    int formats;
    bool has_epoch;       /* SOURCE_DATE_EPOCH was given: */
    time_t epoch;         /*   the time the books carry */
    struct site_rules_dir *rules;   /* --rules, or NULL */
} batch_job;

/* Serve requests on IN, one result line each on OUT, until IN ends.
 * Requests are "C INDEX" (clean the item into the staging folder) and
 * "W INDEX STEM" (write its outputs). A failure's cause in the result line
 * is the last error the library reported; the worker's standard error is
 * a nameless file in the staging folder, so that what other libraries
 * print there stays off the terminal. */
void batch_worker_serve(const batch_job *job, const batch_plan *plan, int in, int out);

/* ---- the pool: workers, dispatch, progress ---------------------------------- */

typedef struct {
    int workers;
    bool quiet;
    bool progress_tty;    /* one updating line; else a line a minute */
    const char *names;    /* the names folder (batch_claim) */
    const batch_job *job;
    batch_plan *plan;
    batch_failures *failures;
    double started;       /* when the run began (batch_now) */
    double page_seconds;  /* the longest a worker may take over one request; 0: no limit */
    long page_memory_kb;  /* the most memory a worker may hold; 0: no limit */
    const char *timeout_words, *memory_words;   /* a page's failure when it passes one */
    batch_journal *journal;   /* where each page done is noted, or NULL */
    long peak_rss_kb;     /* the largest peak a worker reported */
    int restarts;         /* workers started again after one died */
} batch_pool;

/* Clean and write every item in state BATCH_TODO. Returns 0, or -1 when
 * interrupted (SIGINT, SIGTERM) or workers could not be started. */
int batch_pool_run(batch_pool *p);
double batch_now(void);

/* ---- leftovers of a run that was killed ----------------------------------------- */

/* Remove files under DIR named NAME.tmp.XXXXXX (what io_write_atomic and
 * mkstemp leave behind when killed) older than MIN_AGE seconds; symlinks
 * are not followed. */
void batch_sweep_temps(const char *dir, long min_age);
/* Remove the folder DIR and everything in it (not following symlinks). */
void batch_remove_tree(const char *dir);

/* What one page may take by default, in a worker's time over one request
 * and its memory: far more than a real page needs (an article of 236 PDF
 * pages sets in 6 s and 150 MB; the 338 pages of the shared corpus,
 * written to every format, peak at 200 MB), far less than a page built to
 * stall a run or exhaust the machine. */
enum { BATCH_PAGE_SECONDS = 300, BATCH_PAGE_MEMORY_MB = 2048 };

/* What folio-batch was asked to do. */
typedef struct {
    const char *outdir;
    int formats;            /* BATCH_MD | BATCH_EPUB | BATCH_PDF */
    int jobs;
    bool force, quiet, stats, by_path;
    const char *book;       /* --book NAME, or NULL */
    bool book_toc;          /* --toc: the book's PDF has a contents page */
    unsigned shard, shards;
    const char *rules;      /* --rules DIR, or NULL for $FOLIO_RULES */
    double page_seconds;    /* --page-timeout: per page and stage; 0 for none */
    long page_memory_mb;    /* --page-memory: per worker; 0 for none */
    bool has_epoch;         /* SOURCE_DATE_EPOCH, checked */
    time_t epoch;
    const char **srcs;
    size_t n_srcs;
} batch_options;

/* ---- books --------------------------------------------------------------------- */

/* Bind the articles of PLAN in state DONE or SKIPPED into OUTDIR/BOOK.pdf
 * and OUTDIR/BOOK.epub (as FORMATS asks), by date or by path as O says.
 * Failures go to F. */
void batch_book(const batch_plan *plan, const batch_options *o, int formats, batch_failures *f);

/* The whole run: gather the pages, convert those not up to date, bind the
 * book, write the manifest and failures.tsv, and say how it went. Returns
 * the exit status: 0, 1 when anything failed, 2 for a bad --rules,
 * 130 when interrupted. */
int batch_run(const batch_options *o);

#endif

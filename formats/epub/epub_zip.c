#include "epub/epub_internal.h"

#include <zip.h>

/* The OCF container, zipped in memory so that the caller writes it out in
 * one atomic rename (or down a pipe). mimetype comes first and stored, as
 * OCF demands; every entry gets the book's own time and fixed permissions,
 * so that the same book is the same bytes. */

static int epub_zip_fail(const reporter *r, const char *what, zip_error_t *err)
{
    report_error(r, NULL, "cannot build the zip (%s): %s", what, zip_error_strerror(err));
    return -1;
}

static int epub_zip_add(zip_t *za, const epub_zip_entry *e, uint16_t dos_time, uint16_t dos_date)
{
    zip_source_t *src = zip_source_buffer(za, e->data, e->len, 0);
    zip_int64_t idx = src ? zip_file_add(za, e->name, src, 0) : -1;
    if (idx < 0) {
        zip_source_free(src);
        return -1;
    }
    zip_uint64_t i = (zip_uint64_t)idx;
    if (zip_set_file_compression(za, i, e->compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                 e->compress ? 9 : 0) != 0 ||
        zip_file_set_dostime(za, i, dos_time, dos_date, 0) != 0 ||
        zip_file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, 0100644u << 16) != 0)
        return -1;
    return 0;
}

/* The zip's bytes out of the memory source it was written to. */
static int epub_zip_bytes(zip_source_t *mem, buf_t *out)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(mem, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || zip_source_open(mem) != 0)
        return -1;
    char chunk[65536];
    zip_int64_t n;
    while ((n = zip_source_read(mem, chunk, sizeof chunk)) > 0)
        buf_add(out, chunk, (size_t)n);
    zip_source_close(mem);
    return n < 0 || out->len != st.size ? -1 : 0;
}

int epub_zip_write(const epub_zip_entry *entries, size_t n, const char *modified, buf_t *out,
                   const reporter *r)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_t *za = mem ? zip_open_from_source(mem, ZIP_TRUNCATE, &err) : NULL;
    if (!za) {
        int rc = epub_zip_fail(r, "open", &err);
        zip_source_free(mem);
        zip_error_fini(&err);
        return rc;
    }
    /* The archive's bytes are wanted after zip_close has let go of it. */
    zip_source_keep(mem);
    uint16_t dos_time, dos_date;
    epub_date_dos(modified, &dos_time, &dos_date);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        if (epub_zip_add(za, &entries[i], dos_time, dos_date) != 0)
            rc = epub_zip_fail(r, entries[i].name, zip_get_error(za));
    if (rc == 0 && zip_close(za) != 0)
        rc = epub_zip_fail(r, "close", zip_get_error(za));
    if (rc != 0)
        zip_discard(za);
    if (rc == 0 && epub_zip_bytes(mem, out) != 0) {
        report_error(r, NULL, "cannot build the zip: reading it back failed");
        rc = -1;
    }
    zip_source_free(mem);
    zip_error_fini(&err);
    return rc;
}

/* Names of entries in a zip of saved pages, and paths a page writes to
 * reach the entries beside it. Pure string work: nothing here touches the
 * archive or the file system. */
#ifndef FOLIO_ZIP_ENTRY_H
#define FOLIO_ZIP_ENTRY_H
#include "util/buf.h"
#include <stdbool.h>

/* False for a name that would leave the archive if it were unpacked: an
 * absolute path ("/x", "\x", "C:x", "C:\x") or one with a ".." segment,
 * with '/' or '\' as the separator. Also false for an empty name. */
bool zip_entry_name_safe(const char *name);

/* Is NAME a saved page: .html, .htm, .shtml or .xhtml in any case? */
bool zip_entry_is_page(const char *name);

/* NAME as a key to look entries up by: '\' read as '/', empty and "."
 * segments dropped. ".." pops a segment; false when it climbs above the
 * root. OUT is reset first. */
bool zip_entry_normalise(const char *name, buf_t *out);

/* Where the relative reference SRC, as a page at entry PAGE writes it,
 * leads inside the archive: its query and fragment cut, %XX escapes
 * decoded, then taken from PAGE's folder and normalised. False for a
 * reference with a scheme ("http:", "data:"), a network or absolute path,
 * one that climbs above the root, an empty one, or one naming a folder. */
bool zip_entry_resolve(const char *page, const char *src, buf_t *out);

/* Is the entry KEY (normalised) inside a page's resource folder? Saving a
 * page "complete" puts its images and frames in NAME_files/ (or
 * NAME.files/) beside NAME.html; HAS_PAGE(CTX, STEM) says whether the
 * archive holds a page whose key, without its extension, is STEM. */
bool zip_entry_in_files_folder(const char *key, bool (*has_page)(void *ctx, const char *stem),
                               void *ctx);

#endif

/* The clean-article reader through the EPUB writer. */
#include "fuzz.h"
#include "epub/epub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    epub_options o = { .has_epoch = true, .epoch = 1700000000 };
    epub_book *b = epub_book_new(&o);
    buf_t out;
    buf_init(&out);
    /* no path: standard input has no folder, so no file is ever read */
    if (epub_book_add(b, (const char *)data, size, NULL) == 0)
        epub_book_write(b, &out);
    epub_book_free(b);
    buf_free(&out);
    return 0;
}

/* The clean-article reader through the PDF typesetter. */
#include "fuzz.h"
#include "article/article.h"
#include "pdf/pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    article a;
    buf_t why, out;
    buf_init(&why);
    buf_init(&out);
    if (article_parse((const char *)data, size, &a, &why) == 0) {
        pdf_options o = { .has_epoch = true, .epoch = 1700000000 };
        pdf_book *b = pdf_book_new(&o);
        if (b) {
            pdf_book_add(b, &a, "fuzz");
            pdf_book_write(b, &out);
            pdf_book_free(b);
        } else {
            article_free(&a);
        }
    }
    buf_free(&why);
    buf_free(&out);
    return 0;
}

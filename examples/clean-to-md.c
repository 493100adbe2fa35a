/* clean-to-md: a saved page in, its article as Markdown out, through
 * libfolio. Build it with
 *     cc clean-to-md.c $(pkg-config --cflags --libs folio) -o clean-to-md
 * and run it as ./clean-to-md page.html > page.md */
#include <folio/folio.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: clean-to-md PAGE\n");
        return 2;
    }
    folio_error err = { 0 };
    folio_capture *capture = folio_capture_open(argv[1], &err);
    folio_page page;
    folio_article *article = NULL;
    folio_bytes md = { 0 };
    /* a plain HTML file is a capture of one page */
    if (capture && folio_capture_next(capture, &page, &err) == 1) {
        folio_clean_options opt = { .path = argv[1] };   /* images beside the page */
        article = folio_clean_captured(capture, &page, &opt, &err);
    }
    if (article && folio_md_write(article, NULL, &md, &err) == 0)
        fwrite(md.data, 1, md.len, stdout);
    else
        fprintf(stderr, "clean-to-md: %s: %s\n", argv[1], err.message ? err.message : "no page");
    int status = md.data ? 0 : err.code ? err.code : 1;
    folio_bytes_free(&md);
    folio_article_free(article);
    folio_capture_close(capture);
    folio_error_clear(&err);
    return status;
}

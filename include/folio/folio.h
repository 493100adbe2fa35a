/* libfolio: captured web pages (above all Chinese government and news
 * bulletins) turned into clean articles, Markdown, EPUB 3 and typeset PDF.
 * The one header a program includes; pkg-config --cflags --libs folio
 * builds against it. The pipeline, stage by stage:
 *
 *   folio_capture_open / folio_capture_next   a saved page, MHTML, WARC or zip
 *   folio_clean, folio_clean_captured         a page -> a clean article
 *   folio_article_read                        clean XHTML -> an article
 *   folio_md_write, folio_epub_*, folio_pdf_* an article -> Markdown, EPUB, PDF
 */
#ifndef FOLIO_PUBLIC_FOLIO_H
#define FOLIO_PUBLIC_FOLIO_H
#include <folio/common.h>
#include <folio/capture.h>
#include <folio/article.h>
#include <folio/clean.h>
#include <folio/md.h>
#include <folio/epub.h>
#include <folio/pdf.h>
#endif

/* Unit tests for the update folio-pdf appends to cairo's PDF: the
 * cross-reference table read back, the catalog given /Lang and /MarkInfo,
 * and the dangling entry cairo 1.16 leaves behind freed. */
#define _GNU_SOURCE   /* memmem */
#include "pdf/pdf_xref.h"

#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* A small PDF of the objects given (object N is objs[N-1]), with a
 * correct table unless BREAK names an entry to point at the wrong place. */
static void make_pdf(buf_t *out, const char *const *objs, size_t n, size_t root, size_t brk, const char *extra)
{
    size_t off[16];
    buf_init(out);
    buf_puts(out, "%PDF-1.5\n%\xb5\xed\xae\xfb\n");
    for (size_t i = 0; i < n; i++) {
        off[i] = out->len;
        buf_printf(out, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    size_t xref = out->len;
    buf_printf(out, "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
    for (size_t i = 0; i < n; i++)
        buf_printf(out, "%010zu 00000 n \n", i + 1 == brk ? off[0] : off[i]);
    buf_printf(out, "trailer\n<< /Size %zu\n   /Root %zu 0 R\n%s>>\nstartxref\n%zu\n%%%%EOF\n", n + 1, root,
               extra ? extra : "", xref);
}

/* The text of object N as the last table says, up to its endobj. */
static char *object_text(const buf_t *pdf, size_t n)
{
    pdf_xref x;
    const char *why;
    if (pdf_xref_read(pdf->data, pdf->len, &x, &why) != 0 || !pdf_xref_entry_ok(pdf->data, pdf->len, &x, n)) {
        pdf_xref_free(&x);
        return strdup("(none)");
    }
    const char *at = pdf->data + x.entries[n].offset, *end = strstr(at, "endobj");
    char *s = strndup(at, end ? (size_t)(end - at) : strlen(at));
    pdf_xref_free(&x);
    return s;
}

static int all_entries_ok(const buf_t *pdf)
{
    pdf_xref x;
    const char *why;
    if (pdf_xref_read(pdf->data, pdf->len, &x, &why) != 0)
        return -1;
    int bad = 0;
    for (size_t n = 1; n < x.count; n++)
        if (x.entries[n].used && !pdf_xref_entry_ok(pdf->data, pdf->len, &x, n))
            bad++;
    pdf_xref_free(&x);
    return bad;
}

static void test_read(void)
{
    const char *objs[] = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>",
                           "<< /Producer (x) >>" };
    buf_t pdf;
    make_pdf(&pdf, objs, 3, 1, 0, "   /Info 3 0 R\n   /ID [<00ff><00ff>]\n");
    pdf_xref x;
    const char *why = NULL;
    OK("a well-formed table reads", pdf_xref_read(pdf.data, pdf.len, &x, &why) == 0);
    OK("size", x.count == 4);
    OK("root and info", x.root == 1 && x.info == 3);
    EQ("id copied as written", x.id, "[<00ff><00ff>]");
    OK("entry 0 is free", !x.entries[0].used);
    OK("every entry points at its object", pdf_xref_entry_ok(pdf.data, pdf.len, &x, 1) &&
       pdf_xref_entry_ok(pdf.data, pdf.len, &x, 2) && pdf_xref_entry_ok(pdf.data, pdf.len, &x, 3));
    OK("no entry past the table", !pdf_xref_entry_ok(pdf.data, pdf.len, &x, 4));
    pdf_xref_free(&x);
    buf_free(&pdf);

    make_pdf(&pdf, objs, 3, 1, 2, NULL);
    OK("a table read with a wrong entry", pdf_xref_read(pdf.data, pdf.len, &x, &why) == 0);
    OK("the wrong entry is seen", !pdf_xref_entry_ok(pdf.data, pdf.len, &x, 2));
    pdf_xref_free(&x);
    buf_free(&pdf);
}

static void test_bad_input(void)
{
    const char *why = NULL;
    pdf_xref x;
    const char *junk = "%PDF-1.5\nno table here\n%%EOF\n";
    OK("no startxref", pdf_xref_read(junk, strlen(junk), &x, &why) == -1 && why && strstr(why, "startxref"));
    const char *wrong = "%PDF-1.5\nstartxref\n3\n%%EOF\n";
    OK("startxref at no table", pdf_xref_read(wrong, strlen(wrong), &x, &why) == -1);
    const char *trunc = "%PDF-1.5\nxref\n0 3\n0000000000 65535 f \n0000000";
    buf_t b;
    buf_init(&b);
    buf_printf(&b, "%s\nstartxref\n9\n%%%%EOF\n", trunc);
    OK("a short table", pdf_xref_read(b.data, b.len, &x, &why) == -1);
    size_t before = b.len;
    OK("no update on a bad file", pdf_xref_update_catalog(&b, "zh-Hans", &why) == -1 && b.len == before);
    buf_free(&b);
}

static void test_update(void)
{
    /* a string holding ">>" and a nested one must not end the catalog early */
    const char *objs[] = { "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 3 0 R /X (a >> (b) \\) c) >>",
                           "<< /Type /Pages /Kids [] /Count 0 >>", "<< /Type /StructTreeRoot /K [] >>" };
    buf_t pdf;
    make_pdf(&pdf, objs, 3, 1, 0, NULL);
    const char *why = NULL;
    size_t before = pdf.len;
    OK("update appended", pdf_xref_update_catalog(&pdf, "zh-CN", &why) == 0 && pdf.len > before);
    OK("original bytes kept", memcmp(pdf.data, "%PDF-1.5", 8) == 0);
    char *cat = object_text(&pdf, 1);
    OK("catalog keeps its keys", strstr(cat, "/Pages 2 0 R") && strstr(cat, "/X (a >> (b) \\) c)"));
    OK("catalog has /Lang", strstr(cat, "/Lang (zh-CN)") != NULL);
    OK("catalog has /MarkInfo", strstr(cat, "/MarkInfo << /Marked true >>") != NULL);
    OK("catalog shows the title", strstr(cat, "/DisplayDocTitle true") != NULL);
    free(cat);
    OK("every entry good after the update", all_entries_ok(&pdf) == 0);
    OK("the update chains to the old table", strstr(pdf.data + before, "/Prev ") != NULL);
    /* a second update keeps what the first one added and adds nothing twice */
    OK("second update", pdf_xref_update_catalog(&pdf, "en", &why) == 0);
    cat = object_text(&pdf, 1);
    OK("lang kept, not doubled", strstr(cat, "/Lang (zh-CN)") && !strstr(cat, "/Lang (en)"));
    const char *m = strstr(cat, "/MarkInfo");
    OK("MarkInfo once", m && !strstr(m + 1, "/MarkInfo"));
    free(cat);
    buf_free(&pdf);

    /* no structure tree: no MarkInfo; a lang with odd characters falls back */
    const char *plain[] = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>" };
    make_pdf(&pdf, plain, 2, 1, 0, NULL);
    OK("update of an untagged file", pdf_xref_update_catalog(&pdf, "zh) /Evil (", &why) == 0);
    cat = object_text(&pdf, 1);
    OK("no MarkInfo without a structure tree", !strstr(cat, "/MarkInfo"));
    OK("unusable lang becomes zh-Hans", strstr(cat, "/Lang (zh-Hans)") && !strstr(cat, "Evil"));
    free(cat);
    buf_free(&pdf);
}

static void test_dangling_freed(void)
{
    const char *objs[] = { "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>",
                           "<< /Nums [0 4 0 R] >>", "(never written)" };
    buf_t pdf;
    make_pdf(&pdf, objs, 4, 1, 4, NULL);
    OK("one dangling entry before", all_entries_ok(&pdf) == 1);
    const char *why;
    OK("update", pdf_xref_update_catalog(&pdf, NULL, &why) == 0);
    OK("no dangling entry after", all_entries_ok(&pdf) == 0);
    pdf_xref x;
    pdf_xref_read(pdf.data, pdf.len, &x, &why);
    OK("the dangling entry is free now", !x.entries[4].used && x.entries[4].gen == 1);
    OK("the free list starts at it", x.entries[0].offset == 4);
    pdf_xref_free(&x);
    buf_free(&pdf);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
    buf_add(closure, data, len);
    return CAIRO_STATUS_SUCCESS;
}

/* cairo 1.16 itself: a link with no structure element around it leaves an
 * entry pointing at another object; the update repairs the table. */
static void test_cairo_link_only(void)
{
    buf_t pdf;
    buf_init(&pdf);
    cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_buf, &pdf, 200, 200);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2023-01-01T00:00:00Z");
    cairo_t *cr = cairo_create(s);
    cairo_tag_begin(cr, CAIRO_TAG_LINK, "uri='https://example.org/' rect=[10 10 50 12]");
    cairo_rectangle(cr, 10, 10, 50, 12);
    cairo_fill(cr);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    cairo_surface_destroy(s);
    int bad = all_entries_ok(&pdf);
    if (bad == 0)
        printf("test_pdf_xref: this cairo writes a sound table for a lone link\n");
    OK("cairo's table read", bad >= 0);
    const char *why;
    OK("cairo's file updated", pdf_xref_update_catalog(&pdf, "zh-Hans", &why) == 0);
    OK("cairo's file sound after the update", all_entries_ok(&pdf) == 0);
    OK("the link is still there", memmem(pdf.data, pdf.len, "/URI (https://example.org/)", 27) != NULL);
    buf_free(&pdf);
}

int main(void)
{
    test_read();
    test_bad_input();
    test_update();
    test_dangling_freed();
    test_cairo_link_only();
    cairo_debug_reset_static_data();
    printf("test_pdf_xref: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

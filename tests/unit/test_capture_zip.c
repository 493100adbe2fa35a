/* Unit tests for the zip reader: which entry names are safe and which are
 * pages, where a page's references lead inside the archive, and the reader
 * itself on a small archive written here with libzip. */
#include "capture/capture.h"
#include "capture/zip_entry.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "unit.h"

static void test_name_safe(void)
{
    OK("plain name", zip_entry_name_safe("a.html"));
    OK("in a folder", zip_entry_name_safe("news/2024/b.htm"));
    OK("a folder entry", zip_entry_name_safe("a_files/"));
    OK("dots inside a segment", zip_entry_name_safe("a..b/..c/d...html"));
    OK("a . segment", zip_entry_name_safe("./a.html"));
    OK("a colon past the first letter", zip_entry_name_safe("ab:c.html"));
    OK("a drive letter later on", zip_entry_name_safe("x/C:/a.html"));
    OK("Chinese", zip_entry_name_safe("新闻/通知.html"));
    OK("climbs out", !zip_entry_name_safe("../evil.html"));
    OK("climbs out further", !zip_entry_name_safe("../../etc/x.html"));
    OK("climbs out from a folder", !zip_entry_name_safe("sub/../../up.html"));
    OK("climbs within", !zip_entry_name_safe("a/../b.html"));
    OK("ends climbing", !zip_entry_name_safe("a/.."));
    OK("only ..", !zip_entry_name_safe(".."));
    OK("absolute", !zip_entry_name_safe("/abs.html"));
    OK("absolute, backslash", !zip_entry_name_safe("\\abs.html"));
    OK("network path", !zip_entry_name_safe("\\\\server\\share\\a.html"));
    OK("drive", !zip_entry_name_safe("C:\\win.html"));
    OK("drive, slash", !zip_entry_name_safe("c:/win.html"));
    OK("drive-relative", !zip_entry_name_safe("D:win.html"));
    OK("climbs, backslash", !zip_entry_name_safe("..\\evil.html"));
    OK("climbs, backslash inside", !zip_entry_name_safe("a\\..\\..\\evil.html"));
    OK("empty", !zip_entry_name_safe(""));
    OK("NULL", !zip_entry_name_safe(NULL));
}

static void test_is_page(void)
{
    OK(".html", zip_entry_is_page("a.html"));
    OK(".htm", zip_entry_is_page("news/b.htm"));
    OK(".shtml", zip_entry_is_page("c.shtml"));
    OK(".xhtml", zip_entry_is_page("d.xhtml"));
    OK("upper case", zip_entry_is_page("INDEX.HTM"));
    OK("mixed case", zip_entry_is_page("x/Page.Html"));
    OK("an image", !zip_entry_is_page("a_files/photo.png"));
    OK("a folder", !zip_entry_is_page("pages.html/"));
    OK("the extension alone", !zip_entry_is_page("news/.html"));
    OK("mhtml is no saved page here", !zip_entry_is_page("a.mhtml"));
    OK("htmlx", !zip_entry_is_page("a.htmlx"));
    OK("no extension", !zip_entry_is_page("html"));
}

static void norm(int line, const char *name, const char *want)
{
    buf_t out;
    buf_init(&out);
    bool ok = zip_entry_normalise(name, &out);
    check(want ? ok && !strcmp(out.data, want) : !ok, line, name, ok ? out.data : "(false)",
          want ? want : "(false)");
    buf_free(&out);
}
#define NORM(name, want) norm(__LINE__, name, want)

static void test_normalise(void)
{
    NORM("a.html", "a.html");
    NORM("./a.html", "a.html");
    NORM("news//b.htm", "news/b.htm");
    NORM("news\\b_files\\chart.png", "news/b_files/chart.png");
    NORM("a_files/", "a_files");
    NORM("a/./b/../c.png", "a/c.png");
    NORM("", "");
    NORM("..", NULL);
    NORM("a/../../b", NULL);
}

static void res(int line, const char *page, const char *src, const char *want)
{
    buf_t out;
    buf_init(&out);
    bool ok = zip_entry_resolve(page, src, &out);
    char what[300];
    snprintf(what, sizeof what, "%s + %s", page, src);
    check(want ? ok && !strcmp(out.data, want) : !ok && out.len == 0, line, what,
          ok ? out.data : "(false)", want ? want : "(false)");
    buf_free(&out);
}
#define RES(page, src, want) res(__LINE__, page, src, want)

static void test_resolve(void)
{
    RES("a.html", "a_files/photo.png", "a_files/photo.png");
    RES("news/b.htm", "b_files/chart.png", "news/b_files/chart.png");
    RES("news/b.htm", "./b_files/chart.png?v=2", "news/b_files/chart.png");
    RES("news/b.htm", "b_files/chart.png#top", "news/b_files/chart.png");
    RES("news/b.htm", "../img/logo.gif", "img/logo.gif");
    RES("news/2024/b.htm", "../../img/logo.gif", "img/logo.gif");
    RES("news/b.htm", "b_files//x/../chart.png", "news/b_files/chart.png");
    RES("news\\b.htm", "b_files\\chart.png", "news/b_files/chart.png");
    /* Escapes are decoded, after the query is cut. */
    RES("a.html", "a_files/%E7%85%A7%E7%89%87.png", "a_files/照片.png");
    RES("a.html", "a_files/chart%201.png", "a_files/chart 1.png");
    RES("a.html", "a_files/what%3F.png?x=1", "a_files/what?.png");
    RES("a.html", "a_files/100%.png", "a_files/100%.png");
    RES("a.html", "a_files/bad%zz.png", "a_files/bad%zz.png");
    RES("a.html", "  a_files/photo.png\n", "a_files/photo.png");
    RES("a.html", "照片.jpg", "照片.jpg");
    /* Nothing above the archive's root, and nothing outside it. */
    RES("a.html", "../photo.png", NULL);
    RES("news/b.htm", "../../photo.png", NULL);
    RES("news/b.htm", "x/../../../photo.png", NULL);
    RES("a.html", "%2E%2E/photo.png", NULL);
    RES("a.html", "a_files%2F..%2F..%2Fphoto.png", NULL);
    RES("a.html", "/a_files/photo.png", NULL);
    RES("a.html", "\\a_files\\photo.png", NULL);
    RES("a.html", "//cdn.example.cn/photo.png", NULL);
    RES("a.html", "http://www.example.cn/photo.png", NULL);
    RES("a.html", "data:image/png;base64,iVBO", NULL);
    RES("a.html", "file:///etc/passwd", NULL);
    RES("a.html", "C:/photo.png", NULL);
    RES("a.html", "a_files/%00.png", NULL);
    /* References to no file. */
    RES("a.html", "", NULL);
    RES("a.html", "?v=1", NULL);
    RES("a.html", "#top", NULL);
    RES("a.html", "a_files/", NULL);
    RES("a.html", ".", NULL);
    RES("news/b.htm", "..", NULL);
    RES("a.html", NULL, NULL);
}

static bool has_stem(void *ctx, const char *stem)
{
    for (const char *const *s = ctx; *s; s++)
        if (!strcmp(*s, stem))
            return true;
    return false;
}

static void test_files_folder(void)
{
    const char *const stems[] = { "a", "news/b", "c d", NULL };
    void *ctx = (void *)stems;
    OK("a frame of a", zip_entry_in_files_folder("a_files/saved_resource.html", has_stem, ctx));
    OK("deeper in a's folder", zip_entry_in_files_folder("a_files/x/y.html", has_stem, ctx));
    OK("b's folder", zip_entry_in_files_folder("news/b_files/f.htm", has_stem, ctx));
    OK(".files as well", zip_entry_in_files_folder("c d.files/f.html", has_stem, ctx));
    OK("the stem keeps its case", !zip_entry_in_files_folder("A_Files/f.html", has_stem, ctx));
    OK("_FILES", zip_entry_in_files_folder("a_FILES/f.html", has_stem, ctx));
    OK("a page beside", !zip_entry_in_files_folder("a.html", has_stem, ctx));
    OK("no page of that name", !zip_entry_in_files_folder("z_files/f.html", has_stem, ctx));
    OK("b's folder in the wrong place", !zip_entry_in_files_folder("b_files/f.html", has_stem, ctx));
    OK("a file named _files", !zip_entry_in_files_folder("a_files", has_stem, ctx));
    OK("the suffix alone", !zip_entry_in_files_folder("_files/f.html", has_stem, ctx));
}

/* ---- the reader on an archive made here ---------------------------------- */

static const char page_a[] =
    "<html><head><meta charset=\"utf-8\"><title>A</title></head><body>"
    "<p><img src=\"a_files/photo.png\"><img src=\"A_FILES/Photo.PNG\">"
    "<img src=\"a_files/%E5%9B%BE.gif?x\"></p></body></html>";
static const char page_b[] = "<html><body><img src=\"../a_files/photo.png\"></body></html>";
static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
static const unsigned char gif[] = { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0 };

static void add_as(zip_t *za, const char *name, const void *data, size_t len, zip_flags_t enc)
{
    zip_source_t *s = zip_source_buffer(za, data, len, 0);
    if (!s || zip_file_add(za, name, s, enc) < 0) {
        fprintf(stderr, "cannot add %s: %s\n", name, zip_strerror(za));
        zip_source_free(s);
    }
}

static void add(zip_t *za, const char *name, const void *data, size_t len)
{
    add_as(za, name, data, len, ZIP_FL_ENC_UTF_8);
}

/* Clear the UTF-8 flag (bit 11) of entry NAME in both of its headers. */
static bool unflag(const char *path, const char *name)
{
    FILE *f = fopen(path, "r+b");
    if (!f)
        return false;
    static unsigned char data[1 << 16];
    size_t n = fread(data, 1, sizeof data, f), len = strlen(name), done = 0;
    for (size_t at = 0; at + 46 + len <= n; at++) {
        bool local = !memcmp(data + at, "PK\3\4", 4), central = !memcmp(data + at, "PK\1\2", 4);
        size_t name_at = local ? 30 : 46, flag_at = local ? 6 : 8;
        if ((local || central) && !memcmp(data + at + name_at, name, len)) {
            data[at + flag_at + 1] &= (unsigned char)~0x08;
            done++;
        }
    }
    bool ok = done == 2 && fseek(f, 0, SEEK_SET) == 0 && fwrite(data, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}

static bool make_archive(const char *path)
{
    int err = 0;
    zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!za)
        return false;
    add(za, "a.html", page_a, strlen(page_a));
    zip_dir_add(za, "a_files", ZIP_FL_ENC_UTF_8);
    add(za, "a_files/photo.png", png, sizeof png);
    add(za, "a_files/图.gif", gif, sizeof gif);
    add(za, "a_files/frame.html", "<p>frame</p>", 12);
    add(za, "../up.html", page_b, strlen(page_b));
    add(za, "sub/b.HTM", page_b, strlen(page_b));
    /* Names as a Chinese Windows archiver writes them: GBK, not flagged
     * UTF-8. 政务.html is no valid UTF-8; 通知.html (CD A8 D6 AA) is, and
     * libzip flags it so, which unflag() undoes. */
    add_as(za, "\xd5\xfe\xce\xf1.html", page_b, strlen(page_b), ZIP_FL_ENC_GUESS);
    add_as(za, "\xcd\xa8\xd6\xaa.html", page_b, strlen(page_b), ZIP_FL_ENC_GUESS);
    add(za, "notes.txt", "x", 1);
    return zip_close(za) == 0 && unflag(path, "\xcd\xa8\xd6\xaa.html");
}

static void want_resource(int line, capture *c, const char *src, const void *data, size_t len,
                          const char *type)
{
    buf_t bytes, t;
    buf_init(&bytes);
    buf_init(&t);
    bool found = capture_resource(c, src, NULL, &bytes, &t);
    bool ok = data ? found && bytes.len == len && !memcmp(bytes.data, data, len) &&
                         !strcmp(t.data, type)
                   : !found;
    check(ok, line, src, found ? (t.data ? t.data : "(no type)") : "(not found)",
          data ? type : "(not found)");
    buf_free(&bytes);
    buf_free(&t);
}
#define WANT_RESOURCE(c, src, data, len, type) want_resource(__LINE__, c, src, data, len, type)

static void test_reader(void)
{
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/folio-test-zip-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        OK("a temporary file", false);
        return;
    }
    close(fd);
    if (!make_archive(path)) {
        OK("an archive made with libzip", false);
        unlink(path);
        return;
    }
    buf_t why;
    buf_init(&why);
    capture *c = capture_open(path, &why);
    OK("opens", c != NULL);
    if (!c) {
        fprintf(stderr, "  %s\n", why.data);
        buf_free(&why);
        unlink(path);
        return;
    }
    OK("is a zip", capture_kind_get(c) == CAPTURE_ZIP);
    capture_page p;
    OK("first page", capture_next(c, &p, &why) == 1);
    EQ("its record", p.record, "a.html");
    OK("no address", p.url == NULL && p.charset == NULL);
    OK("its bytes", p.len == strlen(page_a) && !memcmp(p.data, page_a, p.len));
    WANT_RESOURCE(c, "a_files/photo.png", png, sizeof png, "image/png");
    WANT_RESOURCE(c, "A_FILES/Photo.PNG", png, sizeof png, "image/png");
    WANT_RESOURCE(c, "a_files/%E5%9B%BE.gif?x", gif, sizeof gif, "image/gif");
    WANT_RESOURCE(c, "a_files/none.png", NULL, 0, NULL);
    WANT_RESOURCE(c, "a_files", NULL, 0, NULL);
    WANT_RESOURCE(c, "notes.txt", NULL, 0, NULL);   /* not an image */
    buf_reset(&why);
    OK("../up.html refused", capture_next(c, &p, &why) == -1);
    EQ("why", why.data, "entry ../up.html: name leaves the archive");
    buf_reset(&why);
    OK("second page, past the frame", capture_next(c, &p, &why) == 1);
    EQ("its record", p.record, "sub/b.HTM");
    WANT_RESOURCE(c, "../a_files/photo.png", png, sizeof png, "image/png");
    WANT_RESOURCE(c, "../../a_files/photo.png", NULL, 0, NULL);
    OK("third page", capture_next(c, &p, &why) == 1);
    EQ("its GBK name in UTF-8", p.record, "政务.html");
    OK("fourth page", capture_next(c, &p, &why) == 1);
    EQ("its GBK name, valid UTF-8 too, in UTF-8", p.record, "通知.html");
    OK("the end", capture_next(c, &p, &why) == 0);
    OK("still the end", capture_next(c, &p, &why) == 0);
    capture_stats s;
    capture_stats_get(c, &s);
    OK("4 pages", s.pages == 4);
    OK("1 refused", s.bad == 1);
    OK("5 others: the folder, 2 images, the frame, the notes", s.other == 5);
    capture_close(c);
    buf_free(&why);
    unlink(path);
}

int main(void)
{
    test_name_safe();
    test_is_page();
    test_normalise();
    test_resolve();
    test_files_folder();
    test_reader();
    printf("test_capture_zip: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

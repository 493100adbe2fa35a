/* Unit tests for the output names one run claims: the names a linear scan
 * of every name written would give, at a cost that stays flat per name
 * however many pages share one stem. */
#include "common/name_set.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* The names claimed in order, joined by spaces. */
static char *claims(const char *const *stems, size_t n)
{
    name_set *s = name_set_new();
    buf_t out, all;
    buf_init(&out);
    buf_init(&all);
    for (size_t i = 0; i < n; i++) {
        name_set_claim(s, stems[i], ".xhtml", &out);
        buf_printf(&all, "%s%s", i ? " " : "", out.data);
    }
    name_set_free(s);
    buf_free(&out);
    return buf_detach(&all);
}

static void test_names(void)
{
    const char *three[] = { "o/index", "o/index", "o/index" };
    char *got = claims(three, 3);
    EQ("one stem three times", got, "o/index.xhtml o/index-2.xhtml o/index-3.xhtml");
    free(got);
    /* a page whose own name is what a counter gives is passed over */
    const char *clash[] = { "o/a", "o/a-2", "o/a", "o/a", "o/a-2" };
    got = claims(clash, 5);
    EQ("a counter meets a page's own name", got, "o/a.xhtml o/a-2.xhtml o/a-3.xhtml o/a-4.xhtml o/a-2-2.xhtml");
    free(got);
    const char *apart[] = { "o/x", "p/x", "o/x" };
    got = claims(apart, 3);
    EQ("folders apart", got, "o/x.xhtml p/x.xhtml o/x-2.xhtml");
    free(got);
}

/* 50,000 pages named source.html: every name new, and each claim looks
 * at a handful of names, not at all those claimed before. */
static void test_flat(void)
{
    enum { N = 50000 };
    name_set *s = name_set_new();
    buf_t out, want;
    buf_init(&out);
    buf_init(&want);
    int wrong = 0;
    for (int i = 0; i < N; i++) {
        name_set_claim(s, "out/source", ".xhtml", &out);
        buf_reset(&want);
        if (i)
            buf_printf(&want, "out/source-%d.xhtml", i + 1);
        else
            buf_puts(&want, "out/source.xhtml");
        wrong += strcmp(out.data, want.data) != 0;
    }
    OK("50,000 claims of one stem give source, source-2 ... source-50000", wrong == 0);
    size_t probes = name_set_probes(s);
    char say[64];
    snprintf(say, sizeof say, "%zu", probes);
    check(probes < 10 * (size_t)N, __LINE__, "names looked at for 50,000 claims (under 500,000)", say, NULL);
    name_set_free(s);
    buf_free(&out);
    buf_free(&want);
}

/* A name too long keeps its host and its last part, with a hash between
 * that keeps two long names apart, and never cuts a UTF-8 character. */
static void test_shorten(void)
{
    buf_t a, b;
    buf_init(&a);
    buf_init(&b);
    buf_puts(&a, "host/short");
    name_shorten(&a, 64);
    EQ("a short name is kept", a.data, "host/short");
    buf_reset(&a);
    buf_puts(&a, "www.example.cn");
    for (int i = 0; i < 40; i++)
        buf_printf(&a, "/段落%d", i);
    buf_puts(&b, a.data);
    buf_puts(&b, "x");
    name_shorten(&a, 64);
    name_shorten(&b, 64);
    OK("shortened to 64 bytes", a.len <= 64 && b.len <= 64);
    OK("host first, the last part last", !strncmp(a.data, "www.example.cn/_", 16) && strstr(a.data, "/段落39"));
    OK("two long names stay apart", strcmp(a.data, b.data) != 0);
    buf_reset(&a);
    for (int i = 0; i < 40; i++)
        buf_puts(&a, "段");
    name_shorten(&a, 40);
    OK("one long part: cut at a character, under 40 bytes", a.len <= 40 && a.data[0] == '_' &&
       (a.data[10] & 0xC0) != 0x80);
    buf_free(&a);
    buf_free(&b);
}

int main(void)
{
    test_names();
    test_flat();
    test_shorten();
    printf("test_name_set: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

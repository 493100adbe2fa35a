/* Unit tests for the character classes folio-pdf's Chinese layout rules
 * speak of: what may not start or end a line, what sits in the left half
 * of the em. The UTF-8 reader under them is tested in test_utf8.c. */
#include "util/buf.h"
#include "pdf/pdf_chars.h"

#include <stdio.h>

#include "unit.h"

static void test_line_start_and_end(void)
{
    /* clreq: opening marks may not end a line, closing marks and stops may
     * not start one */
    const uint32_t opening[] = { 0x201C, 0x2018, 0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008 };
    const uint32_t closing[] = { 0x201D, 0x2019, 0xFF09, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009,
                                 0x3001, 0xFF0C, 0x3002 };
    for (size_t i = 0; i < sizeof opening / sizeof opening[0]; i++) {
        OK("opening is opening", pdf_is_opening(opening[i]));
        OK("opening is not closing", !pdf_is_closing(opening[i]));
        OK("opening does not sit left", !pdf_sits_left(opening[i]));
        OK("opening is punctuation", pdf_is_fullwidth_punct(opening[i]) && pdf_is_cjk(opening[i]));
    }
    for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++) {
        OK("closing is closing", pdf_is_closing(closing[i]));
        OK("closing is not opening", !pdf_is_opening(closing[i]));
        OK("closing sits left", pdf_sits_left(closing[i]));
    }
}

static void test_sits_left(void)
{
    /* the stops that are not closing marks still sit left in SC faces */
    OK("；", pdf_sits_left(0xFF1B) && !pdf_is_closing(0xFF1B));
    OK("：", pdf_sits_left(0xFF1A));
    OK("？", pdf_sits_left(0xFF1F));
    OK("！", pdf_sits_left(0xFF01));
    /* centred or Latin marks do not */
    OK("middle dot", !pdf_sits_left(0x00B7));
    OK("dash", !pdf_sits_left(0x2014));
    OK("ellipsis", !pdf_sits_left(0x2026));
    OK("ascii comma", !pdf_sits_left(','));
    OK("ideograph", !pdf_sits_left(0x4E2D));
}

static void test_scripts(void)
{
    OK("han", pdf_is_han(0x4E2D) && pdf_is_han(0x3400) && pdf_is_han(0x20000) && pdf_is_han(0x3007));
    OK("kana counts as han", pdf_is_han(0x3042));
    OK("latin is not han", !pdf_is_han('A') && !pdf_is_han(0xFF0C));
    OK("latin letters and digits", cp_is_latin('a') && cp_is_latin('Z') && cp_is_latin('7') && cp_is_latin(0xE9));
    OK("times sign is not a letter", !cp_is_latin(0xD7));
    OK("punctuation is not latin", !cp_is_latin(',') && !cp_is_latin(0xFF0C));
    OK("dash and ellipsis are cjk", pdf_is_cjk(0x2014) && pdf_is_cjk(0x2026));
    OK("ideographic space is cjk", pdf_is_cjk(0x3000));
    OK("space is not cjk", !pdf_is_cjk(' '));
}

/* The marks of S that may not end a line, in order. */
static void check_openings(int line, const char *s, const char *want)
{
    buf_t got;
    buf_init(&got);
    buf_puts(&got, "");
    for (size_t i = 0, n = strlen(s); i < n;) {
        int len;
        if (pdf_is_opening(utf8_decode(s + i, n - i, &len)))
            buf_add(&got, s + i, (size_t)len);
        i += (size_t)len;
    }
    check_eq(s, got.data, want, line);
    buf_free(&got);
}

static void test_sample(void)
{
    check_openings(__LINE__, "依据《水法》和“最严格”（试行）【草案】的规定，", "《“（【");
    check_openings(__LINE__, "no marks, 一二三。", "");
}

int main(void)
{
    test_sample();
    test_line_start_and_end();
    test_sits_left();
    test_scripts();
    printf("test_pdf_chars: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

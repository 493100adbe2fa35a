/* Unit tests for util/utf8: the one decoder every stage reads text with
 * (well-formed sequences of each length, and every kind of ill-formed one
 * giving U+FFFD for a single byte), the encoder, and the classes of
 * characters of Chinese text. */
#include "util/utf8.h"

#include <stdio.h>
#include <string.h>

#include "unit.h"

/* What utf8_decode gives for the first character of some bytes. */
typedef struct {
    const char *what, *bytes;
    size_t n;
    uint32_t want;
    int want_len;
} decode_case;

#define CASE(what, s, want, want_len) { (what), (s), sizeof(s) - 1, (want), (want_len) }

static const decode_case decode_cases[] = {
    CASE("ascii", "a", 'a', 1),
    CASE("nul is a character", "\0x", 0, 1),
    CASE("two bytes", "\xc2\xb7", 0xB7, 2),
    CASE("three bytes", "\xe4\xb8\xad", 0x4E2D, 3),
    CASE("four bytes", "\xf0\xb0\x80\x80", 0x30000, 4),
    CASE("the last code point", "\xf4\x8f\xbf\xbf", 0x10FFFF, 4),
    CASE("the smallest three-byte form", "\xe0\xa0\x80", 0x800, 3),
    CASE("the smallest four-byte form", "\xf0\x90\x80\x80", 0x10000, 4),
    CASE("a replacement character in the text", "\xef\xbf\xbd", 0xFFFD, 3),
    CASE("only the first character", "\xe4\xb8\xad\xe6\x96\x87", 0x4E2D, 3),
    /* ill-formed: one byte, as U+FFFD */
    CASE("stray continuation byte", "\x80", 0xFFFD, 1),
    CASE("continuation byte before a letter", "\xbfx", 0xFFFD, 1),
    CASE("overlong slash, two bytes", "\xc0\xaf", 0xFFFD, 1),
    CASE("overlong C1 lead", "\xc1\xbf", 0xFFFD, 1),
    CASE("overlong three bytes", "\xe0\x80\xaf", 0xFFFD, 1),
    CASE("overlong four bytes", "\xf0\x80\x80\xaf", 0xFFFD, 1),
    CASE("high surrogate", "\xed\xa0\x80", 0xFFFD, 1),
    CASE("low surrogate", "\xed\xbf\xbf", 0xFFFD, 1),
    CASE("past U+10FFFF", "\xf4\x90\x80\x80", 0xFFFD, 1),
    CASE("F5 lead", "\xf5\x80\x80\x80", 0xFFFD, 1),
    CASE("FF byte", "\xff", 0xFFFD, 1),
    CASE("lead then a letter", "\xe4x\xad", 0xFFFD, 1),
    CASE("lead then a new lead", "\xe4\xe4\xb8\xad", 0xFFFD, 1),
    CASE("four-byte lead then a letter", "\xf0\xb0\x80x", 0xFFFD, 1),
};

static void test_decode(void)
{
    for (size_t i = 0; i < sizeof decode_cases / sizeof *decode_cases; i++) {
        const decode_case *c = &decode_cases[i];
        int len = -1;
        uint32_t got = utf8_decode(c->bytes, c->n, &len);
        char g[32], w[32];
        snprintf(g, sizeof g, "U+%04X/%d", (unsigned)got, len);
        snprintf(w, sizeof w, "U+%04X/%d", (unsigned)c->want, c->want_len);
        check_eq(c->what, g, w, __LINE__);
    }
}

static void test_truncated(void)
{
    int len = -1;
    /* N cuts the character short: the bytes past it are not looked at */
    OK("three bytes cut to two", utf8_decode("\xe4\xb8\xad", 2, &len) == 0xFFFD && len == 1);
    OK("four bytes cut to three", utf8_decode("\xf0\xb0\x80\x80", 3, &len) == 0xFFFD && len == 1);
    OK("two bytes cut to one", utf8_decode("\xc2\xb7", 1, &len) == 0xFFFD && len == 1);
    /* the terminator of a string ends a sequence */
    OK("cut by the terminator", utf8_decode("\xe4\xb8", 3, &len) == 0xFFFD && len == 1);
    OK("nothing to read", utf8_decode("x", 0, &len) == 0 && len == 0);
}

/* The maximal ill-formed prefix that the Encoding standard replaces with
 * one U+FFFD, where the decoder steps a single byte. */
static void test_sequence(void)
{
    size_t bad = 0;
    const unsigned char *four = (const unsigned char *)"\xf0\x90\x80x";
    OK("well-formed four", utf8_sequence((const unsigned char *)"\xf0\x90\x80\x80", 4, &bad) == 4);
    OK("ascii", utf8_sequence((const unsigned char *)"a", 1, &bad) == 1);
    OK("three good bytes then a letter", utf8_sequence(four, 4, &bad) == 0 && bad == 3);
    OK("overlong after E0", utf8_sequence((const unsigned char *)"\xe0\x80\x80", 3, &bad) == 0 && bad == 1);
    OK("surrogate after ED", utf8_sequence((const unsigned char *)"\xed\xa0\x80", 3, &bad) == 0 && bad == 1);
    OK("cut short", utf8_sequence((const unsigned char *)"\xe4\xb8", 2, &bad) == 0 && bad == 2);
    OK("no lead", utf8_sequence((const unsigned char *)"\xc1\xbf", 2, &bad) == 0 && bad == 1);
}

/* Every byte of an ill-formed text is met once, and copying each
 * character's bytes gives the text back. */
static void test_walk_keeps_bytes(void)
{
    const char s[] = "a\x80\xe4\xb8\xad\xc0\xaf\xed\xa0\x80\xf0\x9f\x98\x80\xe4\xb8";
    size_t n = sizeof s - 1, i = 0, chars = 0;
    buf_t copy;
    buf_init(&copy);
    buf_puts(&copy, "");
    while (i < n) {
        size_t start = i;
        utf8_next(s, n, &i);
        buf_add(&copy, s + start, i - start);
        chars++;
    }
    OK("the walk ends at the end", i == n);
    OK("bytes copied back", copy.len == n && memcmp(copy.data, s, n) == 0);
    /* a, FFFD, 中, FFFD FFFD, FFFD FFFD FFFD, 😀, FFFD FFFD */
    OK("characters counted", chars == 11 && utf8_length(s, n) == 11);
    buf_free(&copy);
}

static void test_before(void)
{
    const char s[] = "a\xe4\xb8\xad\xf0\x9f\x98\x80";
    OK("nothing before the start", utf8_before(s, 0) == 0);
    OK("ascii before", utf8_before(s, 1) == 'a');
    OK("three bytes before", utf8_before(s, 4) == 0x4E2D);
    OK("four bytes before", utf8_before(s, 8) == 0x1F600);
    OK("inside a character", utf8_before(s, 3) == 0xFFFD);
    OK("a stray byte before", utf8_before("a\x80", 2) == 0xFFFD);
    OK("a run of continuation bytes", utf8_before("\xe4\x80\x80\x80\x80", 5) == 0xFFFD);
}

static void check_encode(int line, uint32_t c, const char *want)
{
    buf_t b;
    buf_init(&b);
    buf_puts(&b, "");
    utf8_encode(&b, c);
    char what[32];
    snprintf(what, sizeof what, "encode U+%04X", (unsigned)c);
    check_eq(what, b.data, want, line);
    buf_free(&b);
}

static void test_encode(void)
{
    check_encode(__LINE__, 'a', "a");
    check_encode(__LINE__, 0xB7, "\xc2\xb7");
    check_encode(__LINE__, 0xFF0C, "\xef\xbc\x8c");
    check_encode(__LINE__, 0x30000, "\xf0\xb0\x80\x80");
    check_encode(__LINE__, 0x10FFFF, "\xf4\x8f\xbf\xbf");
    check_encode(__LINE__, 0xD800, "\xef\xbf\xbd");
    check_encode(__LINE__, 0x110000, "\xef\xbf\xbd");
    /* what the decoder reads, the encoder writes back */
    for (uint32_t c = 0; c < 0x110000; c += 0x7F) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        buf_t b;
        buf_init(&b);
        utf8_encode(&b, c);
        int len;
        if (utf8_decode(b.data, b.len, &len) != c || (size_t)len != b.len)
            check_encode(__LINE__, c, "(a form that decodes to itself)");
        buf_free(&b);
    }
}

static void test_han(void)
{
    OK("unified ideograph", cp_is_han(0x4E2D) && cp_is_han(0x4E00) && cp_is_han(0x9FFF));
    OK("extension A", cp_is_han(0x3400) && cp_is_han(0x4DBF));
    OK("extension B and later", cp_is_han(0x20000) && cp_is_han(0x2A6DF) && cp_is_han(0x30000));
    OK("compatibility ideographs", cp_is_han(0xF900) && cp_is_han(0xFAFF) && cp_is_han(0x2F800));
    OK("〇 U+3007 is Han", cp_is_han(0x3007));
    OK("々 U+3005 is Han", cp_is_han(0x3005));
    OK("〆 U+3006 is not", !cp_is_han(0x3006));
    OK("kana is not Han", !cp_is_han(0x3042) && !cp_is_han(0x30A2));
    OK("radicals are not Han", !cp_is_han(0x2F00) && !cp_is_han(0x2E80));
    OK("punctuation is not Han", !cp_is_han(0x3001) && !cp_is_han(0xFF0C) && !cp_is_han(0x3000));
    OK("hangul is not Han", !cp_is_han(0xAC00));
    OK("latin is not Han", !cp_is_han('A') && !cp_is_han(0xE9));
}

static void test_cjk(void)
{
    OK("kana", cp_is_kana(0x3042) && cp_is_kana(0x30A2) && cp_is_kana(0x30FB) && cp_is_kana(0x30FC));
    OK("han is not kana", !cp_is_kana(0x4E2D));
    OK("CJK punctuation", cp_is_cjk_punct(0x3001) && cp_is_cjk_punct(0x3002) && cp_is_cjk_punct(0x300A) &&
                          cp_is_cjk_punct(0x3000) && cp_is_cjk_punct(0x3005) && cp_is_cjk_punct(0x3007));
    OK("vertical forms", cp_is_cjk_punct(0xFE41) && cp_is_cjk_punct(0xFE30));
    OK("half-width CJK punctuation", cp_is_cjk_punct(0xFF61) && cp_is_cjk_punct(0xFF64));
    OK("full-width forms are not CJK punctuation", !cp_is_cjk_punct(0xFF0C));
    OK("full-width forms", cp_is_fullwidth(0xFF0C) && cp_is_fullwidth(0xFF08) && cp_is_fullwidth(0xFF21) &&
                           cp_is_fullwidth(0xFF10) && cp_is_fullwidth(0xFF01) && cp_is_fullwidth(0xFF60));
    OK("half-width katakana are not full-width", !cp_is_fullwidth(0xFF71));
    OK("cjk", cp_is_cjk(0x4E2D) && cp_is_cjk(0x3005) && cp_is_cjk(0x3007) && cp_is_cjk(0x3042) &&
              cp_is_cjk(0x3001) && cp_is_cjk(0xFF0C) && cp_is_cjk(0x20000));
    OK("curly quotes, dash and ellipsis are not cjk",
       !cp_is_cjk(0x201C) && !cp_is_cjk(0x201D) && !cp_is_cjk(0x2014) && !cp_is_cjk(0x2026));
    OK("latin and hangul are not cjk", !cp_is_cjk('a') && !cp_is_cjk(0xE9) && !cp_is_cjk(0xAC00));
}

static void test_wide(void)
{
    OK("ideographs are wide", cp_is_wide(0x4E2D) && cp_is_wide(0x3005) && cp_is_wide(0x20000));
    OK("CJK punctuation is wide", cp_is_wide(0x3001) && cp_is_wide(0xFF0C) && cp_is_wide(0xFE41));
    OK("kana is wide", cp_is_wide(0x3042) && cp_is_wide(0xFF71));
    OK("hangul is not wide", !cp_is_wide(0xAC00) && !cp_is_wide(0xD7A3) && !cp_is_wide(0xFFA1));
    OK("latin is not wide", !cp_is_wide('a') && !cp_is_wide(0xE9) && !cp_is_wide(0x2014));
    OK("the ligature fi is not wide", !cp_is_wide(0xFB01));
}

static void test_latin(void)
{
    OK("ascii letters and digits", cp_is_latin('a') && cp_is_latin('Z') && cp_is_latin('7'));
    OK("accented and greek", cp_is_latin(0xE9) && cp_is_latin(0x1EB) && cp_is_latin(0x3B1));
    OK("× and ÷ are not letters", !cp_is_latin(0xD7) && !cp_is_latin(0xF7));
    OK("punctuation is not latin", !cp_is_latin(',') && !cp_is_latin(0xFF0C) && !cp_is_latin(' '));
    OK("full-width letters are not latin", !cp_is_latin(0xFF21));
    OK("ascii digits", cp_is_ascii_digit('0') && cp_is_ascii_digit('9') && !cp_is_ascii_digit(0xFF10) &&
                       !cp_is_ascii_digit('a'));
    OK("ascii alnum", cp_is_ascii_alnum('q') && cp_is_ascii_alnum('Q') && cp_is_ascii_alnum('5') &&
                      !cp_is_ascii_alnum('_') && !cp_is_ascii_alnum(0xE9));
}

static void test_clip(void)
{
    OK("a clip ends after whole characters", utf8_clip("通知如下", 2) == 6);
    OK("mixed widths", utf8_clip("a通b", 2) == 4);
    OK("a short string is whole", utf8_clip("ab", 60) == 2);
    OK("nothing clipped to nothing", utf8_clip("通", 0) == 0);
}

/* Case folding for names: TOMÁS is Tomás, ŁUKASZ is Łukasz. */
static void test_fold(void)
{
    CHECK(cp_fold_case('A') == 'a' && cp_fold_case('z') == 'z' && cp_fold_case('1') == '1');
    CHECK(cp_fold_case(0xC1) == 0xE1 && cp_fold_case(0xD7) == 0xD7 && cp_fold_case(0xE1) == 0xE1);
    CHECK(cp_fold_case(0x141) == 0x142 && cp_fold_case(0x142) == 0x142);   /* Ł ł */
    CHECK(cp_fold_case(0x160) == 0x161 && cp_fold_case(0x17D) == 0x17E);   /* Š Ž */
    CHECK(cp_fold_case(0x410) == 0x430 && cp_fold_case(0x401) == 0x451);   /* А Ё */
    CHECK(cp_fold_case(0x4E2D) == 0x4E2D);
    size_t used = 0;
    CHECK(utf8_starts_nocase("TOMÁS REYES", "Tomás Reyes", &used) && used == strlen("TOMÁS REYES"));
    CHECK(utf8_starts_nocase("TOMÁS REYES JAN.", "Tomás Reyes", &used) && used == strlen("TOMÁS REYES"));
    CHECK(!utf8_starts_nocase("TOMAS REYES", "Tomás Reyes", &used));
    CHECK(!utf8_starts_nocase("Tom", "Tomás", &used));
}

int main(void)
{
    test_decode();
    test_clip();
    test_truncated();
    test_sequence();
    test_walk_keeps_bytes();
    test_before();
    test_encode();
    test_han();
    test_cjk();
    test_wide();
    test_latin();
    test_fold();
    printf("test_utf8: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

/* Unit tests for base64: the lenient decoder MIME parts and data: URIs
 * share, and the encoder, each checked against the other. */
#include "util/base64.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

static void check_b64(int line, const char *in, const char *want, bool want_clean)
{
    buf_t out;
    buf_init(&out);
    bool clean = base64_decode(in, strlen(in), &out);
    check(strcmp(out.data, want) == 0, line, in, out.data, want);
    check(clean == want_clean, line, want_clean ? "should be clean" : "should not be clean", NULL,
          NULL);
    buf_free(&out);
}
#define B64(in, want) check_b64(__LINE__, in, want, true)
#define B64_DIRTY(in, want) check_b64(__LINE__, in, want, false)

static void test_decode(void)
{
    B64("", "");
    B64("YQ==", "a");
    B64("YWI=", "ab");
    B64("YWJj", "abc");
    B64("YWJjZA==", "abcd");
    B64("5Lit5paH", "中文");
    /* Padding left off, as some writers do. */
    B64("YQ", "a");
    B64("YWI", "ab");
    /* Line breaks and blanks anywhere. */
    B64("YW\r\nJj\r\nZA==\r\n", "abcd");
    B64("  Y W J j\tZA = =\n", "abcd");
    B64("YWJj\nZGVm\nZ2g=\n", "abcdefgh");
    /* The URL-safe alphabet: 0xFB 0xFF is "+/8" and "-_8". */
    B64("-_8=", "\xFB\xFF");
    B64("+/8=", "\xFB\xFF");
    /* Anything else is skipped, and said. */
    B64_DIRTY("YW*Jj", "abc");
    B64_DIRTY("YQ==junk", "a");
    B64_DIRTY("Y!Q", "a");
    /* A lone character after whole groups makes no byte. */
    B64("YWJjZ", "abc");
    /* Only N bytes are read. */
    buf_t out;
    buf_init(&out);
    CHECK(base64_decode("YWJjZA==", 4, &out));
    CHECK_STR(out.data, "abc");
    buf_free(&out);
}

static void check_encode(int line, const char *in, size_t n, const char *want)
{
    buf_t out;
    buf_init(&out);
    base64_encode(in, n, &out);
    buf_puts(&out, "");
    check(strcmp(out.data, want) == 0, line, in, out.data, want);
    buf_free(&out);
}
#define ENC(in, want) check_encode(__LINE__, in, strlen(in), want)

static void test_encode(void)
{
    ENC("", "");
    ENC("a", "YQ==");
    ENC("ab", "YWI=");
    ENC("abc", "YWJj");
    ENC("abcd", "YWJjZA==");
    ENC("中文", "5Lit5paH");
    /* The standard alphabet, never the URL-safe one. */
    ENC("\xFB\xFF", "+/8=");
    /* A NUL is a byte like any other. */
    check_encode(__LINE__, "a\0b", 3, "YQBi");
}

/* Every byte value, at every length mod 3, comes back as it went. */
static void test_round_trip(void)
{
    unsigned char bytes[258];
    for (size_t i = 0; i < sizeof bytes; i++)
        bytes[i] = (unsigned char)(i * 7 + 3);
    for (size_t n = 0; n <= sizeof bytes; n += 43) {
        buf_t text, back;
        buf_init(&text);
        buf_init(&back);
        base64_encode(bytes, n, &text);
        CHECK(text.len == (n + 2) / 3 * 4);
        CHECK(base64_decode(text.data ? text.data : "", text.len, &back));
        CHECK(back.len == n && memcmp(back.data, bytes, n) == 0);
        buf_free(&text);
        buf_free(&back);
    }
}

int main(void)
{
    test_decode();
    test_encode();
    test_round_trip();
    printf("test_base64: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

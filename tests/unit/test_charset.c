/* Unit tests for formats/charset.c: sniffing and decoding captured pages.
 * Legacy-charset pages are made here with iconv from UTF-8 text, so the
 * test carries no binary fixtures and each case states what it encodes. */
#include "charset/charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void check(int ok, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void check(int ok, int line, const char *fmt, ...)
{
    if (ok) {
        passed++;
        return;
    }
    failed++;
    va_list ap;
    va_start(ap, fmt);
    fprintf(stdout, "FAIL test_charset.c:%d: ", line);
    vfprintf(stdout, fmt, ap);
    fputc('\n', stdout);
    va_end(ap);
}

#define CHECK(cond, ...) check((cond) != 0, __LINE__, __VA_ARGS__)

static int str_eq(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

#define CHECK_STR(got, want, what) \
    CHECK(str_eq((got), (want)), "%s: got %s, want %s", (what), \
          (got) ? (got) : "(null)", (want) ? (want) : "(null)")

/* Some original prose for the statistics to chew on: a bulletin in
 * simplified characters, a notice in traditional ones. */
static const char *const SIMPLIFIED =
    "为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，进一步提升"
    "政务服务水平，市人民政府决定在全市范围内开展政务服务事项清理工作。"
    "各县（市、区）人民政府、市政府各部门要高度重视，明确责任分工，按照"
    "时间节点完成有关工作，并于本月底前将工作情况报送市政府办公室。";
static const char *const TRADITIONAL =
    "為了進一步提升公共服務品質，本會將於下個月舉辦一系列說明會，邀請各界"
    "人士參與討論。會議內容包括預算編列、資訊公開以及民眾意見的處理方式。"
    "歡迎有興趣的民眾透過網路報名，名額有限，請儘早登記。";
static const char *const JAPANESE =
    "今日はとても良い天気ですね。私たちは公園へ散歩に行きました。子どもたち"
    "は楽しそうに遊んでいて、桜の花もきれいに咲いていました。";
static const char *const KOREAN =
    "오늘은 날씨가 정말 좋습니다. 우리는 공원에 산책을 갔습니다. 아이들은 "
    "즐겁게 놀고 있었고 꽃도 아름답게 피어 있었습니다.";

/* UTF-8 TEXT in charset TO; exits on failure, since every later check
 * would be meaningless. */
static void encode(const char *text, const char *to, buf_t *out)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == (iconv_t)-1) {
        fprintf(stdout, "FAIL: iconv cannot convert to %s\n", to);
        exit(1);
    }
    char *in = (char *)text, tmp[4096];
    size_t inleft = strlen(text);
    while (inleft) {
        char *o = tmp;
        size_t oleft = sizeof tmp;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        buf_add(out, tmp, (size_t)(o - tmp));
        if (r == (size_t)-1 && errno != E2BIG) {
            fprintf(stdout, "FAIL: text not encodable in %s\n", to);
            exit(1);
        }
    }
    iconv_close(cd);
}

/* A page around BODY (already in the page's charset), with HEAD inside
 * <head> (a meta, or nothing). */
static void page(buf_t *out, const char *head, const char *body, size_t body_len)
{
    buf_reset(out);
    buf_puts(out, "<!DOCTYPE html>\n<html><head>");
    buf_puts(out, head);
    buf_puts(out, "<title>page</title></head>\n<body><p>");
    buf_add(out, body, body_len);
    buf_puts(out, "</p></body></html>\n");
}

static void page_in(buf_t *out, const char *head, const char *text, const char *cs)
{
    buf_t body;
    buf_init(&body);
    encode(text, cs, &body);
    page(out, head, body.data, body.len);
    buf_free(&body);
}

/* Sniff PAGE, decode it with the verdict, and check both, and that the
 * UTF-8 TEXT came through intact. */
static void expect(int line, const char *what, const buf_t *pg, const char *want_cs,
                   charset_how want_how, const char *text)
{
    charset_how how = CHARSET_BY_CALLER;
    const char *cs = charset_sniff((const unsigned char *)pg->data, pg->len, &how);
    check(str_eq(cs, want_cs), line, "%s: charset %s, want %s", what,
          cs ? cs : "(null)", want_cs);
    check(how == want_how, line, "%s: decided by %s, want %s", what,
          charset_how_name(how), charset_how_name(want_how));
    if (!cs)
        return;
    buf_t out;
    buf_init(&out);
    long bad = charset_to_utf8((const unsigned char *)pg->data, pg->len, cs, &out);
    check(bad == 0, line, "%s: %ld replacements decoding as %s", what, bad, cs);
    if (text)
        check(out.data && strstr(out.data, text) != NULL, line,
              "%s: text did not survive decoding as %s", what, cs);
    buf_free(&out);
}

#define EXPECT(what, pg, cs, how, text) expect(__LINE__, what, pg, cs, how, text)

static void decode_is(int line, const char *what, const char *in, size_t n,
                      const char *cs, const char *want, long want_bad)
{
    buf_t out;
    buf_init(&out);
    long bad = charset_to_utf8((const unsigned char *)in, n, cs, &out);
    check(bad == want_bad, line, "%s: %ld replacements, want %ld", what, bad, want_bad);
    check(out.data && out.len == strlen(want) && !memcmp(out.data, want, out.len), line,
          "%s: got \"%s\", want \"%s\"", what, out.data ? out.data : "(null)", want);
    buf_free(&out);
}

#define DECODE_IS(what, in, cs, want, bad) \
    decode_is(__LINE__, what, in, sizeof(in) - 1, cs, want, bad)

static void test_bom(void)
{
    buf_t pg, tmp;
    buf_init(&pg);
    buf_init(&tmp);

    page(&pg, "<meta charset=\"gb2312\">", SIMPLIFIED, strlen(SIMPLIFIED));
    buf_reset(&tmp);
    buf_add(&tmp, "\xEF\xBB\xBF", 3);
    buf_add(&tmp, pg.data, pg.len);
    EXPECT("UTF-8 BOM over a gb2312 meta", &tmp, "UTF-8", CHARSET_BY_BOM, SIMPLIFIED);

    buf_t out;
    buf_init(&out);
    charset_to_utf8((const unsigned char *)tmp.data, tmp.len, "UTF-8", &out);
    CHECK(out.len >= 3 && memcmp(out.data, "\xEF\xBB\xBF", 3) != 0,
          "UTF-8 BOM is not dropped");

    /* The UTF-16 BOMs come from iconv's "UTF-16" with an explicit mark. */
    static const char *const u16[][2] = {{"UTF-16LE", "\xFF\xFE"}, {"UTF-16BE", "\xFE\xFF"}};
    for (int i = 0; i < 2; i++) {
        buf_reset(&tmp);
        buf_add(&tmp, u16[i][1], 2);
        buf_t body;
        buf_init(&body);
        encode("<p>", u16[i][0], &body);
        buf_add(&tmp, body.data, body.len);
        buf_reset(&body);
        encode(SIMPLIFIED, u16[i][0], &body);
        buf_add(&tmp, body.data, body.len);
        buf_free(&body);
        EXPECT(u16[i][0], &tmp, u16[i][0], CHARSET_BY_BOM, SIMPLIFIED);
        buf_reset(&out);
        charset_to_utf8((const unsigned char *)tmp.data, tmp.len, u16[i][0], &out);
        CHECK(out.len >= 3 && !memcmp(out.data, "<p>", 3), "%s: BOM not dropped", u16[i][0]);
    }
    buf_free(&out);
    buf_free(&pg);
    buf_free(&tmp);
}

static void test_utf8(void)
{
    buf_t pg;
    buf_init(&pg);

    /* Re-saved pages keep the charset line of their GBK past. */
    page(&pg, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
         SIMPLIFIED, strlen(SIMPLIFIED));
    EXPECT("UTF-8 under a stale gb2312 meta", &pg, "UTF-8", CHARSET_BY_UTF8, SIMPLIFIED);

    page(&pg, "", SIMPLIFIED, strlen(SIMPLIFIED));
    EXPECT("unlabelled UTF-8", &pg, "UTF-8", CHARSET_BY_UTF8, SIMPLIFIED);

    /* A few two-byte sequences under a stale label: still UTF-8. */
    static const char latin[] = "Copyright © 2020 Café Zürich";
    page(&pg, "<meta charset=\"gb2312\">", latin, strlen(latin));
    EXPECT("short Latin UTF-8 under gb2312", &pg, "UTF-8", CHARSET_BY_UTF8, latin);

    /* Two signs that are GBK characters too (· is 路, © is 漏) under a
     * label that says UTF-8: the label and the bytes agree. */
    static const char signs[] = "By Dana Whitlow · November 3 © 2025";
    page(&pg, "<meta charset=\"utf-8\">", signs, strlen(signs));
    EXPECT("two Latin signs under utf-8", &pg, "UTF-8", CHARSET_BY_UTF8, signs);

    /* A capture cut off in the middle of a character is still UTF-8. */
    page(&pg, "", SIMPLIFIED, strlen(SIMPLIFIED));
    pg.len = strstr(pg.data, "</p>") - pg.data - 1;
    charset_how how;
    const char *cs = charset_sniff((const unsigned char *)pg.data, pg.len, &how);
    CHECK_STR(cs, "UTF-8", "truncated UTF-8");
    CHECK(how == CHARSET_BY_UTF8, "truncated UTF-8 decided by %s", charset_how_name(how));

    /* UTF-8 with one damaged spot and a stale label is still UTF-8. */
    buf_t body;
    buf_init(&body);
    buf_puts(&body, SIMPLIFIED);
    buf_add(&body, "\xB9\xFA ", 3);
    buf_puts(&body, SIMPLIFIED);
    page(&pg, "<meta charset=\"gb2312\">", body.data, body.len);
    cs = charset_sniff((const unsigned char *)pg.data, pg.len, &how);
    CHECK_STR(cs, "UTF-8", "UTF-8 with a stray GBK character");
    CHECK(how == CHARSET_BY_GUESS, "UTF-8 with a stray GBK character decided by %s",
          charset_how_name(how));
    buf_free(&body);

    /* Overlongs, surrogates and values past U+10FFFF are not UTF-8. */
    static const char *const bad[] = {
        "<p>\xC0\xAF</p>", "<p>\xE0\x80\xAF</p>", "<p>\xED\xA0\x80</p>",
        "<p>\xF4\x90\x80\x80</p>", "<p>\xF8\x88\x80\x80\x80</p>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cs = charset_sniff((const unsigned char *)bad[i], strlen(bad[i]), &how);
        CHECK(how != CHARSET_BY_UTF8, "ill-formed UTF-8 #%zu accepted as UTF-8", i);
    }
    buf_free(&pg);
}

static void test_gb(void)
{
    buf_t pg;
    buf_init(&pg);

    page_in(&pg, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
            SIMPLIFIED, "GBK");
    EXPECT("GBK labelled gb2312", &pg, "GB18030", CHARSET_BY_META, SIMPLIFIED);

    /* Characters outside GB2312 (镕, 喆) and four-byte GB18030 (㐀, 𠀀, Ö). */
    static const char extra[] = "朱镕基、张喆，㐀𠀀Ö€";
    page_in(&pg, "<meta charset=gb2312>", extra, "GB18030");
    EXPECT("GB18030 four-byte sequences under gb2312", &pg, "GB18030", CHARSET_BY_META, extra);

    page_in(&pg, "", SIMPLIFIED, "GBK");
    EXPECT("unlabelled GBK", &pg, "GB18030", CHARSET_BY_GUESS, SIMPLIFIED);

    page_in(&pg, "<meta charset=\"iso-8859-1\">", SIMPLIFIED, "GBK");
    EXPECT("GBK labelled latin1", &pg, "GB18030", CHARSET_BY_GUESS, SIMPLIFIED);

    page_in(&pg, "<meta charset=\"utf-8\">", SIMPLIFIED, "GBK");
    EXPECT("GBK labelled utf-8", &pg, "GB18030", CHARSET_BY_GUESS, SIMPLIFIED);

    /* A short unlabelled GBK title still beats Windows-1252. */
    page_in(&pg, "", "通知", "GBK");
    EXPECT("two unlabelled GBK characters", &pg, "GB18030", CHARSET_BY_GUESS, "通知");
    buf_free(&pg);
}

static void test_big5(void)
{
    buf_t pg;
    buf_init(&pg);

    page_in(&pg, "<META CHARSET='big5'>", TRADITIONAL, "BIG5");
    EXPECT("Big5 labelled big5", &pg, "BIG5-HKSCS", CHARSET_BY_META, TRADITIONAL);

    page_in(&pg, "<meta http-equiv=Content-Type content=\"text/html; charset = gb2312\">",
            TRADITIONAL, "BIG5");
    EXPECT("Big5 labelled gb2312", &pg, "BIG5-HKSCS", CHARSET_BY_GUESS, TRADITIONAL);

    page_in(&pg, "", TRADITIONAL, "BIG5");
    EXPECT("unlabelled Big5", &pg, "BIG5-HKSCS", CHARSET_BY_GUESS, TRADITIONAL);

    /* And the other way: GBK mislabelled big5. */
    page_in(&pg, "<meta charset=\"big5\">", SIMPLIFIED, "GBK");
    EXPECT("GBK labelled big5", &pg, "GB18030", CHARSET_BY_GUESS, SIMPLIFIED);
    buf_free(&pg);
}

static void test_other(void)
{
    buf_t pg;
    buf_init(&pg);

    static const char ascii[] = "Plain ASCII, nothing else.";
    page(&pg, "", ascii, strlen(ascii));
    EXPECT("pure ASCII", &pg, "UTF-8", CHARSET_BY_UTF8, ascii);
    page(&pg, "<meta charset=\"gbk\">", ascii, strlen(ascii));
    EXPECT("pure ASCII labelled gbk", &pg, "GB18030", CHARSET_BY_META, ascii);
    page(&pg, "<meta charset=\"utf-16\">", ascii, strlen(ascii));
    EXPECT("pure ASCII labelled utf-16", &pg, "UTF-8", CHARSET_BY_META, ascii);

    static const char french[] = "Le café de la gare a été fermé à midi, déjà.";
    page_in(&pg, "<meta http-equiv=\"content-type\" content=\"text/html;charset=ISO-8859-1\">",
            french, "ISO-8859-1");
    EXPECT("latin1 page with real accents", &pg, "WINDOWS-1252", CHARSET_BY_META, french);
    page_in(&pg, "", french, "ISO-8859-1");
    EXPECT("unlabelled latin1", &pg, "WINDOWS-1252", CHARSET_BY_GUESS, french);

    static const char quotes[] = "\x93quoted\x94 \x96 \x80 5";
    page(&pg, "<meta charset=us-ascii>", quotes, strlen(quotes));
    EXPECT("us-ascii label read as windows-1252", &pg, "WINDOWS-1252", CHARSET_BY_META,
           "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 \xE2\x82\xAC 5");

    page_in(&pg, "", JAPANESE, "CP932");
    EXPECT("unlabelled Shift_JIS", &pg, "CP932", CHARSET_BY_GUESS, JAPANESE);
    page_in(&pg, "<meta charset=\"shift_jis\">", JAPANESE, "CP932");
    EXPECT("Shift_JIS labelled", &pg, "CP932", CHARSET_BY_META, JAPANESE);
    page_in(&pg, "", KOREAN, "CP949");
    EXPECT("unlabelled EUC-KR", &pg, "CP949", CHARSET_BY_GUESS, KOREAN);

    /* Declarations in their many spellings. */
    static const struct { const char *head, *cs; } decl[] = {
        {"<meta charset='gbk'>", "GB18030"},
        {"<meta charset = x-gbk >", "GB18030"},
        {"<meta\ncharset=\"GB2312\"/>", "GB18030"},
        {"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; CHARSET=BIG5\">", "BIG5-HKSCS"},
        {"<meta content=\"text/html; charset='gbk'\" http-equiv=\"Content-Type\">", "GB18030"},
        {"<meta charset=\"bogus\"><meta charset=\"gbk\">", "GB18030"},
        {"<!-- <meta charset=\"big5\"> --><meta charset=\"gbk\">", "GB18030"},
        {"<meta name=\"description\" content=\"charset\"><meta charset=gb2312>", "GB18030"},
    };
    for (size_t i = 0; i < sizeof decl / sizeof decl[0]; i++) {
        page(&pg, decl[i].head, "x", 1);
        charset_how how;
        const char *cs = charset_sniff((const unsigned char *)pg.data, pg.len, &how);
        CHECK(str_eq(cs, decl[i].cs) && how == CHARSET_BY_META,
              "declaration %s: got %s by %s", decl[i].head, cs ? cs : "(null)",
              charset_how_name(how));
    }
    static const char xml[] = "<?xml version=\"1.0\" encoding='GBK'?>\n<html><p>x</p></html>";
    charset_how how;
    const char *cs = charset_sniff((const unsigned char *)xml, sizeof xml - 1, &how);
    CHECK(str_eq(cs, "GB18030") && how == CHARSET_BY_META, "XML declaration: got %s by %s",
          cs ? cs : "(null)", charset_how_name(how));

    cs = charset_sniff((const unsigned char *)"", 0, &how);
    CHECK_STR(cs, "UTF-8", "empty input");
    cs = charset_sniff((const unsigned char *)"x", 1, NULL);
    CHECK_STR(cs, "UTF-8", "NULL how");
    buf_free(&pg);
}

static void test_decode(void)
{
    /* Ill-formed UTF-8: one U+FFFD per maximal subpart. */
    DECODE_IS("UTF-8 stray bytes", "a\xFF" "b\xE4\xB8" "c\xF0\x9F\x98", "UTF-8",
              "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD", 3);
    DECODE_IS("UTF-8 surrogate", "\xED\xA0\x80x", "UTF-8",
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx", 3);
    /* A GB lead byte before ASCII costs the lead only: the markup stays. */
    DECODE_IS("GB18030 lone lead", "\xD6\xD0\xB9</p>", "GB18030",
              "中\xEF\xBF\xBD</p>", 1);
    DECODE_IS("GB18030 truncated", "\xD6\xD0\xB9", "GB18030", "中\xEF\xBF\xBD", 1);
    DECODE_IS("GB18030 0xFF", "a\xFF" "b", "GB18030", "a\xEF\xBF\xBD" "b", 1);
    DECODE_IS("GB18030 0x80 is the euro", "\x80", "GB18030", "\xE2\x82\xAC", 0);
    DECODE_IS("label accepted as a charset", "\xD6\xD0", "gbk", "中", 0);
    /* A3 A0 is the wide space pages mean, as browsers read it, not U+E5E5. */
    DECODE_IS("GB18030 A3 A0 is U+3000", "\xA3\xA0\xA3\xA0\xD6\xD0", "gb2312", "　　中", 0);
    DECODE_IS("a private U+E5E5 in UTF-8 stays", "\xEE\x97\xA5", "UTF-8", "\xEE\x97\xA5", 0);
    /* An unmapped Big5 pair is one character, not two lead bytes. */
    DECODE_IS("Big5 unmapped pair", "\xA4\xA4\xA3\xFE\xA4\xA4", "BIG5-HKSCS",
              "中\xEF\xBF\xBD中", 1);
    /* Pairs Big5-HKSCS leaves unmapped that code page 950 maps, as
     * browsers do: A1FE the wide solidus, A3E1 the euro. */
    DECODE_IS("Big5 pairs of code page 950", "\xA1\xFE\xA3\xE1", "BIG5-HKSCS",
              "\xEF\xBC\x8F\xE2\x82\xAC", 0);
    /* HKSCS pairs that decode to a letter and a combining mark. */
    DECODE_IS("Big5-HKSCS combining", "\x88\x62\x88\x66" "A", "BIG5-HKSCS",
              "\xC3\x8A\xCC\x84\xC3\x8A" "A", 0);
    DECODE_IS("Big5-HKSCS held char before a bad byte", "\x88\x66\xFF", "BIG5-HKSCS",
              "\xC3\x8A\xEF\xBF\xBD", 1);
    DECODE_IS("Big5-HKSCS held char at the end", "\x88\x66", "BIG5-HKSCS", "\xC3\x8A", 0);
    DECODE_IS("windows-1252 unmapped bytes as C1", "\x81\x80", "WINDOWS-1252",
              "\xC2\x81\xE2\x82\xAC", 0);
    DECODE_IS("UTF-16LE odd tail", "a\0b", "UTF-16LE", "a\xEF\xBF\xBD", 1);
    /* glibc consumes this unmapped UHC pair before reporting it. */
    DECODE_IS("CP949 pair glibc swallows", "a\xA2\xE8" "b", "CP949", "a\xEF\xBF\xBD" "b", 1);
    DECODE_IS("CP949 pair glibc swallows, at the end", "a\xA2\xE8", "CP949",
              "a\xEF\xBF\xBD", 1);
    DECODE_IS("GB18030 BOM dropped", "\x84\x31\x95\x33" "a", "GB18030", "a", 0);
    DECODE_IS("empty", "", "GB18030", "", 0);
    /* A NUL decodes, and goes, as an HTML parser drops it from text. */
    DECODE_IS("UTF-8 NUL", "a\0b\0", "UTF-8", "ab", 0);
    DECODE_IS("GB18030 NUL", "\xD6\xD0\0\xD6\xD0", "GB18030", "中中", 0);
    DECODE_IS("UTF-16LE NUL", "a\0\0\0b\0", "UTF-16LE", "ab", 0);

    buf_t out;
    buf_init(&out);
    CHECK(charset_to_utf8((const unsigned char *)"x", 1, "NO-SUCH-CHARSET", &out) == -1,
          "unknown charset does not return -1");
    buf_free(&out);

    /* A long input crosses the internal output chunks. */
    buf_t big, enc;
    buf_init(&big);
    buf_init(&enc);
    for (int i = 0; i < 400; i++)
        buf_puts(&big, SIMPLIFIED);
    encode(big.data, "GB18030", &enc);
    buf_init(&out);
    long bad = charset_to_utf8((const unsigned char *)enc.data, enc.len, "GB18030", &out);
    CHECK(bad == 0 && out.len == big.len && !memcmp(out.data, big.data, big.len),
          "long GB18030 text does not round-trip (%ld replacements)", bad);
    buf_free(&out);
    buf_free(&big);
    buf_free(&enc);
}

static void test_canonical(void)
{
    static const char *const map[][2] = {
        {"gb2312", "GB18030"}, {"GBK", "GB18030"}, {"x-gbk", "GB18030"},
        {"gb_2312-80", "GB18030"}, {"cp936", "GB18030"}, {"GB18030", "GB18030"},
        {"euc-cn", "GB18030"}, {" \"gb2312\" ", "GB18030"},
        {"big5", "BIG5-HKSCS"}, {"Big5-HKSCS", "BIG5-HKSCS"}, {"cp950", "BIG5-HKSCS"},
        {"x-x-big5", "BIG5-HKSCS"},
        {"utf-8", "UTF-8"}, {"UTF8", "UTF-8"},
        {"shift_jis", "CP932"}, {"sjis", "CP932"}, {"x-sjis", "CP932"},
        {"euc-jp", "EUC-JP"}, {"euc-kr", "CP949"}, {"ks_c_5601-1987", "CP949"},
        {"iso-8859-1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"},
        {"us-ascii", "WINDOWS-1252"}, {"ISO8859-1", "WINDOWS-1252"},
        {"iso-8859-2", "ISO-8859-2"}, {"iso-8859-15", "ISO-8859-15"},
        {"iso-8859-9", "WINDOWS-1254"}, {"windows-1251", "WINDOWS-1251"},
        {"cp1250", "WINDOWS-1250"}, {"koi8-r", "KOI8-R"}, {"utf-16", "UTF-16LE"},
        {"utf-16be", "UTF-16BE"}, {"tis-620", "WINDOWS-874"},
        {"bogus", NULL}, {"", NULL}, {"iso-8859-99", NULL}, {"windows-1259", NULL},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        CHECK_STR(charset_canonical(map[i][0]), map[i][1], map[i][0]);
    CHECK(charset_canonical(NULL) == NULL, "NULL label");

    /* Every name charset_canonical hands out must open in iconv. */
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
        if (!map[i][1])
            continue;
        iconv_t cd = iconv_open("UTF-8", map[i][1]);
        CHECK(cd != (iconv_t)-1, "iconv does not know %s", map[i][1]);
        if (cd != (iconv_t)-1)
            iconv_close(cd);
    }

    CHECK_STR(charset_how_name(CHARSET_BY_BOM), "BOM", "how BOM");
    CHECK_STR(charset_how_name(CHARSET_BY_UTF8), "UTF-8 validation", "how UTF-8");
    CHECK_STR(charset_how_name(CHARSET_BY_META), "meta", "how meta");
    CHECK_STR(charset_how_name(CHARSET_BY_GUESS), "statistics", "how guess");
    CHECK_STR(charset_how_name(CHARSET_BY_CALLER), "caller", "how caller");
}

int main(void)
{
    test_bom();
    test_utf8();
    test_gb();
    test_big5();
    test_other();
    test_decode();
    test_canonical();
    printf("test_charset: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

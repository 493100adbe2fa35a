/* The statistical fallback: which charset makes the bytes read as Chinese
 * (or, failing that, as Japanese or Korean), for pages with no label and
 * to check the labels that pages get wrong. */
#include "charset/charset_int.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Chinese text decoded with the right table is dominated by a few hundred
 * characters (the ones below cover about two thirds of the Han characters
 * in news and government pages), while the same bytes read with the wrong
 * table scatter over rare characters, kana, symbols and private use. The
 * lists: the ~500 most frequent characters of modern simplified Chinese
 * plus some words of web pages (网站 首页 版权 登录), and the most frequent
 * characters that exist only in traditional text. Sorted by code point. */
static const unsigned short han_common[] = {
    0x4E00, 0x4E03, 0x4E07, 0x4E09, 0x4E0A, 0x4E0B, 0x4E0D, 0x4E0E, 0x4E13, 0x4E14, 0x4E16, 0x4E1A,
    0x4E1C, 0x4E24, 0x4E25, 0x4E2A, 0x4E2D, 0x4E3A, 0x4E3B, 0x4E48, 0x4E49, 0x4E4B, 0x4E5D, 0x4E5F,
    0x4E60, 0x4E66, 0x4E86, 0x4E89, 0x4E8B, 0x4E8C, 0x4E8E, 0x4E94, 0x4E9B, 0x4EA4, 0x4EA7, 0x4EAC,
    0x4EB2, 0x4EBA, 0x4EC0, 0x4ECA, 0x4ECE, 0x4ED6, 0x4EE3, 0x4EE5, 0x4EEC, 0x4EF6, 0x4EF7, 0x4EFB,
    0x4F17, 0x4F1A, 0x4F20, 0x4F46, 0x4F4D, 0x4F4E, 0x4F4F, 0x4F53, 0x4F55, 0x4F5C, 0x4F60, 0x4F7F,
    0x4F8B, 0x4FBF, 0x4FDD, 0x4FE1, 0x5019, 0x503C, 0x505A, 0x513F, 0x5143, 0x5148, 0x5149, 0x514B,
    0x515A, 0x5165, 0x5168, 0x516B, 0x516C, 0x516D, 0x5171, 0x5173, 0x5176, 0x5177, 0x517B, 0x5185,
    0x518D, 0x5199, 0x519B, 0x519C, 0x51B3, 0x51B5, 0x51C6, 0x51E0, 0x51FA, 0x5206, 0x5207, 0x5212,
    0x5217, 0x5219, 0x5229, 0x522B, 0x5230, 0x5236, 0x524D, 0x529B, 0x529E, 0x52A0, 0x52A1, 0x52A8,
    0x52B3, 0x5305, 0x5316, 0x5317, 0x533A, 0x5341, 0x5343, 0x534A, 0x534E, 0x5355, 0x5357, 0x5373,
    0x5374, 0x5382, 0x5386, 0x538B, 0x539F, 0x53BB, 0x53BF, 0x53C2, 0x53C8, 0x53CA, 0x53CD, 0x53D1,
    0x53D6, 0x53D7, 0x53D8, 0x53E3, 0x53EA, 0x53EB, 0x53EF, 0x53F2, 0x53F7, 0x5404, 0x5408, 0x540C,
    0x540D, 0x540E, 0x5411, 0x542C, 0x5458, 0x5468, 0x547D, 0x548C, 0x54C1, 0x54CD, 0x5546, 0x5668,
    0x56DB, 0x56DE, 0x56E0, 0x56E2, 0x56FD, 0x56FE, 0x5706, 0x571F, 0x5728, 0x5730, 0x573A, 0x578B,
    0x57FA, 0x589E, 0x58F0, 0x5904, 0x5907, 0x590D, 0x5916, 0x591A, 0x5927, 0x5929, 0x592A, 0x5934,
    0x5979, 0x597D, 0x5982, 0x59CB, 0x59D4, 0x5B50, 0x5B58, 0x5B66, 0x5B83, 0x5B89, 0x5B8C, 0x5B9A,
    0x5B9E, 0x5BB6, 0x5BB9, 0x5BF9, 0x5BFC, 0x5C06, 0x5C0F, 0x5C11, 0x5C31, 0x5C40, 0x5C42, 0x5C55,
    0x5C5E, 0x5C71, 0x5DE5, 0x5DF2, 0x5E02, 0x5E03, 0x5E26, 0x5E38, 0x5E72, 0x5E73, 0x5E74, 0x5E76,
    0x5E7F, 0x5E94, 0x5E9C, 0x5EA6, 0x5EFA, 0x5F00, 0x5F0F, 0x5F15, 0x5F20, 0x5F3A, 0x5F53, 0x5F55,
    0x5F62, 0x5F71, 0x5F80, 0x5F88, 0x5F8B, 0x5F97, 0x5FC3, 0x5FC5, 0x5FD7, 0x5FEB, 0x601D, 0x6027,
    0x603B, 0x60C5, 0x60F3, 0x610F, 0x611F, 0x6210, 0x6211, 0x6216, 0x6218, 0x6240, 0x624B, 0x624D,
    0x6253, 0x6280, 0x628A, 0x62A5, 0x62C9, 0x6301, 0x6307, 0x6309, 0x636E, 0x63A5, 0x63D0, 0x652F,
    0x6536, 0x6539, 0x653E, 0x653F, 0x6548, 0x6559, 0x6570, 0x6574, 0x6587, 0x6599, 0x65AD, 0x65AF,
    0x65B0, 0x65B9, 0x65CF, 0x65E0, 0x65E5, 0x65F6, 0x660E, 0x6613, 0x662F, 0x66F4, 0x6700, 0x6708,
    0x6709, 0x671F, 0x672C, 0x672F, 0x673A, 0x6743, 0x6761, 0x6765, 0x6781, 0x6784, 0x6797, 0x679C,
    0x67E5, 0x6807, 0x6837, 0x6839, 0x683C, 0x6B21, 0x6B63, 0x6B64, 0x6B65, 0x6BB5, 0x6BCF, 0x6BD4,
    0x6BDB, 0x6C11, 0x6C14, 0x6C34, 0x6C42, 0x6C5F, 0x6CA1, 0x6CB9, 0x6CBB, 0x6CD5, 0x6D3B, 0x6D3E,
    0x6D41, 0x6D4E, 0x6D77, 0x6D88, 0x6DF1, 0x6E05, 0x6E29, 0x6EE1, 0x706B, 0x70B9, 0x70ED, 0x7136,
    0x7167, 0x7247, 0x7248, 0x7269, 0x7279, 0x72B6, 0x7387, 0x738B, 0x73B0, 0x7406, 0x751F, 0x7528,
    0x7531, 0x7535, 0x754C, 0x767B, 0x767D, 0x767E, 0x7684, 0x76EE, 0x76F4, 0x76F8, 0x7701, 0x770B,
    0x771F, 0x773C, 0x7740, 0x77E5, 0x77F3, 0x77FF, 0x7814, 0x786E, 0x793A, 0x793E, 0x79BB, 0x79CD,
    0x79D1, 0x79EF, 0x79F0, 0x7A0B, 0x7A76, 0x7A7A, 0x7ACB, 0x7AD9, 0x7B2C, 0x7B49, 0x7B97, 0x7BA1,
    0x7C73, 0x7C7B, 0x7CBE, 0x7CFB, 0x7D20, 0x7EA2, 0x7EA6, 0x7EA7, 0x7EBF, 0x7EC4, 0x7EC6, 0x7EC7,
    0x7ECF, 0x7ED3, 0x7ED9, 0x7EDF, 0x7EF4, 0x7F51, 0x7F6E, 0x7F8E, 0x7FA4, 0x8001, 0x8005, 0x800C,
    0x8054, 0x80B2, 0x80FD, 0x81EA, 0x81F3, 0x822C, 0x8272, 0x8282, 0x82B1, 0x884C, 0x8868, 0x88AB,
    0x88C5, 0x897F, 0x8981, 0x89C1, 0x89C2, 0x89C4, 0x89D2, 0x89E3, 0x8BA1, 0x8BA4, 0x8BAE, 0x8BB0,
    0x8BB8, 0x8BBA, 0x8BBE, 0x8BC1, 0x8BC6, 0x8BDD, 0x8BE5, 0x8BF4, 0x8C03, 0x8C61, 0x8D28, 0x8D44,
    0x8D70, 0x8D77, 0x8D8A, 0x8DEF, 0x8EAB, 0x8F66, 0x8F6C, 0x8F83, 0x8FB9, 0x8FBE, 0x8FC7, 0x8FD0,
    0x8FD1, 0x8FD8, 0x8FD9, 0x8FDB, 0x8FDE, 0x9002, 0x9009, 0x901A, 0x901F, 0x9020, 0x9053, 0x90A3,
    0x90E8, 0x90FD, 0x91C7, 0x91CC, 0x91CD, 0x91CF, 0x91D1, 0x94C1, 0x957F, 0x95E8, 0x95EE, 0x95F4,
    0x95FB, 0x961F, 0x9636, 0x9645, 0x9662, 0x9664, 0x96BE, 0x96C6, 0x9700, 0x9752, 0x975E, 0x9762,
    0x9769, 0x97F3, 0x9875, 0x987B, 0x9886, 0x9898, 0x98CE, 0x9996, 0x9A6C, 0x9A8C, 0x9AD8,
};

static const unsigned short han_trad[] = {
    0x4E26, 0x4F86, 0x500B, 0x5011, 0x5099, 0x50B3, 0x50F9, 0x5152, 0x52D5, 0x52D9, 0x5340, 0x53C3,
    0x54E1, 0x554F, 0x570B, 0x5718, 0x5831, 0x5834, 0x5B78, 0x5BE6, 0x5BEB, 0x5C07, 0x5C08, 0x5C0D,
    0x5C0E, 0x5E2B, 0x5E7E, 0x5EE3, 0x5F9E, 0x611B, 0x61C9, 0x64C7, 0x64DA, 0x6578, 0x6642, 0x66F8,
    0x6703, 0x6771, 0x689D, 0x696D, 0x6A02, 0x6A19, 0x6A23, 0x6A5F, 0x6B0A, 0x6B61, 0x6B72, 0x6B77,
    0x6C23, 0x6C7A, 0x70BA, 0x7121, 0x73FE, 0x7522, 0x7576, 0x767C, 0x7A2E, 0x7D66, 0x7D71, 0x7D93,
    0x7DB2, 0x7DDA, 0x7E3D, 0x7FA9, 0x806F, 0x8072, 0x807D, 0x8207, 0x8209, 0x83EF, 0x842C, 0x8655,
    0x865F, 0x8853, 0x88E1, 0x898B, 0x89AA, 0x89BA, 0x8A08, 0x8A0A, 0x8A18, 0x8A2D, 0x8A71, 0x8A72,
    0x8A8D, 0x8AAA, 0x8ACB, 0x8AD6, 0x8B70, 0x8B77, 0x8B8A, 0x8B93, 0x8CB7, 0x8CE3, 0x8CEA, 0x8ECA,
    0x8F15, 0x8F49, 0x9019, 0x9032, 0x904B, 0x904E, 0x9054, 0x9078, 0x9084, 0x908A, 0x9322, 0x9577,
    0x9580, 0x958B, 0x9593, 0x95DC, 0x968A, 0x969B, 0x96D6, 0x96E3, 0x96FB, 0x9801, 0x982D, 0x984C,
    0x985E, 0x98A8, 0x9AD4, 0x9EBC, 0x9EDE, 0x9EE8,
};

/* Looking characters up is the inner loop of scoring, so the tables are
 * spread into a bitmap over U+4E00-U+9FFF, built per sniff (a few hundred
 * stores) rather than once globally, to stay free of shared state. */
#define HAN_FIRST 0x4E00
#define HAN_LAST  0x9FFF
typedef struct { uint32_t bits[(HAN_LAST - HAN_FIRST + 32) / 32]; } han_map;

static void han_map_init(han_map *m)
{
    memset(m, 0, sizeof *m);
    for (size_t i = 0; i < sizeof han_common / sizeof han_common[0]; i++) {
        unsigned k = han_common[i] - HAN_FIRST;
        m->bits[k / 32] |= UINT32_C(1) << (k % 32);
    }
    for (size_t i = 0; i < sizeof han_trad / sizeof han_trad[0]; i++) {
        unsigned k = han_trad[i] - HAN_FIRST;
        m->bits[k / 32] |= UINT32_C(1) << (k % 32);
    }
}

static bool han_frequent(const han_map *m, unsigned cp)
{
    unsigned k = cp - HAN_FIRST;
    return m->bits[k / 32] >> (k % 32) & 1;
}

typedef struct {
    const char *cs;
    long bad;          /* replaced sequences */
    size_t chars;      /* decoded non-ASCII characters */
    size_t common;     /* in han_common or han_trad */
    size_t punct;      /* CJK and general punctuation, full-width forms */
    size_t rare;       /* private use, compatibility and extension ideographs, C1 */
    size_t kana, hangul;
    double q;          /* (common + punct/4 - rare - 2 bad) / (chars + bad) */
} score_t;

/* Scoring looks only at non-ASCII bytes, so the sample keeps those and
 * drops markup between them. The first three ASCII bytes after a non-ASCII
 * one stay: they may be trail bytes (GBK, Big5 and Shift_JIS trails reach
 * down to 0x40, GB18030 four-byte forms have digits), and keeping them makes
 * every candidate see the same sequences as in the page. */
#define SAMPLE_BYTES 8192

static size_t make_sample(const unsigned char *d, size_t n, unsigned char *s, size_t cap)
{
    size_t i = charset_skip_ascii(d, 0, n), o = 0;
    while (i < n && o < cap) {
        if (d[i] >= 0x80) {
            s[o++] = d[i++];
            continue;
        }
        for (size_t k = 0; k < 3 && i < n && d[i] < 0x80 && o < cap; k++)
            s[o++] = d[i++];
        i = charset_skip_ascii(d, i, n);
    }
    return o;
}

typedef struct {
    unsigned char sample[SAMPLE_BYTES];
    size_t len;
    han_map han;
} sampler;

static void tally(score_t *sc, const han_map *han, unsigned cp)
{
    if (cp < 0x80)
        return;
    sc->chars++;
    if (cp >= HAN_FIRST && cp <= HAN_LAST)
        sc->common += han_frequent(han, cp);
    else if (cp >= 0x3040 && cp <= 0x30FF)
        sc->kana++;
    else if (cp >= 0xAC00 && cp <= 0xD7A3)
        sc->hangul++;
    else if ((cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF5E) ||
             (cp >= 0x2010 && cp <= 0x2027))
        sc->punct++;
    else if ((cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
             (cp >= 0x3400 && cp <= 0x4DBF) || cp >= 0x20000 ||
             (cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFF61 && cp <= 0xFF9F))
        sc->rare++;
}

/* Decodes to UTF-32 rather than through iconv_decode: scoring needs code
 * points, not UTF-8, and this is the costly part of a sniff. */
static void score(sampler *sm, const char *cs, score_t *sc)
{
    memset(sc, 0, sizeof *sc);
    sc->cs = cs;
    iconv_t cd = iconv_open("UTF-32LE", cs);
    if (cd == (iconv_t)-1) {
        sc->q = -1e9;
        return;
    }
    unsigned char obuf[4096];
    char *in = (char *)sm->sample, *stuck = NULL;
    size_t inleft = sm->len;
    while (inleft > 0) {
        char *o = (char *)obuf;
        size_t oleft = sizeof obuf;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        int err = errno;
        for (unsigned char *q = obuf; q < (unsigned char *)o; q += 4)
            tally(sc, &sm->han, (unsigned)q[0] | (unsigned)q[1] << 8 |
                                (unsigned)q[2] << 16 | (unsigned)q[3] << 24);
        if (r != (size_t)-1 || err == EINVAL)
            break;
        if (err == E2BIG)
            continue;
        if (err != EILSEQ) {
            sc->bad++;
            break;
        }
        sc->bad++;
        size_t skip = charset_bad_length(cs, (const unsigned char *)in, inleft, false);
        if (!skip && in == stuck && inleft)
            skip = 1;
        stuck = in;
        in += skip;
        inleft -= skip;
    }
    iconv_close(cd);
    double total = (double)sc->chars + (double)sc->bad;
    sc->q = total > 0 ? ((double)sc->common + (double)sc->punct / 4 - (double)sc->rare -
                         2.0 * (double)sc->bad) / total
                      : 0;
}

/* A candidate reads as Chinese: a good share of the characters are the
 * frequent ones and hardly any bytes fail to decode. */
#define Q_CHINESE 0.25

static bool chinese(const score_t *s)
{
    return s->q >= Q_CHINESE && s->common > 0 && s->bad * 50 <= (long)s->chars;
}

/* UTF-8 that was damaged after the fact (a truncated capture, a stray
 * byte from an include in another charset) still validates almost
 * everywhere, while legacy CJK text forms a valid sequence only by chance
 * and fails on most characters. */
static bool mostly_utf8(const charset_utf8_stats *u)
{
    return u->multibyte >= 8 && u->invalid * 20 <= u->multibyte;
}

static void sampler_init(sampler *sm, const unsigned char *d, size_t n)
{
    sm->len = make_sample(d, n, sm->sample, sizeof sm->sample);
    han_map_init(&sm->han);
}

/* GB18030 or Big5, whichever reads as Chinese better, or NULL. */
static const char *guess_chinese(sampler *sm, score_t *gb, score_t *b5)
{
    score(sm, "GB18030", gb);
    /* Big5 text read as GB18030 scores near zero, so a clear GB reading
     * settles it without paying for a second decode. */
    if (chinese(gb) && gb->q >= 0.4) {
        memset(b5, 0, sizeof *b5);
        return gb->cs;
    }
    score(sm, "BIG5-HKSCS", b5);
    /* Big5 must win clearly: GBK bytes are nearly always valid Big5 too,
     * and the pages folio sees are mostly simplified. */
    if (chinese(b5) && b5->q > gb->q + 0.1)
        return b5->cs;
    if (chinese(gb))
        return gb->cs;
    if (chinese(b5))
        return b5->cs;
    return NULL;
}

/* Japanese and Korean only when the evidence is overwhelming: kana are
 * a third of any Japanese text, Hangul nearly all of Korean. */
static const char *guess_other_cjk(sampler *sm)
{
    score_t s;
    score(sm, "CP932", &s);
    if (s.bad == 0 && s.chars >= 8 && s.kana * 5 >= s.chars)
        return s.cs;
    score(sm, "EUC-JP", &s);
    if (s.bad == 0 && s.chars >= 8 && s.kana * 5 >= s.chars)
        return s.cs;
    score(sm, "CP949", &s);
    if (s.bad == 0 && s.chars >= 8 && s.hangul * 10 >= s.chars * 8)
        return s.cs;
    return NULL;
}

const char *charset_guess(const unsigned char *d, size_t n, const charset_utf8_stats *u)
{
    if (mostly_utf8(u))
        return "UTF-8";
    sampler sm;
    sampler_init(&sm, d, n);
    score_t gb, b5;
    const char *cs = guess_chinese(&sm, &gb, &b5);
    if (!cs)
        cs = guess_other_cjk(&sm);
    /* Nothing convincing, but GB18030 takes every byte: Western text
     * almost never manages that (an accented letter before a space or a
     * comma is an invalid pair), while any double-byte CJK text does, so
     * the bytes are CJK and GB18030 is the likeliest of them. */
    if (!cs && gb.bad == 0 && gb.chars >= 2)
        cs = "GB18030";
    return cs ? cs : charset_western_for(d, n);
}

const char *charset_guess_gb(const unsigned char *d, size_t n)
{
    sampler sm;
    sampler_init(&sm, d, n);
    score_t gb;
    score(&sm, "GB18030", &gb);
    return chinese(&gb) ? gb.cs : NULL;
}

/* The GB and Big5 labels get swapped by mirrors, stale GB labels sit on
 * UTF-8 pages with one damaged byte, and latin1 and utf-8 labels are what
 * a server says by default. */
const char *charset_check_label(const unsigned char *d, size_t n,
                                const charset_utf8_stats *u, const char *decl)
{
    const char *alt = NULL;
    sampler sm;
    score_t gb, b5;
    if (strcmp(decl, "UTF-8") != 0 && mostly_utf8(u)) {
        alt = "UTF-8";
    } else if (!strcmp(decl, "GB18030") || !strcmp(decl, "BIG5-HKSCS")) {
        bool is_gb = decl[0] == 'G';
        sampler_init(&sm, d, n);
        score(&sm, decl, is_gb ? &gb : &b5);
        if (!chinese(is_gb ? &gb : &b5)) {
            score(&sm, is_gb ? "BIG5-HKSCS" : "GB18030", is_gb ? &b5 : &gb);
            const score_t *mine = is_gb ? &gb : &b5, *other = is_gb ? &b5 : &gb;
            if (chinese(other) && other->q > mine->q + 0.15)
                alt = other->cs;
        }
    } else if (!strcmp(decl, "UTF-8")) {
        if (!mostly_utf8(u)) {
            sampler_init(&sm, d, n);
            alt = guess_chinese(&sm, &gb, &b5);
            /* Read as UTF-8 these bytes are mostly U+FFFD; a clean
             * GB18030 reading cannot be worse. */
            if (!alt && gb.bad == 0 && gb.chars >= 2)
                alt = gb.cs;
        }
    } else if (!strcmp(decl, "WINDOWS-1252")) {
        /* Only a strong reading overrides latin1: it is also the label of
         * pages that really are Western. */
        sampler_init(&sm, d, n);
        alt = guess_chinese(&sm, &gb, &b5);
        if (alt && (alt == gb.cs ? gb.q : b5.q) < 0.35)
            alt = NULL;
    }
    return alt;
}

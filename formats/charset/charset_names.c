/* Charset labels, as pages declare them, mapped to the iconv names folio
 * decodes with. */
#include "charset/charset_int.h"

#include <stdlib.h>
#include <string.h>

/* The label sets follow what browsers accept (the WHATWG Encoding
 * standard), because a page's label was written for a browser. The names
 * are what glibc iconv understands. Browsers read every GB label with the
 * gb18030 decoder and Big5 with the HKSCS superset, and Shift_JIS and
 * EUC-KR with the Windows supersets; plain iconv SHIFT_JIS would even turn
 * a backslash into a yen sign. */
static const struct { const char *label, *name; } charset_labels[] = {
    {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"},
    {"unicode11utf8", "UTF-8"}, {"unicode20utf8", "UTF-8"},
    {"x-unicode20utf8", "UTF-8"},

    {"gb18030", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
    {"gb2312", "GB18030"}, {"gb_2312-80", "GB18030"}, {"gb_2312", "GB18030"},
    {"gb2312-80", "GB18030"}, {"cp936", "GB18030"}, {"ms936", "GB18030"},
    {"windows-936", "GB18030"}, {"euc-cn", "GB18030"}, {"euccn", "GB18030"},
    {"chinese", "GB18030"}, {"csgb2312", "GB18030"},
    {"csiso58gb231280", "GB18030"}, {"iso-ir-58", "GB18030"},
    {"gb18030-2000", "GB18030"}, {"gb18030-2005", "GB18030"},

    {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"},
    {"big5hkscs", "BIG5-HKSCS"}, {"cp950", "BIG5-HKSCS"},
    {"ms950", "BIG5-HKSCS"}, {"windows-950", "BIG5-HKSCS"},
    {"x-x-big5", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"},
    {"csbig5", "BIG5-HKSCS"}, {"big-5", "BIG5-HKSCS"},

    {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"},
    {"x-sjis", "CP932"}, {"ms_kanji", "CP932"}, {"csshiftjis", "CP932"},
    {"windows-31j", "CP932"}, {"cp932", "CP932"}, {"ms932", "CP932"},
    {"euc-jp", "EUC-JP"}, {"x-euc-jp", "EUC-JP"}, {"eucjp", "EUC-JP"},
    {"cseucpkdfmtjapanese", "EUC-JP"},
    {"iso-2022-jp", "ISO-2022-JP"}, {"csiso2022jp", "ISO-2022-JP"},

    {"euc-kr", "CP949"}, {"euckr", "CP949"}, {"cseuckr", "CP949"},
    {"ks_c_5601-1987", "CP949"}, {"ks_c_5601-1989", "CP949"},
    {"ksc5601", "CP949"}, {"ksc_5601", "CP949"}, {"csksc56011987", "CP949"},
    {"iso-ir-149", "CP949"}, {"korean", "CP949"}, {"windows-949", "CP949"},
    {"cp949", "CP949"}, {"uhc", "CP949"},

    {"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"unicode", "UTF-16LE"},
    {"ucs-2", "UTF-16LE"}, {"csunicode", "UTF-16LE"},
    {"iso-10646-ucs-2", "UTF-16LE"}, {"unicodefeff", "UTF-16LE"},
    {"utf-16be", "UTF-16BE"}, {"unicodefffe", "UTF-16BE"},

    /* Browsers decode every latin1 and ASCII label as windows-1252, and
     * pages rely on it for curly quotes and dashes in 0x80-0x9F. */
    {"windows-1252", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
    {"x-cp1252", "WINDOWS-1252"}, {"iso-8859-1", "WINDOWS-1252"},
    {"iso8859-1", "WINDOWS-1252"}, {"iso_8859-1", "WINDOWS-1252"},
    {"iso88591", "WINDOWS-1252"}, {"iso_8859-1:1987", "WINDOWS-1252"},
    {"latin1", "WINDOWS-1252"}, {"latin-1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"}, {"cp819", "WINDOWS-1252"},
    {"ibm819", "WINDOWS-1252"}, {"csisolatin1", "WINDOWS-1252"},
    {"iso-ir-100", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
    {"ascii", "WINDOWS-1252"}, {"ansi_x3.4-1968", "WINDOWS-1252"},
    {"iso-8859-9", "WINDOWS-1254"}, {"iso8859-9", "WINDOWS-1254"},
    {"iso_8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
    {"iso-8859-11", "WINDOWS-874"}, {"iso8859-11", "WINDOWS-874"},
    {"tis-620", "WINDOWS-874"}, {"windows-874", "WINDOWS-874"},
    {"dos-874", "WINDOWS-874"},
    {"latin2", "ISO-8859-2"}, {"latin3", "ISO-8859-3"},
    {"latin4", "ISO-8859-4"}, {"latin6", "ISO-8859-10"},
    {"cyrillic", "ISO-8859-5"}, {"arabic", "ISO-8859-6"},
    {"greek", "ISO-8859-7"}, {"hebrew", "ISO-8859-8"},

    {"koi8-r", "KOI8-R"}, {"koi8_r", "KOI8-R"}, {"koi8", "KOI8-R"},
    {"koi", "KOI8-R"}, {"cskoi8r", "KOI8-R"},
    {"koi8-u", "KOI8-U"}, {"koi8-ru", "KOI8-U"},
    {"ibm866", "IBM866"}, {"cp866", "IBM866"}, {"866", "IBM866"},
    {"csibm866", "IBM866"},
    {"macintosh", "MACINTOSH"}, {"mac", "MACINTOSH"},
    {"x-mac-roman", "MACINTOSH"}, {"csmacintosh", "MACINTOSH"},
    {"x-mac-cyrillic", "MAC-CYRILLIC"}, {"x-mac-ukrainian", "MAC-CYRILLIC"},
};

/* The ISO-8859 and windows-125x families are matched by shape rather than
 * listed, since every spelling of every number turns up in the wild. */
static const char *family_name(const char *l)
{
    static const char *const iso[] = {
        NULL, "WINDOWS-1252", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4",
        "ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8",
        "WINDOWS-1254", "ISO-8859-10", "WINDOWS-874", NULL, "ISO-8859-13",
        "ISO-8859-14", "ISO-8859-15", "ISO-8859-16",
    };
    static const char *const win[] = {
        "WINDOWS-1250", "WINDOWS-1251", "WINDOWS-1252", "WINDOWS-1253",
        "WINDOWS-1254", "WINDOWS-1255", "WINDOWS-1256", "WINDOWS-1257",
        "WINDOWS-1258",
    };
    const char *num = NULL;
    if (!strncmp(l, "iso-8859-", 9) || !strncmp(l, "iso_8859-", 9))
        num = l + 9;
    else if (!strncmp(l, "iso8859-", 8))
        num = l + 8;
    else if (!strncmp(l, "iso8859", 7) || !strncmp(l, "iso-8859", 8)) {
        num = l + (l[3] == '-' ? 8 : 7);
    }
    if (num) {
        char *end;
        long n = strtol(num, &end, 10);
        /* "iso-8859-8-i" is the logical-order Hebrew label */
        if (end != num && (!*end || !strcmp(end, "-i")) && n > 0 && n <= 16)
            return iso[n];
        return NULL;
    }
    if (!strncmp(l, "windows-125", 11))
        num = l + 11;
    else if (!strncmp(l, "x-cp125", 7))
        num = l + 7;
    else if (!strncmp(l, "cp125", 5))
        num = l + 5;
    if (num && num[0] >= '0' && num[0] <= '8' && !num[1])
        return win[num[0] - '0'];
    return NULL;
}

const char *charset_canonical(const char *label)
{
    if (!label)
        return NULL;
    while (charset_is_space((unsigned char)*label) || *label == '"' || *label == '\'')
        label++;
    char l[48];
    size_t n = 0;
    for (; label[n] && n < sizeof l - 1; n++)
        l[n] = charset_ascii_lower(label[n]);
    if (label[n])
        return NULL;
    while (n && (charset_is_space((unsigned char)l[n - 1]) || l[n - 1] == '"' ||
                 l[n - 1] == '\'' || l[n - 1] == ';'))
        n--;
    l[n] = '\0';
    if (!n)
        return NULL;
    for (size_t i = 0; i < sizeof charset_labels / sizeof charset_labels[0]; i++)
        if (!strcmp(l, charset_labels[i].label))
            return charset_labels[i].name;
    return family_name(l);
}

#include "pdf/pdf_chars.h"

uint32_t pdf_utf8_get(const char *s, size_t n, int *len)
{
    const unsigned char *u = (const unsigned char *)s;
    int k = u[0] < 0x80 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    if ((size_t)k > n || (u[0] >= 0x80 && u[0] < 0xC0)) {
        *len = 1;
        return u[0];
    }
    uint32_t c = k == 1 ? u[0] : k == 2 ? (u[0] & 0x1Fu) : k == 3 ? (u[0] & 0x0Fu) : (u[0] & 0x07u);
    for (int i = 1; i < k; i++)
        c = (c << 6) | (u[i] & 0x3Fu);
    *len = k;
    return c;
}

bool pdf_is_han(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) ||
           (c >= 0x3040 && c <= 0x30FF) || c == 0x3007;
}

bool pdf_is_opening(uint32_t c)
{
    switch (c) {
    case 0x201C: case 0x2018: case 0xFF08: case 0x300A: case 0x300C: case 0x300E:
    case 0x3010: case 0x3014: case 0x3008: case 0xFF3B: case 0xFF5B: case 0x3016:
        return true;
    }
    return false;
}

bool pdf_is_closing(uint32_t c)
{
    switch (c) {
    case 0x201D: case 0x2019: case 0xFF09: case 0x300B: case 0x300D: case 0x300F:
    case 0x3011: case 0x3015: case 0x3009: case 0xFF3D: case 0xFF5D: case 0x3017:
    case 0x3001: case 0xFF0C: case 0x3002: case 0xFF0E:
        return true;
    }
    return false;
}

bool pdf_is_fullwidth_punct(uint32_t c)
{
    if (pdf_is_opening(c) || pdf_is_closing(c))
        return true;
    switch (c) {
    case 0xFF1A: case 0xFF1B: case 0xFF01: case 0xFF1F: case 0x00B7: case 0x30FB:
        return true;
    }
    return false;
}

bool pdf_is_cjk(uint32_t c)
{
    return pdf_is_han(c) || pdf_is_fullwidth_punct(c) || (c >= 0x3000 && c <= 0x303F) ||
           (c >= 0xFF01 && c <= 0xFF60) || c == 0x2014 || c == 0x2026;
}

bool pdf_is_latin(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x370 && c <= 0x3FF);
}

bool pdf_sits_left(uint32_t c)
{
    return pdf_is_closing(c) || c == 0xFF1B || c == 0xFF1A || c == 0xFF1F || c == 0xFF01;
}

bool pdf_is_blank(uint32_t c)
{
    return c == ' ' || PDF_IS_ZW(c) || c == 0x2028 || c == '\n' || c == 0x3000;
}

bool pdf_gap_between(uint32_t a, uint32_t b)
{
    if (a == ' ')
        return true;
    if (b == ' ' || pdf_is_blank(a) || pdf_is_blank(b))
        return false;
    return pdf_is_cjk(a) || pdf_is_cjk(b);
}

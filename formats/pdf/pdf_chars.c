#include "pdf/pdf_chars.h"

bool pdf_is_han(uint32_t c)
{
    return cp_is_han(c) || cp_is_kana(c);
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
    return cp_is_cjk(c) || pdf_is_fullwidth_punct(c) || c == 0x2014 || c == 0x2026;
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

/* Hexadecimal digits, as %XX escapes and quoted-printable write them. */
#ifndef FOLIO_HEX_H
#define FOLIO_HEX_H

/* The value of the hex digit C (either case), or -1. */
static inline int hex_digit(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

#endif

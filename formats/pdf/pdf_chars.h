/* Character classes that Chinese layout rules speak of (clreq). */
#ifndef FOLIO_PDF_CHARS_H
#define FOLIO_PDF_CHARS_H
#include "util/utf8.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PDF_ZWSP 0x200B
/* A zero-width space where no line may break: what the paragraph breaker
 * leaves of a ZWSP it did not break at (pango keeps a break after every
 * ZWSP whatever its attributes say). Same UTF-8 length as PDF_ZWSP. */
#define PDF_WJ 0x2060
/* Either of the two: an empty character that only carries spacing. */
#define PDF_IS_ZW(c) ((c) == PDF_ZWSP || (c) == PDF_WJ)

bool pdf_is_han(uint32_t c);          /* ideographs and kana */
/* Any CJK character, and the quotes, dash and ellipsis that are set
 * full-width in Chinese text. */
bool pdf_is_cjk(uint32_t c);
bool pdf_is_opening(uint32_t c);      /* “‘（《「『【 …: may not end a line */
bool pdf_is_closing(uint32_t c);      /* ”’）》」』】 and 、，。 : sit left in SC */
bool pdf_is_fullwidth_punct(uint32_t c);
/* Closing marks and every stop, 、，。．；：？！: in Simplified Chinese
 * faces their ink sits in the left half of the em, so a line may end on
 * that half (clreq 3.1.6). */
bool pdf_sits_left(uint32_t c);
/* White space, line separators and the empty spacing characters: what
 * hangs past a line's end. */
bool pdf_is_blank(uint32_t c);
/* Whether justification may open a gap between A and B: after a word
 * space, and beside a CJK character, never next to a blank. */
bool pdf_gap_between(uint32_t a, uint32_t b);

#endif

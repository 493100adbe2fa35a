/* How much of one text another holds, told by the runs of letters they
 * share. Punctuation, blanks and case are left out, so a sentence set again
 * with other quotes or a link in it still counts as the same sentence. */
#ifndef FOLIO_SHINGLE_H
#define FOLIO_SHINGLE_H

/* The share, from 0 to 1, of PART's runs of letters that WHOLE holds too.
 * A run is five characters of Han text, twelve letters of any other: short
 * enough that a word or two rewritten costs only the runs across it, long
 * enough that two texts on one subject do not share them by chance. 0 when
 * PART is shorter than one run. */
double shingle_share(const char *part, const char *whole);

#endif

/* Lines that Chinese laws and official documents set by convention, known
 * alike to the cleaner (which keeps them as the document's text) and the
 * writers (which set them as a printed law does). */
#ifndef FOLIO_ZH_DOC_H
#define FOLIO_ZH_DOC_H
#include <stdbool.h>
#include <stddef.h>

/* The N bytes at S are a 题注 under a law's title: a date and the act that
 * made the text, in brackets, "（2007年6月29日第十届全国人民代表大会常务委员会
 * 第二十八次会议通过）", "（2023年5月1日起施行）". */
bool zh_doc_is_adoption_note(const char *s, size_t n);

/* S is 目录 or 目次, spaces between its characters or not. */
bool zh_doc_is_contents_word(const char *s);

/* S heads a division of a law: "第一章　总　则", "第二节 ……", "第三编", or is
 * the 目录 over them. */
bool zh_doc_is_division_heading(const char *s);

/* S is a 发文字号 and nothing else: the issuer's abbreviation, the year in
 * brackets and the number, "国发〔2015〕40号", "鲁政办字[2023]12号". */
bool zh_doc_is_doc_number(const char *s);

/* S, spaces around it aside, is a document's note of how it is made
 * public, in brackets: "（此件主动公开）", "（此件公开发布）". */
bool zh_doc_is_release_note(const char *s);

#endif

/* Unit tests for the lines Chinese laws set by convention: the 题注 under a
 * title, the 目录, the headings of a law's divisions. */
#include "util/utf8.h"
#include "util/zh_doc.h"

#include <string.h>

#include "unit.h"

static bool note(const char *s)
{
    return zh_doc_is_adoption_note(s, strlen(s));
}

int main(void)
{
    OK("a 题注 of adoption", note("（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）"));
    OK("of entry into force, ASCII brackets", note(" (2024年5月1日起施行) "));
    OK("a bracketed aside is none", !note("（本文有删减）"));
    OK("an unbracketed sentence is none", !note("本条例自2024年5月1日起施行"));
    OK("目录", zh_doc_is_contents_word("目录") && zh_doc_is_contents_word("目　　录") && zh_doc_is_contents_word("目 次"));
    OK("not 目录", !zh_doc_is_contents_word("目录说明") && !zh_doc_is_contents_word("目"));
    OK("chapters, sections, parts", zh_doc_is_division_heading("第一章　总　则") && zh_doc_is_division_heading("第十二节 附则") &&
                                    zh_doc_is_division_heading("第3编") && zh_doc_is_division_heading("目　录"));
    OK("an article is no division", !zh_doc_is_division_heading("第一条　为了……"));
    OK("nor a sentence that starts with 第", !zh_doc_is_division_heading("第一次会议召开"));
    OK("Han numerals", cp_is_han_numeral(0x4E00) && cp_is_han_numeral(0x3007) && cp_is_han_numeral(0x5343) &&
                       !cp_is_han_numeral(0x7B2C) && !cp_is_han_numeral('1'));
    OK("document numbers", zh_doc_is_doc_number("国发〔2015〕40号") && zh_doc_is_doc_number("国发 〔2015〕40号") &&
                           zh_doc_is_doc_number(" 鲁政办字[2023]12号 ") && zh_doc_is_doc_number("京政发（2020）1号"));
    OK("a sentence naming one is none", !zh_doc_is_doc_number("根据国发〔2015〕40号文件精神") &&
                                        !zh_doc_is_doc_number("国发〔2015〕40号文件"));
    OK("a number without its issuer or year is none", !zh_doc_is_doc_number("〔2015〕40号") &&
                                                      !zh_doc_is_doc_number("国发〔15〕40号") &&
                                                      !zh_doc_is_doc_number("第40号"));
    OK("release notes", zh_doc_is_release_note("（此件主动公开）") && zh_doc_is_release_note(" （此件公开发布） ") &&
                        zh_doc_is_release_note("（此件依申请公开）"));
    OK("a bracketed sentence is none", !zh_doc_is_release_note("（此件不予公开的理由另行说明，请各单位严格保密并按规定妥善管理有关材料）") &&
                                       !zh_doc_is_release_note("（主动公开）") && !zh_doc_is_release_note("此件主动公开"));
    printf("test_zh_doc: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

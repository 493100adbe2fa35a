/* Unit tests for the share of one text's runs of letters that another
 * holds: how a summary is told from a lead of its own. */
#include "util/shingle.h"

#include "unit.h"

int main(void)
{
    const char *text = "今年以来，全市新建城市书房二十六家，每家藏书不少于五千册。"
                       "市民只需刷身份证就可以借还图书，夜间也照常开放。";
    OK("a text holds all of itself", shingle_share(text, text) == 1.0);
    OK("punctuation and blanks are no part of a run",
       shingle_share("今年以来 全市新建城市书房“二十六家”", text) == 1.0);
    OK("a word reworded costs only the runs across it",
       shingle_share("市民只需刷身份证即可借还图书，夜间也照常开放。", text) > 0.6);
    OK("another text on the subject shares little",
       shingle_share("城市书房的藏书结构将根据借阅数据调整，热门图书流转更快。", text) < 0.2);
    OK("a part shorter than one run shares nothing", shingle_share("书房", text) == 0.0);
    OK("an empty whole holds nothing", shingle_share(text, "") == 0.0);
    const char *en = "The library opened twenty-six reading rooms this year, "
                     "each holding at least five thousand books.";
    OK("case and punctuation aside in Latin text",
       shingle_share("THE LIBRARY OPENED twenty six reading rooms", en) == 1.0);
    OK("common words alone are no shared run",
       shingle_share("The rooms of the year were at least open to the books.", en) < 0.2);
    OK("full-width letters and digits read as ASCII",
       shingle_share("ＡＢＣＤＥＦＧＨＩＪＫＬ２０２４", "abcdefghijkl2024") == 1.0);
    printf("test_shingle: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

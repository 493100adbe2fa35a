/* Unit tests for media_type: which addresses and names are documents a
 * page attaches. */
#include "util/media_type.h"

#include <stdio.h>

#include "unit.h"

int main(void)
{
    CHECK(media_type_is_document_url("/f/1.doc"));
    CHECK(media_type_is_document_url("http://a.cn/x/通知.PDF?v=2#page=1"));
    CHECK(media_type_is_document_url("/module/download/downfile.jsp?classid=0&filename=2606031.xls"));
    CHECK(media_type_is_document_url("download.php?id=7;file=清单.xlsx"));
    CHECK(!media_type_is_document_url("/n/1.html"));
    CHECK(!media_type_is_document_url("/list.jsp?page=2&sort=doc"));
    CHECK(!media_type_is_document_url("/view?name=.pdf"));   /* no name before the extension */
    CHECK(!media_type_is_document_url("/a.html#x.pdf"));
    CHECK(media_type_is_document_name(" 城市更新重点项目清单.xls "));
    CHECK(!media_type_is_document_name("城市更新重点项目清单"));
    CHECK(!media_type_is_document_name(".pdf"));
    CHECK(media_type_is_document_name("城区禁放区域示意图.jpg"));
    CHECK(media_type_is_document_name("IMG_0042.PNG"));
    CHECK(!media_type_is_document_name("示意图"));
    CHECK(!media_type_is_document_name(".png"));
    printf("test_media_type: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

/* Traditional characters of the info line's vocabulary, folded to their
 * simplified forms so that one set of labels (来源, 发布日期, 记者, 编辑,
 * 浏览…) reads pages from Taiwan and Hong Kong as well. Every pair is one
 * BMP ideograph for another, three UTF-8 bytes each, so a folded copy keeps
 * the original's offsets: the scanners look for labels in the copy and take
 * the values from the original, whose words must come out as they went in. */
#include "clean/meta/page_meta_int.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    char trad[4], simp[4];      /* one character each, in UTF-8 */
} fold_pair;

/* Only characters that occur in labels, in the words that end a value, or
 * in the words that tell a name from prose; sorted by the traditional
 * form, whose UTF-8 bytes sort as its code point does. */
static const fold_pair fold_table[] = {
    { "佈", "布" }, { "來", "来" }, { "們", "们" }, { "備", "备" }, { "傳", "传" }, { "創", "创" },
    { "動", "动" }, { "員", "员" }, { "問", "问" }, { "圖", "图" }, { "執", "执" }, { "報", "报" },
    { "實", "实" }, { "審", "审" }, { "將", "将" }, { "專", "专" }, { "對", "对" }, { "導", "导" },
    { "屆", "届" }, { "從", "从" }, { "採", "采" }, { "擊", "击" }, { "據", "据" }, { "攝", "摄" },
    { "數", "数" }, { "於", "于" }, { "時", "时" }, { "會", "会" }, { "權", "权" }, { "滿", "满" },
    { "瀏", "浏" }, { "無", "无" }, { "現", "现" }, { "發", "发" }, { "稱", "称" }, { "筆", "笔" },
    { "節", "节" }, { "簽", "签" }, { "約", "约" }, { "組", "组" }, { "絡", "络" }, { "網", "网" },
    { "編", "编" }, { "習", "习" }, { "聯", "联" }, { "臺", "台" }, { "號", "号" }, { "見", "见" },
    { "覽", "览" }, { "觀", "观" }, { "訊", "讯" }, { "記", "记" }, { "訪", "访" }, { "評", "评" },
    { "詞", "词" }, { "詳", "详" }, { "說", "说" }, { "調", "调" }, { "論", "论" }, { "證", "证" },
    { "議", "议" }, { "讀", "读" }, { "責", "责" }, { "資", "资" }, { "輯", "辑" }, { "進", "进" },
    { "錄", "录" }, { "鍵", "键" }, { "間", "间" }, { "閱", "阅" }, { "關", "关" }, { "電", "电" },
    { "題", "题" }, { "類", "类" }, { "駐", "驻" }, { "體", "体" }, { "點", "点" },
};

static int fold_cmp(const void *key, const void *elem)
{
    return memcmp(key, ((const fold_pair *)elem)->trad, 3);
}

void pm_fold(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n;) {
        int len;
        utf8_decode(s + i, n - i, &len);
        const fold_pair *hit = len == 3 ? bsearch(s + i, fold_table,
                                                  sizeof fold_table / sizeof fold_table[0],
                                                  sizeof fold_table[0], fold_cmp)
                                        : NULL;
        memcpy(out + i, hit ? hit->simp : s + i, (size_t)len);
        i += (size_t)len;
    }
    out[n] = 0;
}

const char *pm_fold_small(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);
    if (n >= size)
        return s;
    pm_fold(s, n, buf);
    return buf;
}

/* Traditional characters folded to their simplified forms, so that one
 * set of words (the info line's labels, 来源, 发布日期, 记者; the
 * furniture's phrases, 责任编辑, 版权所有, 不得转载, 打印本页) reads pages
 * from Taiwan and Hong Kong as well. Every pair is one BMP ideograph for
 * another, three UTF-8 bytes each, so a folded copy keeps the original's
 * offsets: a scanner looks for words in the copy and takes the values from
 * the original, whose words must come out as they went in. */
#include "util/zh_fold.h"
#include "util/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char trad[4], simp[4];      /* one character each, in UTF-8 */
} fold_pair;

/* Only characters of those words, of the words that end a value, and of
 * the words that tell a name from prose; sorted by the traditional form,
 * whose UTF-8 bytes sort as its code point does. */
static const fold_pair fold_table[] = {
    { "佈", "布" }, { "來", "来" }, { "個", "个" }, { "們", "们" }, { "備", "备" }, { "傳", "传" },
    { "優", "优" }, { "刪", "删" }, { "創", "创" }, { "動", "动" }, { "務", "务" }, { "員", "员" },
    { "問", "问" }, { "單", "单" }, { "圖", "图" }, { "執", "执" }, { "報", "报" }, { "實", "实" },
    { "審", "审" }, { "寫", "写" }, { "將", "将" }, { "專", "专" }, { "對", "对" }, { "導", "导" },
    { "屆", "届" }, { "屬", "属" }, { "廠", "厂" }, { "廣", "广" }, { "從", "从" }, { "應", "应" },
    { "掃", "扫" }, { "採", "采" }, { "擊", "击" }, { "據", "据" }, { "攝", "摄" }, { "數", "数" },
    { "於", "于" }, { "時", "时" }, { "會", "会" }, { "條", "条" }, { "業", "业" }, { "標", "标" },
    { "樣", "样" }, { "權", "权" }, { "歡", "欢" }, { "滿", "满" }, { "瀏", "浏" }, { "為", "为" },
    { "無", "无" }, { "熱", "热" }, { "現", "现" }, { "產", "产" }, { "當", "当" }, { "發", "发" },
    { "碼", "码" }, { "稱", "称" }, { "筆", "笔" }, { "節", "节" }, { "簡", "简" }, { "簽", "签" },
    { "糾", "纠" }, { "約", "约" }, { "組", "组" }, { "結", "结" }, { "絡", "络" }, { "給", "给" },
    { "經", "经" }, { "網", "网" }, { "編", "编" }, { "繫", "系" }, { "習", "习" }, { "聞", "闻" },
    { "聯", "联" }, { "聲", "声" }, { "臺", "台" }, { "與", "与" }, { "舉", "举" }, { "薦", "荐" },
    { "處", "处" }, { "號", "号" }, { "見", "见" }, { "視", "视" }, { "覽", "览" }, { "觀", "观" },
    { "訂", "订" }, { "訊", "讯" }, { "記", "记" }, { "訪", "访" }, { "設", "设" }, { "註", "注" },
    { "評", "评" }, { "詞", "词" }, { "話", "话" }, { "詳", "详" }, { "說", "说" }, { "調", "调" },
    { "請", "请" }, { "論", "论" }, { "證", "证" }, { "識", "识" }, { "議", "议" }, { "護", "护" },
    { "讀", "读" }, { "責", "责" }, { "費", "费" }, { "資", "资" }, { "載", "载" }, { "輯", "辑" },
    { "轉", "转" }, { "辦", "办" }, { "這", "这" }, { "連", "连" }, { "進", "进" }, { "選", "选" },
    { "錄", "录" }, { "錯", "错" }, { "鍵", "键" }, { "鏈", "链" }, { "門", "门" }, { "閉", "闭" },
    { "間", "间" }, { "閱", "阅" }, { "閲", "阅" }, { "關", "关" }, { "電", "电" }, { "頁", "页" },
    { "頂", "顶" }, { "頻", "频" }, { "題", "题" }, { "類", "类" }, { "駐", "驻" }, { "體", "体" },
    { "點", "点" },
};

static int fold_cmp(const void *key, const void *elem)
{
    return memcmp(key, ((const fold_pair *)elem)->trad, 3);
}

/* The traditional forms' code points modulo 2048, as bits: most
 * characters of a page are none of them and skip the search. Filled on
 * the first call. */
static uint32_t fold_seen[2048 / 32];
static bool fold_seen_ready;

static void fold_seen_fill(void)
{
    for (size_t i = 0; i < sizeof fold_table / sizeof fold_table[0]; i++) {
        int len;
        uint32_t c = utf8_decode(fold_table[i].trad, 3, &len) % 2048;
        fold_seen[c / 32] |= 1u << (c % 32);
    }
    fold_seen_ready = true;
}

void zh_fold(const char *s, size_t n, char *out)
{
    if (!fold_seen_ready)
        fold_seen_fill();
    for (size_t i = 0; i < n;) {
        int len;
        uint32_t c = utf8_decode(s + i, n - i, &len) % 2048;
        const fold_pair *hit = len == 3 && (fold_seen[c / 32] >> (c % 32) & 1)
                                   ? bsearch(s + i, fold_table, sizeof fold_table / sizeof fold_table[0],
                                             sizeof fold_table[0], fold_cmp)
                                   : NULL;
        const char *from = hit ? hit->simp : s + i;
        for (int k = 0; k < len; k++)
            out[i + (size_t)k] = from[k];
        i += (size_t)len;
    }
    out[n] = 0;
}

const char *zh_fold_small(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);
    if (n >= size)
        return s;
    zh_fold(s, n, buf);
    return buf;
}

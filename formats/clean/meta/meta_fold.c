/* Traditional characters of the info line's vocabulary, folded to their
 * simplified forms so that one set of labels (来源, 发布日期, 记者, 编辑,
 * 浏览…) reads pages from Taiwan and Hong Kong as well. Every pair is one
 * BMP ideograph for another, three UTF-8 bytes each, so a folded copy keeps
 * the original's offsets: the scanners look for labels in the copy and take
 * the values from the original, whose words must come out as they went in. */
#include "clean/meta/page_meta_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Only characters that occur in labels, in the words that end a value, or
 * in the words that tell a name from prose; sorted by the first code point. */
static const uint16_t fold_table[][2] = {
    { 0x4F48, 0x5E03 }, /* 佈布 */ { 0x4F86, 0x6765 }, /* 來来 */ { 0x5011, 0x4EEC }, /* 們们 */
    { 0x5099, 0x5907 }, /* 備备 */ { 0x50B3, 0x4F20 }, /* 傳传 */ { 0x5275, 0x521B }, /* 創创 */
    { 0x52D5, 0x52A8 }, /* 動动 */ { 0x54E1, 0x5458 }, /* 員员 */ { 0x554F, 0x95EE }, /* 問问 */ { 0x5716, 0x56FE }, /* 圖图 */
    { 0x57F7, 0x6267 }, /* 執执 */ { 0x5831, 0x62A5 }, /* 報报 */ { 0x5BE6, 0x5B9E }, /* 實实 */
    { 0x5BE9, 0x5BA1 }, /* 審审 */ { 0x5C07, 0x5C06 }, /* 將将 */ { 0x5C08, 0x4E13 }, /* 專专 */
    { 0x5C0D, 0x5BF9 }, /* 對对 */ { 0x5C0E, 0x5BFC }, /* 導导 */ { 0x5C46, 0x5C4A }, /* 屆届 */
    { 0x5F9E, 0x4ECE }, /* 從从 */ { 0x63A1, 0x91C7 }, /* 採采 */ { 0x64CA, 0x51FB }, /* 擊击 */
    { 0x64DA, 0x636E }, /* 據据 */ { 0x651D, 0x6444 }, /* 攝摄 */ { 0x6578, 0x6570 }, /* 數数 */
    { 0x65BC, 0x4E8E }, /* 於于 */ { 0x6642, 0x65F6 }, /* 時时 */ { 0x6703, 0x4F1A }, /* 會会 */
    { 0x6B0A, 0x6743 }, /* 權权 */ { 0x6EFF, 0x6EE1 }, /* 滿满 */
    { 0x700F, 0x6D4F }, /* 瀏浏 */ { 0x7121, 0x65E0 }, /* 無无 */
    { 0x73FE, 0x73B0 }, /* 現现 */ { 0x767C, 0x53D1 }, /* 發发 */ { 0x7A31, 0x79F0 }, /* 稱称 */
    { 0x7B46, 0x7B14 }, /* 筆笔 */ { 0x7BC0, 0x8282 }, /* 節节 */ { 0x7C3D, 0x7B7E }, /* 簽签 */
    { 0x7D04, 0x7EA6 }, /* 約约 */ { 0x7D44, 0x7EC4 }, /* 組组 */ { 0x7D61, 0x7EDC }, /* 絡络 */
    { 0x7DB2, 0x7F51 }, /* 網网 */ { 0x7DE8, 0x7F16 }, /* 編编 */ { 0x7FD2, 0x4E60 }, /* 習习 */
    { 0x806F, 0x8054 }, /* 聯联 */ { 0x81FA, 0x53F0 }, /* 臺台 */ { 0x865F, 0x53F7 }, /* 號号 */
    { 0x898B, 0x89C1 }, /* 見见 */ { 0x89BD, 0x89C8 }, /* 覽览 */ { 0x89C0, 0x89C2 }, /* 觀观 */
    { 0x8A0A, 0x8BAF }, /* 訊讯 */ { 0x8A18, 0x8BB0 }, /* 記记 */ { 0x8A2A, 0x8BBF }, /* 訪访 */
    { 0x8A55, 0x8BC4 }, /* 評评 */ { 0x8A5E, 0x8BCD }, /* 詞词 */ { 0x8A73, 0x8BE6 }, /* 詳详 */
    { 0x8AAA, 0x8BF4 }, /* 說说 */ { 0x8ABF, 0x8C03 }, /* 調调 */ { 0x8AD6, 0x8BBA }, /* 論论 */
    { 0x8B49, 0x8BC1 }, /* 證证 */ { 0x8B70, 0x8BAE }, /* 議议 */ { 0x8B80, 0x8BFB }, /* 讀读 */
    { 0x8CAC, 0x8D23 }, /* 責责 */ { 0x8CC7, 0x8D44 }, /* 資资 */ { 0x8F2F, 0x8F91 }, /* 輯辑 */
    { 0x9032, 0x8FDB }, /* 進进 */ { 0x9304, 0x5F55 }, /* 錄录 */ { 0x9375, 0x952E }, /* 鍵键 */
    { 0x9593, 0x95F4 }, /* 間间 */ { 0x95B1, 0x9605 }, /* 閱阅 */ { 0x95DC, 0x5173 }, /* 關关 */
    { 0x96FB, 0x7535 }, /* 電电 */ { 0x984C, 0x9898 }, /* 題题 */ { 0x985E, 0x7C7B }, /* 類类 */
    { 0x99D0, 0x9A7B }, /* 駐驻 */ { 0x9AD4, 0x4F53 }, /* 體体 */ { 0x9EDE, 0x70B9 }, /* 點点 */
};

static int fold_cmp(const void *key, const void *elem)
{
    unsigned k = *(const unsigned *)key, e = ((const uint16_t *)elem)[0];
    return k < e ? -1 : k > e;
}

void pm_fold(const char *s, size_t n, char *out)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    unsigned char *o = (unsigned char *)out;
    while (p < end) {
        /* Table entries all lie in U+4F48..U+9EDE: lead bytes E4..E9. */
        if (*p >= 0xe4 && *p <= 0xe9 && end - p >= 3 && (p[1] & 0xc0) == 0x80 &&
            (p[2] & 0xc0) == 0x80) {
            unsigned cp = (unsigned)(p[0] & 0x0f) << 12 | (unsigned)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
            const uint16_t *hit = bsearch(&cp, fold_table, sizeof fold_table / sizeof fold_table[0],
                                          sizeof fold_table[0], fold_cmp);
            if (hit) {
                unsigned to = hit[1];
                o[0] = (unsigned char)(0xe0 | to >> 12);
                o[1] = (unsigned char)(0x80 | ((to >> 6) & 0x3f));
                o[2] = (unsigned char)(0x80 | (to & 0x3f));
            } else {
                memcpy(o, p, 3);
            }
            p += 3;
            o += 3;
            continue;
        }
        *o++ = *p++;
    }
    *o = 0;
}

const char *pm_fold_small(const char *s, char *buf, size_t size)
{
    size_t n = strlen(s);
    if (n >= size)
        return s;
    pm_fold(s, n, buf);
    return buf;
}

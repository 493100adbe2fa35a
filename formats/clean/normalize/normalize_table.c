/* Tables: data tables keep their rows, header cells and spans; tables used
 * for page layout dissolve into the blocks they hold. The open-government
 * record table (索引号, 发文字号…) is marked class="docmeta" and read. */
#include "clean/normalize/normalize.h"
#include "clean/page.h"
#include "util/alloc.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool nt_is_cell(xmlNodePtr n) { return xml_is(n, "td") || xml_is(n, "th"); }

/* The rows of TABLE, through thead/tbody/tfoot but not into nested tables. */
static int nt_rows(xmlNodePtr table, xmlNodePtr *rows, int cap)
{
    int n = 0;
    for (xmlNodePtr c = table->children; c; c = c->next) {
        if (xml_is(c, "tr")) {
            if (n < cap)
                rows[n] = c;
            n++;
        } else if (xml_is(c, "thead") || xml_is(c, "tbody") || xml_is(c, "tfoot")) {
            for (xmlNodePtr r = c->children; r; r = r->next)
                if (xml_is(r, "tr")) {
                    if (n < cap)
                        rows[n] = r;
                    n++;
                }
        }
    }
    return n;
}

static bool nt_has_descendant(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && (xml_is(c, name) || nt_has_descendant(c, name)))
            return true;
    return false;
}

bool nz_is_data_table(xmlNodePtr table)
{
    char *role = nz_attr(table, "role");
    bool presentation = role && !strcasecmp(role, "presentation");
    xmlFree(role);
    if (presentation || nt_has_descendant(table, "table"))
        return false;
    xmlNodePtr rows[512];
    int nrows = nt_rows(table, rows, 512);
    if (nrows == 0)
        return false;
    bool header = nt_has_descendant(table, "th") || nt_has_descendant(table, "caption") ||
                  nt_has_descendant(table, "thead");
    int max_cells = 0, long_cells = 0, cells = 0;
    for (int i = 0; i < nrows && i < 512; i++) {
        int k = 0;
        for (xmlNodePtr c = rows[i]->children; c; c = c->next)
            if (nt_is_cell(c)) {
                extract_counts cnt;
                extract_count(c, &cnt);
                if (cnt.chars > 200)
                    long_cells++;
                k++;
            }
        cells += k;
        if (k > max_cells)
            max_cells = k;
    }
    if (max_cells < 2)
        return false;
    if (header)
        return true;
    /* Prose in cells means the table only lays the page out. */
    return nrows >= 2 && long_cells * 4 <= cells;
}

static const struct { const char *label; int field; } nt_docmeta_labels[] = {
    { "索引号", 0 }, { "发文字号", 1 }, { "文号", 1 }, { "主题分类", 2 },
    { "发布机构", 3 }, { "发文机关", 3 }, { "成文日期", 4 }, { "发布日期", 5 },
    { "名称", 6 }, { "标题", 6 }, { "主题词", 7 },
};

/* The label of a docmeta cell without spaces and colons, or -1. Pages
 * space a label out to the width of the longest with any blank: "文　　号",
 * "标&nbsp;&nbsp;题". */
static int nt_docmeta_field(const char *text, const char **value)
{
    char key[64];
    size_t k = 0, n = strlen(text), i = 0;
    while (i < n && k < sizeof key - 4) {
        size_t at = i;
        uint32_t c = utf8_next(text, n, &i);
        if (c == 0xFF1A || c == ':')
            break;
        if (!cp_is_blank(c)) {
            memcpy(key + k, text + at, i - at);
            k += i - at;
        }
    }
    key[k] = '\0';
    const char *p = text + i;
    for (size_t j = 0; j < sizeof nt_docmeta_labels / sizeof nt_docmeta_labels[0]; j++)
        if (!strcmp(key, nt_docmeta_labels[j].label)) {
            while (*p == ' ')
                p++;
            *value = p;
            return nt_docmeta_labels[j].field;
        }
    return -1;
}

/* Read 发文字号, 主题分类 and 成文日期 off the docmeta table; return how many
 * labels the table holds. */
static int nt_read_docmeta(nz *z, xmlNodePtr *rows, int nrows, bool apply)
{
    int labels = 0;
    buf_t t, next;
    buf_init(&t);
    buf_init(&next);
    for (int i = 0; i < nrows; i++)
        for (xmlNodePtr c = rows[i]->children; c; c = c->next) {
            if (!nt_is_cell(c))
                continue;
            page_text(c, &t);
            const char *value = NULL;
            int f = nt_docmeta_field(t.data ? t.data : "", &value);
            if (f < 0)
                continue;
            labels++;
            if (!*value) {
                xmlNodePtr v = c->next;
                while (v && !nt_is_cell(v))
                    v = v->next;
                if (v) {
                    page_text(v, &next);
                    value = next.data ? next.data : "";
                }
            }
            if (!apply || !value || !*value)
                continue;
            if (f == 1 && !z->meta->identifier)
                article_meta_set(&z->meta->identifier, value);
            else if (f == 2 && !z->meta->subject)
                article_meta_set(&z->meta->subject, value);
            else if ((f == 4 || f == 5) && !z->meta->date) {
                char day[11];
                if (page_meta_find_date(value, day, 0))
                    article_meta_set(&z->meta->date, day);
            } else if (f == 3 && !z->meta->publisher)
                article_meta_set(&z->meta->publisher, value);
        }
    buf_free(&t);
    buf_free(&next);
    return labels;
}

static int nt_docmeta_labels_in(xmlNodePtr table)
{
    int nrows = nt_rows(table, NULL, 0);
    if (nrows == 0 || nrows > 40)
        return 0;
    xmlNodePtr *rows = xcalloc((size_t)nrows, sizeof *rows);
    nt_rows(table, rows, nrows);
    int labels = nt_read_docmeta(NULL, rows, nrows, false);
    free(rows);
    return labels;
}

xmlNodePtr nz_find_docmeta(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xml_is(n, "table") && !nt_has_descendant(n, "table") && nt_docmeta_labels_in(n) >= 3)
            return n;
        xmlNodePtr t = nz_find_docmeta(n->children);
        if (t)
            return t;
    }
    return NULL;
}

static void nt_copy_span(xmlNodePtr from, xmlNodePtr to, const char *name)
{
    char *v = nz_attr(from, name);
    if (v && atoi(v) > 1) {
        char num[16];
        snprintf(num, sizeof num, "%d", atoi(v));
        xmlSetProp(to, (const xmlChar *)name, (const xmlChar *)num);
    }
    xmlFree(v);
}

static void nt_cell(nz *z, xmlNodePtr tr, xmlNodePtr src)
{
    xmlNodePtr cell = xmlNewChild(tr, NULL, (const xmlChar *)(xml_is(src, "th") ? "th" : "td"), NULL);
    nt_copy_span(src, cell, "colspan");
    nt_copy_span(src, cell, "rowspan");
    nz_fill_flat(z, cell, src->children);
}

static void nt_data_table(nz *z, xmlNodePtr src, xmlNodePtr *rows, int nrows)
{
    nz_close_para(z);
    xmlNodePtr table = xmlNewChild(z->flow, NULL, (const xmlChar *)"table", NULL);
    if (nt_read_docmeta(z, rows, nrows, false) >= 3) {
        xmlSetProp(table, (const xmlChar *)"class", (const xmlChar *)"docmeta");
        nt_read_docmeta(z, rows, nrows, true);
    }
    for (xmlNodePtr c = src->children; c; c = c->next)
        if (xml_is(c, "caption")) {
            xmlNodePtr cap = xmlNewChild(table, NULL, (const xmlChar *)"caption", NULL);
            nt_cell(z, cap, c);
            /* nt_cell made a td inside the caption; lift its content. */
            xmlNodePtr td = cap->children;
            while (td && td->children) {
                xmlNodePtr k = td->children;
                xmlUnlinkNode(k);
                xmlAddChild(cap, k);
            }
            if (td) {
                xmlUnlinkNode(td);
                xmlFreeNode(td);
            }
        }
    xmlNodePtr thead = NULL, tbody = NULL;
    for (int i = 0; i < nrows; i++) {
        bool in_head = xml_is(rows[i]->parent, "thead");
        xmlNodePtr group;
        if (in_head) {
            if (!thead)
                thead = xmlNewChild(table, NULL, (const xmlChar *)"thead", NULL);
            group = thead;
        } else {
            if (!tbody)
                tbody = xmlNewChild(table, NULL, (const xmlChar *)"tbody", NULL);
            group = tbody;
        }
        xmlNodePtr tr = xmlNewChild(group, NULL, (const xmlChar *)"tr", NULL);
        for (xmlNodePtr c = rows[i]->children; c; c = c->next)
            if (nt_is_cell(c))
                nt_cell(z, tr, c);
        if (!tr->children) {
            xmlUnlinkNode(tr);
            xmlFreeNode(tr);
        }
    }
    if (!tbody && !thead) {
        xmlUnlinkNode(table);
        xmlFreeNode(table);
    }
}

/* A layout table: each cell is a block of its own. */
static void nt_layout_table(nz *z, xmlNodePtr *rows, int nrows)
{
    for (int i = 0; i < nrows; i++)
        for (xmlNodePtr c = rows[i]->children; c; c = c->next)
            if (nt_is_cell(c)) {
                nz_block_boundary(z);
                nz_children(z, c->children);
                nz_block_boundary(z);
            }
}

void nz_table(nz *z, xmlNodePtr table)
{
    int nrows = nt_rows(table, NULL, 0);
    xmlNodePtr *rows = xcalloc((size_t)nrows, sizeof *rows);
    nt_rows(table, rows, nrows);
    if (!z->flat && nz_is_data_table(table))
        nt_data_table(z, table, rows, nrows);
    else
        nt_layout_table(z, rows, nrows);
    free(rows);
}

#include "md/md_internal.h"

#include <stdlib.h>

/* Tables. A GFM pipe table holds one line of inline text per cell and one
 * header row, and cannot span; any table it cannot hold is written as an
 * HTML block instead, so nothing is flattened away.
 *
 * The header row is the first row: the thead row when there is one, else
 * the first row whether its cells are th or td. GFM has no header-less
 * table, and an invented empty header would add a row the source lacks. */

static xmlNodePtr md_after(xmlNodePtr n, xmlNodePtr table)
{
    for (; n && n != table; n = n->parent)
        if (n->next)
            return n->next;
    return NULL;
}

/* The rows of TABLE in document order, through thead, tbody and tfoot but
 * not into cells (a nested table's rows are not ours). */
static xmlNodePtr md_row_after(xmlNodePtr table, xmlNodePtr row)
{
    xmlNodePtr n = row ? md_after(row, table) : table->children;
    while (n) {
        if (xml_is(n, "tr"))
            return n;
        if ((xml_is(n, "thead") || xml_is(n, "tbody") || xml_is(n, "tfoot")) && n->children)
            n = n->children;
        else
            n = md_after(n, table);
    }
    return NULL;
}

static bool md_is_cell(xmlNodePtr n)
{
    return xml_is(n, "td") || xml_is(n, "th");
}

static bool md_spans(xmlNodePtr cell)
{
    bool span = false;
    const char *names[] = { "colspan", "rowspan" };
    for (int i = 0; i < 2; i++) {
        char *v = md_attr(cell, names[i]);
        span |= v && atoi(v) > 1;
        xmlFree(v);
    }
    return span;
}

/* The node whose children are the cell's inline text: the cell, or a lone
 * <p> in it; NULL when it holds blocks. */
static xmlNodePtr md_cell_text(xmlNodePtr cell)
{
    if (!md_has_block_descendant(cell))
        return cell;
    xmlNodePtr only = NULL;
    for (xmlNodePtr c = cell->children; c; c = c->next) {
        if (md_is_blank(c))
            continue;
        if (only)
            return NULL;
        only = c;
    }
    return xml_is(only, "p") && !md_has_block_descendant(only) ? only : NULL;
}

static bool md_table_parts_only(xmlNodePtr table)
{
    static const char *const parts[] = { "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr" };
    for (xmlNodePtr c = table->children; c; c = c->next) {
        bool ok = md_is_blank(c);
        for (size_t i = 0; !ok && i < sizeof parts / sizeof *parts; i++)
            ok = xml_is(c, parts[i]);
        if (!ok)
            return false;
    }
    return true;
}

bool md_table_is_simple(xmlNodePtr table)
{
    size_t rows = 0, cols = 0;
    int head_rows = 0;
    if (!md_table_parts_only(table))
        return false;
    for (xmlNodePtr r = md_row_after(table, NULL); r; r = md_row_after(table, r)) {
        if (xml_is(r->parent, "thead") && (rows > 0 || ++head_rows > 1))
            return false;   /* a second head row, or one below the body */
        size_t n = 0;
        for (xmlNodePtr c = r->children; c; c = c->next) {
            if (md_is_blank(c))
                continue;
            if (!md_is_cell(c) || md_spans(c) || !md_cell_text(c))
                return false;
            n++;
        }
        if (rows++ == 0)
            cols = n;
        else if (n != cols)
            return false;
    }
    return rows > 0 && cols > 0;
}

static void md_pipe_row(const md_options *opt, xmlNodePtr row, buf_t *out)
{
    buf_t cell;
    buf_init(&cell);
    buf_putc(out, '|');
    for (xmlNodePtr c = row->children; c; c = c->next) {
        if (!md_is_cell(c))
            continue;
        xmlNodePtr text = md_cell_text(c);
        buf_reset(&cell);
        md_inline(opt, text->children, NULL, text, MD_IN_CELL, &cell);
        buf_printf(out, " %s |", cell.len ? cell.data : "");
    }
    buf_putc(out, '\n');
    buf_free(&cell);
}

static void md_captions(const md_options *opt, xmlNodePtr table, buf_t *out)
{
    for (xmlNodePtr c = table->children; c; c = c->next) {
        if (!xml_is(c, "caption"))
            continue;
        md_flow flow = { 0, 0 };
        size_t before = out->len;
        md_blocks(opt, c->children, NULL, c, false, &flow, out);
        if (out->len > before)
            buf_putc(out, '\n');   /* a pipe table needs a blank line above */
    }
}

void md_write_table(const md_options *opt, xmlNodePtr table, buf_t *out)
{
    if (!md_table_is_simple(table)) {
        md_write_html_block(opt, table, out);
        return;
    }
    /* The caption goes above as a paragraph: a pipe table has no place for it. */
    md_captions(opt, table, out);
    bool head = true;
    for (xmlNodePtr r = md_row_after(table, NULL); r; r = md_row_after(table, r)) {
        md_pipe_row(opt, r, out);
        if (!head)
            continue;
        head = false;
        buf_putc(out, '|');
        for (xmlNodePtr c = r->children; c; c = c->next)
            if (md_is_cell(c))
                buf_puts(out, " --- |");
        buf_putc(out, '\n');
    }
}

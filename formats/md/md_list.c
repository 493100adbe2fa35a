#include "md/md_internal.h"

#include <stdlib.h>
#include <string.h>

/* Lists and the line prefixes that put blocks inside list items and quotes. */

#define MD_MAX_NUMBER 999999999L   /* CommonMark allows nine digits */

static long md_list_start(xmlNodePtr list)
{
    char *start = md_attr(list, "start");
    long n = 1;
    if (start) {
        char *end;
        long v = strtol(start, &end, 10);
        if (end != start && *end == '\0' && v >= 0 && v <= MD_MAX_NUMBER)
            n = v;
    }
    xmlFree(start);
    return n;
}

static bool md_first_item_empty(xmlNodePtr list)
{
    for (xmlNodePtr li = list->children; li; li = li->next) {
        if (md_is_blank(li))
            continue;
        if (!xml_is(li, "li"))
            return false;
        for (xmlNodePtr c = li->children; c; c = c->next)
            if (!md_is_blank(c))
                return false;
        return true;
    }
    return true;
}

/* Only a bullet list or one numbered from 1, with a first item, may follow
 * a paragraph line directly; any other list needs a blank line first. */
static bool md_can_interrupt(xmlNodePtr list)
{
    return (xml_is(list, "ul") || md_list_start(list) == 1) && !md_first_item_empty(list);
}

/* A tight item holds at most one paragraph, first, then only lists; then
 * its blocks can sit on consecutive lines. */
static bool md_item_is_tight(xmlNodePtr li)
{
    bool para = false, list = false, in_run = false;
    for (xmlNodePtr c = li->children; c; c = c->next) {
        if (md_is_blank(c))
            continue;
        if (!md_is_block(c)) {
            if (!in_run && (para || list))
                return false;
            para = in_run = true;
            continue;
        }
        in_run = false;
        if (xml_is(c, "p") && !md_has_block_descendant(c)) {
            if (para || list)
                return false;
            para = true;
        } else if (xml_is(c, "ul") || xml_is(c, "ol")) {
            if (para && !list && !md_can_interrupt(c))
                return false;
            list = true;
        } else {
            return false;
        }
    }
    return true;
}

static bool md_list_is_tight(xmlNodePtr list)
{
    for (xmlNodePtr li = list->children; li; li = li->next)
        if (xml_is(li, "li") ? !md_item_is_tight(li) : !md_is_blank(li))
            return false;
    return true;
}

void md_write_list(const md_options *opt, xmlNodePtr list, char marker, buf_t *out)
{
    bool ordered = xml_is(list, "ol"), tight = md_list_is_tight(list), first = true;
    long number = ordered ? md_list_start(list) : 0;
    buf_t item, lead, rest;
    buf_init(&item);
    buf_init(&lead);
    buf_init(&rest);
    for (xmlNodePtr li = list->children; li;) {
        xmlNodePtr next = li->next;
        if (md_is_blank(li)) {
            li = next;
            continue;
        }
        buf_reset(&item);
        md_flow flow = { 0, 0 };
        if (xml_is(li, "li")) {
            md_blocks(opt, li->children, NULL, li, tight, &flow, &item);
        } else {
            /* Content straight inside <ul>: one item until the next <li>. */
            while (next && !xml_is(next, "li"))
                next = next->next;
            md_blocks(opt, li, next, list, tight, &flow, &item);
        }
        buf_reset(&lead);
        if (ordered)
            buf_printf(&lead, "%ld%c ", number < MD_MAX_NUMBER ? number++ : number, marker);
        else
            buf_printf(&lead, "%c ", marker);
        buf_reset(&rest);
        for (size_t i = 0; i < lead.len; i++)
            buf_putc(&rest, ' ');
        if (!first && !tight)
            buf_putc(out, '\n');
        md_prefix_lines(lead.data, rest.data, "", item.data ? item.data : "", item.len, out);
        first = false;
        li = next;
    }
    buf_free(&item);
    buf_free(&lead);
    buf_free(&rest);
}

void md_prefix_lines(const char *first, const char *rest, const char *blank,
                     const char *text, size_t len, buf_t *out)
{
    if (!len) {
        size_t n = strlen(first);
        while (n && first[n - 1] == ' ')
            n--;
        buf_add(out, first, n);
        buf_putc(out, '\n');
        return;
    }
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && text[j] != '\n')
            j++;
        if (i == 0)
            buf_puts(out, first);
        else
            buf_puts(out, j == i ? blank : rest);
        buf_add(out, text + i, j - i);
        buf_putc(out, '\n');
        i = j + 1;
    }
}

#include "md/md_internal.h"

#include <string.h>

/* YAML front matter. Every value is double-quoted: a plain scalar would make
 * titles such as "2019", "yes", "null" or "a: b" change type or break. */

void md_yaml_quote(const char *s, buf_t *out)
{
    size_t n = strlen(s);
    buf_putc(out, '"');
    for (size_t i = 0; i < n;) {
        size_t start = i;
        uint32_t c = utf8_next(s, n, &i);
        if (c == '"' || c == '\\')
            buf_printf(out, "\\%c", (char)c);
        else if (c == '\n')
            buf_puts(out, "\\n");
        else if (c == '\t')
            buf_puts(out, "\\t");
        else if (c == '\r')
            buf_puts(out, "\\r");
        else if (c == 0x85)
            buf_puts(out, "\\N");
        else if (c == 0x2028)
            buf_puts(out, "\\L");
        else if (c == 0x2029)
            buf_puts(out, "\\P");
        else if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            buf_printf(out, "\\x%02X", (unsigned)c);   /* not printable in YAML */
        else if (c == 0xFFFE || c == 0xFFFF)
            buf_printf(out, "\\u%04X", (unsigned)c);
        else
            buf_add(out, s + start, i - start);
    }
    buf_putc(out, '"');
}

static bool md_is_cell(xmlNodePtr n) { return xml_is(n, "td") || xml_is(n, "th"); }

/* A docmeta label without its colon and the blanks that pad it out
 * ("索 引 号：", "文　　号：" -> "索引号", "文号"); false when TEXT is no
 * label. */
static bool md_docmeta_label(const char *text, buf_t *label, const char **rest)
{
    buf_reset(label);
    for (size_t n = strlen(text), i = 0; i < n;) {
        size_t at = i;
        uint32_t c = utf8_next(text, n, &i);
        if (c == 0xFF1A || c == ':') {
            *rest = text + i;
            while (**rest == ' ')
                (*rest)++;
            return label->len > 0 && label->len <= 24;
        }
        if (!cp_is_blank(c))
            buf_add(label, text + at, i - at);
    }
    return false;
}

/* The open-government record table as a YAML mapping: label -> value,
 * from cells that alternate label and value or hold "label：value". */
static void md_front_docmeta(xmlNodePtr table, buf_t *out)
{
    buf_t text, label, value;
    buf_init(&text);
    buf_init(&label);
    buf_init(&value);
    bool any = false;
    for (xmlNodePtr n = table; n; ) {
        if (md_is_cell(n)) {
            buf_reset(&text);
            md_text_content(n, &text);
            const char *rest = NULL;
            if (text.data && md_docmeta_label(text.data, &label, &rest)) {
                buf_reset(&value);
                if (*rest) {
                    buf_puts(&value, rest);
                } else {
                    xmlNodePtr v = n->next;
                    while (v && !md_is_cell(v))
                        v = v->next;
                    if (v)
                        md_text_content(v, &value);
                    /* An empty value cell is followed by the next label. */
                    const char *after;
                    buf_t probe;
                    buf_init(&probe);
                    if (value.len && md_docmeta_label(value.data, &probe, &after))
                        buf_reset(&value);
                    else if (v)
                        n = v;
                    buf_free(&probe);
                }
                if (!any)
                    buf_puts(out, "docmeta:\n");
                any = true;
                buf_puts(out, "  ");
                md_yaml_quote(label.data, out);
                buf_puts(out, ": ");
                md_yaml_quote(value.data ? value.data : "", out);
                buf_putc(out, '\n');
            }
        }
        /* Walk the table in document order, rows and groups included. */
        if (n->children && !md_is_cell(n))
            n = n->children;
        else {
            while (n && n != table && !n->next)
                n = n->parent;
            n = (n && n != table) ? n->next : NULL;
        }
    }
    buf_free(&text);
    buf_free(&label);
    buf_free(&value);
}

/* The keys are those of the clean article's head, named as static site
 * generators expect; the captured page's address is "canonical", not
 * "url", which Hugo and Jekyll read as the page's own path. folio-md(1)
 * documents each key. */
void md_front_matter(const article_meta *m, xmlNodePtr docmeta, buf_t *out)
{
    const struct { const char *key, *value; } fields[] = {
        { "title", m->title },         { "date", m->date },
        { "publisher", m->publisher }, { "author", m->creator },
        { "source", m->source },       { "canonical", m->url },
        { "lang", m->lang },           { "identifier", m->identifier },
        { "subject", m->subject },     { "next", m->next },
    };
    size_t count = sizeof fields / sizeof *fields, known = docmeta != NULL;
    for (size_t i = 0; i < count; i++)
        known += fields[i].value && *fields[i].value;
    if (!known)
        return;
    buf_puts(out, "---\n");
    for (size_t i = 0; i < count; i++) {
        if (!fields[i].value || !*fields[i].value)
            continue;
        buf_printf(out, "%s: ", fields[i].key);
        md_yaml_quote(fields[i].value, out);
        buf_putc(out, '\n');
    }
    if (docmeta)
        md_front_docmeta(docmeta, out);
    buf_puts(out, "---\n");
}

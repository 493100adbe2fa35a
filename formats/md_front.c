#include "md_internal.h"

#include <string.h>

/* YAML front matter. Every value is double-quoted: a plain scalar would make
 * titles such as "2019", "yes", "null" or "a: b" change type or break. */

void md_yaml_quote(const char *s, buf_t *out)
{
    size_t n = strlen(s);
    buf_putc(out, '"');
    for (size_t i = 0; i < n;) {
        size_t start = i;
        uint32_t c = md_utf8_next(s, n, &i);
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

void md_front_matter(const article_meta *m, buf_t *out)
{
    const struct { const char *key, *value; } fields[] = {
        { "title", m->title },         { "date", m->date },
        { "publisher", m->publisher }, { "author", m->creator },
        { "source", m->source },       { "url", m->url },
        { "lang", m->lang },           { "identifier", m->identifier },
        { "subject", m->subject },
    };
    size_t count = sizeof fields / sizeof *fields, known = 0;
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
    buf_puts(out, "---\n");
}

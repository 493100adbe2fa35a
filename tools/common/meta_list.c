#include "common/meta_list.h"

#include <string.h>

typedef struct { const char *key; const char *value; } meta_field;

/* The columns, in order; TSV stops after the first six. */
enum { META_TSV_COLUMNS = 6, META_FIELDS = 8 };

static void meta_fields(const char *path, const article_meta *m, meta_field f[META_FIELDS])
{
    const meta_field all[META_FIELDS] = {
        { "path", path },           { "title", m->title },
        { "date", m->date },        { "publisher", m->publisher },
        { "author", m->creator },   { "source", m->source },
        { "url", m->url },          { "lang", m->lang },
    };
    memcpy(f, all, sizeof all);
}

static void meta_tsv_value(const char *s, buf_t *out)
{
    /* A tab or line break inside a value would shift every column after it. */
    for (; s && *s; s++)
        buf_putc(out, strchr("\t\n\r", *s) ? ' ' : *s);
}

static void meta_json_string(const char *s, buf_t *out)
{
    if (!s) {
        buf_puts(out, "null");
        return;
    }
    buf_putc(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': buf_puts(out, "\\\""); break;
        case '\\': buf_puts(out, "\\\\"); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\r': buf_puts(out, "\\r"); break;
        case '\t': buf_puts(out, "\\t"); break;
        case '\b': buf_puts(out, "\\b"); break;
        case '\f': buf_puts(out, "\\f"); break;
        default:
            if (*p < 0x20)
                buf_printf(out, "\\u%04x", *p);
            /* U+2028 and U+2029 end a line in JavaScript source. */
            else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
                buf_printf(out, "\\u%04x", p[2] == 0xA8 ? 0x2028 : 0x2029);
                p += 2;
            } else
                buf_putc(out, (char)*p);
        }
    }
    buf_putc(out, '"');
}

void meta_list_header(meta_format f, buf_t *out)
{
    meta_field fields[META_FIELDS];
    if (f != META_TSV)
        return;
    meta_fields("", &(article_meta){ 0 }, fields);
    for (int i = 0; i < META_TSV_COLUMNS; i++)
        buf_printf(out, "%s%s", i ? "\t" : "", fields[i].key);
    buf_putc(out, '\n');
}

void meta_list_line(meta_format f, const char *path, const article_meta *m, buf_t *out)
{
    meta_field fields[META_FIELDS];
    meta_fields(path, m, fields);
    if (f == META_TSV) {
        for (int i = 0; i < META_TSV_COLUMNS; i++) {
            if (i)
                buf_putc(out, '\t');
            meta_tsv_value(fields[i].value, out);
        }
    } else {
        buf_putc(out, '{');
        for (int i = 0; i < META_FIELDS; i++) {
            buf_printf(out, "%s\"%s\":", i ? "," : "", fields[i].key);
            meta_json_string(fields[i].value, out);
        }
        buf_putc(out, '}');
    }
    buf_putc(out, '\n');
}

/* MIME transfer encodings and multipart bodies. Every reader here is
 * lenient as mail readers and browsers are: a bad escape stays as it is, a
 * body cut short still gives what it holds, and nothing reads past N. */
#include "capture/mime/mime_decode.h"
#include "util/base64.h"
#include "util/hex.h"
#include "capture/mime/mime_header.h"

#include <string.h>
#include <strings.h>

static bool md_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Is P[I] where a line ends: a line break, or the end of the bytes? */
static bool md_at_eol(const char *p, size_t n, size_t i)
{
    return i == n || p[i] == '\n' || (p[i] == '\r' && (i + 1 == n || p[i + 1] == '\n'));
}

/* The index just past the line break at P[I] (or N at the end). */
static size_t md_past_eol(const char *p, size_t n, size_t i)
{
    if (i < n && p[i] == '\r')
        i++;
    if (i < n && p[i] == '\n')
        i++;
    return i;
}

void mime_decode_qp(const char *p, size_t n, buf_t *out)
{
    size_t i = 0;
    while (i < n) {
        char c = p[i];
        if (c == '=') {
            int hi = i + 2 < n ? hex_digit(p[i + 1]) : -1;
            int lo = hi < 0 ? -1 : hex_digit(p[i + 2]);
            if (lo >= 0) {
                buf_putc(out, (char)(hi << 4 | lo));
                i += 3;
                continue;
            }
            /* A soft line break, maybe with blanks a mail relay added. */
            size_t j = i + 1;
            while (j < n && md_blank(p[j]))
                j++;
            if (md_at_eol(p, n, j)) {
                i = md_past_eol(p, n, j);
                continue;
            }
            buf_putc(out, '=');
            i++;
            continue;
        }
        if (md_blank(c)) {
            /* Blanks that end a line were added in transport (RFC 2045 6.7). */
            size_t j = i;
            while (j < n && md_blank(p[j]))
                j++;
            if (!md_at_eol(p, n, j))
                buf_add(out, p + i, j - i);
            i = j;
            continue;
        }
        buf_putc(out, c);
        i++;
    }
    if (!out->data)
        buf_puts(out, "");
}

/* Does the first word of VALUE (a header value) equal WORD, in any case? */
static bool md_token_is(const char *value, const char *word)
{
    while (md_blank(*value))
        value++;
    size_t k = strcspn(value, "; \t\r\n");
    return k == strlen(word) && !strncasecmp(value, word, k);
}

void mime_decode_body(const char *encoding, const char *p, size_t n, buf_t *out)
{
    if (encoding && md_token_is(encoding, "quoted-printable"))
        mime_decode_qp(p, n, out);
    else if (encoding && md_token_is(encoding, "base64"))
        base64_decode(p, n, out);
    else {
        buf_add(out, p, n);
        if (!out->data)
            buf_puts(out, "");
    }
}

/* ---- multipart bodies ------------------------------------------------------ */

void mime_multipart_start(mime_multipart *m, const char *p, size_t n, const char *boundary)
{
    memset(m, 0, sizeof *m);
    m->p = p;
    m->n = n;
    m->boundary = boundary;
    m->boundary_len = strlen(boundary);
}

/* The boundary line that starts at or after FROM, at the start of a line:
 * "--BOUNDARY" then blanks to the line's end, or "--BOUNDARY--" to close.
 * Its start into *AT, the index past its line into *PAST. A longer boundary
 * that begins with this one is not it. */
static bool md_find_delimiter(const mime_multipart *m, size_t from, size_t *at, size_t *past,
                              bool *closing)
{
    const char *p = m->p;
    size_t n = m->n, bl = m->boundary_len;
    size_t i = from;
    while (i < n) {
        bool line_start = i == 0 || p[i - 1] == '\n';
        if (line_start && n - i >= bl + 2 && p[i] == '-' && p[i + 1] == '-' &&
            !memcmp(p + i + 2, m->boundary, bl)) {
            size_t j = i + 2 + bl;
            bool close = n - j >= 2 && p[j] == '-' && p[j + 1] == '-';
            if (close)
                j += 2;
            while (j < n && md_blank(p[j]))
                j++;
            if (md_at_eol(p, n, j)) {
                *at = i;
                *past = md_past_eol(p, n, j);
                *closing = close;
                return true;
            }
        }
        const char *nl = memchr(p + i, '\n', n - i);
        if (!nl)
            break;
        i = (size_t)(nl - p) + 1;
    }
    return false;
}

/* PART's header block and body out of the bytes P (N of them). */
static void md_split_part(const char *p, size_t n, mime_part *part)
{
    part->head = p;
    if (n >= 1 && p[0] == '\n')
        part->head_len = 0, part->body = p + 1, part->body_len = n - 1;
    else if (n >= 2 && p[0] == '\r' && p[1] == '\n')
        part->head_len = 0, part->body = p + 2, part->body_len = n - 2;
    else {
        size_t h = mime_header_end(p, n);
        /* Headers that never end: a part cut short before its body. */
        if (!h)
            h = n;
        part->head_len = h;
        part->body = p + h;
        part->body_len = n - h;
    }
}

bool mime_multipart_next(mime_multipart *m, mime_part *part)
{
    size_t at, past;
    bool closing;
    if (m->closed)
        return false;
    if (m->delimiters == 0) {
        /* Whatever comes before the first boundary is a preamble for
         * readers that know no MIME. */
        if (!md_find_delimiter(m, 0, &at, &past, &closing))
            return false;
        m->delimiters++;
        m->at = past;
        if (closing) {
            m->closed = true;
            return false;
        }
    }
    if (m->at >= m->n)
        return false;
    size_t start = m->at, end;
    if (md_find_delimiter(m, start, &at, &past, &closing)) {
        /* The line break before a boundary belongs to the boundary. */
        end = at;
        if (end > start && m->p[end - 1] == '\n')
            end--;
        if (end > start && m->p[end - 1] == '\r')
            end--;
        m->delimiters++;
        m->closed = closing;
        m->at = past;
    } else {
        end = m->n;
        m->at = m->n;
    }
    md_split_part(m->p + start, end - start, part);
    return true;
}

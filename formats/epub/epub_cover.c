#include "epub/epub_internal.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* The cover page, and the plain cover folio draws when none is given: the
 * title on a quiet page, as SVG so that it stays text, scales to any
 * screen and costs a few hundred bytes. Reading systems show it in their
 * library as they show a picture. */

#define EPUB_COVER_W 1200
#define EPUB_COVER_H 1600
#define EPUB_COVER_MEASURE 1000   /* the width of the title's lines */
#define EPUB_COVER_FONTS "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', STSong, SimSun, serif"

void epub_cover_write(epub_book *b, buf_t *out)
{
    epub_xhtml_open(out, b->lang, b->words->cover, "cover");
    buf_puts(out, "<section class=\"cover\" epub:type=\"cover\">\n<img src=\"");
    epub_xml_attr(out, b->cover_image.href);
    buf_puts(out, "\" alt=\"");
    epub_xml_attr(out, b->title);
    buf_puts(out, "\"/>\n</section>\n");
    epub_xhtml_close(out);
}

/* --- line breaking --------------------------------------------------------- */

static bool epub_char_in(const char *s, size_t n, const char *set)
{
    char one[5] = { 0 };
    memcpy(one, s, n < 4 ? n : 4);
    return strstr(set, one) != NULL;
}

/* Marks that may not start a line, and marks that may not end one. */
static const char epub_closing[] = "，。、；：？！）》」』”’〉】〕…—·,.;:!?)]}%";
static const char epub_opening[] = "（《「『“‘〈【〔([{";

typedef struct {
    size_t start, end;    /* bytes of the text */
    double width;         /* in ems */
    bool space;
} epub_token;

/* Ideographs one em each; a run of other letters one unbreakable token;
 * a closing mark glued to what it closes, an opening one to what it opens. */
static size_t epub_tokens(const char *text, epub_token **out)
{
    size_t len = strlen(text), n = 0;
    epub_token *t = xcalloc(len + 1, sizeof *t);
    bool prev_narrow = false, prev_opening = false;
    for (size_t i = 0; i < len;) {
        int clen;
        utf8_decode(text + i, len - i, &clen);
        size_t k = (size_t)clen;
        bool space = text[i] == ' ' || text[i] == '\t' || text[i] == '\n';
        bool wide = k >= 3;
        bool closing = epub_char_in(text + i, k, epub_closing);
        double w = space ? 0.3 : wide ? 1.0 : 0.55;
        bool join = n > 0 && !space && !t[n - 1].space &&
                    (closing || prev_opening || (!wide && prev_narrow));
        if (join) {
            t[n - 1].end = i + k;
            t[n - 1].width += w;
        } else {
            t[n++] = (epub_token){ i, i + k, w, space };
        }
        prev_narrow = !space && !wide;
        prev_opening = epub_char_in(text + i, k, epub_opening);
        i += k;
    }
    *out = t;
    return n;
}

size_t epub_cover_lines(const char *text, double width, char ***lines)
{
    epub_token *t;
    size_t nt = epub_tokens(text, &t), nl = 0;
    char **l = xcalloc(nt + 1, sizeof *l);
    size_t start = 0, end = 0;
    double used = 0;
    bool open = false;
    for (size_t i = 0; i <= nt; i++) {
        bool flush = i == nt || (open && !t[i].space && used + t[i].width > width);
        if (flush && open) {
            size_t n = end - start;
            l[nl] = xcalloc(1, n + 1);
            memcpy(l[nl++], text + start, n);
            open = false;
            used = 0;
        }
        if (i == nt)
            break;
        if (t[i].space) {
            if (open)
                used += t[i].width;
            continue;
        }
        if (!open)
            start = t[i].start, open = true;
        end = t[i].end;
        used += t[i].width;
    }
    free(t);
    *lines = l;
    return nl;
}

static void epub_free_lines(char **lines, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

/* The title at the largest size that keeps it to six lines, its lines
 * balanced: the narrowest measure that needs no more lines than the full
 * one, so that no last line is left with a character or two. */
static void epub_cover_title(const char *title, buf_t *out)
{
    static const int sizes[] = { 88, 76, 64, 54, 46, 40 };
    char **lines = NULL;
    size_t n = 0;
    int size = 0;
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        if (lines)
            epub_free_lines(lines, n);
        size = sizes[s];
        n = epub_cover_lines(title, (double)EPUB_COVER_MEASURE / size, &lines);
        if (n <= 6)
            break;
    }
    double lo = 0, hi = (double)EPUB_COVER_MEASURE / size;
    for (int k = 0; k < 16; k++) {
        double mid = (lo + hi) / 2;
        char **trial;
        size_t m = epub_cover_lines(title, mid, &trial);
        epub_free_lines(trial, m);
        if (m <= n)
            hi = mid;
        else
            lo = mid;
    }
    epub_free_lines(lines, n);
    n = epub_cover_lines(title, hi, &lines);
    double lead = size * 1.5;
    double y = 660 - lead * ((double)n - 1) / 2 + size * 0.35;
    for (size_t i = 0; i < n; i++, y += lead) {
        buf_printf(out, "<text x=\"%d\" y=\"%.0f\" font-size=\"%d\">", EPUB_COVER_W / 2, y, size);
        epub_xml_text(out, lines[i]);
        buf_puts(out, "</text>\n");
    }
    epub_free_lines(lines, n);
}

void epub_cover_svg(const char *title, const char *subtitle, buf_t *out)
{
    buf_printf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n<title>",
               EPUB_COVER_W, EPUB_COVER_H, EPUB_COVER_W, EPUB_COVER_H);
    epub_xml_text(out, title);
    buf_printf(out, "</title>\n<rect width=\"%d\" height=\"%d\" fill=\"#fbf8f1\"/>\n"
                    "<rect x=\"60\" y=\"60\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    "stroke=\"#9b1c1c\" stroke-width=\"6\"/>\n"
                    "<rect x=\"84\" y=\"84\" width=\"%d\" height=\"%d\" fill=\"none\" "
                    "stroke=\"#9b1c1c\" stroke-width=\"2\"/>\n"
                    "<g text-anchor=\"middle\" fill=\"#1c1c1c\" font-family=\"%s\">\n",
               EPUB_COVER_W, EPUB_COVER_H, EPUB_COVER_W - 120, EPUB_COVER_H - 120,
               EPUB_COVER_W - 168, EPUB_COVER_H - 168, EPUB_COVER_FONTS);
    epub_cover_title(title, out);
    if (subtitle && *subtitle) {
        char **lines;
        size_t n = epub_cover_lines(subtitle, (double)EPUB_COVER_MEASURE / 40, &lines);
        for (size_t i = 0; i < n && i < 3; i++) {
            buf_printf(out, "<text x=\"%d\" y=\"%zu\" font-size=\"40\" fill=\"#555555\">",
                       EPUB_COVER_W / 2, 1300 + 60 * i);
            epub_xml_text(out, lines[i]);
            buf_puts(out, "</text>\n");
        }
        epub_free_lines(lines, n);
    }
    buf_puts(out, "</g>\n</svg>\n");
}

/* The editor's line, the close of a Chinese news article's text.
 *
 * A page's template sets its own lines after it in the same box (related
 * headlines, a QR code and its prompt, an app's promotion); the editor's
 * line is where the article ends, found by its label and its place in the
 * lower half of the text. */
#include "clean/normalize/normalize.h"
#include "util/utf8.h"
#include "util/zh_fold.h"

#include <string.h>

/* S opens with what ends a label: a colon, a bar ("编辑|某某", "责编丨某某")
 * or a space. */
bool nz_label_separator(const char *s)
{
    static const char *const seps[] = { "：", ":", "|", "丨", "｜", " ", "　", NULL };
    for (int i = 0; seps[i]; i++)
        if (!strncmp(s, seps[i], strlen(seps[i])))
            return true;
    return false;
}

/* The editor's line ("责任编辑：…", "（责编：…）") closes a Chinese news
 * article: what a page sets after it, inside the same box, is the site's
 * (related headlines, a QR code and its prompt, an app's promotion). It
 * counts as the close only in the second half of the text; above that it
 * belongs to the head. */
static bool is_editor_line(const char *s, const nz_line *t)
{
    static const char *const labels[] = { "责任编辑", "责编", "编辑" };
    char fold[256];
    s = nz_past_openers(zh_fold_small(s, fold, sizeof fold));
    if (t->chars > NZ_LINE_SHORT || t->stops > 0)
        return false;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        size_t k = strlen(labels[i]);
        /* 编辑 alone is a label only with its separator ("编辑：", "编辑|") */
        if (!strncmp(s, labels[i], k))
            return i < 2 || nz_label_separator(s + k);
    }
    return false;
}

/* The line of paragraph P that is the editor's, when it is not the first
 * ("……开始了！<br/>编辑|某某<br/>责编|某某<br/>扫描下方二维码……"): P is cut
 * before it, and it and what follows go to a paragraph of their own.
 * Returns that paragraph, or NULL. */
static xmlNodePtr split_at_editor_line(nz *z, xmlNodePtr p, int before, int total)
{
    buf_t line;
    buf_init(&line);
    xmlNodePtr start = p->children, found = NULL;
    for (xmlNodePtr c = p->children;; c = c->next) {
        if (c && !xml_is(c, "br")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t)
                buf_puts(&line, (const char *)t);
            xmlFree(t);
            continue;
        }
        nz_line t = nz_line_measure(line.data ? line.data : "");
        if (start != p->children && start && before * 2 >= total && is_editor_line(line.data ? line.data : "", &t)) {
            found = start;
            break;
        }
        before += t.chars;
        if (!c)
            break;
        buf_reset(&line);
        start = c->next;
    }
    buf_free(&line);
    if (!found)
        return NULL;
    xmlNodePtr q = xmlNewDocNode(p->doc, NULL, (const xmlChar *)"p", NULL);
    xmlAddNextSibling(p, q);
    nz_discard(z, found->prev);   /* the <br/> that ended the line above */
    while (found) {
        xmlNodePtr next = found->next;
        xmlUnlinkNode(found);
        xmlAddChild(q, found);
        found = next;
    }
    return q;
}

void nz_cut_after_editor(nz *z)
{
    int total = 0;
    for (xmlNodePtr n = z->root->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !xml_is(n, "h1")) {
            xmlChar *raw = xmlNodeGetContent(n);
            total += nz_line_measure(raw ? (const char *)raw : "").chars;
            xmlFree(raw);
        }
    int before = 0;
    for (xmlNodePtr n = z->root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || xml_is(n, "h1"))
            continue;
        xmlChar *raw = xmlNodeGetContent(n);
        const char *text = raw ? (const char *)raw : "";
        nz_line t = nz_line_measure(text);
        bool editor = xml_is(n, "p") && before * 2 >= total && is_editor_line(text, &t);
        xmlFree(raw);
        if (!editor && xml_is(n, "p")) {
            xmlNodePtr q = split_at_editor_line(z, n, before, total);
            if (q) {
                n = q;
                editor = true;
            }
        }
        before += t.chars;
        if (!editor)
            continue;
        /* the editor's line and the site's lines set after it in one
         * paragraph: the first is kept for the tail's judgement */
        for (xmlNodePtr br = n->children; br; br = br->next)
            if (xml_is(br, "br")) {
                while (br->next)
                    nz_discard(z, br->next);
                nz_discard(z, br);
                break;
            }
        while (n->next) {
            xmlNodePtr gone = n->next;
            if (gone->type == XML_ELEMENT_NODE && z->o->explain) {
                xmlChar *g = xmlNodeGetContent(gone);
                fprintf(z->o->explain, "dropped after the editor's line: %.*s\n", utf8_clip(g ? (const char *)g : "", 60), g ? (const char *)g : "");
                xmlFree(g);
            }
            nz_discard(z, gone);
        }
        return;
    }
}

/* Rebuilding the chosen blocks of a page as the article subset of
 * DESIGN.md: paragraphs, headings, lists, tables, figures and a closed set
 * of inline elements, with no style, id or script left. */
#ifndef FOLIO_NORMALIZE_H
#define FOLIO_NORMALIZE_H
#include "article/article.h"
#include "clean/extract.h"
#include "clean/meta/page_meta.h"
#include "util/resource.h"
#include "util/xml_node.h"
#include <stdio.h>

typedef struct {
    const char *base_url;        /* resolves relative links and images; may be NULL */
    const page_meta_nodes *skip; /* title, info line and 原文链接 nodes to leave out */
    FILE *explain;               /* reasons for what was dropped, or NULL */
    resource_fn resource;        /* image bytes to embed, or NULL to keep addresses */
    void *resource_ctx;
} normalize_options;

/* Build <article><h1>TITLE</h1>…</article> in OUT from the blocks that
 * extract_choose kept. Fields found on the way (the docmeta table's 发文字号
 * and 主题分类, a 原文链接 line) are filled into META where still empty. */
xmlNodePtr normalize_article(const extract_result *r, const normalize_options *o,
                             xmlDocPtr out, article_meta *meta);

/* normalize_paywall.c: the article ROOT, of the paragraphs a paywall let
 * the page show, gets the rest of TEXT (the whole text the page declares,
 * page_paywalled_text) after the last of them it holds, a paragraph to
 * each of its lines; EXPLAIN is told. How many paragraphs were added. */
int nz_paywall_rest(xmlNodePtr root, const char *text, FILE *explain);

/* ---- shared by the normalize_*.c files ---------------------------------- */

typedef struct nz nz;
enum { NZ_SPACE = 1, NZ_SPACE_WIDE = 2 };

struct nz {
    xmlDocPtr out;
    xmlNodePtr root;   /* the <article> */
    xmlNodePtr trash;  /* removed output nodes, freed at the end: open
                          inline elements may still point into them */
    xmlNodePtr flow;   /* where new blocks go: article, blockquote, li */
    xmlNodePtr para;   /* the open block taking inline content, or NULL */
    xmlNodePtr inl;    /* where inline nodes go: para or an inline element in it */
    bool flat;         /* para is fixed (a cell, a list item): blocks become <br/> */
    int brs;           /* <br>s seen but not yet written */
    int space;         /* whitespace seen but not yet written: NZ_SPACE, with
                          NZ_SPACE_WIDE when it held an ideographic space */
    bool space_nl;     /* ...and it held a line break */
    unsigned last_cp;  /* the last character written in para, 0 at its start */
    int line_chars;    /* characters written since the paragraph or its last <br/> began */
    unsigned prev_cp;  /* the character before last_cp */
    bool edge;         /* an inline element began since the last character */
    xmlNodePtr lead_box; /* the one block written from a kept box of its own above the text */
    bool titled_part;  /* a centred unnumbered h2 (a document's own title) was written */
    xmlNodePtr related_parent; /* the label over related stories was dropped
                                  among its children: the links under it go */
    const normalize_options *o;
    article_meta *meta;
};

/* Where the writer stands: saved while it writes into a nested container. */
typedef struct {
    xmlNodePtr flow, para, inl;
    bool flat, space_nl;
    int space;
    int brs;
    unsigned last_cp;
    int line_chars;
} nz_place;

/* Write into CONTAINER until nz_leave: a flat one (a cell, a list item, a
 * caption) takes inline content itself and turns blocks into <br/>; any
 * other (a blockquote) gets paragraphs of its own. */
void nz_enter(nz *z, xmlNodePtr container, bool flat, nz_place *saved);
void nz_leave(nz *z, const nz_place *saved);
/* Write into the flat CONTAINER the inline content of the nodes from FIRST. */
void nz_fill_flat(nz *z, xmlNodePtr container, xmlNodePtr first);

void nz_text(nz *z, const char *text);
void nz_close_para(nz *z);
void nz_open_para(nz *z, const char *tag);
void nz_block_boundary(nz *z);
void nz_children(nz *z, xmlNodePtr first);
void nz_node(nz *z, xmlNodePtr n);
void nz_trim_end(xmlNodePtr block);
void nz_discard(nz *z, xmlNodePtr n);
/* Two of the reasons a block goes, which what follows it asks after. */
extern const char nz_why_furniture_name[], nz_why_link_list[], nz_why_link_bar[];
/* After N went as furniture by WHY: the label over it, when that is all
 * it left (normalize_inserted.c). */
/* The box BOX wrote only its heading, from FIRST, the links under it
 * dropped one by one: the heading goes too (normalize_inserted.c). */
void nz_drop_orphan_heading(nz *z, xmlNodePtr box, xmlNodePtr first, const extract_counts *c);
void nz_drop_orphan_label(nz *z, xmlNodePtr n, const char *why);
/* A is a bar's link: three words at most, 24 bytes (normalize_widget.c). */
bool nz_short_link(xmlNodePtr a);
/* N is a label in Latin words over a bar of short links (normalize_widget.c). */
bool nz_labelled_link_bar(xmlNodePtr n);
/* N is the column of line numbers beside code (normalize_widget.c). */
bool nz_line_numbers(xmlNodePtr n);
/* normalize_blocks.c: a list, a quotation, code, rebuilt into the flow. */
void nz_list(nz *z, xmlNodePtr src);
void nz_blockquote(nz *z, xmlNodePtr src);
void nz_pre(nz *z, xmlNodePtr src);
/* S, blanks aside, is wholly in square brackets ([…], 【…】, ［…］). */
bool nz_in_square_brackets(const char *s);
/* TEXT, of counts C, is a short link in brackets and nothing else. */
bool nz_bracketed_link(const char *text, const extract_counts *c);
/* N holds three short links or more and nothing but separators besides:
 * a bar of places to go ("Article PubMed Google Scholar"). INLINE: N ends
 * a line of text, where links set apart by commas are a sentence's list
 * ("Signed by A, B, C"), not a bar. */
bool nz_link_bar(xmlNodePtr n, bool inline_run);
/* N is a breadcrumb: links to the sections above the page, an arrow
 * between each two, a label before them, the page's name after. */
bool nz_breadcrumb_line(xmlNodePtr n);
/* N is a post's attribution: a name's link, a date or a time, no
 * sentence ("von Gabi » Di 12. Mär 2024, 20:14"). */
bool nz_attribution_line(xmlNodePtr n, const extract_counts *c);
/* How many links N holds, counting up to AT_MOST. */
int nz_count_links(xmlNodePtr n, int at_most);
/* N is a list of headlines, each item one link and its date: a feed. */
bool nz_dated_headlines(xmlNodePtr n);
/* N is a paragraph of one link in capitals: a promotion. */
bool nz_shouted_link(xmlNodePtr n, const extract_counts *c, const char *text);
/* N is a heading that gives a reply's subject ("Re: …", "回复：…"). */
bool nz_reply_subject(xmlNodePtr n, const char *text);
xmlNodePtr nz_add_inline(nz *z, const char *tag);
void nz_flush_brs(nz *z, const char *next_text);

int nz_heading_tag(xmlNodePtr n);   /* 1-6 for h1-h6, else 0 */
/* S ends with a question mark: a question asked, as a FAQ's headings are. */
bool nz_ends_question(const char *s);
/* TEXT is the article's title, word for word. */
bool nz_text_equal_title(nz *z, const char *text);

/* What a line of the rebuilt article is made of, for the rules that judge
 * short lines by their shape and place. Lines of NZ_LINE_SHORT characters
 * or fewer, with no sentence in them, may be furniture. */
#define NZ_LINE_SHORT 40
/* A heading of this many characters and two sentences or more is a
 * paragraph set in a heading's tag. */
#define NZ_HEADING_PROSE 80
typedef struct {
    int chars;        /* characters, white space aside */
    int stops;        /* sentence stops: 。！？ and . ! ? before a space or the end */
    int marks;        /* other sentence punctuation: ，、；： */
    bool date;        /* a full date: 2024年3月5日, 2024-03-05 */
} nz_line;
nz_line nz_line_measure(const char *s);
/* S past the spaces and opening brackets a credit line may begin with. */
const char *nz_past_openers(const char *s);
/* Notices after the text (normalize_notice.c): the site's 声明, its word on
 * reprint rights, and the author's note that is the article's. */
bool nz_is_disclaimer(const char *s, const nz_line *t);
bool nz_is_rights_notice(const char *s, const nz_line *t);
/* normalize_stamps.c: the lines after the text known by their shape (S,
 * measured as T; a timestamp by S alone). */
bool nz_is_wire_trailer(const char *s, const nz_line *t);
bool nz_is_credit_line(const char *s, const nz_line *t);
bool nz_is_timestamp(const char *s);
bool nz_is_post_stamp(const char *s, const nz_line *t);
bool nz_is_edit_stamp(const char *s, const nz_line *t);
bool nz_is_tag_line(const char *s, const nz_line *t);
/* A line that only says when the page went up ("Posted 14 Mar 2018,
 * 2:32pm", "发布时间：2024-03-05 10:20"): PAGE_DATE (YYYY-MM-DD) and its
 * time, and a label of a few short words. */
bool nz_is_dated_line(const char *s, const nz_line *t, const char *page_date);
/* A prompt to follow the site's account (扫描二维码关注…微信): after the
 * text it goes, and the code's picture under it. */
bool nz_is_follow_prompt(const char *s, const nz_line *t);
bool nz_is_author_note(const char *s, const nz_line *t);
/* normalize_byline.c: a line of roles and names only ("澎湃新闻记者 段彦超",
 * "编辑 刘晓阳 校对 李铭"). With M, the writers' names become its author
 * when it has none. */
bool nz_byline_line(const char *text, const nz_line *t, article_meta *m);
/* TEXT is a Chinese personal name alone, blanks around it: a family name
 * and one or two characters more. The name's length, its start into *NAME;
 * or 0. */
size_t nz_name_line(const char *text, const char **name);
/* Link text that points away: "点击进入专题>>", "返回首页>>", "更多»". */
bool nz_leads_away(const char *s);
/* A word a widget leaves on a line of its own (字号, 关注, 收藏, a count,
 * "+1"): at most two characters, no punctuation, no brackets. */
bool nz_widget_word(const char *text, const nz_line *t);
/* normalize_lines.c: furniture lines by shape and place: the short lines
 * after the text that are not the article's, dropped from the end of Z's
 * article; short lines that repeat a picture's caption. */
void nz_trim_tail(nz *z);
/* normalize_comments.c: readers' comments under a heading that names them,
 * from the heading on. */
void nz_cut_comment_thread(nz *z);
/* normalize_head.c: drop widgets' words and links that lead away between
 * the title and the first sentence. */
void nz_trim_head(nz *z);
/* Drop a reprint's note of its original title among the first or last lines. */
void nz_drop_original_title(nz *z);
/* normalize_editor.c: drop what follows the editor's line in the second
 * half of the text. */
void nz_cut_after_editor(nz *z);
/* Whether S opens with what ends a label: a colon, a bar or a space. */
bool nz_label_separator(const char *s);
void nz_drop_repeats(nz *z);
/* Drop a summary above the text that the text says again. */
void nz_drop_lead_summary(nz *z);
/* The one block of text (a <p>, a <blockquote>) among the siblings after
 * BEFORE up to LAST, pictures and empty blocks aside; else NULL. */
xmlNodePtr nz_only_text_block(xmlNodePtr before, xmlNodePtr last);

/* normalize_heading.c */
bool nz_block_aligned(xmlNodePtr n, const char *side);
bool nz_is_bold_el(xmlNodePtr n);
bool nz_label_heads_prose(xmlNodePtr n);
bool nz_is_number_only(const char *text);
/* The heading level (2-4) a short all-bold block stands for, or 0. */
int nz_heading_like(nz *z, xmlNodePtr n, const char *text);
void nz_heading(nz *z, xmlNodePtr src, int level);
/* Adjacent runs of one face (<strong>, <em>…) under N become one. */
void nz_merge_runs(xmlNodePtr n);

bool nz_is_data_table(xmlNodePtr table);
/* The first table on the page that is an open-government record (索引号, 发文字号…). */
xmlNodePtr nz_find_docmeta(xmlNodePtr root);
void nz_table(nz *z, xmlNodePtr table);
void nz_img(nz *z, xmlNodePtr img);
/* normalize_figure.c: a source <figure>; a centred short line under an
 * image-only paragraph as its caption (true when SRC was taken as one);
 * image-only paragraphs as figures. */
void nz_figure(nz *z, xmlNodePtr src);
/* normalize_title.c: the title said again at the head of the body, over
 * one centred line or several, dropped: the h1 says it. */
void nz_drop_title_repeat(nz *z);
/* normalize_attach.c: N follows a link to a document, with nothing
 * between but blanks and the link's other figures (size, downloads). */
bool nz_after_document_link(xmlNodePtr n);
/* normalize_head.c: N (TEXT, counted as C) is a kicker right above the
 * title node S names: a section's label of a word or two. */
bool nz_kicker(const page_meta_nodes *s, xmlNodePtr n, const char *text, const extract_counts *c);
/* normalize_widget.c: N (counted as C) is a box named for the paywall
 * that offers a subscription: a button or a link, a pitch at most. */
bool nz_paywall_offer(xmlNodePtr n, const extract_counts *c);
/* A box in the text of a few lines and a button that asks the reader to
 * act (donate, subscribe), with no facts of the text's (normalize_appeal.c). */
bool nz_appeal_box(xmlNodePtr n, const extract_counts *c);
bool nz_try_caption(nz *z, xmlNodePtr src, const extract_counts *c);
/* SRC holds a picture and a short line apart from it after it: written as
 * a figure with its caption (true), else nothing is written. */
bool nz_try_picture_caption(nz *z, xmlNodePtr src, const extract_counts *c);
/* SRC is centred right under a picture that has no caption yet. */
bool nz_under_bare_image(nz *z, xmlNodePtr src);
void nz_mark_figures(xmlNodePtr article);
/* normalize_title.c: the title, when the page gave none or only its
 * site's name, from the heading the article opens with (taken out of the
 * body), else from its first sentence. */
void nz_settle_title(nz *z);
/* The author, when none was found, from the names in brackets that close
 * the article's last paragraphs. */
void nz_settle_byline(nz *z);
/* normalize_wrap.c: lines and paragraphs of FLOW (the article, and the
 * blockquotes in it) that the source wrapped by hand, joined again. */
void nz_join_wrapped(nz *z, xmlNodePtr flow);
/* Line breaks inside headings become spaces. */
void nz_flatten_heading_breaks(xmlNodePtr flow);
/* Mark the 附件 list, turning one-link paragraphs after "附件：" into it. */
/* normalize_inserted.c: boxes a site sets inside the text, known by the
 * label over them: the headlines under a dropped label over related
 * stories, an ad under its label. Why SRC goes, or NULL. */
const char *nz_inserted_box(nz *z, xmlNodePtr src, const extract_counts *c);
/* SRC was dropped by the rule WHY (its text TEXT): a label over related
 * stories makes the links after it go (nz_inserted_box). */
void nz_note_related_label(nz *z, xmlNodePtr src, const char *why, const char *text);
/* SRC, a text or an inline element, is written: words of its own under the
 * label end the run of links there. */
void nz_related_words(nz *z, xmlNodePtr src);
void nz_mark_attachments(xmlNodePtr article);
/* The line N (text TEXT) names or links the bulletin's attachments
 * ("附件：…"): the document's own, wherever it stands. */
bool nz_attachment_line(xmlNodePtr n, const char *text);
/* N (text TEXT) is the "附件：" label over the documents linked in the
 * block after it. */
bool nz_attachment_label(xmlNodePtr n, const char *text);
void nz_link(nz *z, xmlNodePtr a);
/* The value of an attribute, or NULL; the caller frees it with xmlFree. */
char *nz_attr(xmlNodePtr n, const char *name);
bool nz_empty(xmlNodePtr n);
/* N's one element child when it is named NAME and N holds nothing else
 * but white space; NULL otherwise. */
xmlNodePtr nz_sole_element(xmlNodePtr n, const char *name);

/* An icon drawn in SVG with a word or two beside it: a button; or a glyph
 * of an icon font alone (Private Use Area characters only). */
bool nz_icon_button(xmlNodePtr n, const extract_counts *c);
/* A count in brackets after a script's link in a bar of them ("赞 (3)"):
 * how many pressed it (normalize_media.c). */
bool nz_script_count(xmlNodePtr n);
/* Take a wiki's "[edit]" link off the end of HEADING; true when it did. */
bool nz_strip_edit_link(xmlNodePtr heading);
/* Take out of HEADING its links to itself shown as a mark alone (¶, #). */
void nz_strip_permalinks(nz *z, xmlNodePtr heading);
/* A line that is a short Latin label and one link, nothing else: "Read
 * more: <a>…</a>", "See also: <a>…</a>", a promo pointing elsewhere. */
bool nz_pointer_line(xmlNodePtr n);
/* A bar of two or more links that all share the article on a social
 * site, with a few words at most beside them (normalize_share.c). */
bool nz_share_bar(xmlNodePtr n);
/* Drop the card that closes Z's article pointing to another story: a
 * label ("延伸阅读", "Related"), the story's headline as the one link of
 * its line, perhaps a short teaser under it. True when it did. */
bool nz_cut_teaser_card(nz *z);

#endif

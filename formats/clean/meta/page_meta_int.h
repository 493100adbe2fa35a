/* Internals shared by the files of clean/meta/: the page read as lines of
 * text, date scanning, the 时间/来源/作者 line reader, and each field's
 * rule. Not for other modules. */
#ifndef FOLIO_PAGE_META_INT_H
#define FOLIO_PAGE_META_INT_H
#include "util/alloc.h"
#include "util/buf.h"
#include "clean/meta/page_meta.h"
#include "util/zh_fold.h"
#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Separators kept inside a line's text: a gap of several spaces (or an
 * ideographic space) and the edge of an inline element. Both end a field's
 * value ("来源:新华社　　作者:…", "<span>来源:新华社</span><span>…"), while
 * a single space often does not ("作者:伊琳 李清芬"). */
#define PM_GAP   '\t'
#define PM_EDGE  '\x1f'

/* A line: text between two block boundaries (or <br>s), as shown on screen. */
typedef struct {
    size_t     off, len;    /* into the page's line text */
    xmlNodePtr first, last; /* its first and last text nodes */
    xmlNodePtr owner;       /* the smallest element holding all of it */
    int        chars;       /* characters, not counting separators */
} pm_line;

typedef struct {
    int    y, m, d;
    size_t start, end;      /* byte offsets of the date in the scanned text */
} pm_date;

/* The day NOW (0: the clock) falls on, as y*10000+m*100+d, with a margin of
 * a time zone so that a page dated "today" east of UTC is not "future". */
long pm_today(long long now);

/* Is Y-M-D a real day between 1990 and TODAY (as pm_today gives it)? */
bool pm_date_ok(int y, int m, int d, long today);

/* The first valid date in S[FROM..N): 2019-11-13, 2019/11/13, 2019.11.13,
 * 2019年11月13日, 二〇一九年十一月十三日, March 25, 2015, 25 March 2015. */
bool pm_date_scan(const char *s, size_t n, size_t from, long today, pm_date *out);

/* A date from a meta tag's content: the forms above plus 20191113 and
 * RFC 822 ("Wed, 13 Nov 2019 …"). */
bool pm_date_meta(const char *s, long today, pm_date *out);

/* A date in a URL's path: /2019-11/13/, /2019/11/13/, /t20191113_, /20191113/. */
bool pm_date_url(const char *url, long today, pm_date *out);

/* Traditional characters are folded for matching by util/zh_fold.h. */

/* ---- reading one info line (meta_info_fields.c, meta_info_values.c) ---- */

/* Does LIT stand at P (before END)? */
static inline bool pm_at(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

static inline bool pm_is_digit(char c) { return c >= '0' && c <= '9'; }

/* A blank or one of the line reader's separators. */
static inline bool pm_is_sep(char c) { return c == ' ' || c == PM_GAP || c == PM_EDGE; }

/* The line being read: the folded copy that labels are looked for in, and
 * the original at the same offsets, that values are copied from. */
typedef struct {
    const char *fold, *orig;
} pm_line_src;

/* The colon after a label (':' or '：', blanks around it) skipped; *HAD
 * says whether there was one. */
const char *pm_skip_colon(const char *p, const char *end, bool *had);

/* The value at P (in LS's folded copy, before END): up to the next
 * separator, field label, date or time; malloc'ed as the line wrote it, or
 * NULL when empty, longer than MAX_LEN bytes or leaked markup. */
char *pm_read_value(const pm_line_src *ls, const char *p, const char *end, size_t max_len);

/* pm_read_value, telling where the value stopped into *STOP. */
char *pm_read_value_to(const pm_line_src *ls, const char *p, const char *end, size_t max_len,
                       const char **stop);

/* The names after 记者 or 作者: the value, and further short CJK names
 * the page set apart with gaps or another role word. */
char *pm_read_names(const pm_line_src *ls, const char *p, const char *end, size_t max_len);

/* Length of the role word of a byline at P (记者, 通讯员, 实习生), or 0. */
size_t pm_role_at(const char *p, const char *end);

/* Fields read off an info line. Values are malloc'ed; NULL when absent. */
typedef struct {
    char *publisher;
    char *author;
    bool  has_label;      /* any field label at all (来源, 作者, 时间…) */
    bool  date_label;     /* a date right after 发布时间/日期/… */
    bool  noise;          /* the line looks like a copyright/contact line */
    bool  source_en;      /* the publisher came from an English "Source:" */
} pm_fields;

/* Read 来源/作者/记者 fields from the line S[0..N). NEAR says the line is
 * next to the title, where a bare English "by Name" is a byline (elsewhere
 * it is "Ads by Taboola"). */
void pm_fields_read(const char *s, size_t n, bool near, pm_fields *f);
void pm_fields_free(pm_fields *f);

/* ---- dates on a line (meta_date_label.c) ---- */

/* Is the date at D in S preceded by a publishing-date label (发布时间,
 * 日期, 发表于, Published…)? 1 for yes, -1 for a label that says it is not
 * the publication (截止, 有效期…), 0 for none. */
int pm_date_label(const char *s, size_t n, const pm_date *d);

/* ---- names (meta_names.c) ---- */

/* A value that means "unknown" (佚名, 本站, admin…). */
bool pm_is_anonymous(const char *v);

/* Author names V without the role words of a byline: "本报记者 张三 通讯员
 * 李四" → "张三 李四". In place; V may end up empty. */
void pm_strip_roles(char *v);

/* S without the blanks around it, malloc'ed; NULL when S is NULL, empty or
 * longer than MAX bytes. */
char *pm_trimmed_copy(const char *s, size_t max);

/* ---- the page read (meta_read_head.c, meta_read_body.c) ---- */

/* Meta tags and links that say something about the article. Each is the
 * first seen, malloc'ed. */
enum {
    PM_M_ARTICLETITLE, PM_M_OGTITLE, PM_M_TWTITLE, PM_M_HEADLINE, PM_M_DCTITLE,
    PM_M_SITENAME, PM_M_APPNAME,
    PM_M_DATE_STRONG, PM_M_DATE_WEAK, PM_M_DATE_MODIFIED,
    PM_M_SOURCE, PM_M_DCCREATOR, PM_M_AUTHOR, PM_M_EDITOR,
    PM_M_OGURL, PM_M_CANONICAL, PM_M_BASE,
    PM_M_LANG, PM_M_TITLE,
    PM_M_LD_DATE, PM_M_LD_AUTHOR, PM_M_LD_HEADLINE, PM_M_LD_PUBLISHER,
    PM_M_SCRIPT_DATE,   /* a script's publish_time = "…", for an empty slot */
    PM_M_ACCOUNT,       /* the WeChat official account that posted the page */
    PM_M_LOGO,          /* the alt text of the site's logo */
    PM_M_GENERATOR,     /* the software that made the page (meta generator) */
    PM_M_COUNT
};

/* An element that may show the title. */
typedef struct {
    xmlNodePtr node;
    int        chars;               /* non-space characters under it */
    size_t     line_start, line_end;/* the lines it spans */
    unsigned   flags;               /* PM_C_* */
} pm_cand;

enum {
    PM_C_H1 = 1, PM_C_H2 = 2, PM_C_H3 = 4, PM_C_CLASS = 8, PM_C_BOLD = 16,
    PM_C_LINK = 32, PM_C_LOGO = 64, PM_C_HEADER = 128,
};

/* The page read in one walk: metadata, lines, title candidates. */
typedef struct {
    char    *meta[PM_M_COUNT];
    buf_t    text;                  /* the lines' text, each NUL-terminated */
    pm_line *lines;
    size_t   n_lines, cap_lines;
    pm_cand *cands;
    size_t   n_cands, cap_cands;
    xmlNodePtr time_node;           /* first <time datetime> */
    xmlNodePtr byline_node;         /* first element marked as the byline */
    xmlNodePtr source_node;         /* first element marked as the source,
                                       or the innermost such inside it */
    size_t     source_line;         /* the line it begins */
    /* Lengths (in characters) of the title strings looked for, so that
     * only elements of those lengths are remembered as candidates. */
    unsigned char want_len[512];
    bool          want_any;         /* no title string known yet: keep all */
    /* Tag kinds by name pointer: libxml2 interns names in the document's
     * dictionary, so one lookup per distinct tag serves the whole walk. */
    const xmlChar *kind_name[64];
    unsigned       kind_val[64];
    /* The line being built. */
    size_t     cur_off;
    xmlNodePtr cur_first, cur_last;
    int        cur_chars;
    int        pend_ws;             /* 0 none, 1 a space, 2 a wide gap */
    bool       pend_edge;
    FILE      *explain;             /* where rejected titles and authors are told, or NULL */
    bool       site_from_app;       /* meta[PM_M_SITENAME] is application-name's */
    bool       cited_authors;       /* meta[PM_M_AUTHOR] is citation_author's */
} pm_page;

/* If N is a meta, link, base, script or title element, read what it says
 * into P and return true. */
bool pm_read_meta_element(pm_page *p, xmlNodePtr n);
/* RDFa on any element (<span property="dc:date" content="…">), read as
 * a meta tag is. */
void pm_read_rdfa(pm_page *p, xmlNodePtr n);
/* Read DOC's head metadata into P (before the want_len table is filled). */
void pm_read_head(htmlDocPtr doc, pm_page *p);
/* An English month name at *P (full, or three letters with an optional
 * dot, or "Sept"), *P moved past it; 1-12, or 0 and *P as it was. */
int pm_month_name(const unsigned char **p, const unsigned char *end);
/* Walk DOC's body into lines and candidates. */
void pm_read_body(htmlDocPtr doc, pm_page *p);
void pm_page_free(pm_page *p);

/* The smallest element holding the whole of line L. */
xmlNodePtr pm_line_owner(pm_line *l);
/* Non-space characters under N, counting stops past LIMIT. */
int pm_count_chars(xmlNodePtr n, int limit);
const char *pm_line_text(const pm_page *p, size_t i);
/* Line I opens with WORD, blanks before it aside ("成文日期：…"). */
bool pm_line_opens(const pm_page *p, size_t i, const char *word);
/* The first date in line I not labelled as something else (pm_date_label);
 * its label: 1 the publication's, PM_DATE_EDITED the last edit's, 0 none. */
#define PM_DATE_EDITED 2
bool pm_line_date(const pm_page *p, size_t i, long today, pm_date *d, int *label);
bool pm_is_ancestor(xmlNodePtr a, xmlNodePtr n);
xmlNodePtr pm_common_ancestor(xmlNodePtr a, xmlNodePtr b);

/* ---- titles (meta_title.c, meta_title_strings.c, meta_title_element.c) ---- */

/* Title text normalised for comparison: no spaces, full-width ASCII folded,
 * ASCII lowercased, dashes and quotes unified. Returns the characters. */
int pm_norm_title(const char *s, buf_t *out);

enum { K_FULL, K_PREFIX, K_SUFFIX, K_SEG };

typedef struct {
    char  *norm;
    int    chars;
    int    kind;
    double cover;        /* share of the whole title string */
    bool   longest;      /* the longest piece of its string */
    bool   first;        /* the first piece */
    int    weight;       /* how much the source string is trusted */
    bool   cut;          /* cut short with an ellipsis: the heading goes on past it */
} tkey;

typedef struct {
    tkey  *keys;
    size_t n, cap;
} tkeys;

typedef struct {
    pm_cand *cand;
    char    *text;      /* page_text of the candidate */
    double   score;
} title_pick;

/* The page read into P: its head, then its body. The walk keeps only
 * elements as long as a title string, so the title strings are keyed into
 * KS first (and again for those found in the body). */
void pm_read_page(htmlDocPtr doc, pm_page *p, tkeys *ks);
/* Set M's title from the element a key of KS names (into TP), else from the
 * strings themselves; never a breadcrumb or the site's name. *WEAK says
 * that no element shows it and it may name the site only. */
void pm_set_title(pm_page *p, const tkeys *ks, long today, article_meta *m, title_pick *tp,
                  bool *weak);

/* Keys to look for the title by, from title string T. */
void pm_title_keys(tkeys *ks, const char *t, int weight, buf_t *tmp);
void pm_free_keys(tkeys *ks);
/* Pieces of T between separators (LIBERAL: also bare "-" and spaces next
 * to CJK), as offsets; their count. */
size_t pm_title_pieces(const char *t, bool liberal, size_t *st, size_t *en, size_t max);
/* The piece of title string T that is the title ("标题_栏目_网站" → 标题). */
char *pm_title_from_string(const char *t, const char *site);
/* Does T name the site rather than an article? */
bool pm_looks_like_site_name(const char *t, const char *site);
/* The element whose text one of KS names, into BEST. */
void pm_match_title(pm_page *p, const tkeys *ks, const char *site, long today, title_pick *best);
/* With no title string to go by: the heading right above an info line. */
void pm_structural_title(pm_page *p, long today, title_pick *best);
/* The page's one h1, with prose under it, when it is fit to be a title. */
void pm_heading_title(pm_page *p, long today, title_pick *best);
/* The page's first h1 is the title when it opens with a piece of a title
 * string, a colon or a dash and more words (the string cut the title
 * short); its node is the title's in NODES (may be NULL). */
void page_meta_title_heading(htmlDocPtr doc, const pm_page *p, article_meta *m, page_meta_nodes *nodes);
/* meta_title_row.c: the value of a record's title row (留言标题 | …), to
 * free; NULL when the page has none. */
char *pm_labelled_title(const pm_page *p);

/* ---- what is no title and no author (meta_reject.c) ---- */

/* Why T is no title (a breadcrumb, the site's name), or NULL. */
const char *pm_not_title(const pm_page *p, const char *t);
/* Is T a breadcrumb: parts joined by > » / - | with the home page first? */
bool pm_is_breadcrumb(const char *t);
/* Which of the site's names V is (og:site_name, the logo's alt), said as
 * a reason; or NULL. */
const char *pm_site_name_match(const pm_page *p, const char *v);
/* Why V is no author (an address, the site's or the PUBLISHER's name, the
 * software that made the page or a company), or NULL. */
const char *pm_not_author(const pm_page *p, const char *v, const char *publisher);
/* *V set as folio writes authors: Latin names joined by "and" listed with
 * commas, the outlet or the post after the last name left off. */
void pm_tidy_author(const pm_page *p, const char *publisher, char **v);
/* meta_reporter_words.c: "（记者 王明 摄）" closes on 摄 (P to END); "陈怡
 *君台北15日电" cut after the name (in place, whether it was); "／台中报导"
 * after a name. */
bool pm_ends_as_photo_credit(const char *p, const char *end);
bool pm_cut_filing_place(char *v);
bool pm_place_report_after(const char *p, const char *end);
/* V's names joined by ", " when V is two or more names in Latin letters
 * joined by commas, "and" or "&"; else NULL. */
char *pm_latin_name_list(const char *v);
/* V is a person's name in Latin letters ("Ola Brennan", "Anna van der
 * Berg"), not an outlet or an office. */
bool pm_person_name(const char *v);

/* ---- the info line (meta_info_line.c) ---- */

/* The info line as read so far: its date, 来源 and 作者, and the lines it
 * took (for pm_info_element). */
typedef struct {
    pm_date date;
    int     date_label;
    size_t  date_line;
    bool    has_date;
    bool    date_in_prose;  /* the date of a dateline: the event's day */
    char   *publisher, *author;
    size_t  used[8];
    bool    valued[8];      /* a field was read off used[k] */
    size_t  n_used;
} pm_info;

/* Read the info line of the title TITLE (NULL: none found) into F: the
 * lines under it, then those just above it. */
void pm_info_read(pm_page *p, const pm_cand *title, long today, pm_info *f);
/* The 来源 and 作者 F still lacks, from labelled short lines from line FROM
 * on ("来源：…" at an article's end, a closing "（记者 …）"). */
void pm_info_read_further(const pm_page *p, size_t from, pm_info *f);
/* The smallest element holding the info lines, if it holds little else
 * besides a title of TITLE_CHARS; NULL when it would take the article. */
xmlNodePtr pm_info_element(pm_page *p, const pm_info *f, int title_chars);
void pm_info_free(pm_info *f);
/* Does line I look like an info line (a date or a field label)? */
bool pm_info_like(const pm_page *p, size_t i, long today);

/* ---- the other fields, each set on M (meta_<field>.c) ---- */

/* The date: a published tag, the info line F, a labelled date (after line
 * AFTER first), the weaker tags, the URL; a 公文's 成文日期 above all. */
void pm_set_date(const pm_page *p, const pm_info *f, size_t after, long long now, long today,
                 article_meta *m);
/* 来源: F's, else the tags', the 发布机构, the account or site name. M's
 * title must be set. */
void pm_set_publisher(const pm_page *p, pm_info *f, size_t after_title, article_meta *m);
/* 作者: F's, else the author tags' unless they name the site or editor. */
void pm_set_author(const pm_page *p, pm_info *f, article_meta *m);
/* An element whose class or id says it holds the source ("source"), not
 * inside a box of comments; and the publisher it names, or NULL. */
bool pm_is_source_mark(xmlNodePtr n);
char *pm_marked_source(const pm_page *p);
/* The author a byline marked up as one shows (rel=author, itemprop=author,
 * a byline or author class), malloc'ed, or NULL (meta_byline.c). */
char *pm_markup_byline(const pm_page *p);
/* Is N marked up as the byline? */
bool pm_is_byline(xmlNodePtr n);
/* 原文链接, and the element showing it into NODES (may be NULL). */
void pm_find_source(pm_page *p, article_meta *m, page_meta_nodes *nodes);
bool pm_absolute_http(const char *u);
/* The captured URL: canonical, og:url or <base>, when absolute. */
void pm_set_url(const pm_page *p, article_meta *m);
/* Set M's lang from an <html lang> value, in BCP 47 case. */
void pm_set_lang(article_meta *m, const char *v);

#endif

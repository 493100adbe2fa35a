/* Internals shared by the page_meta_*.c files: the page read as lines of
 * text, date scanning and the 时间/来源/作者 line reader. Not for other modules. */
#ifndef FOLIO_PAGE_META_INT_H
#define FOLIO_PAGE_META_INT_H
#include "util/alloc.h"
#include "util/buf.h"
#include "clean/meta/page_meta.h"
#include <libxml/HTMLparser.h>
#include <stdbool.h>
#include <stddef.h>

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

/* Length of the UTF-8 sequence at S (1 for a stray byte). */
size_t pm_u8len(const unsigned char *s);

/* S[0..N) with the traditional forms of the info line's words (來源, 發布,
 * 記者, 編輯…) made simplified, into OUT (N+1 bytes, NUL-terminated). Byte
 * for byte as long as S, so offsets into OUT are offsets into S. */
void pm_fold(const char *s, size_t n, char *out);
/* S folded into BUF of SIZE bytes; S itself when it does not fit. */
const char *pm_fold_small(const char *s, char *buf, size_t size);

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

/* Is the date at D in S preceded by a publishing-date label (发布时间,
 * 日期, 发表于, Published…)? 1 for yes, -1 for a label that says it is not
 * the publication (截止, 有效期…), 0 for none. */
int pm_date_label(const char *s, size_t n, const pm_date *d);

/* A value that means "unknown" (佚名, 本站, admin…). */
bool pm_is_anonymous(const char *v);

/* Author names V without the role words of a byline: "本报记者 张三 通讯员
 * 李四" → "张三 李四". In place; V may end up empty. */
void pm_strip_roles(char *v);

/* Meta tags and links that say something about the article. Each is the
 * first seen, malloc'ed. */
enum {
    PM_M_ARTICLETITLE, PM_M_OGTITLE, PM_M_TWTITLE, PM_M_HEADLINE, PM_M_DCTITLE,
    PM_M_SITENAME, PM_M_APPNAME,
    PM_M_DATE_STRONG, PM_M_DATE_WEAK,
    PM_M_SOURCE, PM_M_DCCREATOR, PM_M_AUTHOR, PM_M_EDITOR,
    PM_M_OGURL, PM_M_CANONICAL, PM_M_BASE,
    PM_M_LANG, PM_M_TITLE,
    PM_M_LD_DATE, PM_M_LD_AUTHOR, PM_M_LD_HEADLINE,
    PM_M_ACCOUNT,       /* the WeChat official account that posted the page */
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
} pm_page;

/* If N is a meta, link, base, script or title element, read what it says
 * into P and return true. */
bool pm_read_meta_element(pm_page *p, xmlNodePtr n);
/* Read DOC's head metadata into P (before the want_len table is filled). */
void pm_read_head(htmlDocPtr doc, pm_page *p);
/* Walk DOC's body into lines and candidates. */
void pm_read_body(htmlDocPtr doc, pm_page *p);
void pm_page_free(pm_page *p);

/* The smallest element holding the whole of line L. */
xmlNodePtr pm_line_owner(pm_line *l);
/* Non-space characters under N, counting stops past LIMIT. */
int pm_count_chars(xmlNodePtr n, int limit);

/* Title text normalised for comparison: no spaces, full-width ASCII folded,
 * ASCII lowercased, dashes and quotes unified. Returns the characters. */
int pm_norm_title(const char *s, buf_t *out);

/* ---- titles (page_meta_title.c) ---- */

enum { K_FULL, K_PREFIX, K_SUFFIX, K_SEG };

typedef struct {
    char  *norm;
    int    chars;
    int    kind;
    double cover;        /* share of the whole title string */
    bool   longest;      /* the longest piece of its string */
    bool   first;        /* the first piece */
    int    weight;       /* how much the source string is trusted */
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

const char *pm_line_text(const pm_page *p, size_t i);
/* The first date in line I not labelled as something else; its label. */
bool pm_line_date(const pm_page *p, size_t i, long today, pm_date *d, int *label);
/* Does line I look like an info line (a date or a field label)? */
bool pm_info_like(const pm_page *p, size_t i, long today);
bool pm_is_ancestor(xmlNodePtr a, xmlNodePtr n);
xmlNodePtr pm_common_ancestor(xmlNodePtr a, xmlNodePtr b);

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

/* ---- 原文链接 and lang (page_meta_source.c) ---- */

bool pm_absolute_http(const char *u);
void pm_find_source(pm_page *p, article_meta *m, page_meta_nodes *nodes);
/* Set M's lang from an <html lang> value, in BCP 47 case. */
void pm_set_lang(article_meta *m, const char *v);

#endif

/* The selectors of a style sheet's hiding and showing rules, as far as a
 * saved page can answer them: compounds of a tag, an id, classes and
 * :not() of one of those, joined by descendant and child combinators.
 *
 * What depends on the reader's acts (:hover, :checked, :target), on
 * siblings (+, ~), on attributes or on a place among siblings cannot be
 * answered from the page alone. Such a selector is kept "unsure", as its
 * last compound's names only: it never hides anything, but a rule of it
 * that shows may show whatever has those names, so that a menu shown on
 * hover or a tab shown by its radio button is not taken for hidden. A
 * pseudo-element's rule (::after) is about no element and is left out. */
#include "clean/extract_int.h"
#include "util/alloc.h"
#include "util/xml_node.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool sel_name_char(unsigned char c)
{
    return isalnum(c) || c == '-' || c == '_' || c == '\\' || c >= 0x80;
}

/* The name at *P (escapes undone: Tailwind's ".md\:hidden"), its end
 * left in *P. */
static char *sel_read_name(const char **p, const char *end)
{
    char name[128];
    size_t n = 0;
    const char *s = *p;
    while (s < end && sel_name_char((unsigned char)*s)) {
        if (*s == '\\' && s + 1 < end)
            s++;
        if (n + 1 < sizeof name)
            name[n++] = *s;
        s++;
    }
    *p = s;
    name[n] = '\0';
    return n ? xstrndup(name, n) : NULL;
}

static void sel_add_test(css_compound *c, char kind, bool negate, char *name)
{
    if (!name)
        return;
    if (c->ntests == CSS_SEL_TESTS) {
        free(name);
        return;
    }
    c->tests[c->ntests].kind = kind;
    c->tests[c->ntests].negate = negate;
    c->tests[c->ntests++].name = name;
}

/* A pseudo-element named without its second colon (":after"), or a
 * browser's own (":-webkit-scrollbar"): no element of the page. */
static bool sel_pseudo_element(const char *name, size_t len)
{
    static const char *const elements[] = { "before", "after", "first-line", "first-letter", "selection",
                                            "placeholder", "marker", "backdrop", NULL };
    for (int i = 0; elements[i]; i++)
        if (strlen(elements[i]) == len && !strncasecmp(name, elements[i], len))
            return true;
    return len > 0 && name[0] == '-';   /* -webkit-scrollbar and its kin */
}

/* The :not(X) at P (P past "not("): X a tag, a class or an id; END the
 * selector's end. Returns past ")", or NULL when X is more than that. */
static const char *sel_read_not(const char *p, const char *end, css_compound *c, unsigned long *spec)
{
    while (p < end && isspace((unsigned char)*p))
        p++;
    char kind = *p == '.' ? '.' : *p == '#' ? '#' : 't';
    if (kind != 't')
        p++;
    char *name = sel_read_name(&p, end);
    while (p < end && isspace((unsigned char)*p))
        p++;
    if (!name || p >= end || *p != ')') {
        free(name);
        return NULL;
    }
    *spec += kind == '#' ? CSS_SPEC_ID : kind == '.' ? CSS_SPEC_CLASS : 1;
    sel_add_test(c, kind, true, name);
    return p + 1;
}

/* Past the bracketed or parenthesised group at P, or END. */
static const char *sel_skip_group(const char *p, const char *end, char open, char close)
{
    int depth = 0;
    for (; p < end; p++) {
        depth += *p == open;
        if (*p == close && --depth == 0)
            return p + 1;
    }
    return end;
}

void css_selector_free(css_selector *s)
{
    for (int i = 0; i < s->nparts; i++)
        for (int t = 0; t < s->parts[i].ntests; t++)
            free(s->parts[i].tests[t].name);
    memset(s, 0, sizeof *s);
}

/* Only the last compound of S. */
static void sel_keep_last(css_selector *s)
{
    css_compound last = s->parts[s->nparts - 1];
    for (int i = 0; i < s->nparts - 1; i++)
        for (int t = 0; t < s->parts[i].ntests; t++)
            free(s->parts[i].tests[t].name);
    memset(s->parts, 0, sizeof s->parts);
    s->parts[0] = last;
    s->parts[0].comb = 0;
    s->nparts = 1;
}

bool css_selector_parse(const char *s, const char *end, css_selector *out)
{
    memset(out, 0, sizeof *out);
    out->sure = true;
    css_compound *c = NULL;
    char comb = 0;
    bool pending_space = false;
    for (const char *p = s; p < end;) {
        unsigned char ch = (unsigned char)*p;
        if (isspace(ch)) {
            pending_space = c != NULL;
            p++;
            continue;
        }
        if (ch == '>' || ch == '+' || ch == '~') {
            if (!c)
                goto broken;
            if (ch != '>')
                out->sure = false;   /* siblings: not answered */
            comb = '>';
            pending_space = false;
            p++;
            continue;
        }
        if (!c || pending_space || comb) {
            if (out->nparts == CSS_SEL_PARTS) {
                /* a longer chain than we follow: its last compound only */
                out->sure = false;
                sel_keep_last(out);
            }
            c = &out->parts[out->nparts++];
            c->comb = c == out->parts ? 0 : comb ? comb : ' ';
            comb = 0;
            pending_space = false;
        }
        if (ch == '.' || ch == '#') {
            p++;
            char *name = sel_read_name(&p, end);
            if (!name)
                goto broken;
            out->spec += ch == '#' ? CSS_SPEC_ID : CSS_SPEC_CLASS;
            sel_add_test(c, (char)ch, false, name);
        } else if (ch == '*') {
            p++;
        } else if (ch == '[') {
            out->spec += CSS_SPEC_CLASS;
            out->sure = false;
            p = sel_skip_group(p, end, '[', ']');
        } else if (ch == ':') {
            p++;
            if (p < end && *p == ':')
                goto broken;   /* a pseudo-element */
            const char *name = p;
            while (p < end && sel_name_char((unsigned char)*p))
                p++;
            size_t len = (size_t)(p - name);
            if (sel_pseudo_element(name, len))
                goto broken;
            if (len == 3 && !strncasecmp(name, "not", 3) && p < end && *p == '(') {
                const char *after = sel_read_not(p + 1, end, c, &out->spec);
                if (after) {
                    p = after;
                    continue;
                }
            }
            out->spec += CSS_SPEC_CLASS;
            out->sure = false;
            if (p < end && *p == '(')
                p = sel_skip_group(p, end, '(', ')');
        } else if (sel_name_char(ch)) {
            char *name = sel_read_name(&p, end);
            for (char *q = name; q && *q; q++)
                *q = (char)tolower((unsigned char)*q);
            out->spec += 1;
            sel_add_test(c, 't', false, name);
        } else {
            goto broken;
        }
    }
    if (!c || comb)
        goto broken;
    if (!out->sure)
        sel_keep_last(out);   /* unsure: the last compound's names stand for it */
    return true;
broken:
    css_selector_free(out);
    return false;
}

/* A class test reads the element's whole list of classes: a long list
 * costs a step for each CSS_CLASS_BYTES_PER_STEP bytes of it, so that a
 * page of deep boxes of a hundred classes each stays within the budget's
 * time as a page of plain boxes does. */
#define CSS_CLASS_BYTES_PER_STEP 32

static bool sel_compound_match(const css_compound *c, xmlNodePtr n, int *budget)
{
    const char *cls = xml_attr_ref(n, "class");
    const char *id = xml_attr_ref(n, "id");
    int cost = -1;
    for (int t = 0; t < c->ntests; t++) {
        const css_test *test = &c->tests[t];
        if (test->kind == '.' && cls) {
            if (cost < 0)
                cost = (int)(strlen(cls) / CSS_CLASS_BYTES_PER_STEP);
            *budget -= cost;
        }
        bool hit = test->kind == '.'   ? xml_class_has(cls, test->name)
                   : test->kind == '#' ? id && !strcmp(id, test->name)
                                       : !strcasecmp((const char *)n->name, test->name);
        if (hit == test->negate)
            return false;
    }
    return true;
}

/* Compound I and those left of it match at N; *BUDGET bounds the
 * compounds tried, so that no chain of descendant combinators over a deep
 * page costs more than a few steps. */
static bool sel_match_from(const css_selector *s, int i, xmlNodePtr n, int *budget)
{
    if (--*budget < 0 || !sel_compound_match(&s->parts[i], n, budget))
        return false;
    if (i == 0)
        return true;
    /* Joined by descendant combinators alone, the compounds left of I
     * match above the nearest ancestor that matches I - 1 if above any:
     * a farther one leaves them fewer ancestors. Only a child combinator
     * among them needs the farther ones tried. */
    bool nearest = true;
    for (int j = 1; j <= i && nearest; j++)
        nearest = s->parts[j].comb != '>';
    for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
        if (nearest && i - 1 > 0) {
            if (--*budget < 0)
                return false;
            if (!sel_compound_match(&s->parts[i - 1], a, budget))
                continue;
            ++*budget;   /* sel_match_from counts this compound again */
            return sel_match_from(s, i - 1, a, budget);
        }
        if (sel_match_from(s, i - 1, a, budget))
            return true;
        if (s->parts[i].comb == '>')
            break;
    }
    return false;
}

bool css_selector_match(const css_selector *s, xmlNodePtr n, int *budget)
{
    return s->nparts && sel_match_from(s, s->nparts - 1, n, budget);
}

size_t css_selector_key(const css_selector *s, char *key, size_t size)
{
    const css_compound *c = &s->parts[s->nparts - 1];
    const css_test *best = NULL;
    for (int t = 0; t < c->ntests; t++) {
        const css_test *test = &c->tests[t];
        if (test->negate)
            continue;
        /* an id narrows most, then a class, then a tag */
        int rank = test->kind == '#' ? 3 : test->kind == '.' ? 2 : 1;
        int best_rank = !best ? 0 : best->kind == '#' ? 3 : best->kind == '.' ? 2 : 1;
        if (rank > best_rank)
            best = test;
    }
    if (!best)
        return (size_t)snprintf(key, size, "*");
    if (best->kind == 't')
        return (size_t)snprintf(key, size, "%s", best->name);
    return (size_t)snprintf(key, size, "%c%s", best->kind, best->name);
}

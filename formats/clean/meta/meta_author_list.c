/* An author string as the page wrote it, set the way folio writes every
 * list of authors: names in Latin letters joined by "and" or "&" ("Ola
 * Brennan and Kit Moran") become "Ola Brennan, Kit Moran", and a tail after
 * the last name that names the outlet or the writer's post ("…, CNN",
 * "…, Patch Staff") goes. */
#include "clean/meta/page_meta_int.h"
#include "util/utf8.h"

#include <stdlib.h>
#include <string.h>

/* The words that close a writer's post after the name: "Patch Staff",
 * "Staff Writer", "Senior Correspondent". */
static bool role_word(const char *w, size_t n)
{
    static const char *const words[] = { "Staff", "Writer", "Reporter", "Correspondent", "Contributor",
                                         "Columnist", "Editor", "Producer", "Writers", "Reporters",
                                         "Correspondents", "Contributors", "Columnists", "Editors",
                                         "Producers", NULL };
    for (int i = 0; words[i]; i++)
        if (strlen(words[i]) == n && !strncmp(w, words[i], n))
            return true;
    return false;
}

/* S[0..N) is a person's name in Latin letters: two to four words, each
 * a capital and small letters ("Ola", "O'Neill", "Brandt-Nakamura") or an
 * initial ("J."), a particle in small letters between them ("van",
 * "de"). Not a shouted outlet ("USA TODAY") or an office ("Ministry of
 * Housing"). */
#define NAME_WORDS 4

static bool particle(const char *w, size_t n)
{
    static const char *const words[] = { "de", "da", "di", "del", "van", "von", "der", "den", "du",
                                         "la", "le", "bin", "al", "dos", "das", NULL };
    for (int i = 0; words[i]; i++)
        if (strlen(words[i]) == n && !strncmp(w, words[i], n))
            return true;
    return false;
}

static bool name_word(const char *w, size_t n)
{
    if (n == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.')
        return true;   /* an initial */
    if (!(w[0] >= 'A' && w[0] <= 'Z'))
        return false;
    bool small = false;
    for (size_t i = 1; i < n;) {
        int len;
        uint32_t c = utf8_decode(w + i, n - i, &len);
        if (!cp_is_latin(c) && c != '-' && c != '\'' && c != 0x2019)
            return false;
        small |= (c >= 'a' && c <= 'z') || c >= 0xDF;
        i += (size_t)len;
    }
    return small;
}

static bool latin_name(const char *s, size_t n)
{
    int words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t start = i;
        while (i < n && s[i] != ' ')
            i++;
        bool last = i >= n || s[i + strspn(s + i, " ")] == '\0' || i + strspn(s + i, " ") >= n;
        if (name_word(s + start, i - start))
            words++;
        else if (!(words && !last && particle(s + start, i - start)))
            return false;
    }
    return words >= 2 && words <= NAME_WORDS;
}

/* The separator between two names at S[I]: ", and ", " and ", " & ", ", ". */
static size_t name_sep(const char *s, size_t i)
{
    static const char *const seps[] = { ", and ", " and ", " & ", ", ", NULL };
    for (int k = 0; seps[k]; k++)
        if (!strncmp(s + i, seps[k], strlen(seps[k])))
            return strlen(seps[k]);
    return 0;
}

/* V's names joined by ", ", when V is two or more Latin names joined by
 * commas, "and" or "&"; else NULL. */
char *pm_latin_name_list(const char *v)
{
    size_t n = strlen(v), start = 0, names = 0;
    buf_t out;
    buf_init(&out);
    bool ok = true;
    for (size_t i = 0; i <= n && ok; i++) {
        size_t k = i < n ? name_sep(v, i) : 1;
        if (!k)
            continue;
        ok = latin_name(v + start, i - start);
        if (ok) {
            if (names++)
                buf_puts(&out, ", ");
            buf_add(&out, v + start, i - start);
        }
        start = i + k;
        i = start - 1;
    }
    char *r = ok && names >= 2 ? buf_detach(&out) : NULL;
    buf_free(&out);
    return r;
}

/* Is TAIL, what follows a byline's last comma, the outlet or the
 * writer's post rather than another name? */
static bool outlet_or_post(const pm_page *p, const char *tail, const char *publisher)
{
    size_t n = strlen(tail);
    const char *last = tail + n;
    while (last > tail && last[-1] != ' ')
        last--;
    if (role_word(last, (size_t)(tail + n - last)))
        return true;
    return pm_not_author(p, tail, publisher) != NULL;
}

void pm_tidy_author(const pm_page *p, const char *publisher, char **v)
{
    char *comma = strrchr(*v, ',');
    char *head = comma ? xstrndup(*v, (size_t)(comma - *v)) : NULL;
    char *names = head ? pm_latin_name_list(head) : NULL;
    bool named = head && (latin_name(head, strlen(head)) || names);
    free(head);
    free(names);
    if (named && comma[1] == ' ' && comma[2] &&
        outlet_or_post(p, comma + 2, publisher) && utf8_length(comma + 2, strlen(comma + 2)) <= 40) {
        if (p->explain)
            fprintf(p->explain, "author: \"%s\" left off \"%s\": the outlet or the writer's post\n", *v, comma + 2);
        *comma = '\0';
    }
    char *list = pm_latin_name_list(*v);
    if (list) {
        free(*v);
        *v = list;
    }
}

bool pm_person_name(const char *v)
{
    return latin_name(v, strlen(v));
}

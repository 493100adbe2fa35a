#include "util/month_name.h"

#include <string.h>
#include <strings.h>

/* Each month's names, lower case; Polish, Russian and Greek in the form a
 * date takes ("12 marca", "12 марта"). */
static const char *const month_names[12][12] = {
    { "january", "januar", "janvier", "enero", "janeiro", "gennaio", "januari", "stycznia", "января",
      "ιανουαρίου", NULL },
    { "february", "februar", "février", "fevrier", "febrero", "fevereiro", "febbraio", "februari", "lutego",
      "февраля", "φεβρουαρίου", NULL },
    { "march", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "marca", "марта", "μαρτίου", NULL },
    { "april", "avril", "abril", "aprile", "kwietnia", "апреля", "απριλίου", NULL },
    { "may", "mai", "mayo", "maio", "maggio", "mei", "maj", "maja", "мая", "μαΐου", NULL },
    { "june", "juni", "juin", "junio", "junho", "giugno", "czerwca", "июня", "ιουνίου", NULL },
    { "july", "juli", "juillet", "julio", "julho", "luglio", "lipca", "июля", "ιουλίου", NULL },
    { "august", "août", "aout", "agosto", "augustus", "augusti", "sierpnia", "августа", "αυγούστου", NULL },
    { "september", "septembre", "septiembre", "setiembre", "setembro", "settembre", "września", "сентября",
      "σεπτεμβρίου", NULL },
    { "october", "oktober", "octobre", "octubre", "outubro", "ottobre", "października", "октября",
      "οκτωβρίου", NULL },
    { "november", "novembre", "noviembre", "novembro", "listopada", "ноября", "νοεμβρίου", NULL },
    { "december", "dezember", "décembre", "decembre", "diciembre", "dezembro", "dicembre", "grudnia",
      "декабря", "δεκεμβρίου", NULL },
};

size_t month_word_len(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)p[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            i++;
        else if (c >= 0xc3 && c <= 0xd4 && i + 1 < n && ((unsigned char)p[i + 1] & 0xc0) == 0x80)
            i += 2;   /* U+00C0 to U+053F: Latin letters with marks, Greek, Cyrillic */
        else
            break;
    }
    return i;
}

/* W (N bytes) against NAME, ASCII case ignored. */
static bool month_prefix(const char *w, size_t n, const char *name)
{
    if (strlen(name) < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)w[i], b = (unsigned char)name[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a - 'A' + 'a');
        if (a != b)
            return false;
    }
    return true;
}

int month_name_number(const char *w, size_t n, bool *abbrev)
{
    *abbrev = false;
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++)
        for (int i = 0; month_names[m][i]; i++)
            if (strlen(month_names[m][i]) == n && month_prefix(w, n, month_names[m][i]))
                return m + 1;
    /* an abbreviation: three letters at least, of Latin script, naming
     * one month only */
    if (((unsigned char)w[0] & 0x80) || n > 6)
        return 0;
    int found = 0;
    for (int m = 0; m < 12; m++)
        for (int i = 0; month_names[m][i]; i++)
            if (month_prefix(w, n, month_names[m][i])) {
                if (found && found != m + 1)
                    return 0;
                found = m + 1;
            }
    *abbrev = found != 0;
    return found;
}

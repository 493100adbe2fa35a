/* Internals shared by the site_rules_*.c files. Not for other modules. */
#ifndef FOLIO_SITE_RULES_INT_H
#define FOLIO_SITE_RULES_INT_H
#include "clean/rules/site_rules.h"
#include <stddef.h>

/* ---- site_rules_read.c ---- */

/* The directive names, indexed by site_rule_kind. */
extern const char *const sr_kind_names[];

/* An XPath context on DOC (NULL: for compiling only) that keeps libxml2's
 * error messages to itself. */
xmlXPathContextPtr sr_context(xmlDocPtr doc);

#endif

/* The site rules folder a tool reads: one search order for folio-clean
 * and folio-batch. */
#ifndef FOLIO_RULES_FOLDER_H
#define FOLIO_RULES_FOLDER_H

/* OPTION (--rules) when given, else $FOLIO_RULES (set and empty: none),
 * else the folder make install filled, when it is there; NULL for none.
 * *FROM says which ("--rules ", "FOLIO_RULES=" or ""), for the message
 * when a folder the user named is missing. */
const char *rules_folder(const char *option, const char **from);

/* The installed folder, PREFIX/share/folio/rules, as compiled in. */
const char *rules_folder_installed(void);

#endif

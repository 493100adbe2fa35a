#include "common/rules_folder.h"

#include <stdlib.h>
#include <unistd.h>

#ifndef FOLIO_RULES_DEFAULT
#error "FOLIO_RULES_DEFAULT (PREFIX/share/folio/rules) must be defined"
#endif

const char *rules_folder_installed(void)
{
    return FOLIO_RULES_DEFAULT;
}

const char *rules_folder(const char *option, const char **from)
{
    const char *env = getenv("FOLIO_RULES");
    *from = "--rules ";
    if (option)
        return option;
    *from = "FOLIO_RULES=";
    if (env)
        return *env ? env : NULL;
    *from = "";
    return access(FOLIO_RULES_DEFAULT, F_OK) == 0 ? FOLIO_RULES_DEFAULT : NULL;
}

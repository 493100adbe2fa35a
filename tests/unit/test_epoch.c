/* Unit tests for reading SOURCE_DATE_EPOCH. */
#include "util/epoch.h"

#include <stdio.h>
#include <stdlib.h>

#include "unit.h"

static void test_parse(void)
{
    time_t t = -1;
    OK("zero", epoch_parse("0", &t) == 0 && t == 0);
    OK("a time", epoch_parse("1700000000", &t) == 0 && t == 1700000000);
    OK("leading zeros", epoch_parse("0001700000000", &t) == 0 && t == 1700000000);
    OK("the last second of 9999", epoch_parse("253402300799", &t) == 0 && t == EPOCH_MAX);
    t = 7;
    OK("one second more", epoch_parse("253402300800", &t) != 0 && t == 7);
    OK("too many digits", epoch_parse("99999999999999999999", &t) != 0);
    OK("empty", epoch_parse("", &t) != 0);
    OK("a sign", epoch_parse("-1", &t) != 0 && epoch_parse("+1", &t) != 0);
    OK("spaces", epoch_parse(" 1", &t) != 0 && epoch_parse("1 ", &t) != 0);
    OK("a word", epoch_parse("yesterday", &t) != 0 && epoch_parse("1e9", &t) != 0);
    OK("a fraction", epoch_parse("1.5", &t) != 0);
}

static void test_env(void)
{
    bool set = true;
    time_t t = 0;
    const char *text = NULL;
    unsetenv("SOURCE_DATE_EPOCH");
    OK("unset", epoch_from_env(&set, &t, &text) == 0 && !set);
    setenv("SOURCE_DATE_EPOCH", "", 1);
    set = true;
    OK("empty is unset", epoch_from_env(&set, &t, &text) == 0 && !set);
    setenv("SOURCE_DATE_EPOCH", "1573603200", 1);
    OK("set", epoch_from_env(&set, &t, &text) == 0 && set && t == 1573603200);
    setenv("SOURCE_DATE_EPOCH", "soon", 1);
    OK("refused, with the text", epoch_from_env(&set, &t, &text) != 0 && !set && text && !strcmp(text, "soon"));
}

int main(void)
{
    test_parse();
    test_env();
    printf("test_epoch: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

/* Unit tests for util/json_string: a string literal's end found and its
 * escapes undone as JSON and scripts write them. */
#include "util/json_string.h"

#include <stdio.h>
#include <string.h>

#include "unit.h"

static const char *decoded(const char *s)
{
    static buf_t out;
    buf_reset(&out);
    json_string_decode(&out, s, strlen(s));
    return out.data ? out.data : "";
}

int main(void)
{
    const char lit[] = "a \\\"quoted\\\" word\", \"next\"";
    EQ("the end skips an escaped quote", lit + json_string_end(lit, strlen(lit)), "\", \"next\"");
    OK("an unclosed string runs to the end", json_string_end("abc\\\"", 5) == 5);
    OK("a backslash last escapes nothing past the end", json_string_end("ab\\", 3) == 3);
    EQ("markup escaped for a script element", decoded("\\u003cp\\u003e\\u6587\\u003c/p\\u003e"), "<p>文</p>");
    EQ("a surrogate pair is one character", decoded("\\ud83d\\ude00"), "\xF0\x9F\x98\x80");
    EQ("a lone surrogate is a replacement", decoded("\\ud83dx"), "\xEF\xBF\xBDx");
    EQ("short escapes", decoded("a\\nb\\tc\\/d\\\\e\\\"f"), "a\nb\tc/d\\e\"f");
    EQ("a \\u without four digits is the letter", decoded("\\u12"), "u12");
    EQ("a backslash last stays", decoded("ab\\"), "ab\\");
    printf("test_json_string: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}

/* The WARC reader (in progress). */
#include "capture_int.h"

int capture_open_warc(capture *c, buf_t *why)
{
    (void)c;
    buf_puts(why, "WARC input is not read yet");
    return -1;
}

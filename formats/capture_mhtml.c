/* The MHTML reader (in progress). */
#include "capture_int.h"

int capture_open_mhtml(capture *c, buf_t *why)
{
    (void)c;
    buf_puts(why, "MHTML input is not read yet");
    return -1;
}

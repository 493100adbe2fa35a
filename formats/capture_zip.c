/* The ZIP reader (in progress). */
#include "capture_int.h"

int capture_open_zip(capture *c, buf_t *why)
{
    (void)c;
    buf_puts(why, "ZIP input is not read yet");
    return -1;
}

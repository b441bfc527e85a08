/* The C a module sees as @import("c") when no build.extra.h sits beside it:
 * the common parts of libc (wasi-libc in WebAssembly, which has no threads). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifndef __wasi__
#include <pthread.h>
#endif

/* What twice.zig sees as @import("c"): found through getIncludePaths. */
#include "twice.h"

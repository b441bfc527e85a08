//! Calls libc through `@import("c")`, which with no build.extra.h beside
//! this file is zigport's default header.
const c = @import("c");

/// Length of `text` as C's strlen counts it.
pub fn length(text: [*:0]const u8) usize {
    return c.strlen(text);
}

/// `n` without its sign, by C's abs.
pub fn absolute(n: i32) i32 {
    return c.abs(n);
}

//! Calls a C function compiled from src/twice.c, which build.extra.zig adds
//! to the module; build.extra.h declares it through include/twice.h.
const c = @import("c");

/// Twice the sum of `a` and `b`, computed in C.
pub fn addTwice(a: i32, b: i32) i32 {
    return c.add_twice(a, b);
}

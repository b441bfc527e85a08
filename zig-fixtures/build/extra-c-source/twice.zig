//! Calls a C function compiled from src/twice.c, which build.extra.zig adds
//! to the module; build.extra.h declares it through include/twice.h.
const c = @import("c");

/// Twice the sum of `a` and `b`, computed in C.
pub fn addTwice(a: i32, b: i32) i32 {
    return c.add_twice(a, b);
}

// C's own declarations, exported as they are: a C enum's values are
// integers, a C struct is an extern struct, `const char *` a C string.
pub const shape_sides = c.shape_sides;
pub const point_scaled = c.point_scaled;
pub const shape_name = c.shape_name;
pub const SHAPE_SQUARE = c.SHAPE_SQUARE;
pub const Point = c.struct_point;

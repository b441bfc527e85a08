//! A module whose namespace holds variables, constants and functions, for
//! iterating it and turning it into a plain object.
pub var counter: i32 = 3;
pub const limit: u64 = 1 << 40;
pub const origin: Point = .{ .x = 1, .y = 2 };
pub const Point = struct { x: i32, y: i32 };

pub fn bump() void {
    counter += 1;
}

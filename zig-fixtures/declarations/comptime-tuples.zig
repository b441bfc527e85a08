//! Constants made only of comptime values: a tuple and a struct literal
//! holding types, enum literals, comptime numbers and null.
pub const Point = struct { x: i32, y: i32 };
pub const kinds = .{ u8, Point, .fast, 42, null };
pub const settings = .{ .name_len = 3, .mode = .compact, .Element = i16 };

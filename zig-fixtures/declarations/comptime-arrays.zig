//! Arrays of comptime-only values (types, enum literals, comptime numbers),
//! and a slice and a pointer that reach one.
pub const Point = struct { x: i32, y: i32 };
pub const types = [_]type{ u8, i16, Point };
pub const modes = [_]@TypeOf(.enum_literal){ .fast, .small };
pub const sizes = [_]comptime_int{ 1, 2, 1 << 70 };
pub const ratios = [_]comptime_float{ 0.5, 0.25 };
pub const type_slice: []const type = &.{ u16, Point };
pub const type_pointer = &[_]type{ i8, f32 };

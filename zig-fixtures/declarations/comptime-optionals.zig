//! Optionals of comptime-only values, alone and as array elements.
pub const Point = struct { x: i32, y: i32 };
pub const some_type: ?type = Point;
pub const no_type: ?type = null;
pub const some_count: ?comptime_int = 5;
pub const some_mode: ?@TypeOf(.enum_literal) = .fast;
pub const maybe_types = [_]?type{ u8, null };
